// Config: the parsed plainsight.toml (see README "Configuration").
//
// LoadConfig reads and validates the whole file up front, so a run never
// starts on a half-valid config; every error names file:line. A Config is a
// plain value: build it once, then share it read-only across threads.
#pragma once

#include <string>
#include <vector>

#include "core/cluster_settings.h"
#include "core/crawl_settings.h"
#include "core/lead_settings.h"
#include "core/place_settings.h"
#include "core/site_config.h"
#include "core/status.h"
#include "core/store_settings.h"

namespace plainsight {

struct Config {
  std::string source_path;                 // the file it was read from
  StoreSettings store;
  CrawlSettings crawl;
  std::vector<std::string> pattern_paths;  // resolved against the config file's folder
  std::vector<SiteConfig> sites;
  LeadSettings leads;
  PlaceSettings places;
  ClusterSettings cluster;                 // [cluster]: off unless redis is set
  std::string default_region = "GB";       // phone numbering region
  std::string gazetteer_path;              // UK places; default config/gazetteer.tsv beside the config

  const SiteConfig* FindSite(const std::string& name) const;
};

// Reads and validates `path`. Errors read "PATH:LINE: what is wrong".
Result<Config> LoadConfig(const std::string& path);
// Same, from text; `source_name` is used in messages, relative paths resolve
// against `base_dir`.
Result<Config> ParseConfig(const std::string& text, const std::string& source_name,
                           const std::string& base_dir);

}  // namespace plainsight
