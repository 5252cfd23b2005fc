// shire-jobs: a jobs board with a <ul> listing whose links are relative
// ("job/123" from /search), field selectors in the config, and a
// schema.org JobPosting JSON-LD block on every vacancy page. Vacancy pages
// name their clean URL in <link rel="canonical">, and every third listing
// entry's title link carries tracking parameters
// ("job/123?utm_source=x&ref=list") next to a clean "Details" link, so a
// crawler meets the same advert under two URLs.
#include <string>

#include "tests/farm/html_text.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

// Appended to some listing links, as ad-tracking sites do.
constexpr char kTrackingQuery[] = "?utm_source=x&ref=list";

std::string EmployerOrAgency(const AdvertSpec& ad) {
  return ad.employer.empty() ? "Recruitment agency" : ad.employer;
}

std::string JobPostingJsonLd(const AdvertSpec& ad) {
  std::string description;
  for (const std::string& p : ad.paragraphs) description += (description.empty() ? "" : "\n") + p;
  std::string address = "{\"@type\":\"PostalAddress\",\"addressLocality\":\"" + EscapeJson(ad.town) + "\"";
  if (!ad.postcode.empty()) address += ",\"postalCode\":\"" + EscapeJson(ad.postcode) + "\"";
  address += ",\"addressRegion\":\"Northamptonshire\",\"addressCountry\":\"GB\"}";
  return "<script type=\"application/ld+json\">\n{\"@context\":\"https://schema.org\","
         "\"@type\":\"JobPosting\",\"title\":\"" +
         EscapeJson(ad.title) + "\",\"description\":\"" + EscapeJson(description) +
         "\",\"datePosted\":\"" + ad.posted +
         "\",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"" +
         EscapeJson(EmployerOrAgency(ad)) +
         "\"},\"jobLocation\":{\"@type\":\"Place\",\"address\":" + address +
         "},\"employmentType\":\"FULL_TIME\"}\n</script>\n";
}

class ShireList final : public SiteTemplate {
 public:
  std::string ListingPath(int page) const override {
    return "/search?page=" + std::to_string(page);
  }
  std::string AdvertPath(const AdvertSpec& ad) const override {
    return "/job/" + std::to_string(ad.id);
  }
  std::string ListingPathPattern() const override { return R"(/search\?page=\d+)"; }
  std::string AdvertPathPattern() const override { return R"(/job/\d+)"; }
  std::string Robots() const override {
    return "# Shire Jobs\nUser-agent: *\nDisallow: /admin/\nDisallow: /account/\n";
  }
  FieldSelectorSpec Fields() const override {
    return {"h1.job-title", "div.job-description", "span.job-location", "time.date-posted"};
  }

  std::string Listing(const SiteSpec& site, const std::string&, int page) const override {
    const int pages = ListingPageCount(site);
    // Relative links on purpose: "job/123" and "search?page=2" resolve
    // against /search?page=N.
    std::string main = "<h1>Jobs in Northamptonshire</h1>\n<ul class=\"results\">\n";
    int position = 0;
    for (const AdvertSpec* ad : AdvertsOnPage(site, page)) {
      const std::string clean = "job/" + std::to_string(ad->id);
      const bool tracked = position++ % 3 == 2;
      main += "<li class=\"result\"><a class=\"result-title\" href=\"" +
              (tracked ? clean + kTrackingQuery : clean) + "\">" + EscapeHtml(ad->title) +
              "</a> <span class=\"result-employer\">" + EscapeHtml(EmployerOrAgency(*ad)) +
              "</span> <span class=\"result-location\">" + EscapeHtml(ad->town) +
              "</span> <span class=\"result-pay\">" + EscapeHtml(ad->pay) + "</span>" +
              (tracked ? " <a class=\"result-details\" href=\"" + clean + "\">Details</a>" : "") +
              "</li>\n";
    }
    main += "</ul>\n<div class=\"pagination\">";
    for (int p = 1; p <= pages; ++p) {
      main += p == page ? "<span class=\"active\">" + std::to_string(p) + "</span> "
                        : "<a href=\"search?page=" + std::to_string(p) + "\">" + std::to_string(p) + "</a> ";
    }
    if (page < pages) {
      main += "<a href=\"search?page=" + std::to_string(page + 1) + "\" rel=\"next\">Next page</a>";
    }
    main += "</div>\n";
    return Frame(site, "Jobs - page " + std::to_string(page), "", main, "");
  }

  std::string Advert(const SiteSpec& site, const std::string& base,
                     const AdvertSpec& ad) const override {
    std::string main = "<div class=\"job\">\n<h1 class=\"job-title\">" + EscapeHtml(ad.title) +
                       "</h1>\n<div class=\"job-summary\"><span class=\"job-employer\">" +
                       EscapeHtml(EmployerOrAgency(ad)) + "</span> – <span class=\"job-location\">" +
                       EscapeHtml(ad.town) + "</span> – <span class=\"job-pay\">" + EscapeHtml(ad.pay) +
                       "</span></div>\n<p class=\"job-date\">Posted <time class=\"date-posted\" datetime=\"" +
                       ad.posted + "\">" + ShortDate(ad.posted) +
                       "</time></p>\n<div class=\"job-description\">\n" + HtmlParagraphs(ad.paragraphs) +
                       "</div>\n</div>\n";
    return Frame(site, ad.title, "<link rel=\"canonical\" href=\"" + base + AdvertPath(ad) + "\">\n",
                 main, JobPostingJsonLd(ad));
  }

  std::string Plain(const SiteSpec& site, const std::string&, const std::string& heading,
                    const std::string& body_html) const override {
    return Frame(site, heading, "", "<h1>" + EscapeHtml(heading) + "</h1>\n" + body_html, "");
  }

 private:
  std::string Frame(const SiteSpec& site, const std::string& title, const std::string& head_extra,
                    const std::string& main, const std::string& tail) const {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           EscapeHtml(title) + " - " + site.display_name + "</title>\n" + head_extra +
           "</head>\n<body>\n<div class=\"masthead\"><span class=\"site-name\">" +
           site.display_name +
           "</span>\n<ul class=\"nav\"><li><a href=\"/\">Home</a></li><li><a href=\"" + ListingPath(1) +
           "\">Find a job</a></li><li><a href=\"/about\">About</a></li><li><a href=\"/contact\">"
           "Contact</a></li></ul></div>\n<div class=\"content\">\n" +
           main + "</div>\n<div class=\"footer\"><p>" + site.display_name +
           ", Northampton. Advertise with us: " + site.footer_phone_written +
           " or <a href=\"mailto:" + site.footer_email + "\">" + site.footer_email +
           "</a></p></div>\n" + tail + "</body>\n</html>\n";
  }
};

}  // namespace

const SiteTemplate& ShireListTemplate() {
  static const ShireList kTemplate{};
  return kTemplate;
}

}  // namespace plainsight::farm
