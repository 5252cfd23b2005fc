#include "demo/demo_config.h"

#include "core/loopback_config.h"
#include "core/regex_escape.h"
#include "core/toml_text.h"

namespace plainsight::demo {

namespace {

// A site-relative pattern made to match the whole URL on this site only.
std::vector<std::string> Anchored(const std::vector<std::string>& patterns, const std::string& base_url) {
  std::vector<std::string> out;
  out.reserve(patterns.size());
  for (const std::string& pattern : patterns) out.push_back("^" + EscapeRegex(base_url) + pattern + "$");
  return out;
}

std::vector<std::string> Absolute(const std::vector<std::string>& targets, const std::string& base_url) {
  std::vector<std::string> out;
  out.reserve(targets.size());
  for (const std::string& target : targets) out.push_back(base_url + target);
  return out;
}

}  // namespace

std::string DemoConfigToml(const std::vector<ServedSite>& sites, const DemoConfigOptions& options) {
  std::string out = "# plainsight.toml for the demo sites on 127.0.0.1 (written by `plainsight demo`).\n";
  // Top-level keys must come before the first table.
  if (!options.gazetteer_path.empty()) out += "gazetteer = " + TomlString(options.gazetteer_path) + "\n";
  out += "\n" + LoopbackCrawlTables({.store_path = options.store_path,
                                     .pattern_paths = options.pattern_paths,
                                     .concurrency = options.concurrency,
                                     .per_host_delay_ms = options.per_host_delay_ms,
                                     .respect_robots = true,
                                     .loopback_comment = "the demo sites listen on loopback"});
  for (const ServedSite& served : sites) {
    const DemoSite& site = served.site;
    out += "\n[[sites]]\n";
    out += "name = " + TomlString(site.name) + "\n";
    out += "kind = " + TomlString(site.kind) + "\n";
    out += "seeds = " + TomlStrings(Absolute(site.seeds, served.base_url)) + "\n";
    out += "follow = " + TomlRegexes(Anchored(site.follow, served.base_url)) + "\n";
    out += "adverts = " + TomlRegexes(Anchored(site.adverts, served.base_url)) + "\n";
    out += "max_depth = " + std::to_string(site.max_depth) + "\n";
    if (!site.region.empty()) out += "region = " + TomlString(site.region) + "\n";
    // The exported sites carry no photos (as the farm's config, which this
    // one must equal, fetches none unless a test asks).
    out += "max_images_per_advert = 0\n";
    out += FieldsTableToml(site.fields);
  }
  return out;
}

}  // namespace plainsight::demo
