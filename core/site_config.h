// SiteConfig: one [[sites]] entry, with its [sites.fields] selectors and
// its crawl settings (the [crawl] table with the site's overrides applied).
// Plain value; share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/crawl_settings.h"
#include "core/setting_key.h"

namespace plainsight {

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

// Its own TOML keys (besides every crawl key and `fields`), each listed
// once with its member and range; name, kind and currency are checked
// further by the loader.
const SettingKeys<SiteConfig>& SiteSettingKeys();
// The [sites.fields] keys.
const SettingKeys<FieldSelectors>& FieldSelectorKeys();

}  // namespace plainsight
