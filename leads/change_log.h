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
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct ChangeLog {
  std::vector<std::string> advert_ids;         // in id order
  std::map<std::string, size_t> by_kind;       // "new" -> 12, "removed" -> 3, …
  std::vector<std::string> keys;               // the meta keys read, to clear
};

Result<ChangeLog> ReadChangeLog(const Store& store);

// Deletes the entries `log` was read from, in one atomic write.
Status ClearChangeLog(Store& store, const ChangeLog& log);

}  // namespace plainsight
