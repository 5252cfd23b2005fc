// Small sites for crawl tests: a Router answering from a map of target ->
// reply (MapRouter, tests/support/map_router.h), served on 127.0.0.1 by
// farm::SiteServer, a fresh
// store in a temporary directory, and crawls of them with the real
// Crawler (SmallSites). Test support only; each test owns its SmallSites.
#pragma once

#include <catch2/catch.hpp>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "crawler/crawler.h"
#include "patterns/pattern_set.h"
#include "store/store.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_server.h"
#include "tests/support/map_router.h"

namespace plainsight::testing {

namespace fs = std::filesystem;

inline std::string Escaped(const std::string& base) {
  std::string out;
  for (char c : base) {
    if (c == '.' || c == ':' || c == '/' || c == '?') out += '\\';
    out += c;
  }
  return out;
}

// One or more map-routed sites, a fresh store, and crawls of them.
class SmallSites {
 public:
  SmallSites() {
    char tmpl[] = "/tmp/plainsight-crawl-details-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  ~SmallSites() {
    store_.reset();
    for (auto& server : servers_) server->Stop();
    fs::remove_all(dir_);
  }
  SmallSites(const SmallSites&) = delete;
  SmallSites& operator=(const SmallSites&) = delete;

  // Serves `pages`; returns the site's base URL.
  std::string Serve(const std::string& name, std::map<std::string, farm::SiteReply> pages,
                    std::shared_ptr<const MapRouter>* served = nullptr,
                    std::chrono::milliseconds delay = std::chrono::milliseconds(0)) {
    auto router = std::make_shared<MapRouter>(name, std::move(pages), delay);
    if (served != nullptr) *served = router;
    servers_.push_back(std::make_unique<farm::SiteServer>(router, &log_));
    REQUIRE(servers_.back()->Start().ok());
    return servers_.back()->base_url();
  }

  // `sites_toml` is the [[sites]] blocks; the rest is fixed here.
  // `crawl_extra`: more [crawl] lines.
  void Configure(const std::string& sites_toml, int max_body_bytes = 5000000,
                 const std::string& crawl_extra = "") {
    const std::string text = std::string("[store]\npath = \"") + dir_ + "/store\"\n" +
                             "[crawl]\nper_host_delay_ms = 300\nallow_private_addresses = true\n" +
                             "max_body_bytes = " + std::to_string(max_body_bytes) + "\n" +
                             crawl_extra + sites_toml;
    store_.reset();  // a second Configure reopens the same store
    auto parsed = ParseConfig(text, "crawl_details.toml", dir_);
    INFO(parsed.status().ToString());
    REQUIRE(parsed.ok());
    config_ = *parsed;
    config_.gazetteer_path = PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv";
    auto patterns = PatternSet::LoadFiles({PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"});
    REQUIRE(patterns.ok());
    patterns_ = *patterns;
    store_ = std::move(Store::Open(config_.store.path, {})).value();
  }

  CrawlSummary Crawl() {
    log_.Clear();
    Crawler crawler(config_, patterns_, store_.get(), SystemClock::Get());
    auto summary = crawler.Run();
    REQUIRE(summary.ok());
    return *summary;
  }

  int Requests(const std::string& path) const {
    int n = 0;
    for (const auto& r : log_.Snapshot()) n += r.path == path ? 1 : 0;
    return n;
  }

  std::vector<farm::FarmRequest> Log() const { return log_.Snapshot(); }
  Store& store() { return *store_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  farm::RequestLog log_;
  std::vector<std::unique_ptr<farm::SiteServer>> servers_;
  Config config_;
  std::shared_ptr<const PatternSet> patterns_;
  std::unique_ptr<Store> store_;
};

inline std::string SiteBlock(const std::string& name, const std::string& base,
                      const std::string& advert_path_regex, const std::string& extra = "") {
  const std::string e = Escaped(base);
  return "[[sites]]\nname = \"" + name + "\"\nkind = \"jobs\"\nrecrawl_after_hours = 0\n" + extra +
         "seeds = [\"" + base + "/list\"]\nfollow = ['^" + e + "\\/list$']\n" +
         "adverts = ['^" + e + advert_path_regex + "']\n";
}

}  // namespace plainsight::testing
