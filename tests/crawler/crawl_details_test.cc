// Three crawl details on small sites served on 127.0.0.1 (issue 14 item 7
// and the summary race of item 2):
//
// Canonical_*: an advert linked both as /profile/a?src=listing and as
//   /profile/a (its canonical) is stored once, and once its advert is done
//   in a run no other URL known to name it is fetched again.
// Truncated_*: a body cut at max_body_bytes is WARC evidence marked
//   truncated, never an advert.
// Summary_*: a robots.txt that cannot be read is counted on the fetch
//   thread while workers count their pages; under ThreadSanitizer (the
//   TSan stage of scripts/test) an unlocked count is a reported race.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "crawler/crawler.h"
#include "tests/support/small_sites.h"

namespace plainsight {
namespace {

using testing::Html;
using testing::MapRouter;
using testing::SiteBlock;
using testing::SmallSites;
using testing::Text;

namespace fs = std::filesystem;

std::string Listing(const std::vector<std::string>& hrefs) {
  std::string body = "<html><body><h1>Listing</h1><ul>";
  for (const std::string& href : hrefs) body += "<li><a href=\"" + href + "\">advert</a></li>";
  return body + "</ul></body></html>";
}

std::string Advert(const std::string& canonical_path, const std::string& phone) {
  std::string head = "<title>Cleaner wanted</title>";
  if (!canonical_path.empty()) head += "<link rel=\"canonical\" href=\"" + canonical_path + "\">";
  return "<html><head>" + head + "</head><body><h1>Cleaner wanted</h1><p>Evening cleaning, call " +
         phone + ".</p></body></html>";
}

TEST_CASE("Canonical_VariantLinkedAfterItsCanonical_NotFetchedOnceTheAdvertIsDone") {
  SmallSites s;
  std::map<std::string, farm::SiteReply> pages;
  pages["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
  // /profile/a's variant comes first; /profile/b's comes after it.
  pages["/list"] = Html(Listing({"/profile/a?src=listing", "/profile/a", "/profile/b",
                                 "/profile/b?src=listing"}));
  pages["/profile/a"] = Html(Advert("/profile/a", "07700 900401"));
  pages["/profile/a?src=listing"] = Html(Advert("/profile/a", "07700 900401"));
  pages["/profile/b"] = Html(Advert("/profile/b", "07700 900402"));
  pages["/profile/b?src=listing"] = Html(Advert("/profile/b", "07700 900402"));
  const std::string base = s.Serve("profiles", pages);
  s.Configure(SiteBlock("profiles", base, "\\/profile\\/[a-z]+(\\?src=listing)?$"));

  CrawlSummary first = s.Crawl();
  REQUIRE(first.sites.size() == 1);
  CHECK(*s.store().CountAdverts() == 2);
  CHECK(first.sites[0].adverts_new == 2);
  // The variant of a was fetched and stored under /profile/a, so /profile/a
  // itself was not asked for; b's variant could not be known before it was
  // fetched, and was not stored a second time.
  CHECK(s.Requests("/profile/a?src=listing") == 1);
  CHECK(s.Requests("/profile/a") == 0);
  CHECK(s.Requests("/profile/b") == 1);
  CHECK(s.Requests("/profile/b?src=listing") == 1);
  CHECK(first.sites[0].canonical_duplicates == 2);

  // The next run knows both variants name stored adverts: each advert is
  // revalidated under one URL only.
  CrawlSummary second = s.Crawl();
  CHECK(*s.store().CountAdverts() == 2);
  CHECK(s.Requests("/profile/a?src=listing") + s.Requests("/profile/a") == 1);
  CHECK(s.Requests("/profile/b") + s.Requests("/profile/b?src=listing") == 1);
  CHECK(second.sites[0].canonical_duplicates == 2);
  CHECK(second.sites[0].adverts_removed == 0);
  auto a = s.store().GetAdvert(AdvertIdForUrl(base + "/profile/a"));
  REQUIRE(a.ok());
  REQUIRE(a->has_value());
  CHECK_FALSE((*a)->removed);
}

// Every WARC file's records, decompressed (zcat reads every gzip member).
std::string AllWarcRecords(const std::string& dir) {
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string command = "zcat '" + entry.path().string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[65536];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) all.append(buffer, n);
    CHECK(::pclose(pipe) == 0);
  }
  return all;
}

TEST_CASE("Truncated_BodyCutAtMaxBodyBytes_KeptAsEvidenceNeverStoredAsAdvert") {
  SmallSites s;
  std::map<std::string, farm::SiteReply> pages;
  pages["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
  pages["/list"] = Html(Listing({"/job/1", "/job/2"}));
  pages["/job/1"] = Html(Advert("", "07700 900411"));
  std::string huge = Advert("", "07700 900412");
  huge.insert(huge.find("</p>"), std::string(60000, 'x'));
  pages["/job/2"] = Html(huge);
  const std::string base = s.Serve("cut", pages);
  s.Configure(SiteBlock("cut", base, "\\/job\\/\\d+$"), 20000);

  CrawlSummary summary = s.Crawl();
  REQUIRE(summary.sites.size() == 1);
  CHECK(summary.sites[0].truncated == 1);
  CHECK(*s.store().CountAdverts() == 1);
  CHECK(s.store().GetAdvert(AdvertIdForUrl(base + "/job/1"))->has_value());
  CHECK_FALSE(s.store().GetAdvert(AdvertIdForUrl(base + "/job/2"))->has_value());
  // The cut capture is evidence, marked as cut.
  const std::string warc = AllWarcRecords(s.dir() + "/store/warc");
  const size_t record = warc.find("WARC-Target-URI: " + base + "/job/2\r\n");
  REQUIRE(record != std::string::npos);
  const size_t next = warc.find("WARC/1.1\r\n", record);
  CHECK(warc.substr(record, next - record).find("WARC-Truncated: length") != std::string::npos);
}

TEST_CASE("Summary_RobotsUnreachableWhileWorkersCountFetchErrors_EveryErrorCountedOnce") {
  // One site on two hosts. The busy host's adverts link to the other host,
  // whose robots.txt never finishes (the fetch times out after 1 s, on the
  // fetch thread), while workers count the busy host's cut-off pages as
  // fetch errors of the same site: both change one counter at once. An
  // unlocked count on either side is a race ThreadSanitizer reports.
  SmallSites s;
  std::map<std::string, farm::SiteReply> down;
  down["/robots.txt"] = Text(200, "");
  down["/robots.txt"].mode = farm::BodyMode::kSlow;
  const std::string down_base = s.Serve("down", down);
  std::map<std::string, farm::SiteReply> busy;
  busy["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
  std::vector<std::string> hrefs;
  int cut_off = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string path = "/job/" + std::to_string(i);
    hrefs.push_back(path);
    std::string page = Advert("", "07700 900" + std::to_string(500 + i));
    page.insert(page.find("</body>"), "<a href=\"" + down_base + "/list\">partner</a>");
    busy[path] = Html(page);
    if (i % 4 == 3) {  // Content-Length 10000, 3000 bytes, then the connection closes
      busy[path].mode = farm::BodyMode::kTruncated;
      ++cut_off;
    }
  }
  busy["/list"] = Html(Listing(hrefs));
  const std::string busy_base = s.Serve("busy", busy);
  s.Configure(
      "[[sites]]\nname = \"two-hosts\"\nkind = \"jobs\"\nrecrawl_after_hours = 0\n"
      "per_host_delay_ms = 40\ntimeout_ms = 1000\nmax_retries = 0\n"
      "seeds = [\"" + busy_base + "/list\"]\n"
      "follow = ['^http:\\/\\/127\\.0\\.0\\.1:\\d+\\/list$']\n"
      "adverts = ['^http:\\/\\/127\\.0\\.0\\.1:\\d+\\/job\\/\\d+$']\n");

  CrawlSummary summary = s.Crawl();
  REQUIRE(summary.sites.size() == 1);
  const SiteSummary& site = summary.sites[0];
  CHECK(site.adverts_new == 40 - cut_off);
  CHECK(site.fetch_errors == cut_off + 1);  // the cut-off pages and robots.txt
  CHECK_FALSE(site.failed);
  CHECK(s.Requests("/list") == 1);  // the busy host's; the other's was never asked for
}

TEST_CASE("SiteConcurrency_OneSiteValue_BoundsItsTransfersAcrossConnections") {
  // Each answer takes 50 ms, so four connections would overlap; the site's
  // own concurrency allows one transfer at a time, and [crawl]'s (32) more.
  static const struct {
    const char* site_concurrency;  // "" = inherited from [crawl]
    bool one_at_a_time;
  } kCases[] = {{"concurrency = 1\n", true}, {"", false}};
  for (const auto& c : kCases) {
    CAPTURE(c.site_concurrency);
    SmallSites s;
    std::map<std::string, farm::SiteReply> pages;
    pages["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
    std::vector<std::string> hrefs;
    for (int i = 0; i < 12; ++i) {
      hrefs.push_back("/job/" + std::to_string(i));
      pages[hrefs.back()] = Html(Advert("", "07700 900" + std::to_string(800 + i)));
    }
    pages["/list"] = Html(Listing(hrefs));
    std::shared_ptr<const MapRouter> router;
    const std::string base = s.Serve("paced", pages, &router, std::chrono::milliseconds(50));
    s.Configure(SiteBlock("paced", base, "\\/job\\/\\d+$",
                          std::string("per_host_delay_ms = 0\nper_host_connections = 4\n") +
                              c.site_concurrency));
    CrawlSummary summary = s.Crawl();
    CHECK(summary.sites[0].adverts_new == 12);
    CHECK((router->most_at_once() == 1) == c.one_at_a_time);
  }
}

}  // namespace
}  // namespace plainsight
