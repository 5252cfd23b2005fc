// LeadIndexDelta: what a write of leads changes in the lead-of-advert index
// (meta_keys::kLeadOf: advert id -> id of the stored lead listing it), so
// the store keeps the index in the same atomic write as the leads.
//
// A lead rewritten keeps the keys of the adverts it still lists and only
// drops or adds the others; a lead deleted drops all of its keys. The
// drops are written before the adds, so an advert moved from one lead to
// another in one write ends with the key of the lead that lists it now,
// whatever order the leads came in.
//
// A value type; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/advert.h"

namespace plainsight {

class LeadIndexDelta {
 public:
  // A lead written over `before` (null: a new lead) as `after` (null: the
  // lead deleted). Only id and advert_ids are read.
  void Add(const LeadRecord* before, const LeadRecord* after);

  // Keys to delete, then (key, lead id) to put, in that order.
  const std::vector<std::string>& drops() const { return drops_; }
  const std::vector<std::pair<std::string, std::string>>& adds() const { return adds_; }
  // Leads added minus leads deleted.
  std::int64_t lead_change() const { return lead_change_; }

 private:
  std::vector<std::string> drops_;
  std::vector<std::pair<std::string, std::string>> adds_;
  std::int64_t lead_change_ = 0;
};

// The index key of `advert_id`.
std::string LeadOfKey(const std::string& advert_id);

}  // namespace plainsight
