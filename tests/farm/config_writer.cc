#include "tests/farm/config_writer.h"

#include <cstring>

#include "core/toml_text.h"

namespace plainsight::farm {

namespace {

const char* Bool(bool value) { return value ? "true" : "false"; }

}  // namespace

std::string EscapeRegex(const std::string& literal) {
  std::string out;
  for (char c : literal) {
    if (std::strchr(".^$|()[]{}*+?\\", c) != nullptr && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

std::string WriteFarmConfig(const std::vector<SiteConfigEntry>& sites, const ConfigOptions& options) {
  std::string out = "# plainsight.toml for the test farm on 127.0.0.1 (generated).\n\n";
  out += "[store]\npath = " + TomlString(options.store_path) + "\n\n";
  out += "[crawl]\n";
  out += "user_agent = \"plainsight/1.0 (+https://example.org/contact)\"\n";
  out += "concurrency = " + std::to_string(options.concurrency) + "\n";
  out += "per_host_delay_ms = " + std::to_string(options.per_host_delay_ms) + "\n";
  out += "per_host_connections = 1\n";
  out += "timeout_ms = 10000\n";
  out += "max_body_bytes = 5000000\n";
  out += "max_pages = 0\n";
  out += std::string("respect_robots = ") + Bool(options.respect_robots) + "\n";
  out += "allow_private_addresses = true   # the farm listens on loopback\n";
  for (const std::string& path : options.pattern_paths) {
    out += "\n[[patterns]]\npath = " + TomlString(path) + "\n";
  }
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
