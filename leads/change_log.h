// The store's change log as correlation reads it: which adverts changed
// since the last correlation (store/store.h, meta_keys::kChanged).
//
// Correlation reads the log before it loads the corpus and clears exactly
// the entries it read once its leads are written, so a change made while
// it runs stays logged for the next one. Today's correlation is still the
// full one and only counts the changes; the incremental path
// (docs/incremental_correlation.md) will recompute what they touch.
//
// Thread safety: the functions hold no state; the Store is safe to share.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct ChangeLog {
  std::vector<std::string> advert_ids;         // in id order
  std::map<std::string, size_t> by_kind;       // "new" -> 12, "removed" -> 3, …
  // The meta entries read (key, value), to clear only those not rewritten
  // since: a second change to an advert while correlation runs stays logged.
  std::vector<std::pair<std::string, std::string>> entries;
};

Result<ChangeLog> ReadChangeLog(const Store& store);

// Deletes the entries `log` was read from, in one atomic write, except any
// rewritten (a later change of the same advert) since they were read.
Status ClearChangeLog(Store& store, const ChangeLog& log);

}  // namespace plainsight
