// Lead ids that stay put: a new lead that overlaps earlier leads takes an
// earlier id, so an analyst's notes and review status follow the group.
//
//   - Merge: a group overlapping several earlier leads keeps the oldest one's
//     id and lists the others in merged_from.
//   - Split: when an earlier lead's adverts now fall into several groups,
//     the group holding most of them keeps the id; the others get new ids
//     with split_from naming it.
//   - Growth: a reviewed (or escalated, dismissed) lead that gains adverts
//     becomes "updated"; status, created_at and merged_from carry over.
//
// Assignment is greedy over (earlier lead, oldest first) x (overlap, largest
// first), so it is deterministic. A free function: safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/advert.h"

namespace plainsight {

struct LeadIdStats {
  size_t new_leads = 0;
  size_t updated_leads = 0;  // reviewed leads that gained adverts
  size_t split_leads = 0;    // groups split off an earlier lead
};

// Fills id, status, created_at, updated_at, merged_from and split_from of
// each of `leads` (advert_ids must be sorted).
LeadIdStats AssignLeadIds(const std::vector<LeadRecord>& previous, std::int64_t now,
                          std::vector<LeadRecord>* leads);
// The same, where `previous` are some of the stored leads and
// `taken_elsewhere` says whether an id is one of the others', which no new
// lead may take (an incremental run; asked only of ids a new lead would
// take, so rarely).
LeadIdStats AssignLeadIds(const std::vector<LeadRecord>& previous, std::int64_t now,
                          std::vector<LeadRecord>* leads,
                          const std::function<bool(const std::string&)>& taken_elsewhere);

}  // namespace plainsight
