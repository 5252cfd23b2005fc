// SiteTemplate: one site's look and URL shape. Each of the four farm sites
// has its own (template_*.cc) so the crawler and the extractors meet
// different markup: a <table> listing, a <ul>, cards, div rows; relative,
// root-relative and absolute links; JSON-LD on one; windows-1252 on one.
//
// Templates are stateless and shared; every method is safe to call from any
// thread. Pages come back as UTF-8; the router converts the charset.
#pragma once

#include <string>
#include <vector>

#include "tests/farm/site_model.h"

namespace plainsight::farm {

// CSS selectors for the contract's [sites.fields] table, or all empty.
struct FieldSelectorSpec {
  std::string title;
  std::string body;
  std::string location;
  std::string posted;
  bool empty() const { return title.empty(); }
};

class SiteTemplate {
 public:
  virtual ~SiteTemplate() = default;

  // Site-relative paths (with query if any); page counts from 1.
  virtual std::string ListingPath(int page) const = 0;
  virtual std::string AdvertPath(const AdvertSpec& ad) const = 0;
  // RE2 for what follows the base URL in listing and advert URLs.
  virtual std::string ListingPathPattern() const = 0;
  virtual std::string AdvertPathPattern() const = 0;
  virtual std::string Robots() const = 0;
  virtual FieldSelectorSpec Fields() const { return {}; }

  // Full HTML pages. `base_url` is "http://127.0.0.1:PORT".
  virtual std::string Listing(const SiteSpec& site, const std::string& base_url, int page) const = 0;
  virtual std::string Advert(const SiteSpec& site, const std::string& base_url,
                             const AdvertSpec& ad) const = 0;
  // A plain page (home, about, contact) in the site's frame.
  virtual std::string Plain(const SiteSpec& site, const std::string& base_url,
                            const std::string& heading, const std::string& body_html) const = 0;
};

const SiteTemplate& TemplateFor(Layout layout);

// Listing pages a site has (at least 1) and the adverts on one of them.
int ListingPageCount(const SiteSpec& site);
std::vector<const AdvertSpec*> AdvertsOnPage(const SiteSpec& site, int page);

// Each layout's template; TemplateFor picks one.
const SiteTemplate& VelvetTableTemplate();
const SiteTemplate& SilkCardsTemplate();
const SiteTemplate& ShireListTemplate();
const SiteTemplate& CountyRowsTemplate();

}  // namespace plainsight::farm
