#include "core/loopback_config.h"

#include "core/toml_text.h"

namespace plainsight {

std::string LoopbackCrawlTables(const LoopbackCrawlConfig& config) {
  std::string out = "[store]\npath = " + TomlString(config.store_path) + "\n\n";
  out += "[crawl]\n";
  out += "user_agent = \"plainsight/1.0 (+https://example.org/contact)\"\n";
  out += "concurrency = " + std::to_string(config.concurrency) + "\n";
  out += "per_host_delay_ms = " + std::to_string(config.per_host_delay_ms) + "\n";
  out += "per_host_connections = 1\n";
  out += "timeout_ms = 10000\n";
  out += "max_body_bytes = 5000000\n";
  out += "max_pages = 0\n";
  out += std::string("respect_robots = ") + (config.respect_robots ? "true" : "false") + "\n";
  out += "allow_private_addresses = true   # " + config.loopback_comment + "\n";
  for (const std::string& path : config.pattern_paths) {
    out += "\n[[patterns]]\npath = " + TomlString(path) + "\n";
  }
  return out;
}

}  // namespace plainsight
