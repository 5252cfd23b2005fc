// CrawlSettings: the [crawl] table, and a site's overrides of it (a
// [[sites]] entry may set any crawl key). Plain value; share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/setting_key.h"

namespace plainsight {

struct CrawlSettings {
  std::string user_agent = "plainsight/1.0 (+https://example.org/contact)";
  int concurrency = 32;            // transfers in flight, all hosts together
  int per_host_delay_ms = 1000;    // at least this between requests to one host
  int per_host_connections = 1;    // transfers in flight to one host
  int timeout_ms = 20000;
  std::int64_t max_body_bytes = 5000000;  // after decompression
  int max_pages = 0;               // per run; 0 = no limit
  bool respect_robots = true;
  bool allow_private_addresses = false;
  int max_retries = 2;               // per URL, for 429/503/5xx and network errors
  int host_error_budget = 20;        // errors after which a host is skipped for the run
  int max_crawl_delay_ms = 30000;    // cap on a robots.txt Crawl-delay
  int max_url_length = 2048;
  int max_pages_per_host = 0;        // 0 = no limit
  int max_barren_listing_pages = 5;  // listing pages in a row that add no advert
  std::vector<std::string> strip_params = {"utm_*", "ref", "sort"};
  std::string proxy;                 // "http://host:port" or "socks5h://host:port"
  std::vector<std::string> headers;  // extra request headers, "Name: value"
  std::string cookies;               // "name=value; name2=value2"
  int max_images_per_advert = 8;     // photos fetched per advert page; 0 = none
  int max_images_per_run = 20000;    // photos fetched per run (a site's own value: its photos); 0 = none
  std::int64_t max_image_bytes = 5000000;  // an image cut at this is refused
};

// Its TOML keys, each listed once with its member and range.
const SettingKeys<CrawlSettings>& CrawlSettingKeys();

}  // namespace plainsight
