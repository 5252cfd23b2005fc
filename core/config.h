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

// Where an advert's fields are on a site's pages: a CSS-like selector (see
// extractors/selector.h), or a JSON path into data the page keeps in a
// script ("script:window.__INITIAL_STATE__#job.salary", see
// extractors/script_data.h).
struct FieldSelectors {
  std::string title;
  std::string body;
  std::string location;
  std::string posted;
  std::string salary;   // pay read here needs no currency sign (the site's currency)
  std::string company;  // the advertiser as the site names it
  std::string contact;  // a contact box; its phones and e-mails are read even when outside the body
  bool empty() const {
    return title.empty() && body.empty() && location.empty() && posted.empty() &&
           salary.empty() && company.empty() && contact.empty();
  }
};

struct SiteConfig {
  std::string name;                  // [a-z0-9-]+, unique
  std::string kind;                  // "jobs" or "adult"
  std::vector<std::string> seeds;
  std::vector<std::string> follow;   // RE2, full URL: crawled for links only
  std::vector<std::string> adverts;  // RE2, full URL: advert pages
  // Link hops from a seed. A listing's next page is not a hop (the
  // barren-listing rule stops an endless chain), so this bounds only how far
  // the crawl strays from the listings.
  int max_depth = 5;
  std::string region;                // optional default location (a place name)
  // `region` written as an ISO 3166 code ("US", "IE") is the site's phone
  // numbering region instead (CONTRACT.md, December 2026); empty = the
  // config's top-level region.
  std::string phone_region;
  std::string currency = "GBP";      // ISO 4217: money without a sign in the salary field
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

// Correlation weights and thresholds ([leads] table; all optional). Each
// default names its source; INDICATORS.md (/work/shared) summarises them.
// Single indicators are weak (Volodko, Cockbain & Kleinberg 2020: 98.4% of
// job adverts carry one), so a bare shared contact scores below min_score
// and combinations of different signs carry the score (combination term).
struct LeadSettings {
  double min_score = 3.0;            // leads below this are not listed by default
  double single_advert_min_score = 4.0;  // an unlinked advert becomes a lead at this score
  // An entity on at least this share of one site's adverts (and on at least
  // boilerplate_min_adverts of them) is that site's own contact, not a link.
  // The same rule drops a near-duplicate template that most of one site's
  // adverts share (the site's own layout, not one writer).
  double boilerplate_share = 0.5;
  int boilerplate_min_adverts = 4;
  // Hubs: shown, not merged. An entity on more adverts than hub_max_adverts,
  // or on more than hub_multi_site_adverts adverts over at least
  // hub_min_sites sites (a directory or agency switchboard), links nothing.
  int hub_max_adverts = 200;
  int hub_multi_site_adverts = 50;
  int hub_min_sites = 4;
  // No lead grows past this: an analyst reviews a lead advert by advert.
  // The broadest strong link of an oversized group (a board's or agency's
  // switchboard) becomes a hub until every part fits (issue 12: a lead of
  // 321 adverts was not reviewable).
  int max_lead_adverts = 50;

  // Bare links: small on purpose (a fair employer reuses its phone).
  double weight_shared_phone = 0.5;   // per extra advert sharing a phone (capped at 5)
  double weight_shared_email = 0.5;
  double weight_shared_postcode = 0.25;  // postcodes and street addresses
  double weight_multi_site = 1.0;     // per extra site (capped at 3)
  double weight_multi_town = 0.5;     // per extra town (capped at 3)

  // Recruitment linkage: one contact on a jobs and an adult advert
  // (Ramchandani, Bastani & Wyatt 2025).
  double weight_recruitment_link = 4.0;
  // One phone in at least phone_many_adverts adverts (Ibanez & Suthers 2014
  // follow circuits by phone across many adverts).
  int phone_many_adverts = 4;
  double weight_phone_many_adverts = 1.5;
  // Several stated ages or names under one phone in adult adverts: one
  // number advertising several people (Ibanez & Suthers 2014; INDICATORS.md
  // "several names or ages").
  double weight_many_personas = 2.0;
  // Movement: one phone in at least 2 towns within movement_days days
  // ("circuits", Ibanez & Suthers 2014).
  int movement_days = 14;
  double weight_movement = 2.0;
  // Posting rate: more than posting_rate_per_day adverts first seen within
  // one day under one contact (Zhou, Peng & Ferrara 2024: posting frequency).
  double posting_rate_per_day = 3.0;
  double weight_posting_rate = 1.5;
  // Consecutive numbers: phones within consecutive_phone_window of each
  // other in one 1000-number block, bought together (INDICATORS.md, adult
  // cross-advert structure). Only blocks holding at most
  // consecutive_block_max_phones seen numbers count: in a crowded block
  // neighbours occur by chance.
  int consecutive_phone_window = 5;
  int consecutive_block_max_phones = 4;
  double weight_consecutive_phones = 2.0;
  // Near-duplicate templates (InfoShield, Lee et al. ICDE 2021). Threshold
  // calibrated in tests/leads/near_duplicates_test.cc (2-word shingles,
  // 42 bands x 3 rows).
  double near_duplicate_threshold = 0.3;
  double weight_template = 1.0;          // per extra advert on one template (capped at 5)
  int template_rotating_phones = 3;      // distinct phones on one template
  double weight_template_rotating_phones = 2.0;
  // Many job adverts at one address or email offering accommodation or
  // transport (police "spot the signs": many workers at one address; GLAA).
  int jobs_at_address_min = 3;
  double weight_jobs_at_address = 3.0;
  // Adverts removed within removal_days of being first seen. No study in
  // INDICATORS.md measures this; the team asked for it (issue 5), so it is
  // weighted lightly and never makes a lead on its own.
  int removal_days = 3;
  double weight_quick_removal = 0.5;
  // Combination term: weight_combination * (k - 1)^2 for k distinct
  // indicator categories plus cross-advert signal kinds (k capped at 8):
  // only combinations separate (Volodko et al. 2020).
  double weight_combination = 0.5;
  // Ranking by risk, not size: a group with no sign of risk (fewer than
  // two indicator categories and no indicator of weight 2 or more, no
  // risky cross-advert signal) scores at most this, below min_score, so an
  // ordinary employer's, a family's or an agency's shared contacts never
  // list on their own (INDICATORS.md: single indicators are weak; only
  // combinations separate).
  double no_risk_max_points = 2.0;
  // Templates by rarity, not house style: a 2-word shingle used by at
  // least template_common_share of a site's sampled writers (adverts with
  // one phone or e-mail count once), and by at least
  // template_common_min_writers of them, is the site's or its trade's
  // common phrasing and is left out of near-duplicate signatures.
  // Calibrated in docs/leads.md.
  double template_common_share = 0.2;
  int template_common_min_writers = 5;
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
