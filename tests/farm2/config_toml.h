// The plainsight.toml that crawls a started Farm2: the gazetteer line at
// the top, [store], [crawl] (private addresses allowed, no politeness
// delay, robots respected), the bundled indicator packs, and one [[sites]]
// entry per farm2 site with its seeds, follow and advert patterns (RE2
// over the full URL, port included) and any field selectors. See
// /work/shared/CONTRACT.md for the format.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "tests/farm2/farm2.h"

namespace plainsight::farm2 {

struct ConfigOptions {
  std::string store_path;
  std::string gazetteer_path;              // default: the source tree's config/gazetteer.tsv
  std::vector<std::string> pattern_paths;  // default: config/patterns/{adult,jobs}.toml
  int per_host_delay_ms = 0;
  int max_depth = 5;
};

// The source tree's gazetteer and pattern packs filled in where empty.
ConfigOptions WithDefaults(ConfigOptions options);

// Needs a started farm (the ports are in the patterns).
std::string ConfigToml(const Farm2& farm, const ConfigOptions& options);
Status WriteConfig(const Farm2& farm, const ConfigOptions& options, const std::string& path);

}  // namespace plainsight::farm2
