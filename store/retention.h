// Retention: adverts not seen for retention_days are deleted, unless they
// belong to a lead that is flagged (score >= the listing threshold) or that
// an analyst has acted on (any status but "new"). Evidence behind a lead is
// never purged from under the analyst.
//
// Not thread-safe against concurrent writers: callers hold the store's lock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct PurgeSummary {
  std::vector<std::string> purged;  // advert ids (to be) deleted
  size_t kept_for_leads = 0;        // expired, but held by a flagged or reviewed lead
  size_t examined = 0;
};

Result<PurgeSummary> PurgeExpired(Store& store, int retention_days, double flagged_min_score,
                                  std::int64_t now, bool dry_run);

}  // namespace plainsight
