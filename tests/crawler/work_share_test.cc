// The crawler's cluster half (crawler/host_scheduler_share.cc) with a
// scripted WorkShare, against the real farm and a real RocksDB: a host
// taken away mid-run has its queue handed over, and when it comes back
// (its new owner died with the pages) those pages are crawled here again,
// so the run stores every advert a crawl on its own would.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>

#include "crawler/crawler.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

// Owns every host but `away` while it is away: `away` goes at the 3rd
// Receive (the crawl is under way) and comes back with the first hand-over
// that holds one of its pages, which the "other worker" acknowledged and
// then died with.
class ScriptedShare final : public WorkShare {
 public:
  explicit ScriptedShare(std::string away) : away_(std::move(away)) {}
  bool Owns(const std::string& host_port) const override {
    return host_port != away_ || !gone_.load();
  }
  std::uint64_t generation() const override { return generation_.load(); }
  Status HandOver(const std::vector<PageToHand>& pages) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const PageToHand& page : pages) {
      if (page.host_port == away_) ++handed_;
    }
    if (handed_ > 0 && gone_.load()) {
      gone_ = false;
      ++generation_;
    }
    return Status::OK();
  }
  Result<std::vector<HandedPage>> Receive() override {
    if (++receives_ == 3) {
      gone_ = true;
      ++generation_;
    }
    return std::vector<HandedPage>{};
  }
  Status Acknowledge(const std::vector<std::string>&) override { return Status::OK(); }
  Status SetIdle(bool, std::uint64_t) override { return Status::OK(); }
  Result<bool> ClusterIdle() override { return true; }
  int handed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return handed_;
  }

 private:
  const std::string away_;
  std::atomic<bool> gone_{false};
  std::atomic<std::uint64_t> generation_{1};
  std::atomic<int> receives_{0};
  mutable std::mutex mutex_;
  int handed_ = 0;  // guarded by mutex_
};

size_t StoredAdverts(const Store& store) {
  size_t count = 0;
  REQUIRE(store.ForEachAdvertSummary([&](const AdvertSummary&) {
    ++count;
    return true;
  }).ok());
  return count;
}

TEST_CASE("WorkShare_AHostHandedAwayAndBack_ItsHandedPagesAreCrawledHere") {
  testing::TempDir dir("plainsight-work-share");
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  auto crawl = [&](const std::string& store_path, WorkShare* share) {
    auto config = testing::ParseFarmConfig(farm, testing::FarmConfigOptions(store_path, 20), dir.path());
    REQUIRE(config.ok());
    auto patterns = PatternSet::LoadFiles(config->pattern_paths);
    REQUIRE(patterns.ok());
    auto store = std::move(Store::Open(config->store.path, {})).value();
    CrawlerOptions options;
    options.share = share;
    Crawler crawler(*config, *patterns, store.get(), SystemClock::Get(), nullptr, options);
    auto summary = crawler.Run();
    REQUIRE(summary.ok());
    return StoredAdverts(*store);
  };
  const size_t alone = crawl(dir.path() + "/alone", nullptr);
  ScriptedShare share("127.0.0.1:" + std::to_string(farm.sites().front().port));
  const size_t shared = crawl(dir.path() + "/shared", &share);
  REQUIRE(share.handed() > 0);  // the host went away with pages queued
  CHECK(shared == alone);
}

}  // namespace
}  // namespace plainsight
