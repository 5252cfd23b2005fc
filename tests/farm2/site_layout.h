// SiteLayout: how one farm2 site looks and where things live on it. Each
// of the six sites has its own layout (layout_*.cc): its own header and
// footer on every page (the footer carries the site's own phone, e-mail
// and office address), its own listing markup and pagination (numbered
// links plus rel="next"), its own advert URLs and advert markup, and the
// [[sites]] entries plainsight needs to crawl it.
//
// Pages are built once when the farm is built. "%BASE%" in a page stands
// for "http://127.0.0.1:PORT" and is filled in when the page is served.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tests/farm2/advert.h"

namespace plainsight::farm2 {

struct SiteInfo {
  std::string name;     // config name: [a-z0-9-]+
  Kind kind = Kind::kJobs;
  std::string title;    // "HireLine Careers"
  std::string phone;    // national digits: the site's own, in every footer
  std::string email;
  std::string address;  // the site's office
};

// One listing page's worth of adverts, newest first.
using AdvertList = std::vector<const Advert*>;

class SiteLayout {
 public:
  explicit SiteLayout(SiteInfo info) : info_(std::move(info)) {}
  virtual ~SiteLayout() = default;
  SiteLayout(const SiteLayout&) = delete;
  SiteLayout& operator=(const SiteLayout&) = delete;

  const SiteInfo& info() const { return info_; }

  virtual int per_page() const = 0;
  virtual int first_id() const = 0;
  // Path and query of listing page `page` (1-based) and of an advert.
  virtual std::string ListingTarget(int page) const = 0;
  virtual std::string AdvertTarget(const Advert& advert) const = 0;

  virtual std::string HomePage(int pages) const = 0;
  virtual std::string ListingPage(const AdvertList& adverts, int page, int pages) const = 0;
  // `others`: a few other adverts of the site, for "similar" or "featured"
  // boxes the layout may show.
  virtual std::string AdvertPage(const Advert& advert, const AdvertList& others) const = 0;
  virtual std::string InfoPage(const std::string& heading, const std::string& text) const = 0;

  // Crawl configuration: RE2 patterns for the path part (the caller
  // prefixes the escaped base URL), and optional field selectors (only
  // title, body, location and posted: the binary rejects other keys).
  virtual std::vector<std::string> FollowPathPatterns() const = 0;
  virtual std::vector<std::string> AdvertPathPatterns() const = 0;
  virtual std::vector<std::pair<std::string, std::string>> FieldSelectors() const { return {}; }

 private:
  SiteInfo info_;
};

std::unique_ptr<SiteLayout> MakeHirelineLayout(SiteInfo info);
std::unique_ptr<SiteLayout> MakeSwapshopLayout(SiteInfo info);
std::unique_ptr<SiteLayout> MakeAgencyBoardLayout(SiteInfo info);
std::unique_ptr<SiteLayout> MakeLocalworkLayout(SiteInfo info);
std::unique_ptr<SiteLayout> MakeMoonlitLayout(SiteInfo info);
std::unique_ptr<SiteLayout> MakeAmberLayout(SiteInfo info);

// Shared markup helpers for the layouts.
namespace html {

// A whole document: doctype, head with <title> and `head_extra`, body.
std::string Document(const std::string& title, const std::string& head_extra,
                     const std::string& body);
// Each paragraph in <p>, bullets in <ul>, headings as <hN>.
std::string Sections(const std::vector<Section>& sections, int heading_level);
// Numbered page links 1..pages (current one not linked), previous and a
// rel="next" link, as `<a href="TARGET">` with targets from `target`.
template <typename Target>
std::string PageLinks(int page, int pages, Target target, const std::string& next_label) {
  std::string out;
  if (page > 1) out += "<a rel=\"prev\" href=\"" + target(page - 1) + "\">&laquo; Previous</a> ";
  for (int p = 1; p <= pages; ++p) {
    if (p == page)
      out += "<strong>" + std::to_string(p) + "</strong> ";
    else
      out += "<a href=\"" + target(p) + "\">" + std::to_string(p) + "</a> ";
  }
  if (page < pages) out += "<a rel=\"next\" href=\"" + target(page + 1) + "\">" + next_label + "</a>";
  return out;
}
// The site's phone as its footer writes it.
std::string FooterPhone(const SiteInfo& info);

}  // namespace html
}  // namespace plainsight::farm2
