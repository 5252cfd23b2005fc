// county-work-board: a jobs board listing vacancies as <div> rows, with
// query-string advert URLs (/vacancies/view?id=12), facts in a <table> on
// the vacancy page, and a robots.txt with a second user-agent group.
#include <string>

#include "tests/farm/html_text.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

class CountyRows final : public SiteTemplate {
 public:
  std::string ListingPath(int page) const override {
    return "/vacancies?page=" + std::to_string(page);
  }
  std::string AdvertPath(const AdvertSpec& ad) const override {
    return "/vacancies/view?id=" + std::to_string(ad.id);
  }
  std::string ListingPathPattern() const override { return R"(/vacancies\?page=\d+)"; }
  std::string AdvertPathPattern() const override { return R"(/vacancies/view\?id=\d+)"; }
  std::string Robots() const override {
    // The BadBot group must not apply to plainsight.
    return "User-agent: BadBot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin/\nAllow: /\n";
  }

  std::string Listing(const SiteSpec& site, const std::string&, int page) const override {
    const int pages = ListingPageCount(site);
    std::string main = "<section class=\"vacancies\">\n<h2>Latest vacancies</h2>\n";
    for (const AdvertSpec* ad : AdvertsOnPage(site, page)) {
      main += "<div class=\"vacancy-row\"><div class=\"col-title\"><a href=\"" + AdvertPath(*ad) +
              "\">" + EscapeHtml(ad->title) + "</a></div><div class=\"col-place\">" +
              EscapeHtml(ad->town) + "</div><div class=\"col-pay\">" + EscapeHtml(ad->pay) +
              "</div><div class=\"col-date\">" + ad->posted + "</div></div>\n";
    }
    main += "</section>\n<p class=\"pages\">Page " + std::to_string(page) + " of " +
            std::to_string(pages) + ":";
    if (page > 1) main += " <a href=\"" + ListingPath(page - 1) + "\">Previous</a>";
    for (int p = 1; p <= pages; ++p) {
      main += p == page ? " " + std::to_string(p)
                        : " <a href=\"" + ListingPath(p) + "\">" + std::to_string(p) + "</a>";
    }
    if (page < pages) main += " <a href=\"" + ListingPath(page + 1) + "\" rel=\"next\">Next</a>";
    main += "</p>\n";
    return Frame(site, "Vacancies page " + std::to_string(page), main);
  }

  std::string Advert(const SiteSpec& site, const std::string&, const AdvertSpec& ad) const override {
    const std::string employer = ad.employer.empty() ? "Not stated" : ad.employer;
    std::string main = "<div class=\"vacancy\">\n<h1>" + EscapeHtml(ad.title) +
                       "</h1>\n<table class=\"facts\">\n<tr><th>Employer</th><td>" +
                       EscapeHtml(employer) + "</td></tr>\n<tr><th>Location</th><td>" +
                       EscapeHtml(ad.town) + "</td></tr>\n<tr><th>Pay</th><td>" + EscapeHtml(ad.pay) +
                       "</td></tr>\n<tr><th>Date posted</th><td>" + ad.posted +
                       "</td></tr>\n</table>\n<div class=\"details\">\n" +
                       HtmlParagraphs(ad.paragraphs) + "</div>\n</div>\n";
    return Frame(site, ad.title, main);
  }

  std::string Plain(const SiteSpec& site, const std::string&, const std::string& heading,
                    const std::string& body_html) const override {
    return Frame(site, heading, "<h2>" + EscapeHtml(heading) + "</h2>\n" + body_html);
  }

 private:
  std::string Frame(const SiteSpec& site, const std::string& title, const std::string& main) const {
    return "<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + site.display_name + ": " +
           EscapeHtml(title) + "</title>\n</head>\n<body>\n<div class=\"topbar\"><span class=\"sitename\">" +
           site.display_name + "</span> <div class=\"links\"><a href=\"/\">Home</a> | <a href=\"" +
           ListingPath(1) +
           "\">Vacancies</a> | <a href=\"/about\">About</a> | <a href=\"/contact\">Contact</a>"
           "</div></div>\n<div class=\"page\">\n" +
           main + "</div>\n<div class=\"footer-bar\">" + site.display_name + " helpdesk " +
           site.footer_phone_written + ", " + site.footer_email +
           ". Report a suspicious advert to us.</div>\n</body>\n</html>\n";
  }
};

}  // namespace

const SiteTemplate& CountyRowsTemplate() {
  static const CountyRows kTemplate{};
  return kTemplate;
}

}  // namespace plainsight::farm
