#include "demo/demo_config.h"

#include <cstring>

#include "core/toml_text.h"

namespace plainsight::demo {

namespace {

// A site-relative pattern made to match the whole URL on this site only.
std::vector<std::string> Anchored(const std::vector<std::string>& patterns, const std::string& base_url) {
  std::vector<std::string> out;
  for (const std::string& pattern : patterns) out.push_back("^" + EscapeRegex(base_url) + pattern + "$");
  return out;
}

std::vector<std::string> Absolute(const std::vector<std::string>& targets, const std::string& base_url) {
  std::vector<std::string> out;
  for (const std::string& target : targets) out.push_back(base_url + target);
  return out;
}

}  // namespace

std::string EscapeRegex(const std::string& literal) {
  std::string out;
  for (char c : literal) {
    if (c != '\0' && std::strchr(".^$|()[]{}*+?\\", c) != nullptr) out += '\\';
    out += c;
  }
  return out;
}

std::string DemoConfigToml(const std::vector<ServedSite>& sites, const DemoConfigOptions& options) {
  std::string out = "# plainsight.toml for the demo sites on 127.0.0.1 (written by `plainsight demo`).\n";
  // Top-level keys must come before the first table.
  if (!options.gazetteer_path.empty()) out += "gazetteer = " + TomlString(options.gazetteer_path) + "\n";
  out += "\n[store]\npath = " + TomlString(options.store_path) + "\n\n";
  out += "[crawl]\n";
  out += "user_agent = \"plainsight/1.0 (+https://example.org/contact)\"\n";
  out += "concurrency = " + std::to_string(options.concurrency) + "\n";
  out += "per_host_delay_ms = " + std::to_string(options.per_host_delay_ms) + "\n";
  out += "per_host_connections = 1\n";
  out += "timeout_ms = 10000\n";
  out += "max_body_bytes = 5000000\n";
  out += "max_pages = 0\n";
  out += "respect_robots = true\n";
  out += "allow_private_addresses = true   # the demo sites listen on loopback\n";
  for (const std::string& path : options.pattern_paths) {
    out += "\n[[patterns]]\npath = " + TomlString(path) + "\n";
  }
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
    out += FieldsTableToml(site.fields);
  }
  return out;
}

}  // namespace plainsight::demo
