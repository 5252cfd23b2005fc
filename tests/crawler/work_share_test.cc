// The crawler's cluster half (crawler/host_scheduler_share.cc) with a
// scripted WorkShare, against the real farm and a real RocksDB: a host
// taken away mid-run has its queue handed over, and when it comes back
// (its new owner died with the pages) those pages are crawled here again,
// so the run stores every advert a crawl on its own would.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <filesystem>
#include <map>
#include <mutex>

#include "crawler/crawler.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

// A share that owns every host and never has anything handed to it; the
// scripted shares below override the part of the protocol they test.
class QuietShare : public WorkShare {
 public:
  bool Owns(const std::string&) const override { return true; }
  bool MayFetch() const override { return true; }
  Result<std::chrono::milliseconds> WaitBeforeFirstRequest(const std::string&,
                                                           std::chrono::milliseconds) override {
    return std::chrono::milliseconds(0);
  }
  void HostRequested(const std::string&) override {}
  std::uint64_t generation() const override { return 1; }
  Status HandOver(const std::vector<PageToHand>&) override { return Status::OK(); }
  Result<std::vector<HandedPage>> Receive() override { return std::vector<HandedPage>{}; }
  Status Acknowledge(const std::vector<std::string>&) override { return Status::OK(); }
  Status SetIdle(bool, std::uint64_t) override { return Status::OK(); }
  Result<bool> ClusterIdle() override { return true; }
};

// Owns every host but `away` while it is away: `away` goes at the 3rd
// Receive (the crawl is under way) and comes back with the first hand-over
// that holds one of its pages, which the "other worker" acknowledged and
// then died with.
class ScriptedShare final : public QuietShare {
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

// Crawls the farm (per-host delay 20 ms) into <dir>/<name> with `share`;
// returns how many adverts were stored.
size_t CrawlFarm(const farm::Farm& farm, const testing::TempDir& dir, const std::string& name,
                 WorkShare* share) {
  const std::string store_path = dir.path() + "/" + name;
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
}

TEST_CASE("WorkShare_AHostHandedAwayAndBack_ItsHandedPagesAreCrawledHere") {
  testing::TempDir dir("plainsight-work-share");
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const size_t alone = CrawlFarm(farm, dir, "alone", nullptr);
  ScriptedShare share("127.0.0.1:" + std::to_string(farm.sites().front().port));
  const size_t shared = CrawlFarm(farm, dir, "shared", &share);
  REQUIRE(share.handed() > 0);  // the host went away with pages queued
  CHECK(shared == alone);
}

// Owns every host; from the 3rd Receive, MayFetch says no for `pause`
// (its membership could not be renewed), then yes again.
class PausingShare final : public QuietShare {
 public:
  explicit PausingShare(std::chrono::milliseconds pause) : pause_(pause) {}
  bool MayFetch() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!paused_at_) return true;
    return std::chrono::steady_clock::now() - *paused_at_ >= pause_;
  }
  Result<std::vector<HandedPage>> Receive() override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (++receives_ == 3) paused_at_ = std::chrono::steady_clock::now();
    return std::vector<HandedPage>{};
  }
  std::optional<std::chrono::steady_clock::time_point> paused_at() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_at_;
  }

 private:
  const std::chrono::milliseconds pause_;
  mutable std::mutex mutex_;
  int receives_ = 0;                                               // guarded by mutex_
  std::optional<std::chrono::steady_clock::time_point> paused_at_;  // guarded by mutex_
};

TEST_CASE("WorkShare_MayFetchFalse_NoRequestStartsUntilItIsTrueAgain_AndNothingIsLost") {
  testing::TempDir dir("plainsight-work-share");
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const size_t alone = CrawlFarm(farm, dir, "alone", nullptr);
  farm.ClearRequests();
  const auto pause = std::chrono::milliseconds(1500);
  PausingShare share(pause);
  const size_t shared = CrawlFarm(farm, dir, "shared", &share);
  REQUIRE(share.paused_at().has_value());
  // Fetches under way when the pause began may still arrive (the farm
  // answers at once; 500 ms is ample even under a sanitizer); none after.
  const auto quiet_from = *share.paused_at() + std::chrono::milliseconds(500);
  const auto quiet_until = *share.paused_at() + pause;
  size_t during = 0, after = 0;
  for (const farm::FarmRequest& request : farm.requests()) {
    if (request.received >= quiet_from && request.received < quiet_until) ++during;
    if (request.received >= quiet_until) ++after;
  }
  CHECK(during == 0);
  CHECK(after > 0);  // the crawl went on once it could
  CHECK(shared == alone);
}

// Asks the first request to `slow_host` to wait `wait` once (another worker
// requested it lately) and counts the request starts and ends it is told of.
class LedgerShare final : public QuietShare {
 public:
  LedgerShare(std::string slow_host, std::chrono::milliseconds wait)
      : slow_host_(std::move(slow_host)), wait_(wait) {}
  Result<std::chrono::milliseconds> WaitBeforeFirstRequest(const std::string& host_port,
                                                           std::chrono::milliseconds) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return ++asked_[host_port] == 1 && host_port == slow_host_ ? wait_ : std::chrono::milliseconds(0);
  }
  void HostRequested(const std::string&) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++told_;
  }
  std::map<std::string, int> asked() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return asked_;
  }
  int told() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return told_;
  }

 private:
  const std::string slow_host_;
  const std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::map<std::string, int> asked_;  // guarded by mutex_
  int told_ = 0;                      // guarded by mutex_
};

TEST_CASE("WorkShare_AHostRequestedLatelyByAnotherWorker_ItsFirstRequestWaitsAsTold") {
  testing::TempDir dir("plainsight-work-share");
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const int slow_port = farm.sites().front().port;
  const auto wait = std::chrono::milliseconds(800);
  LedgerShare share("127.0.0.1:" + std::to_string(slow_port), wait);
  const auto started = std::chrono::steady_clock::now();
  CrawlFarm(farm, dir, "shared", &share);
  std::optional<std::chrono::steady_clock::time_point> first_slow, first_other;
  for (const farm::FarmRequest& request : farm.requests()) {
    auto& first = request.port == slow_port ? first_slow : first_other;
    if (!first) first = request.received;
  }
  REQUIRE(first_slow.has_value());
  REQUIRE(first_other.has_value());
  CHECK(*first_slow - started >= wait);
  CHECK(*first_other < *first_slow);  // only that host waited
  // Each host was asked about until it could go (none changed owner), and
  // every request's start and end were told to the share for the next owner.
  for (const auto& [host, times] : share.asked()) {
    INFO(host);
    CHECK(times == (host == "127.0.0.1:" + std::to_string(slow_port) ? 2 : 1));
  }
  CHECK(share.asked().size() == farm.sites().size());
  CHECK(static_cast<size_t>(share.told()) == 2 * farm.requests().size());  // each start and end
}

}  // namespace
}  // namespace plainsight
