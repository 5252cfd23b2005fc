// Schema.org items embedded in advert pages: JobPosting, and the generic
// Offer / Service / Person / Product items adult-services and agency sites
// use, read from JSON-LD (<script type="application/ld+json">, including
// @graph and top-level arrays) and from microdata (itemscope / itemtype /
// itemprop). Microdata is turned into the same JSON shape as JSON-LD, so one
// interpreter reads both.
//
// Broken or unexpected input yields fewer items, never an error: a page's
// structured data is a hint, the visible text is the evidence.
// Pure functions: thread-safe, no shared state; nothing is retained.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct GumboInternalNode GumboNode;

namespace plainsight {

struct StructuredAdvert {
  std::string type;  // "JobPosting", "Offer", "Service", "Person", "Product"
  std::string title;  // JobPosting title, else name
  std::string description;
  std::string date_posted;
  std::string hiring_organization;  // or the provider / seller's name
  std::string postal_code, locality, region, street_address;
  std::string salary_text;  // e.g. "8.50 GBP per HOUR", "9-11 GBP per HOUR"
  std::optional<double> salary_value, salary_min, salary_max;
  std::string salary_unit;  // HOUR, DAY, WEEK, MONTH or YEAR when known
  std::string telephone, email;
};

// Appends the items in one JSON-LD script body. Invalid JSON appends nothing.
void AppendJsonLdItems(std::string_view json_text, std::vector<StructuredAdvert>* out);

// Appends the microdata items under `root` whose itemtype is one we read.
// Items nested as another item's property are read as part of that item.
void AppendMicrodataItems(const GumboNode* root, std::vector<StructuredAdvert>* out);

}  // namespace plainsight
