// WorkShare: how one crawl worker of a cluster shares the configured hosts
// with the others (cluster/crawl_share.h is the Redis implementation). The
// crawler asks it which hosts are its own; hands every page of another
// worker's host over (the crawler then closes that page in its own
// frontier); takes in the pages others handed to it (and acknowledges them
// once they are in its own frontier, so a hand-over survives a crash of
// either side); and asks whether the whole cluster has finished before it
// ends its run.
//
// Without a WorkShare (CrawlerOptions::share null) a crawl owns every host.
//
// Thread safety: the crawler calls it from its fetch thread only; an
// implementation may keep a thread of its own (membership renewal).
// Ownership: borrowed by the crawler; outlives the run.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

// A page for another worker's host, keyed by the host it is fetched from.
struct PageToHand {
  std::string host_port;
  FrontierEntry page;
};

// A page another worker handed to this one; `ticket` acknowledges it.
struct HandedPage {
  std::string ticket;
  FrontierEntry page;
};

class WorkShare {
 public:
  virtual ~WorkShare() = default;

  // Whether this worker fetches `host_port` ("host:port") now.
  virtual bool Owns(const std::string& host_port) const = 0;
  // False while this worker cannot be sure its hosts are still its own (its
  // membership not renewed for most of its lifetime: Redis unreachable, or
  // this process starved), since another worker takes them over once it
  // lapses: the crawler starts no fetch until it is true again.
  virtual bool MayFetch() const = 0;

  // Before this worker's first request to a host it has come to own (at
  // the start of its run, or taken over mid-run): how long to wait before
  // asking again, or zero to go ahead. The first request must come after
  // the previous owner has had time to notice the host is gone, and then
  // `delay` after the last response any worker had from the host. An
  // error: ask again later.
  virtual Result<std::chrono::milliseconds> WaitBeforeFirstRequest(
      const std::string& host_port, std::chrono::milliseconds delay) = 0;
  // A request to `host_port` started, or its response (or failure) ended,
  // now: kept for the worker that owns the host next. Best effort: a
  // failure is only logged.
  virtual void HostRequested(const std::string& host_port) = 0;
  // Grows each time the set of owned hosts may have changed (a worker
  // joined or left): the crawler then hands over what it no longer owns
  // and seeds what it gained.
  virtual std::uint64_t generation() const = 0;

  // Hands `pages` to their hosts' owners. OK once Redis holds them all; on
  // an error none may be assumed handed (handing one twice is harmless:
  // its owner takes each URL once per run).
  virtual Status HandOver(const std::vector<PageToHand>& pages) = 0;
  // Pages handed to this worker and not yet acknowledged (at most a batch).
  virtual Result<std::vector<HandedPage>> Receive() = 0;
  virtual Status Acknowledge(const std::vector<std::string>& tickets) = 0;

  // Called with true when this worker has nothing queued, in flight or
  // being processed, and with false before it takes in handed pages.
  // `rebalanced_for` is the generation() whose owners the crawler has
  // handed over and seeded for: idle for an older one is not idle, since
  // hosts it has not seeded yet may have come its way.
  virtual Status SetIdle(bool idle, std::uint64_t rebalanced_for) = 0;
  // True when every live worker is idle for the live workers there are now
  // and every handed page was taken in: the run is over for all.
  virtual Result<bool> ClusterIdle() = 0;
};

}  // namespace plainsight
