// silk-companions: an adult-services agency site with card listings,
// absolute links that carry the port, path-style pagination, profile URLs
// with a name slug, and pages served as windows-1252 ("£" is byte 0xA3).
// No field selectors: the extractors must find the fields by themselves.
#include <cctype>
#include <string>

#include "tests/farm/farm_photos.h"
#include "tests/farm/html_text.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

std::string Slug(const std::string& name) {
  std::string slug;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return slug.empty() ? "profile" : slug;
}

class SilkCards final : public SiteTemplate {
 public:
  std::string ListingPath(int page) const override {
    return "/browse/page/" + std::to_string(page);
  }
  std::string AdvertPath(const AdvertSpec& ad) const override {
    return "/companions/" + Slug(ad.name) + "-" + std::to_string(ad.id) + ".html";
  }
  std::string ListingPathPattern() const override { return R"(/browse/page/\d+)"; }
  std::string AdvertPathPattern() const override { return R"(/companions/[a-z]+-\d+\.html)"; }
  std::string Robots() const override {
    return "# Silk Companions\nUser-agent: *\nDisallow: /admin\nDisallow: /login\n";
  }

  std::string Listing(const SiteSpec& site, const std::string& base, int page) const override {
    const int pages = ListingPageCount(site);
    std::string main = "<h2 class=\"section-title\">Our companions</h2>\n<div class=\"cards\">\n";
    for (const AdvertSpec* ad : AdvertsOnPage(site, page)) {
      main += "<div class=\"card\"><a class=\"card-link\" href=\"" + base + AdvertPath(*ad) +
              "\"><h3 class=\"card-title\">" + EscapeHtml(ad->title) +
              "</h3></a><p class=\"card-meta\">" + EscapeHtml(ad->town) + " · Age " +
              std::to_string(ad->age) + " · " + EscapeHtml(ad->price) + "</p></div>\n";
    }
    main += "</div>\n<nav class=\"paging\">";
    if (page > 1) main += "<a href=\"" + base + ListingPath(page - 1) + "\" rel=\"prev\">previous</a> ";
    for (int p = 1; p <= pages; ++p) {
      main += p == page ? "<span class=\"current\">" + std::to_string(p) + "</span> "
                        : "<a href=\"" + base + ListingPath(p) + "\">" + std::to_string(p) + "</a> ";
    }
    if (page < pages) main += "<a href=\"" + base + ListingPath(page + 1) + "\" rel=\"next\">next</a>";
    main += "</nav>\n";
    return Frame(site, base, "Our companions - page " + std::to_string(page), main);
  }

  std::string Advert(const SiteSpec& site, const std::string& base,
                     const AdvertSpec& ad) const override {
    std::string main =
        "<div class=\"profile\">\n<h1>" + EscapeHtml(ad.title) +
        "</h1>\n<div class=\"profile-details\"><dl>\n<dt>Location</dt><dd>" + EscapeHtml(ad.town) +
        "</dd>\n<dt>Age</dt><dd>" + std::to_string(ad.age) + "</dd>\n<dt>Rates</dt><dd>" +
        EscapeHtml(ad.price) + "</dd>\n<dt>Posted</dt><dd>" + SlashDate(ad.posted) +
        "</dd>\n</dl></div>\n<div class=\"profile-text\">\n" + HtmlParagraphs(ad.paragraphs) +
        "</div>\n" + PhotosHtml(ad) + "</div>\n";
    return Frame(site, base, ad.title, main);
  }

  std::string Plain(const SiteSpec& site, const std::string& base, const std::string& heading,
                    const std::string& body_html) const override {
    return Frame(site, base, heading,
                 "<h2 class=\"section-title\">" + EscapeHtml(heading) + "</h2>\n" + body_html);
  }

 private:
  std::string Frame(const SiteSpec& site, const std::string& base, const std::string& title,
                    const std::string& main) const {
    return "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n"
           "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\n"
           "<title>" +
           EscapeHtml(title) + " - " + site.display_name +
           "</title>\n</head>\n<body>\n<div id=\"top\">" + LogoHtml() + "<div class=\"brand\">" +
           site.display_name +
           "</div>\n<ul class=\"menu\"><li><a href=\"" + base + "/\">Home</a></li><li><a href=\"" +
           base + ListingPath(1) + "\">Companions</a></li><li><a href=\"" + base +
           "/about\">About us</a></li><li><a href=\"" + base +
           "/contact\">Contact</a></li></ul></div>\n<div class=\"wrap\">\n" + main +
           "</div>\n<div id=\"bottom\">" + site.display_name + " — call " +
           site.footer_phone_written + " — <a href=\"mailto:" + site.footer_email + "\">" +
           site.footer_email + "</a></div>\n</body>\n</html>\n";
  }
};

}  // namespace

const SiteTemplate& SilkCardsTemplate() {
  static const SilkCards kTemplate{};
  return kTemplate;
}

}  // namespace plainsight::farm
