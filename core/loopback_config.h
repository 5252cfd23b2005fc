// The [store], [crawl] and [[patterns]] tables of a plainsight.toml that
// crawls sites served on 127.0.0.1: `plainsight demo`'s config
// (demo/demo_config.h) and the test farm's (tests/farm/config_writer.h),
// one writer so that the demo crawls its sites as the tests crawl the farm.
// Pure function, safe from any thread.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

struct LoopbackCrawlConfig {
  std::string store_path;
  std::vector<std::string> pattern_paths;  // one [[patterns]] table each
  int concurrency = 8;
  int per_host_delay_ms = 100;
  bool respect_robots = true;
  // The comment after "allow_private_addresses = true": what listens there.
  std::string loopback_comment;
};

// "[store]\npath = ...\n\n[crawl]\n...\n" and a "\n[[patterns]]\npath = ...\n"
// per pattern pack: one connection per host, a 10 s timeout, 5 MB bodies,
// no page limit, and private addresses allowed.
std::string LoopbackCrawlTables(const LoopbackCrawlConfig& config);

}  // namespace plainsight
