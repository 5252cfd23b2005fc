// The demo data's catalogue: sites.toml at the top of the data directory,
// one [[sites]] table per demo site in crawl order. Each names the site's
// folder of pages (site_files.h) and the crawl settings plainsight.toml
// needs for it. URLs and patterns are site-relative ("/listings?page=1",
// "/ad/\d+"), since the port is known only once the site is served;
// demo_config.h anchors them to it.
//
// Plain values and pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace plainsight::demo {

inline constexpr char kSiteCatalogFile[] = "sites.toml";

// CSS selectors for plainsight.toml's [sites.fields], or all empty.
struct DemoFieldSelectors {
  std::string title;
  std::string body;
  std::string location;
  std::string posted;
  bool empty() const { return title.empty() && body.empty() && location.empty() && posted.empty(); }
};

struct DemoSite {
  std::string name;     // [a-z0-9-]+; also the folder holding its pages
  std::string kind;     // "adult" | "jobs"
  std::string charset;  // of its HTML pages: "utf-8" | "windows-1252"
  std::vector<std::string> seeds;    // site-relative targets
  std::vector<std::string> follow;   // RE2 for what follows the base URL
  std::vector<std::string> adverts;  // RE2 for what follows the base URL
  int max_depth = 5;
  std::string region;
  DemoFieldSelectors fields;
};

// The [sites.fields] sub-table of a [[sites]] table, indented, with only
// the selectors that are set; "" when none is.
std::string FieldsTableToml(const DemoFieldSelectors& fields);

// The catalogue's text; ParseSiteCatalog reads it back unchanged.
std::string SiteCatalogToml(const std::vector<DemoSite>& sites);

// `source_name` names the text in error messages.
Result<std::vector<DemoSite>> ParseSiteCatalog(std::string_view toml, const std::string& source_name);
// Reads data_dir/sites.toml; NotFound when it is absent.
Result<std::vector<DemoSite>> LoadSiteCatalog(const std::string& data_dir);

}  // namespace plainsight::demo
