// The crawl-then-correlate job shared by `crawl`, `run` and `demo`.
#pragma once

#include "core/config.h"
#include "crawler/work_share.h"
#include "patterns/pattern_set.h"
#include "store/store.h"

namespace plainsight::cli {

// Crawls every site, stores adverts, recomputes leads; prints the summary.
// Returns the exit code: 0, or 3 if some site failed. With a `share` (one
// worker of a cluster) it crawls that worker's hosts and does not correlate:
// the correlating store takes the adverts in (cluster/advert_channel.h).
int CrawlAndCorrelate(const Config& config, std::shared_ptr<const PatternSet> patterns,
                      Store& store, WorkShare* share = nullptr);

}  // namespace plainsight::cli
