// Membership: which workers of a namespace are live, through keys in Redis
// that expire unless renewed, so a crashed worker drops out by itself.
//
// Key layout (one key per live worker):
//   plainsight:<ns>:worker:<worker>  ->  incarnation token, PX ttl
// The token ("<hostname>/<pid>/<64 random bits in hex>") is made per
// Membership object, so two processes started under the same worker name are
// told apart, and `redis-cli GET` shows who holds a name.
//
// Life cycle: Join() once; Renew() well within the TTL (every ttl/3, say);
// Leave() on a clean exit. All three act only on a key holding this object's
// token (compare-and-act in one Lua script, so nothing can slip in between):
//  - Join fails with Status::Busy while another incarnation holds the name:
//    two processes must never run as one worker. Joining again while ours
//    is held just renews it.
//  - Renew reports kLapsed when the key had expired (renewals came too late:
//    a pause, a network split, Redis restarted without persistence). The
//    worker was out of LiveWorkers meanwhile and others may have taken its
//    buckets: it must stop work on them, Join() again, and recompute. Renew
//    does not re-join by itself so this is never missed. Busy if another
//    incarnation took the name meanwhile.
//  - Leave deletes the key only if it holds our token; a stranger's Leave
//    deletes nothing and returns Busy. Leaving an expired key is OK.
// LiveWorkers() lists the namespace's worker names, sorted, by SCAN (never
// KEYS, which blocks Redis); Redis hides expired keys from SCAN.
//
// Names: `ns` is non-empty without ':' (so key prefixes stay unambiguous);
// `worker` non-empty; ttl >= 1 ms. Otherwise every call returns
// InvalidArgument.
//
// Threads: not thread-safe, like the RedisConnection it uses. Ownership:
// holds a reference to `redis`, which must outlive it; owns nothing in Redis
// beyond its key, which it does not delete on destruction (call Leave()).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "cluster/redis_connection.h"
#include "core/status.h"

namespace plainsight::cluster {

class Membership {
 public:
  enum class Renewal { kRenewed, kLapsed };

  Membership(RedisConnection& redis, std::string ns, std::string worker,
             std::chrono::milliseconds ttl);

  Status Join();
  Result<Renewal> Renew();
  Status Leave();
  Result<std::vector<std::string>> LiveWorkers();

  const std::string& worker() const { return worker_; }
  const std::string& token() const { return token_; }
  const std::string& key() const { return key_; }

 private:
  Status CheckNames() const;
  // Runs one of the token scripts: 1, 0, or the other holder's token.
  Result<RedisReply> RunScript(const char* script);
  Status HeldByAnother(const std::string& holder) const;

  RedisConnection& redis_;
  std::string ns_;
  std::string worker_;
  std::chrono::milliseconds ttl_;
  std::string token_;
  std::string key_;
};

}  // namespace plainsight::cluster
