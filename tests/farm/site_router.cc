#include "tests/farm/farm_photos.h"
#include "tests/farm/site_router.h"

#include <algorithm>
#include <utility>

#include "tests/farm/conditional.h"
#include "tests/farm/html_text.h"
#include "tests/farm/windows_1252.h"

namespace plainsight::farm {

namespace {

// `target` without the tracking parameters sites ignore ("utm_*", "ref"),
// so "/job/12?utm_source=x&ref=list" finds the advert "/job/12".
std::string WithoutTracking(const std::string& target) {
  const std::size_t q = target.find('?');
  if (q == std::string::npos) return target;
  std::string kept;
  std::size_t start = q + 1;
  while (start <= target.size()) {
    std::size_t end = target.find('&', start);
    if (end == std::string::npos) end = target.size();
    const std::string param = target.substr(start, end - start);
    const std::string name = param.substr(0, param.find('='));
    if (!param.empty() && name.rfind("utm_", 0) != 0 && name != "ref") {
      kept += (kept.empty() ? "" : "&") + param;
    }
    start = end + 1;
  }
  return target.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

}  // namespace

std::int64_t AdvertLastModified(const AdvertSpec& ad) {
  const int day = std::max(ad.added_day, ad.changed_day);
  return day > 0 ? FarmDayUnix(day) : UnixAtNine(ad.posted);
}

void AnswerConditionally(const SiteRequest& request, const AdvertSpec& ad, SiteReply* reply) {
  const std::string etag = EtagFor(reply->body);
  const std::int64_t modified = AdvertLastModified(ad);
  reply->headers = {{"ETag", etag}, {"Last-Modified", HttpDate(modified)}};
  if (NotModified(request.if_none_match, request.if_modified_since, etag, modified)) {
    reply->status = 304;
    reply->body.clear();
  }
}

SiteRouter::SiteRouter(std::shared_ptr<const SiteSpec> site)
    : site_(std::move(site)), template_(TemplateFor(site_->layout)) {
  const int pages = ListingPageCount(*site_);
  for (int p = 1; p <= pages; ++p) listing_pages_[template_.ListingPath(p)] = p;
  for (const AdvertSpec& ad : site_->adverts) adverts_[ad.path] = &ad;
  gone_.insert(site_->gone_paths.begin(), site_->gone_paths.end());
}

SiteReply SiteRouter::Html(int status, const std::string& utf8_page) const {
  SiteReply reply;
  reply.status = status;
  reply.content_type = "text/html; charset=" + site_->charset;
  reply.body = site_->charset == "windows-1252" ? Utf8ToWindows1252(utf8_page) : utf8_page;
  return reply;
}

SiteReply SiteRouter::AdvertPage(const SiteRequest& request, const AdvertSpec& ad) const {
  SiteReply reply = Html(200, template_.Advert(*site_, request.base_url, ad));
  AnswerConditionally(request, ad, &reply);
  return reply;
}

std::string SiteRouter::PlainPage(const std::string& base_url, const std::string& target) const {
  const std::string listing = template_.ListingPath(1);
  if (target == "/") {
    return template_.Plain(*site_, base_url, "Welcome to " + site_->display_name,
                           "<p>Browse the latest adverts in Northamptonshire.</p>\n<p><a href=\"" +
                               listing + "\">See all adverts</a></p>\n");
  }
  if (target == "/about") {
    return template_.Plain(*site_, base_url, "About " + site_->display_name,
                           "<p>" + EscapeHtml(site_->display_name) +
                               " is a local advertising site for Northamptonshire.</p>\n");
  }
  if (target == "/contact") {
    return template_.Plain(*site_, base_url, "Contact us",
                           "<p>Use the phone number or email address at the foot of every "
                           "page.</p>\n");
  }
  return "";
}

std::string SiteRouter::Robots(const std::string& base_url) const {
  std::string robots = template_.Robots();
  if (site_->has_sitemap) robots += "\nSitemap: " + base_url + "/sitemap.xml\n";
  return robots;
}

std::string SiteRouter::Sitemap(const std::string& base_url) const {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const AdvertSpec& ad : site_->adverts) {
    if (ad.disallowed) continue;  // a sitemap names only what robots.txt allows
    xml += "  <url><loc>" + EscapeHtml(base_url + ad.path) + "</loc><lastmod>" +
           IsoDate(AdvertLastModified(ad)) + "</lastmod></url>\n";
  }
  return xml + "</urlset>\n";
}

SiteReply SiteRouter::Handle(const SiteRequest& request) const {
  const std::string& target = request.target;
  const std::string& base_url = request.base_url;
  if (request.method != "GET" && request.method != "HEAD") {
    return {405, "text/plain; charset=utf-8", "method not allowed\n", {}, BodyMode::kFixed};
  }
  if (target == "/robots.txt") {
    return {200, "text/plain; charset=utf-8", Robots(base_url), {}, BodyMode::kFixed};
  }
  if (site_->has_sitemap && target == "/sitemap.xml") {
    return {200, "application/xml; charset=utf-8", Sitemap(base_url), {}, BodyMode::kFixed};
  }
  if (auto it = listing_pages_.find(target); it != listing_pages_.end()) {
    return Html(200, template_.Listing(*site_, base_url, it->second));
  }
  if (auto it = adverts_.find(WithoutTracking(target)); it != adverts_.end()) {
    return AdvertPage(request, *it->second);
  }
  if (gone_.count(target) != 0) {
    return Html(410, template_.Plain(*site_, base_url, "Advert removed",
                                     "<p>This advert has been removed by its owner.</p>\n"));
  }
  if (std::string page = PlainPage(base_url, target); !page.empty()) return Html(200, page);
  if (site_->kind == "adult") {
    if (auto photo = PhotoReply(target)) return *photo;
  }
  return Html(404, template_.Plain(*site_, base_url, "Page not found",
                                   "<p>Sorry, that page does not exist.</p>\n"));
}

}  // namespace plainsight::farm
