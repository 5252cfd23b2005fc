// HostLedger: when any worker of a namespace last sent a request to a host,
// kept in Redis so politeness holds across workers. When a bucket changes
// owner, the new owner asks LastRequest() and waits until last + delay
// before its first request, even though the old owner's own scheduler state
// died with it.
//
// Key layout (one key per recently requested host):
//   plainsight:<ns>:host:<host>:last  ->  decimal Unix milliseconds, PX retention
// Host names are lowercased (ASCII) first; `ns` is non-empty without ':'.
//
// The stored time never goes backwards: RecordRequest stores
// max(stored, unix_ms) in one Lua script, so a late write from a slow worker
// (or one with a lagging clock) cannot shorten the next owner's wait. Each
// advance restarts the key's expiry; `retention` (default 5 minutes) must
// exceed the longest politeness delay, since an expired key reads as "never
// requested".
//
// Clocks: the times are the workers' wall clocks; keep them in NTP sync.
// Errors: transport failures as the connection gives them (Unavailable);
// error replies as IoError; a stored value that is not a number as
// Corruption; InvalidArgument for an empty host, a bad namespace or a
// negative time.
// Threads: not thread-safe, like the RedisConnection it uses. Ownership:
// holds a reference to `redis`, which must outlive it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cluster/redis_connection.h"
#include "core/status.h"

namespace plainsight::cluster {

class HostLedger {
 public:
  HostLedger(RedisConnection& redis, std::string ns,
             std::chrono::milliseconds retention = std::chrono::minutes(5));

  // Returns what is stored afterwards: unix_ms, or a later time already there.
  Result<std::int64_t> RecordRequest(std::string_view host, std::int64_t unix_ms);
  // nullopt when no request was recorded within the retention.
  Result<std::optional<std::int64_t>> LastRequest(std::string_view host);
  // The earliest Unix ms this worker may send `host` a request: last + delay,
  // or now_unix_ms when that is later (or nothing was recorded).
  Result<std::int64_t> EarliestNextRequest(std::string_view host, std::chrono::milliseconds delay,
                                           std::int64_t now_unix_ms);

 private:
  Result<std::string> KeyFor(std::string_view host) const;

  RedisConnection& redis_;
  std::string ns_;
  std::chrono::milliseconds retention_;
};

}  // namespace plainsight::cluster
