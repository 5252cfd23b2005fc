// Writes the plainsight.toml (CONTRACT.md "Configuration") that crawls the
// running farm: one [[sites]] table per farm site, with anchored full-URL
// follow/adverts patterns that carry the real port.
#pragma once

#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

struct SiteConfigEntry {
  FarmSite site;
  FieldSelectorSpec fields;  // written as [sites.fields] when not empty
};

std::string WriteFarmConfig(const std::vector<SiteConfigEntry>& sites, const ConfigOptions& options);

}  // namespace plainsight::farm
