#include "store/lead_index.h"

#include <algorithm>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

std::vector<std::string> SortedAdverts(const LeadRecord* lead) {
  if (lead == nullptr) return {};
  std::vector<std::string> ids = lead->advert_ids;
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

std::string LeadOfKey(const std::string& advert_id) { return meta_keys::kLeadOf + advert_id; }

void LeadIndexDelta::Add(const LeadRecord* before, const LeadRecord* after) {
  lead_change_ += (after != nullptr ? 1 : 0) - (before != nullptr ? 1 : 0);
  // A lead that keeps its id keeps the keys of the adverts it still lists.
  const bool same_lead = before != nullptr && after != nullptr && before->id == after->id;
  const std::vector<std::string> old_ids = SortedAdverts(before);
  const std::vector<std::string> new_ids = SortedAdverts(after);
  for (const std::string& id : old_ids) {
    if (!same_lead || !std::binary_search(new_ids.begin(), new_ids.end(), id)) {
      drops_.push_back(LeadOfKey(id));
    }
  }
  for (const std::string& id : new_ids) {
    if (!same_lead || !std::binary_search(old_ids.begin(), old_ids.end(), id)) {
      adds_.emplace_back(LeadOfKey(id), after->id);
    }
  }
}

}  // namespace plainsight
