// Test fixture: the project's farm started, crawled once into a real store
// under a temp dir with the shared farm configuration (farm_config.h), and
// torn down with the test. For the suites that look at what a whole farm
// crawl left in the store (leads recall, photo groups).
#pragma once

#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "crawler/crawler.h"
#include "store/store.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"

namespace plainsight::testing {

struct CrawledFarm {
  // `fetch_images`: fetch the adult sites' photos too (farm::ConfigOptions).
  explicit CrawledFarm(bool fetch_images = false) {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "plainsight-crawled-farm-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    REQUIRE(farm.Start().ok());
    farm::ConfigOptions options = FarmConfigOptions(dir + "/store", 5);
    options.fetch_images = fetch_images;
    auto parsed = ParseFarmConfig(farm, options, dir);
    REQUIRE(parsed.ok());
    config = *parsed;
    auto patterns = PatternSet::LoadFiles(config.pattern_paths);
    REQUIRE(patterns.ok());
    store = std::move(Store::Open(config.store.path, {})).value();
    Crawler crawler(config, *patterns, store.get(), SystemClock::Get());
    auto run = crawler.Run();
    REQUIRE(run.ok());
    summary = *run;
  }
  ~CrawledFarm() {
    store.reset();
    farm.Stop();
    std::filesystem::remove_all(dir);
  }
  CrawledFarm(const CrawledFarm&) = delete;
  CrawledFarm& operator=(const CrawledFarm&) = delete;

  farm::Farm farm;
  std::string dir;
  Config config;
  std::unique_ptr<Store> store;
  CrawlSummary summary;
};

}  // namespace plainsight::testing
