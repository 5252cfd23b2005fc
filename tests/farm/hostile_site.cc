#include "tests/farm/hostile_site.h"

#include <cstdlib>
#include <utility>

#include "tests/farm/html_text.h"
#include "tests/farm/phone_book.h"
#include "tests/farm/site_router.h"

namespace plainsight::farm {

namespace {

constexpr char kHtml[] = "text/html; charset=utf-8";
constexpr int kBrokenNestingDepth = 5000;
constexpr int kRateLimitedRefusals = 1;
constexpr int kFlakyFailures = 2;

// Which fault endpoints each listing page links to, by index into
// kHostileEndpoints; the rest of a page is ordinary vacancies.
const char* const kPageOneFaults[] = {"bomb", "huge", "endless", "slow", "truncated"};
const char* const kPageTwoFaults[] = {"loop1", "redirect-chain", "pdf", "latin1", "broken"};
const char* const kPageThreeFaults[] = {"rate-limited", "flaky", "private-redirect"};

const char* PathOf(const std::string& name) {
  for (const HostileEndpoint& e : kHostileEndpoints) {
    if (name == e.name) return e.path;
  }
  return "/";
}

// "/list?page=N" -> N, or 0 if `target` is no listing page.
int ListingPageOf(const std::string& target) {
  static const std::string kPrefix = "/list?page=";
  if (target.rfind(kPrefix, 0) != 0) return 0;
  const std::string digits = target.substr(kPrefix.size());
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return 0;
  }
  return std::atoi(digits.c_str());
}

bool IsPathTrap(const std::string& target) {
  if (target.size() < 3 || target.size() % 2 != 1) return false;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] != (i % 2 == 0 ? '/' : 'a')) return false;
  }
  return true;
}

std::string LinkItem(const std::string& path, const std::string& title) {
  return "<li><a href=\"" + path + "\">" + EscapeHtml(title) + "</a></li>\n";
}

std::string BrokenHtml() {
  const std::string phone = WritePhone(kBrokenPagePhone, PhoneStyle::kSpaced);
  std::string html =
      "<html><head><title>Packers wanted - Hostile Board<body>\n"
      "<div class=\"job\"><h1>Packers wanted</h1></div></div></div></span>\n"
      "<table><tr><td><table><tr><td><p>Call " + phone + " today.<td><b><i>£5 per hour, 60 hours "
      "a week</b></i>\n<table><tr><td><table><td>nested<tr><td>deeper</table>\n"
      "<p>Unclosed paragraph <span>unclosed span <a href=\"/job/broken\">this page\n"
      "</td></tr></table></td></tr>\n<li>stray item</ul></ol>\n";
  for (int i = 0; i < kBrokenNestingDepth; ++i) html += "<div>";
  html += "\n<p>Deep down: call " + phone + ", £5 per hour, 60 hours a week.\n";
  for (int i = 0; i < kBrokenNestingDepth / 2; ++i) html += "</div>";
  return html + "\n</table></td></body>\n";
}

std::string Latin1Html() {
  const std::string phone = WritePhone(kLatin1PagePhone, PhoneStyle::kSpaced);
  // Bytes, not UTF-8: \xA3 is "£" and \xE9 is "é" in ISO-8859-1, and only
  // the <meta> says so (the Content-Type header names no charset).
  return "<!doctype html>\n<html><head><meta charset=\"ISO-8859-1\">\n"
         "<title>Caf\xE9 kitchen porter - Hostile Board</title></head><body>\n"
         "<h1>Caf\xE9 kitchen porter</h1>\n<p>Busy caf\xE9 in Northampton needs a kitchen porter."
         " Pay \xA3" "12.60 per hour, 40 hours a week.</p>\n<p>Call " + phone +
         ".</p>\n</body></html>\n";
}

constexpr char kPdf[] =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

}  // namespace

std::string RedirectChainPath(int hop) {
  return hop == 0 ? "/job/redirect-chain" : "/job/redirect-chain-" + std::to_string(hop);
}

std::string HostileListingPath(int page) { return "/list?page=" + std::to_string(page); }

HostileRouter::HostileRouter(std::shared_ptr<const SiteSpec> site) : site_(std::move(site)) {}

SiteReply HostileRouter::Page(int status, const std::string& title, const std::string& main) const {
  SiteReply reply;
  reply.status = status;
  reply.content_type = kHtml;
  reply.body = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
               EscapeHtml(title) + " - " + site_->display_name +
               "</title></head><body>\n<div class=\"top\"><a href=\"/\">" + site_->display_name +
               "</a> <a href=\"" + HostileListingPath(1) + "\">Jobs</a> <a href=\"" + kPathTrapPath +
               "\">Archive</a></div>\n<div class=\"main\">\n" + main +
               "</div>\n<div class=\"foot\">" + site_->display_name + " - " +
               site_->footer_phone_written + " - " + site_->footer_email + "</div>\n</body></html>\n";
  return reply;
}

SiteReply HostileRouter::Listing(int page) const {
  std::string main = "<h1>Vacancies, page " + std::to_string(page) + "</h1>\n<ul class=\"jobs\">\n";
  const std::size_t per_page =
      (site_->adverts.size() + kHostileListingPagesWithAdverts - 1) / kHostileListingPagesWithAdverts;
  if (page <= kHostileListingPagesWithAdverts) {
    const auto first = static_cast<std::size_t>(page - 1) * per_page;
    for (std::size_t i = first; i < first + per_page && i < site_->adverts.size(); ++i) {
      main += LinkItem(site_->adverts[i].path, site_->adverts[i].title);
    }
    auto add_faults = [&main](const auto& names) {
      for (const char* name : names) main += LinkItem(PathOf(name), std::string("Vacancy: ") + name);
    };
    if (page == 1) add_faults(kPageOneFaults);
    if (page == 2) add_faults(kPageTwoFaults);
    if (page == 3) add_faults(kPageThreeFaults);
  } else {
    main += "<li>No more vacancies.</li>\n";
  }
  // The trap: there is always a next page.
  main += "</ul>\n<p><a rel=\"next\" href=\"" + HostileListingPath(page + 1) + "\">Next page</a></p>\n";
  return Page(200, "Vacancies page " + std::to_string(page), main);
}

SiteReply HostileRouter::Redirect(const std::string& location) const {
  SiteReply reply;
  reply.status = 302;
  reply.content_type = kHtml;
  reply.body = "<p>Moved <a href=\"" + EscapeHtml(location) + "\">here</a>.</p>\n";
  reply.headers = {{"Location", location}};
  return reply;
}

SiteReply HostileRouter::Fault(const SiteRequest& request, const std::string& path) const {
  const std::string& base = request.base_url;
  SiteReply reply;
  reply.content_type = kHtml;
  if (path == "/job/bomb") {
    reply.mode = BodyMode::kGzipBomb;
  } else if (path == "/job/huge") {
    reply.mode = BodyMode::kHuge;
  } else if (path == "/job/endless") {
    reply.mode = BodyMode::kEndless;
  } else if (path == "/job/slow") {
    reply.mode = BodyMode::kSlow;
  } else if (path == "/job/truncated") {
    reply.mode = BodyMode::kTruncated;
  } else if (path == "/job/loop1") {
    return Redirect(base + kLoop2Path);
  } else if (path == kLoop2Path) {
    return Redirect(base + "/job/loop1");
  } else if (path == "/job/pdf") {
    reply.content_type = "application/pdf";
    reply.body = kPdf;
  } else if (path == "/job/latin1") {
    reply.content_type = "text/html";
    reply.body = Latin1Html();
  } else if (path == "/job/broken") {
    reply.body = BrokenHtml();
  } else if (path == "/job/rate-limited") {
    if (rate_limited_hits_++ < kRateLimitedRefusals) {
      reply = Page(429, "Too many requests", "<p>Slow down.</p>\n");
      reply.headers = {{"Retry-After", "2"}};
      return reply;
    }
    return Page(200, "Kitchen assistant",
                "<h1>Kitchen assistant</h1>\n<p>Hotel kitchen in Towcester, £12.60 per hour, "
                "37.5 hours a week.</p>\n");
  } else if (path == "/job/flaky") {
    if (flaky_hits_++ < kFlakyFailures) return Page(503, "Service unavailable", "<p>Try later.</p>\n");
    return Page(200, "Delivery driver",
                "<h1>Delivery driver</h1>\n<p>Local parcel rounds from Brackley, £12.80 per hour, "
                "40 hours a week.</p>\n");
  } else if (path == "/job/private-redirect") {
    return Redirect(kPrivateRedirectTarget);
  } else {
    for (int hop = 0; hop < kRedirectChainHops; ++hop) {
      if (path == RedirectChainPath(hop)) return Redirect(base + RedirectChainPath(hop + 1));
    }
    if (path == RedirectChainPath(kRedirectChainHops)) {
      return Page(200, "Forklift driver",
                  "<h1>Forklift driver</h1>\n<p>You followed seven redirects to reach this "
                  "vacancy. Warehouse in Daventry, £13.20 per hour.</p>\n");
    }
    reply.status = 0;  // not a fault endpoint
  }
  return reply;
}

SiteReply HostileRouter::Handle(const SiteRequest& request) const {
  const std::string& target = request.target;
  if (request.method != "GET" && request.method != "HEAD") {
    return {405, "text/plain; charset=utf-8", "method not allowed\n", {}, BodyMode::kFixed};
  }
  if (target == "/robots.txt") {
    return {200, "text/plain; charset=utf-8",
            "# Hostile Board\nUser-agent: *\nCrawl-delay: 1\nDisallow: /admin/\n", {},
            BodyMode::kFixed};
  }
  if (target == "/") {
    return Page(200, "Welcome", "<h1>Hostile Board</h1>\n<p><a href=\"" + HostileListingPath(1) +
                                    "\">Browse vacancies</a></p>\n");
  }
  if (const int page = ListingPageOf(target); page > 0) return Listing(page);
  if (IsPathTrap(target)) {
    // Relative on purpose: "a/" from /a/a/ is /a/a/a/, and so on for ever.
    return Page(200, "Archive", "<h1>Archive</h1>\n<p><a href=\"a/\">Older vacancies</a></p>\n");
  }
  for (const AdvertSpec& ad : site_->adverts) {
    if (ad.path != target) continue;
    SiteReply reply = Page(200, ad.title,
                           "<h1>" + EscapeHtml(ad.title) + "</h1>\n<p>" + EscapeHtml(ad.town) + " - " +
                               EscapeHtml(ad.pay) + "</p>\n" + HtmlParagraphs(ad.paragraphs));
    AnswerConditionally(request, ad, &reply);
    return reply;
  }
  if (target.rfind("/job/", 0) == 0) {
    if (SiteReply fault = Fault(request, target); fault.status != 0) return fault;
  }
  return Page(404, "Page not found", "<p>Sorry, that page does not exist.</p>\n");
}

}  // namespace plainsight::farm
