// The crawl engine against the real farm on 127.0.0.1 and a real RocksDB.
#include "crawler/crawler.h"
#include "crawler/provisional_advert.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "warc/reader.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct Setup {
  explicit Setup(bool hostile = false) {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-crawler-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    REQUIRE(farm.Start().ok());
    farm::ConfigOptions options = testing::FarmConfigOptions(dir + "/store", 20);
    options.include_hostile_site = hostile;
    auto parsed = testing::ParseFarmConfig(farm, options, dir);
    REQUIRE(parsed.ok());
    config = *parsed;
    auto loaded = PatternSet::LoadFiles(config.pattern_paths);
    REQUIRE(loaded.ok());
    patterns = *loaded;
    store = std::move(Store::Open(config.store.path, {})).value();
  }
  ~Setup() {
    store.reset();
    farm.Stop();
    fs::remove_all(dir);
  }
  void ForEachSite(const std::function<void(CrawlSettings&)>& change) {
    change(config.crawl);
    for (SiteConfig& site : config.sites) change(site.crawl);
  }
  CrawlSummary Crawl(CrawlerOptions crawler_options = {}) {
    crawler_options.retry_base = std::chrono::milliseconds(50);
    Crawler crawler(config, patterns, store.get(), SystemClock::Get(), nullptr, crawler_options);
    auto summary = crawler.Run();
    REQUIRE(summary.ok());
    return *summary;
  }
  farm::Farm farm;
  std::string dir;
  Config config;
  std::shared_ptr<const PatternSet> patterns;
  std::unique_ptr<Store> store;
};

TEST_CASE("Crawler_PrivateAddresses_RefusedUnlessAllowed") {
  Setup s;
  s.ForEachSite([](CrawlSettings& c) { c.allow_private_addresses = false; });
  CrawlSummary summary = s.Crawl();
  CHECK(summary.AnyFailed());
  CHECK(s.farm.requests().empty());  // refused before connecting, robots.txt included
  for (const SiteSummary& site : summary.sites) {
    CHECK(site.failed);
    CHECK(site.pages_fetched == 0);
  }
}

TEST_CASE("Crawler_MaxPages_BoundsTheRun") {
  Setup s;
  s.config.crawl.max_pages = 5;
  CrawlSummary summary = s.Crawl();
  CHECK(summary.TotalPages() == 5);
  CHECK(summary.stopped_at_max_pages);
  size_t page_requests = 0;
  for (const auto& r : s.farm.requests()) page_requests += r.path == "/robots.txt" ? 0u : 1u;
  CHECK(page_requests == 5);
}

TEST_CASE("Crawler_RespectRobots_IsWhatBlocksDisallowedPaths") {
  static const struct {
    bool respect;
    bool expect_disallowed_fetched;
  } kCases[] = {{true, false}, {false, true}};
  for (const auto& c : kCases) {
    CAPTURE(c.respect);
    Setup s;
    s.ForEachSite([&](CrawlSettings& settings) { settings.respect_robots = c.respect; });
    CrawlSummary summary = s.Crawl();
    CHECK_FALSE(summary.AnyFailed());
    bool fetched_disallowed = false, fetched_robots = false;
    for (const farm::FarmSite& site : s.farm.sites()) {
      for (const auto& r : s.farm.requests()) {
        if (r.port != site.port) continue;
        if (r.path == "/robots.txt") fetched_robots = true;
        if (!site.disallowed_prefix.empty() && r.path.rfind(site.disallowed_prefix, 0) == 0) {
          fetched_disallowed = true;
        }
      }
    }
    CHECK(fetched_disallowed == c.expect_disallowed_fetched);
    CHECK(fetched_robots == c.respect);
    int blocked = 0;
    for (const auto& site : summary.sites) blocked += site.robots_blocked;
    CHECK((blocked > 0) == c.respect);
  }
}

TEST_CASE("Crawler_EveryCrawlableAdvert_StoredOnceWithItsContacts") {
  Setup s;
  CrawlSummary summary = s.Crawl();
  size_t crawlable = 0;
  for (const farm::FarmAdvert& a : s.farm.adverts()) crawlable += a.disallowed_by_robots ? 0 : 1;
  CHECK(static_cast<size_t>(summary.TotalNewAdverts()) == crawlable);
  CHECK(*s.store->CountAdverts() == crawlable);
  for (const farm::FarmAdvert& a : s.farm.adverts()) {
    if (a.disallowed_by_robots) continue;
    CAPTURE(a.url);
    auto stored = s.store->GetAdvert(AdvertIdForUrl(a.url));
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    for (const auto& phone : a.phones_e164) {
      CHECK(std::count((*stored)->phones.begin(), (*stored)->phones.end(), phone) == 1);
    }
    for (const auto& postcode : a.postcodes) {
      CHECK(std::count((*stored)->postcodes.begin(), (*stored)->postcodes.end(), postcode) == 1);
    }
  }
  // Recrawl: nothing new, everything unchanged.
  CrawlSummary second = s.Crawl();
  CHECK(second.TotalNewAdverts() == 0);
  CHECK(*s.store->CountAdverts() == crawlable);
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

const SiteSummary& SiteNamed(const CrawlSummary& summary, const std::string& name) {
  for (const SiteSummary& s : summary.sites) {
    if (s.name == name) return s;
  }
  FAIL("no site " << name);
  return summary.sites.front();
}

size_t RequestsTo(const farm::Farm& farm, const std::string& url) {
  size_t n = 0;
  for (const auto& r : farm.requests()) {
    if (url.size() >= r.path.size() &&
        url.compare(url.size() - r.path.size(), r.path.size(), r.path) == 0 &&
        url.find(":" + std::to_string(r.port) + "/") != std::string::npos) {
      ++n;
    }
  }
  return n;
}

// RFC 9309 2.4: a robots.txt answer may be cached, for at most 24 hours.
TEST_CASE("Crawler_RobotsTxt_CachedInTheStoreBetweenRuns") {
  Setup s;
  s.Crawl();
  size_t robots_first = 0;
  for (const auto& r : s.farm.requests()) robots_first += r.path == "/robots.txt" ? 1u : 0u;
  CHECK(robots_first == s.farm.sites().size());
  s.farm.ClearRequests();
  s.Crawl();
  for (const auto& r : s.farm.requests()) CHECK(r.path != "/robots.txt");
}

TEST_CASE("Crawler_Incremental_EditsRemovalsAndNewAdvertsOfTheNextDay") {
  Setup s;
  for (SiteConfig& site : s.config.sites) site.recrawl_after_hours = 0;  // revalidate everything
  CrawlSummary first = s.Crawl();
  REQUIRE_FALSE(first.AnyFailed());
  s.farm.AdvanceDay();
  const farm::DayChanges day = s.farm.changes().back();
  CrawlSummary second = s.Crawl();
  int changed = 0, not_modified = 0, removed = 0, added = 0;
  for (const SiteSummary& site : second.sites) {
    changed += site.adverts_changed;
    not_modified += site.adverts_not_modified;
    removed += site.adverts_removed;
    added += site.adverts_new;
  }
  CHECK(changed == static_cast<int>(day.edited.size()));
  CHECK(added == static_cast<int>(day.added.size()));
  CHECK(removed == static_cast<int>(day.removed_404.size() + day.removed_410.size()));
  CHECK(not_modified > 0);  // unchanged adverts answered 304
  for (const auto& url : day.removed_404) {
    auto stored = s.store->GetAdvert(AdvertIdForUrl(url));
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->removed);
    CHECK((*stored)->removed_at > 0);
  }
}

TEST_CASE("Crawler_RecentAdverts_NotRefetchedWithinRecrawlAfter") {
  Setup s;  // recrawl_after_hours defaults to 24
  s.Crawl();
  s.farm.ClearRequests();
  CrawlSummary again = s.Crawl();
  for (const farm::FarmAdvert& a : s.farm.adverts()) {
    CAPTURE(a.url);
    CHECK(RequestsTo(s.farm, a.url) == 0);
  }
  int seen = 0;
  for (const SiteSummary& site : again.sites) seen += site.adverts_not_modified;
  CHECK(seen > 0);
}

TEST_CASE("Crawler_HostileSite_EveryFaultContainedAndCounted") {
  Setup s(true);
  for (SiteConfig& site : s.config.sites) {
    site.crawl.timeout_ms = 3000;
    site.crawl.max_body_bytes = 2000000;
    site.crawl.per_host_delay_ms = 20;
  }
  CrawlSummary summary = s.Crawl();
  const SiteSummary& hostile = SiteNamed(summary, "hostile-board");
  const farm::HostileEndpoints urls = s.farm.HostileUrls();
  CHECK(hostile.truncated >= 2);        // the gzip bomb and the 20 MB page stop at max_body_bytes
  // ... and are evidence only, never adverts.
  CHECK_FALSE(s.store->GetAdvert(AdvertIdForUrl(urls.bomb))->has_value());
  CHECK_FALSE(s.store->GetAdvert(AdvertIdForUrl(urls.huge))->has_value());
  CHECK(hostile.skipped_content == 1);  // the PDF
  CHECK(hostile.retries >= 3);          // 429 once, 503 twice
  CHECK(hostile.traps_skipped > 0);     // endless pagination and /a/a/a/
  CHECK(hostile.fetch_errors >= 3);     // redirect loop, slow loris, endless, metadata redirect
  // Throttled and flaky pages got through on retry.
  CHECK(s.store->GetAdvert(AdvertIdForUrl(urls.rate_limited))->has_value());
  CHECK(s.store->GetAdvert(AdvertIdForUrl(urls.flaky))->has_value());
  // The page with only a <meta charset=iso-8859-1> reads as UTF-8.
  auto latin1 = s.store->GetAdvert(AdvertIdForUrl(urls.latin1));
  REQUIRE(latin1.ok());
  REQUIRE(latin1->has_value());
  CHECK((*latin1)->text.find("£") != std::string::npos);
  CHECK((*latin1)->text.find("é") != std::string::npos);
  // Broken HTML still yields its contact and its pay.
  auto broken = s.store->GetAdvert(AdvertIdForUrl(urls.broken));
  REQUIRE(broken.ok());
  REQUIRE(broken->has_value());
  CHECK(std::count((*broken)->phones.begin(), (*broken)->phones.end(), "+447700900777") == 1);
  // The redirect to the metadata address never connected.
  CHECK_FALSE(s.store->GetAdvert(AdvertIdForUrl(urls.private_redirect))->has_value());
  // Endless pagination stopped: at most max_barren_listing_pages past the last advert page.
  size_t listing_pages = 0;
  for (const auto& r : s.farm.requests())
    listing_pages += r.path.rfind("/list?page=", 0) == 0 ? 1u : 0u;
  CHECK(listing_pages <= 3 + 5 + 1);
  // The other sites are untouched by their neighbour's faults.
  for (const SiteSummary& site : summary.sites) {
    if (site.name != "hostile-board") CHECK_FALSE(site.failed);
  }
}

TEST_CASE("Crawler_CrawlDelay_HonouredAsTheLargerDelay") {
  Setup s(true);
  for (SiteConfig& site : s.config.sites) {
    site.crawl.timeout_ms = 3000;
    if (site.name == "hostile-board") site.crawl.max_pages = 6;  // enough gaps to measure
  }
  s.Crawl();
  const int port = s.farm.hostile_site().port;
  std::vector<farm::FarmRequest> to_hostile;
  for (const auto& r : s.farm.requests()) {
    if (r.port == port) to_hostile.push_back(r);
  }
  REQUIRE(to_hostile.size() > 3);
  for (size_t i = 1; i < to_hostile.size(); ++i) {
    auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(to_hostile[i].received -
                                                                     to_hostile[i - 1].responded);
    CAPTURE(to_hostile[i].path);
    CHECK(gap.count() >= 1000);  // robots.txt says Crawl-delay: 1; config says 20 ms
  }
}

TEST_CASE("Crawler_Sitemaps_UsedAsSeedsWhenTheSiteAsks") {
  Setup s;
  for (SiteConfig& site : s.config.sites) site.sitemaps = true;
  s.Crawl();
  bool fetched_sitemap = false;
  for (const auto& r : s.farm.requests())
    fetched_sitemap = fetched_sitemap || r.path == "/sitemap.xml";
  CHECK(fetched_sitemap);
}

TEST_CASE("Crawler_WarcEvidence_EveryAdvertReadsBackWithItsSha256") {
  Setup s;
  CrawlSummary summary = s.Crawl();
  int records = 0;
  for (const SiteSummary& site : summary.sites) records += site.warc_records;
  CHECK(records == summary.TotalNewAdverts());
  size_t checked = 0;
  REQUIRE(s.store
              ->ForEachAdvert([&](const AdvertRecord& a) {
                CAPTURE(a.url);
                CHECK_FALSE(a.warc_file.empty());
                auto back =
                    ReadWarcRecord(s.config.store.path + "/warc",
                                   {a.warc_file, a.warc_offset, a.warc_length, a.sha256, ""});
                REQUIRE(back.ok());
                CHECK(back->payload_sha256 == a.sha256);
                ++checked;
                return true;
              })
              .ok());
  CHECK(checked == static_cast<size_t>(summary.TotalNewAdverts()));
}

TEST_CASE("Crawler_TrackingParameters_StrippedAndCanonicalNamesTheAdvert") {
  Setup s;
  s.Crawl();
  REQUIRE(s.store
              ->ForEachAdvert([&](const AdvertRecord& a) {
                CAPTURE(a.url);
                CHECK(a.url.find("utm_") == std::string::npos);
                CHECK(a.url.find("ref=") == std::string::npos);
                return true;
              })
              .ok());
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// Issue: site boilerplate is learnt per site and excluded from entities.
TEST_CASE("Crawler_SiteFooterContacts_LearntAndKeptOutOfAdverts") {
  Setup s;
  s.Crawl();
  for (const farm::FarmSite& site : s.farm.sites()) {
    CAPTURE(site.name);
    int with_footer = 0, adverts = 0;
    REQUIRE(s.store
                ->ForEachAdvert([&](const AdvertRecord& a) {
                  if (a.site != site.name) return true;
                  ++adverts;
                  bool footer =
                      std::count(a.phones.begin(), a.phones.end(), site.footer_phone_e164) > 0 ||
                      std::count(a.emails.begin(), a.emails.end(), site.footer_email) > 0;
                  with_footer += footer ? 1 : 0;
                  return true;
                })
                .ok());
    CHECK(adverts > 10);
    // Not even the first pages, parsed before the site's chrome was known:
    // they are extracted again at the end of the run.
    CHECK(with_footer == 0);
  }
  // Every provisional advert was settled, its note deleted with it.
  size_t notes = 0;
  REQUIRE(s.store
              ->ForEachMeta(kProvisionalPrefix,
                            [&](const std::string&, const std::string&) {
                              ++notes;
                              return true;
                            })
              .ok());
  CHECK(notes == 0);
}

// A note a killed run left behind is settled by the next run, even when that
// run fetches nothing new for the advert.
TEST_CASE("Crawler_ProvisionalNoteFromKilledRun_SettledByNextRun") {
  Setup s;
  s.Crawl();
  AdvertRecord victim;
  REQUIRE(s.store
              ->ForEachAdvert([&](const AdvertRecord& a) {
                victim = a;
                return false;
              })
              .ok());
  REQUIRE(!victim.id.empty());
  // As a killed run would have left it: content extracted from a page whose
  // footer was not yet known, and the page kept in a note.
  const std::string page =
      "<html><head><title>Cleaner wanted</title></head><body><p>Call 07700 900555 today.</p>"
      "</body></html>";
  AdvertRecord provisional = victim;
  provisional.title = "stale";
  provisional.phones = {"+447700900999"};
  REQUIRE(s.store->ReplaceAdvertContent(provisional, {}).ok());
  REQUIRE(s.store
              ->PutMeta(ProvisionalKey(victim.id),
                        EncodeProvisionalPage({victim.site, "text/html", "2026-11-28", page}))
              .ok());
  s.Crawl();
  auto settled = s.store->GetAdvert(victim.id);
  REQUIRE(settled.ok());
  REQUIRE(settled->has_value());
  CHECK((*settled)->title == "Cleaner wanted");
  CHECK((*settled)->phones == std::vector<std::string>{"+447700900555"});
  CHECK((*settled)->sha256 == victim.sha256);
  CHECK(s.store->AdvertIdsForEntity(EntityType::kPhone, "+447700900999")->empty());
  CHECK_FALSE(s.store->GetMeta(ProvisionalKey(victim.id))->has_value());
}

}  // namespace
}  // namespace plainsight
