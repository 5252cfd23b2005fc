// The crawl-then-correlate job shared by `crawl`, `run` and `demo`.
#pragma once

#include "core/config.h"
#include "patterns/pattern_set.h"
#include "store/store.h"

namespace plainsight::cli {

// Crawls every site, stores adverts, recomputes leads; prints the summary.
// Returns the exit code: 0, or 3 if some site failed.
int CrawlAndCorrelate(const Config& config, std::shared_ptr<const PatternSet> patterns,
                      Store& store);

}  // namespace plainsight::cli
