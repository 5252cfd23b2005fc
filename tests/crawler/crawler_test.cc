// The crawl engine against the real farm on 127.0.0.1 and a real RocksDB.
#include <catch2/catch.hpp>
#include <filesystem>

#include "crawler/crawler.h"
#include "tests/farm/farm.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct Setup {
  Setup() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-crawler-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    REQUIRE(farm.Start().ok());
    farm::ConfigOptions options;
    options.store_path = dir + "/store";
    options.pattern_paths = {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
                             PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"};
    options.per_host_delay_ms = 20;
    auto parsed = ParseConfig(farm.ConfigToml(options), "farm.toml", dir);
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
  CrawlSummary Crawl() {
    Crawler crawler(config, patterns, store.get(), SystemClock::Get());
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
