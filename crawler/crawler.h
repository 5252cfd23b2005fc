// Crawler: one crawl run over every configured site.
//
// Shape (the way fast crawlers are built): the calling thread runs the fetch
// event loop (a Fetcher, many transfers in flight, per-host politeness and
// robots.txt), and a pool of worker threads parses, extracts, matches and
// stores what comes back. The two meet at a bounded queue; the fetch loop
// starts no new transfer while the workers are behind, so memory stays flat
// whatever the speed of the network.
//
// Crash-safe frontier: every URL the run still has to fetch, and every page
// it has finished, is in the store, written in the same atomic batch as the
// page's advert. A run that is killed at any moment and started again
// resumes: nothing stored is lost, doubled or fetched again.
//
// Incremental: listing pages are fetched every run; an advert fetched less
// than its site's recrawl_after_hours ago is only marked seen; older ones are
// revalidated (ETag / If-Modified-Since, 304 = unchanged). Adverts that
// answer 404/410, or that a complete run no longer finds in the listings,
// are marked removed with the time.
//
// Ownership: the Crawler borrows the Config, Store, Clock and Fetcher; they
// must outlive Run(). A Crawler runs once.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "core/clock.h"
#include "core/config.h"
#include "core/status.h"
#include "crawler/crawl_summary.h"
#include "crawler/fetcher.h"
#include "crawler/work_share.h"
#include "patterns/pattern_set.h"
#include "store/store.h"

namespace plainsight {

struct CrawlerOptions {
  int workers = 0;            // 0 = one per core
  size_t queue_capacity = 0;  // 0 = 2 × workers + concurrency
  // Called from the fetch thread about once a second, for a progress line.
  std::function<void(const CrawlSummary&)> progress;
  // WARC evidence directory; empty = <store.path>/warc when store.warc is on.
  std::string warc_dir;
  // Back-off base for retries (tests shorten it).
  std::chrono::milliseconds retry_base{1000};
  std::chrono::milliseconds max_retry_wait{300000};
  // One worker of a cluster: fetches only the hosts the share gives it,
  // hands the others over, and ends when the whole cluster is idle. Such a
  // run does not mark unseen adverts removed (it sees only its own hosts'
  // listings). Null: a crawl on its own.
  WorkShare* share = nullptr;
};

class Crawler {
 public:
  // `fetcher` may be null: a libcurl fetcher is created.
  Crawler(const Config& config, std::shared_ptr<const PatternSet> patterns, Store* store,
          const Clock& clock, Fetcher* fetcher = nullptr, CrawlerOptions options = {});
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // InvalidArgument if a site's rules do not compile; otherwise the summary
  // (sites that failed are marked in it, not returned as an error).
  Result<CrawlSummary> Run();

 private:
  const Config& config_;
  std::shared_ptr<const PatternSet> patterns_;
  Store* store_;
  const Clock& clock_;
  Fetcher* fetcher_;
  std::unique_ptr<Fetcher> owned_fetcher_;
  CrawlerOptions options_;
};

}  // namespace plainsight
