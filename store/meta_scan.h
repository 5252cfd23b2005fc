// Small reads and writes over the store's meta family shared by the
// modules that keep an index there (image references, the template index,
// link counts): the keys under a prefix, and a writer that batches puts
// and deletes (Store::ClearMetaPrefixes deletes everything under some
// prefixes). Free functions and a plain value; safe wherever the Store is.
#pragma once

#include <string>
#include <utility>
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

// Buffers meta puts and deletes, writing them `batch` at a time (each
// write atomic; the whole is not: callers mark an index unfinished first).
class MetaBatchWriter {
 public:
  explicit MetaBatchWriter(Store& store, size_t batch = 20000) : store_(store), batch_(batch) {}
  Status Put(std::string key, std::string value) {
    puts_.emplace_back(std::move(key), std::move(value));
    return MaybeFlush();
  }
  Status Delete(std::string key) {
    deletes_.push_back(std::move(key));
    return MaybeFlush();
  }
  Status Flush() {
    Status s = store_.WriteMetas(puts_, deletes_);
    puts_.clear();
    deletes_.clear();
    return s;
  }

 private:
  Status MaybeFlush() { return puts_.size() + deletes_.size() >= batch_ ? Flush() : Status::OK(); }
  Store& store_;
  size_t batch_;
  std::vector<std::pair<std::string, std::string>> puts_;
  std::vector<std::string> deletes_;
};

}  // namespace plainsight
