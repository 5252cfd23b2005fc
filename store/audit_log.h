// AuditLog: the append-only record of every analyst action on a store
// (<store>/audit.log, one JSON object per line, mode 0600).
//
// A plain file rather than a RocksDB family so that an analyst's query is
// recorded even while a scheduled run holds the store's lock: each Append is
// one O_APPEND write() followed by fdatasync(), which the kernel keeps whole
// between processes. Thread-safe; entries are never changed or removed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"

namespace plainsight {

struct AuditEntry {
  std::int64_t at = 0;  // unix seconds
  std::string user;     // analyst name, else the OS user
  std::string command;  // "leads", "show", "review", "purge", …
  std::string arguments;
  std::int64_t results = 0;
};

class AuditLog {
 public:
  explicit AuditLog(std::string store_dir);
  // The entry is on disk when this returns OK.
  Status Append(const AuditEntry& entry) const;
  // Entries at or after `since`, oldest first, until `visit` returns false.
  // A torn last line (a crash mid-write) is reported, not skipped silently.
  Status ForEach(std::int64_t since, const std::function<bool(const AuditEntry&)>& visit) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace plainsight
