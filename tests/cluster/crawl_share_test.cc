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
                                       const std::vector<std::string>& hosts,
                                       milliseconds ttl = milliseconds(300)) {
  auto share = CrawlShare::Start(ParseRedisUrl(redis.Url()).value(), worker, ttl, hosts);
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
  // Acknowledged: the stream is trimmed down to the last entry delivered.
  {
    RedisConnection look = ConnectTo(*redis);
    Result<RedisReply> length = look.CheckedCommand({"XLEN", "plainsight:crawl:host:" + two_host});
    REQUIRE(length.ok());
    CHECK(length->integer == 1);
  }
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

// These two use a 1.5 s TTL (renewals every 500 ms): with 300 ms, a
// sanitizer build can delay a renewal past 2/3 of the TTL by itself.
constexpr milliseconds kSlowTtl(1500);

TEST_CASE("CrawlShare_MembershipNotRenewed_NoFetchStartsUntilItIsRenewedAgain") {
  auto server = testing::StartRedisOrWarn();
  if (!server) return;
  testing::RedisServer& redis = *server;
  auto share = StartShare(redis, "w1", {"a.example.org:80"}, kSlowTtl);
  CHECK(share->MayFetch());
  // Redis gone: renewals fail, and the others would see the key lapse
  // after the TTL; fetching stops before that, at 2/3 of it.
  redis.Kill();
  const auto killed = std::chrono::steady_clock::now();
  while (share->MayFetch() && std::chrono::steady_clock::now() - killed < std::chrono::seconds(5)) {
    std::this_thread::sleep_for(milliseconds(5));
  }
  CHECK_FALSE(share->MayFetch());
  CHECK(std::chrono::steady_clock::now() - killed < kSlowTtl);
  REQUIRE(redis.Restart().empty());
  const auto back = std::chrono::steady_clock::now();
  while (!share->MayFetch() && std::chrono::steady_clock::now() - back < std::chrono::seconds(10)) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  CHECK(share->MayFetch());
}

TEST_CASE("CrawlShare_FirstRequestToAHost_WaitsForThePreviousOwnerToNoticeThenForTheDelay") {
  auto server = testing::StartRedisOrWarn();
  if (!server) return;
  testing::RedisServer& redis = *server;
  const std::vector<std::string> hosts = {"a.example.org:80", "b.example.org:80"};
  auto w1 = StartShare(redis, "w1", hosts, kSlowTtl);
  auto w2 = StartShare(redis, "w2", hosts, kSlowTtl);
  AwaitLive(*w1, 2);
  AwaitLive(*w2, 2);
  const std::string mine = w1->Owns(hosts[0]) ? hosts[0] : hosts[1];
  const std::string theirs = mine == hosts[0] ? hosts[1] : hosts[0];
  REQUIRE(w1->Owns(mine));
  REQUIRE(w2->Owns(theirs));
  // Nobody requested the host: go (a run starting cold).
  auto cold = w1->WaitBeforeFirstRequest(mine, milliseconds(5000));
  REQUIRE(cold.ok());
  CHECK(cold->count() == 0);
  // Settled (held for more than a renewal period + 250 ms): w2 requested it
  // just now, so w1 waits the delay from then, and then goes.
  std::this_thread::sleep_for(milliseconds(800));
  w2->HostRequested(mine);
  auto warm = w1->WaitBeforeFirstRequest(mine, milliseconds(5000));
  REQUIRE(warm.ok());
  CHECK(*warm > milliseconds(4000));
  CHECK(*warm <= milliseconds(5000));
  auto due = w1->WaitBeforeFirstRequest(mine, milliseconds(0));
  REQUIRE(due.ok());
  CHECK(due->count() == 0);
  // A host w1 does not own: never held back here (its owner is asked).
  w2->HostRequested(theirs);
  auto other = w1->WaitBeforeFirstRequest(theirs, milliseconds(5000));
  REQUIRE(other.ok());
  CHECK(other->count() == 0);
  // A worker that joins mid-run: a host of its own that others requested
  // lately waits until they can have noticed, then goes.
  auto w3 = StartShare(redis, "w3", hosts, kSlowTtl);
  std::string joined;
  for (int i = 0; joined.empty() && i < 1000; ++i) {
    const std::string host = "h" + std::to_string(i) + ".example.org:80";
    if (w3->Owns(host)) joined = host;
  }
  REQUIRE_FALSE(joined.empty());
  w1->HostRequested(joined);
  auto fresh = w3->WaitBeforeFirstRequest(joined, milliseconds(0));
  REQUIRE(fresh.ok());
  CHECK(fresh->count() > 0);
  CHECK(*fresh <= milliseconds(750));
  std::this_thread::sleep_for(*fresh);
  auto after = w3->WaitBeforeFirstRequest(joined, milliseconds(0));
  REQUIRE(after.ok());
  CHECK(after->count() == 0);
}

}  // namespace
}  // namespace plainsight::cluster
