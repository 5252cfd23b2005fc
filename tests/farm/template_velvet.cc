// velvet-rooms: an adult-services directory with a <table> listing,
// root-relative links, field selectors in the config, and some profiles
// under /private/, which robots.txt disallows but the listing still links.
#include <string>

#include "tests/farm/farm_photos.h"
#include "tests/farm/html_text.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

class VelvetTable final : public SiteTemplate {
 public:
  std::string ListingPath(int page) const override {
    return "/listings?page=" + std::to_string(page);
  }
  std::string AdvertPath(const AdvertSpec& ad) const override {
    return std::string(ad.disallowed ? "/private/ad/" : "/ad/") + std::to_string(ad.id);
  }
  std::string ListingPathPattern() const override { return R"(/listings\?page=\d+)"; }
  std::string AdvertPathPattern() const override { return R"(/(private/)?ad/\d+)"; }
  std::string Robots() const override {
    return "User-agent: *\nDisallow: /private/\n";
  }
  FieldSelectorSpec Fields() const override {
    return {"h1.ad-title", "div.ad-body", "span.ad-town", "time.posted"};
  }

  std::string Listing(const SiteSpec& site, const std::string&, int page) const override {
    const int pages = ListingPageCount(site);
    std::string main = "<h1>Companions in Northamptonshire</h1>\n<table class=\"listing\">\n"
                       "<thead><tr><th>Profile</th><th>Town</th><th>Age</th><th>Rate</th>"
                       "<th>Posted</th></tr></thead>\n<tbody>\n";
    for (const AdvertSpec* ad : AdvertsOnPage(site, page)) {
      main += "<tr><td><a href=\"" + AdvertPath(*ad) + "\">" + EscapeHtml(ad->title) +
              "</a></td><td>" + EscapeHtml(ad->town) + "</td><td>Age " + std::to_string(ad->age) +
              "</td><td>" + EscapeHtml(ad->price) + "</td><td>" + ad->posted + "</td></tr>\n";
    }
    main += "</tbody>\n</table>\n<div class=\"pager\">Pages:";
    for (int p = 1; p <= pages; ++p) {
      main += p == page ? " <strong>" + std::to_string(p) + "</strong>"
                        : " <a href=\"" + ListingPath(p) + "\">" + std::to_string(p) + "</a>";
    }
    if (page < pages) main += " <a rel=\"next\" href=\"" + ListingPath(page + 1) + "\">Next &raquo;</a>";
    main += "</div>\n";
    const std::string head_link =
        page < pages ? "<link rel=\"next\" href=\"" + ListingPath(page + 1) + "\">\n" : "";
    return Frame(site, "Companions, page " + std::to_string(page), head_link, main);
  }

  std::string Advert(const SiteSpec& site, const std::string&, const AdvertSpec& ad) const override {
    std::string main = "<article class=\"ad\">\n<h1 class=\"ad-title\">" + EscapeHtml(ad.title) +
                       "</h1>\n<p class=\"ad-meta\"><span class=\"ad-town\">" + EscapeHtml(ad.town) +
                       "</span> &middot; Age " + std::to_string(ad.age) +
                       " &middot; <time class=\"posted\" datetime=\"" + ad.posted + "\">" +
                       LongDate(ad.posted) + "</time></p>\n<div class=\"ad-body\">\n" +
                       HtmlParagraphs(ad.paragraphs) + "</div>\n" + PhotosHtml(ad) +
                       "<p class=\"ad-rate\">" +
                       EscapeHtml(ad.price) + "</p>\n</article>\n<p><a href=\"" + ListingPath(1) +
                       "\">Back to listings</a></p>\n";
    return Frame(site, ad.title, "", main);
  }

  std::string Plain(const SiteSpec& site, const std::string&, const std::string& heading,
                    const std::string& body_html) const override {
    return Frame(site, heading, "", "<h1>" + EscapeHtml(heading) + "</h1>\n" + body_html);
  }

 private:
  std::string Frame(const SiteSpec& site, const std::string& title, const std::string& head_extra,
                    const std::string& main) const {
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           EscapeHtml(title) + " | " + site.display_name + "</title>\n" + head_extra +
           "</head>\n<body>\n<header class=\"site-header\">" + LogoHtml() +
           "<a class=\"logo\" href=\"/\">" +
           site.display_name +
           "</a>\n<nav class=\"main-nav\"><a href=\"/\">Home</a> <a href=\"" + ListingPath(1) +
           "\">Companions</a> <a href=\"/about\">About</a> <a href=\"/contact\">Contact</a>"
           "</nav></header>\n<main id=\"content\">\n" +
           main +
           "</main>\n<footer class=\"site-footer\"><p>" + site.display_name +
           ", Northampton. Enquiries: <a href=\"tel:" + site.footer_phone_e164 + "\">" +
           site.footer_phone_written + "</a> &middot; <a href=\"mailto:" + site.footer_email +
           "\">" + site.footer_email +
           "</a></p><p>All companions are independent adults.</p></footer>\n</body>\n</html>\n";
  }
};

}  // namespace

const SiteTemplate& VelvetTableTemplate() {
  static const VelvetTable kTemplate{};
  return kTemplate;
}

}  // namespace plainsight::farm
