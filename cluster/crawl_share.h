// CrawlShare: the Redis WorkShare (crawler/work_share.h) of one crawl
// worker, `plainsight crawl --worker NAME`.
//
// Keys, under plainsight:<ns>: (ns "crawl"):
//   worker:<name>   membership (cluster/membership.h), renewed every ttl/3
//                   by a thread of this object's own
//   host:<host>     a stream per configured host (every seed's host:port)
//                   with the group "crawlers": pages handed to its owner
//   hand:<bucket>   the same per host bucket, for hosts met on the way
//                   (both kinds trimmed of what the group acknowledged,
//                   StreamQueue::TrimAcknowledged, after each acknowledgement)
//   handed, taken   how many pages were ever handed and acknowledged; each
//                   moves in the same Lua script as its XADD / XACK, so the
//                   cluster is idle only when they are equal
//   idle:<name>     present while that worker has nothing to do; its value
//                   is the live set it last re-balanced for
//   host:<host>:last  when any worker last started a request to the host or
//                   had its response (cluster/host_ledger.h), for the next
//                   owner's first request
//
// The configured hosts go to live workers evenly by rendezvous hashing with
// bounded loads (BalancedHostOwners); any other host by its bucket
// (BucketOf("host:port")), buckets by plain rendezvous hashing. A page
// handed to a host whose owner then dies stays pending in the stream and is
// claimed by the next owner after the TTL (XAUTOCLAIM).
// Run end: ClusterIdle reads the counters, the live workers and their idle
// keys, then the counters again; equal and unchanged, with every live
// worker idle for exactly the live set just read, means nothing is queued
// or on its way anywhere. The live set in the idle value matters when a
// worker dies while the others are idle: until they have re-balanced for
// the smaller set (and seeded its hosts), they are not idle for it.
//
// Redis restarted (AOF on): every call reconnects a broken connection first,
// so a restart costs the calls made while it was down (they fail, and the
// crawler retries them). A worker that cannot renew its membership stops
// starting fetches (MayFetch) before the key can lapse and its hosts go to
// another worker, so two workers never both start fetches on one host.
//
// Thread safety: the WorkShare calls are for one thread (the crawler's
// fetch thread); the renewal thread uses its own connection and shares
// only the ownership table, under a mutex. Ownership: owns both
// connections and the thread; Leave() (or the destructor) stops it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cluster/host_ledger.h"
#include "cluster/membership.h"
#include "cluster/redis_connection.h"
#include "core/redis_url.h"
#include "core/thread_annotations.h"
#include "crawler/work_share.h"

namespace plainsight::cluster {

class CrawlShare final : public WorkShare {
 public:
  // Connects twice, joins (Busy when a live worker holds `worker`), makes
  // the stream groups, waits ttl/3 for workers started at the same time to
  // join, and starts renewing. Unavailable naming host:port
  // when Redis cannot be reached.
  // `configured_hosts`: every seed's host:port, the same list on every worker.
  static Result<std::unique_ptr<CrawlShare>> Start(const RedisUrl& url, const std::string& worker,
                                                   std::chrono::milliseconds ttl,
                                                   std::vector<std::string> configured_hosts);
  ~CrawlShare() override;
  CrawlShare(const CrawlShare&) = delete;
  CrawlShare& operator=(const CrawlShare&) = delete;

  // Stops renewing and gives up the name (its hosts go to the others now,
  // not after the TTL).
  Status Leave();

  bool Owns(const std::string& host_port) const override;
  // True while the last membership renewal was sent less than 2/3 of the
  // TTL ago: the key lives a full TTL from then, and the others take the
  // hosts over only after it is gone, so the last third is the margin for
  // fetches under way.
  bool MayFetch() const override;
  // A host gained mid-run (a worker joined, left or died, or this one
  // lapsed and joined again) waits until it has been this worker's for one
  // renewal period + 250 ms: the previous owner sees the change at its next
  // renewal and starts nothing more. Then, or for a host owned since the
  // start with a request in the ledger, until the last request + `delay`.
  // A host owned since the start that nobody requested lately goes at once
  // (a cold start), as does a host this worker does not own (a photo's or a
  // redirect's: every worker fetches those).
  Result<std::chrono::milliseconds> WaitBeforeFirstRequest(
      const std::string& host_port, std::chrono::milliseconds delay) override;
  // Records start and end alike (the ledger keeps the later time).
  void HostRequested(const std::string& host_port) override;
  std::uint64_t generation() const override { return generation_.load(); }
  Status HandOver(const std::vector<PageToHand>& pages) override;
  Result<std::vector<HandedPage>> Receive() override;
  Status Acknowledge(const std::vector<std::string>& tickets) override;
  Status SetIdle(bool idle, std::uint64_t rebalanced_for) override;
  Result<bool> ClusterIdle() override;

  const std::string& worker() const { return worker_; }
  // The live workers as of the last renewal.
  std::vector<std::string> live() const;

  static constexpr const char* kNamespace = "crawl";

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;
  CrawlShare(RedisConnection calls, RedisConnection renewals, std::string worker,
             std::chrono::milliseconds ttl, std::vector<std::string> configured_hosts);
  std::string StreamFor(const std::string& host_port) const;
  Status Setup();
  // Renews, and recomputes the bucket owners when the live set changed.
  Status RefreshOwners(RedisConnection& redis, Membership& membership);
  void RenewLoop();
  std::chrono::milliseconds RenewEvery() const;
  struct Gained {
    SteadyTime at;
    bool mid_run = false;  // after the first owners were dealt
  };
  // When this worker came to own `host_port`; nullopt when it does not.
  std::optional<Gained> GainedAt(const std::string& host_port) const;
  // The hand-over streams this worker reads: its hosts' and its buckets'.
  std::vector<std::string> OwnedStreams() const;

  RedisConnection calls_;     // the fetch thread's
  RedisConnection renewals_;  // the renewal thread's
  const std::string worker_;
  const std::chrono::milliseconds ttl_;
  const std::set<std::string> configured_hosts_;
  std::unique_ptr<Membership> membership_;  // used on the renewal thread once it runs
  std::unique_ptr<Membership> lister_;      // the same name on calls_: lists live workers, never joins
  std::unique_ptr<HostLedger> ledger_;      // on calls_

  mutable Mutex owners_mutex_;
  std::vector<std::string> live_ GUARDED_BY(owners_mutex_);
  std::vector<std::string> owners_ GUARDED_BY(owners_mutex_);  // bucket -> worker
  std::map<std::string, std::string> host_owners_ GUARDED_BY(owners_mutex_);  // configured hosts
  // When this worker last came to own each configured host and bucket.
  std::map<std::string, SteadyTime> host_gained_ GUARDED_BY(owners_mutex_);
  std::vector<SteadyTime> bucket_gained_ GUARDED_BY(owners_mutex_);
  SteadyTime started_ GUARDED_BY(owners_mutex_){};
  std::atomic<std::uint64_t> generation_{0};
  // steady_clock time (ns since its epoch) the last successful renewal was sent.
  std::atomic<std::int64_t> renewed_at_ns_{0};

  Mutex stop_mutex_;
  std::condition_variable_any stop_cv_;
  bool stopping_ GUARDED_BY(stop_mutex_) = false;
  std::thread renewer_;
  bool left_ = false;
  std::chrono::steady_clock::time_point next_claim_{};
};

}  // namespace plainsight::cluster
