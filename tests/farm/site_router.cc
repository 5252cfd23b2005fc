#include "tests/farm/site_router.h"

#include "tests/farm/html_text.h"
#include "tests/farm/windows_1252.h"

namespace plainsight::farm {

SiteRouter::SiteRouter(const SiteSpec& site) : site_(site), template_(TemplateFor(site.layout)) {
  const int pages = ListingPageCount(site);
  for (int p = 1; p <= pages; ++p) listing_pages_[template_.ListingPath(p)] = p;
  for (const AdvertSpec& ad : site.adverts) adverts_[ad.path] = &ad;
}

SiteReply SiteRouter::Html(int status, const std::string& utf8_page) const {
  SiteReply reply;
  reply.status = status;
  reply.content_type = "text/html; charset=" + site_.charset;
  reply.body = site_.charset == "windows-1252" ? Utf8ToWindows1252(utf8_page) : utf8_page;
  return reply;
}

std::string SiteRouter::PlainPage(const std::string& base_url, const std::string& target) const {
  const std::string listing = template_.ListingPath(1);
  if (target == "/") {
    return template_.Plain(site_, base_url, "Welcome to " + site_.display_name,
                           "<p>Browse the latest adverts in Northamptonshire.</p>\n<p><a href=\"" +
                               listing + "\">See all adverts</a></p>\n");
  }
  if (target == "/about") {
    return template_.Plain(site_, base_url, "About " + site_.display_name,
                           "<p>" + EscapeHtml(site_.display_name) +
                               " is a local advertising site for Northamptonshire.</p>\n");
  }
  if (target == "/contact") {
    return template_.Plain(site_, base_url, "Contact us",
                           "<p>Use the phone number or email address at the foot of every "
                           "page.</p>\n");
  }
  return "";
}

SiteReply SiteRouter::Handle(const std::string& method, const std::string& target,
                             const std::string& base_url) const {
  if (method != "GET" && method != "HEAD") {
    return {405, "text/plain; charset=utf-8", "method not allowed\n"};
  }
  if (target == "/robots.txt") return {200, "text/plain; charset=utf-8", template_.Robots()};
  if (auto it = listing_pages_.find(target); it != listing_pages_.end()) {
    return Html(200, template_.Listing(site_, base_url, it->second));
  }
  if (auto it = adverts_.find(target); it != adverts_.end()) {
    return Html(200, template_.Advert(site_, base_url, *it->second));
  }
  if (std::string page = PlainPage(base_url, target); !page.empty()) return Html(200, page);
  return Html(404, template_.Plain(site_, base_url, "Page not found",
                                   "<p>Sorry, that page does not exist.</p>\n"));
}

}  // namespace plainsight::farm
