#include "tests/farm/config_writer.h"

#include "core/loopback_config.h"
#include "core/toml_text.h"

namespace plainsight::farm {

std::string WriteFarmConfig(const std::vector<SiteConfigEntry>& sites, const ConfigOptions& options) {
  std::string out = "# plainsight.toml for the test farm on 127.0.0.1 (generated).\n\n";
  out += LoopbackCrawlTables({.store_path = options.store_path,
                              .pattern_paths = options.pattern_paths,
                              .concurrency = options.concurrency,
                              .per_host_delay_ms = options.per_host_delay_ms,
                              .respect_robots = options.respect_robots,
                              .loopback_comment = "the farm listens on loopback"});
  for (const SiteConfigEntry& entry : sites) {
    const FarmSite& site = entry.site;
    out += "\n[[sites]]\n";
    out += "name = " + TomlString(site.name) + "\n";
    out += "kind = " + TomlString(site.kind) + "\n";
    out += "seeds = " + TomlStrings(site.seeds) + "\n";
    out += "follow = " + TomlRegexes(site.follow) + "\n";
    out += "adverts = " + TomlRegexes(site.adverts) + "\n";
    out += "max_depth = 5\n";
    out += "region = \"Northamptonshire\"\n";
    if (!options.fetch_images) out += "max_images_per_advert = 0\n";
    if (!entry.fields.empty()) {
      out += "  [sites.fields]\n";
      out += "  title = " + TomlString(entry.fields.title) + "\n";
      out += "  body = " + TomlString(entry.fields.body) + "\n";
      out += "  location = " + TomlString(entry.fields.location) + "\n";
      out += "  posted = " + TomlString(entry.fields.posted) + "\n";
    }
  }
  return out;
}

}  // namespace plainsight::farm
