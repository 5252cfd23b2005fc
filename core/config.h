// Config: the parsed plainsight.toml (see README "Configuration").
//
// LoadConfig reads and validates the whole file up front, so a run never
// starts on a half-valid config; every error names file:line. A Config is a
// plain value: build it once, then share it read-only across threads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

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
};

// CSS-like selectors for advert fields (see extractors/selector.h).
struct FieldSelectors {
  std::string title;
  std::string body;
  std::string location;
  std::string posted;
  bool empty() const { return title.empty() && body.empty() && location.empty() && posted.empty(); }
};

struct SiteConfig {
  std::string name;                  // [a-z0-9-]+, unique
  std::string kind;                  // "jobs" or "adult"
  std::vector<std::string> seeds;
  std::vector<std::string> follow;   // RE2, full URL: crawled for links only
  std::vector<std::string> adverts;  // RE2, full URL: advert pages
  int max_depth = 5;
  std::string region;                // optional default location
  bool sitemaps = false;             // use robots.txt Sitemap: lines as extra seeds
  int recrawl_after_hours = 24;      // revalidate an unchanged advert at most this often
  FieldSelectors fields;
  CrawlSettings crawl;               // [crawl] with this site's overrides applied
  int line = 0;                      // where its [[sites]] table starts
};

struct StoreSettings {
  std::string path = "data/plainsight";  // resolved against the config file's folder
  int retention_days = 90;
  bool warc = true;                      // keep every advert response as WARC evidence
  int warc_max_file_mb = 1024;
};

// Correlation weights and thresholds ([leads] table; all optional).
struct LeadSettings {
  double min_score = 3.0;            // leads below this are not listed by default
  double single_advert_min_score = 4.0;  // an unlinked advert becomes a lead at this score
  // An entity on at least this share of one site's adverts (and on at least
  // boilerplate_min_adverts of them) is that site's own contact, not a link.
  double boilerplate_share = 0.5;
  int boilerplate_min_adverts = 4;
  // An entity linking more adverts than this is a hub: shown, not merged.
  int hub_max_adverts = 200;
  double weight_shared_phone = 2.0;   // per extra advert sharing a phone (capped)
  double weight_shared_email = 2.0;
  double weight_shared_postcode = 1.0;
  double weight_multi_site = 2.0;     // per extra site
  double weight_multi_town = 2.0;     // per extra town
  double weight_recruitment_link = 4.0;  // one contact on a jobs and an adult advert
};

struct Config {
  std::string source_path;                 // the file it was read from
  StoreSettings store;
  CrawlSettings crawl;
  std::vector<std::string> pattern_paths;  // resolved against the config file's folder
  std::vector<SiteConfig> sites;
  LeadSettings leads;
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
