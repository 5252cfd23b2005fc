#include "store/retention.h"

#include <unordered_set>

#include "store/image_record.h"

namespace plainsight {

Result<PurgeSummary> PurgeExpired(Store& store, int retention_days, double flagged_min_score,
                                  std::int64_t now, bool dry_run) {
  std::unordered_set<std::string> protected_ids;
  Status s = store.ForEachLead([&](const LeadRecord& lead) {
    if (lead.score >= flagged_min_score || lead.status != "new") {
      protected_ids.insert(lead.advert_ids.begin(), lead.advert_ids.end());
    }
    return true;
  });
  if (!s.ok()) return s;
  const std::int64_t cutoff = now - std::int64_t{retention_days} * 86400;
  PurgeSummary summary;
  s = store.ForEachAdvert([&](const AdvertRecord& a) {
    ++summary.examined;
    if (a.last_seen >= cutoff) return true;
    if (protected_ids.count(a.id) != 0) {
      ++summary.kept_for_leads;
      return true;
    }
    summary.purged.push_back(a.id);
    return true;
  });
  if (!s.ok()) return s;
  if (!dry_run) {
    for (const std::string& id : summary.purged) {
      // Images first: a purge killed between the two leaves the expired
      // advert, which the next purge deletes with whatever is left of them.
      s = DeleteAdvertImages(store, id);
      if (!s.ok()) return s;
      s = store.DeleteAdvert(id);
      if (!s.ok()) return s;
    }
  }
  return summary;
}

}  // namespace plainsight
