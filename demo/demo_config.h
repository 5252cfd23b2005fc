// The plainsight.toml that crawls the demo sites where they are being
// served: the demo's own [store] and [crawl] settings (loopback allowed,
// robots.txt respected) and one [[sites]] table per site, its seeds made
// absolute and its patterns anchored to the site's base URL.
//
// Pure functions, safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "demo/site_catalog.h"

namespace plainsight::demo {

struct DemoConfigOptions {
  std::string store_path;
  std::vector<std::string> pattern_paths;
  std::string gazetteer_path;  // left out when empty
  int per_host_delay_ms = 100;
  int concurrency = 8;
};

// A catalogue entry and the base URL it is served at.
struct ServedSite {
  DemoSite site;
  std::string base_url;  // "http://127.0.0.1:PORT"
};

std::string DemoConfigToml(const std::vector<ServedSite>& sites, const DemoConfigOptions& options);

}  // namespace plainsight::demo
