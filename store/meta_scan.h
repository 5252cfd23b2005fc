// Small reads over the store's meta family shared by the modules that keep
// an index there (image references, link holders): the keys under a
// prefix, by what follows it. Free functions; safe wherever the Store is.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

// What follows `prefix` in each meta key under it, in key order.
inline Result<std::vector<std::string>> MetaKeySuffixes(const Store& store,
                                                        const std::string& prefix) {
  std::vector<std::string> suffixes;
  Status s = store.ForEachMeta(prefix, [&](const std::string& key, const std::string&) {
    suffixes.push_back(key.substr(prefix.size()));
    return true;
  });
  if (!s.ok()) return s;
  return suffixes;
}

}  // namespace plainsight
