// CrawlShare (cluster/crawl_share.h) against a real redis-server: hosts
// shared out, pages handed over and taken in once, and the cluster-wide
// run end, which must not be declared while a worker that died left hosts
// the others have not yet taken over.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "cluster/crawl_share.h"
#include "tests/cluster/connect_to.h"

namespace plainsight::cluster {
namespace {

using std::chrono::milliseconds;

std::unique_ptr<CrawlShare> StartShare(const testing::RedisServer& redis, const std::string& worker,
                                       const std::vector<std::string>& hosts) {
  auto share = CrawlShare::Start(ParseRedisUrl(redis.Url()).value(), worker, milliseconds(300), hosts);
  INFO(share.status().ToString());
  REQUIRE(share.ok());
  return std::move(share).value();
}

// Waits until `share` has seen `count` live workers.
void AwaitLive(const CrawlShare& share, size_t count) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (share.live().size() != count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  REQUIRE(share.live().size() == count);
}

TEST_CASE("CrawlShare_HandedPages_GoToTheOwnerOnce_AndTheRunEndsWhenAllAreIdle") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  const std::vector<std::string> hosts = {"a.example:443", "b.example:443"};
  auto one = StartShare(*redis, "w1", hosts);
  auto two = StartShare(*redis, "w2", hosts);
  AwaitLive(*one, 2);
  AwaitLive(*two, 2);
  // Two hosts, two workers: one each (bounded loads).
  CHECK(one->Owns("a.example:443") != two->Owns("a.example:443"));
  CHECK(one->Owns("b.example:443") != two->Owns("b.example:443"));
  CHECK(one->Owns("a.example:443") != one->Owns("b.example:443"));
  const std::string two_host = two->Owns("a.example:443") ? "a.example:443" : "b.example:443";

  FrontierEntry page;
  page.url = "https://" + two_host.substr(0, two_host.find(':')) + "/job/1";
  page.site = "farm-jobs";
  page.depth = 2;
  page.advert = true;
  REQUIRE(one->HandOver({{two_host, page}}).ok());
  REQUIRE(one->SetIdle(true, one->generation()).ok());
  REQUIRE(two->SetIdle(true, two->generation()).ok());
  CHECK_FALSE(one->ClusterIdle().value());  // handed, not yet taken in

  CHECK(one->Receive().value().empty());  // not its host
  REQUIRE(two->SetIdle(false, two->generation()).ok());
  std::vector<HandedPage> taken = two->Receive().value();
  REQUIRE(taken.size() == 1);
  CHECK(taken[0].page.url == page.url);
  CHECK(taken[0].page.advert);
  CHECK(taken[0].page.depth == 2);
  REQUIRE(two->Acknowledge({taken[0].ticket}).ok());
  CHECK(two->Receive().value().empty());  // once
  CHECK_FALSE(one->ClusterIdle().value());  // two is busy with it
  REQUIRE(two->SetIdle(true, two->generation()).ok());
  CHECK(one->ClusterIdle().value());
  CHECK(two->ClusterIdle().value());
}

TEST_CASE("CrawlShare_AWorkerGoneWhileTheOthersAreIdle_NoEndUntilTheyHaveRebalanced") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  auto one = StartShare(*redis, "w1", {"a.example:443"});
  auto two = StartShare(*redis, "w2", {"a.example:443"});
  AwaitLive(*one, 2);
  const std::uint64_t before = one->generation();
  REQUIRE(one->SetIdle(true, before).ok());
  REQUIRE(two->SetIdle(true, two->generation()).ok());
  CHECK(one->ClusterIdle().value());

  // w2 stops (as if killed: its key goes); w1 was idle for {w1, w2}.
  REQUIRE(two->Leave().ok());
  two.reset();
  CHECK_FALSE(one->ClusterIdle().value());
  // Idle said for the generation it had re-balanced for, once owners moved: still no end.
  AwaitLive(*one, 1);
  REQUIRE(one->SetIdle(true, before).ok());
  CHECK_FALSE(one->ClusterIdle().value());
  // Re-balanced for the one live worker: the end.
  REQUIRE(one->SetIdle(true, one->generation()).ok());
  CHECK(one->ClusterIdle().value());
}

}  // namespace
}  // namespace plainsight::cluster
