#include "tests/farm/config_writer.h"

#include <cstdio>
#include <cstring>

namespace plainsight::farm {

namespace {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string TomlString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Regexes go out as TOML literal strings so backslashes stay as written;
// the farm's patterns never contain a single quote.
std::string TomlLiteral(const std::string& text) { return "'" + text + "'"; }

std::string TomlArray(const std::vector<std::string>& items, bool literal) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += literal ? TomlLiteral(items[i]) : TomlString(items[i]);
  }
  return out + "]";
}

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
    out += "seeds = " + TomlArray(site.seeds, false) + "\n";
    out += "follow = " + TomlArray(site.follow, true) + "\n";
    out += "adverts = " + TomlArray(site.adverts, true) + "\n";
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
