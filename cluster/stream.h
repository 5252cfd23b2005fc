// StreamQueue: a durable work queue over Redis streams and consumer groups.
//
// Producers Add() entries (field/value pairs) to a stream; each consumer
// group delivers every entry to one of its consumers; a consumer Ack()s an
// entry once it is done with it. An entry read but never acknowledged (the
// consumer crashed) stays pending in the group; after `min_idle` any other
// consumer takes it over with ClaimIdle(). So every entry is handled at least
// once; handlers must tolerate a repeat (a consumer that stalled past
// min_idle and then acks). Durability is Redis's: with appendonly and
// appendfsync always, an Add that returned survives a Redis crash.
//
// Commands: EnsureGroup = XGROUP CREATE <stream> <group> $ MKSTREAM (an
// existing group is fine: BUSYGROUP is not an error). A new group starts
// at the stream's end ($), so it is not flooded with history; entries added
// before the group existed are not delivered to it: create groups before
// producers start. Add = XADD * (the entry id is Redis's, "ms-seq");
// ReadNew = XREADGROUP ... > (entries never delivered to this group);
// ClaimIdle = XAUTOCLAIM (Redis >= 6.2); PendingCount = XPENDING's total;
// TrimAcknowledged = XTRIM MINID (Redis >= 6.2) in a Lua script with the
// XINFO GROUPS and XPENDING it is computed from.
//
// `count` (at most that many entries per call) of 0 is taken as 1.
// `block` in ReadNew: how long Redis may wait for new entries; 0 returns at
// once (unlike Redis's BLOCK 0, which waits forever). The connection's
// reply timeout is stretched by `block` for that call.
//
// Errors: transport failures as the connection gives them (Unavailable);
// error replies as IoError; InvalidArgument for empty names or fields.
// Threads: not thread-safe, like the RedisConnection it uses. Ownership:
// holds a reference to `redis`, which must outlive it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cluster/redis_connection.h"
#include "core/status.h"

namespace plainsight::cluster {

struct StreamEntry {
  std::string id;  // "1700000000000-0"
  std::vector<std::pair<std::string, std::string>> fields;
};

class StreamQueue {
 public:
  explicit StreamQueue(RedisConnection& redis) : redis_(redis) {}

  Status EnsureGroup(const std::string& stream, const std::string& group);
  Result<std::string> Add(const std::string& stream,
                          const std::vector<std::pair<std::string, std::string>>& fields);
  Result<std::vector<StreamEntry>> ReadNew(const std::string& stream, const std::string& group,
                                           const std::string& consumer, std::size_t count,
                                           std::chrono::milliseconds block);
  // How many of `ids` were pending and are now acknowledged.
  Result<std::int64_t> Ack(const std::string& stream, const std::string& group,
                           const std::vector<std::string>& ids);
  // Up to `count` entries pending in the group for at least `min_idle`, now
  // pending for `consumer` (their idle time restarts). Entries deleted from
  // the stream meanwhile are dropped from the group, not returned.
  Result<std::vector<StreamEntry>> ClaimIdle(const std::string& stream, const std::string& group,
                                             const std::string& consumer,
                                             std::chrono::milliseconds min_idle, std::size_t count);
  // Entries delivered to the group and not yet acknowledged.
  Result<std::int64_t> PendingCount(const std::string& stream, const std::string& group);
  // Deletes the entries every group of the stream is done with: those before
  // each group's oldest pending entry, or (none pending) before its last
  // delivered one, which stays. Returns how many went. XACK alone keeps
  // every entry, so a stream nobody trims grows for ever.
  Result<std::int64_t> TrimAcknowledged(const std::string& stream);

 private:
  RedisConnection& redis_;
};

}  // namespace plainsight::cluster
