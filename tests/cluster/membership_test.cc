#include <catch2/catch.hpp>

#include <chrono>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "cluster/membership.h"
#include "tests/cluster/connect_to.h"
#include "tests/support/redis_server.h"

namespace plainsight::cluster {
namespace {

using std::chrono::milliseconds;
using Names = std::vector<std::string>;

Names Live(Membership& membership) {
  Result<Names> live = membership.LiveWorkers();
  INFO(live.status().ToString());
  REQUIRE(live.ok());
  return *live;
}

TEST_CASE("Membership_AWorkerThatStopsRenewing_LeavesLiveWorkersWithinItsTtl") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  const milliseconds ttl(500);
  Membership keeps_renewing(connection, "crawl", "worker-a", ttl);
  Membership goes_quiet(connection, "crawl", "worker-b", ttl);
  REQUIRE(keeps_renewing.Join().ok());
  // Taken before the join, so that the key's TTL cannot start earlier.
  const auto quiet_since = std::chrono::steady_clock::now();
  REQUIRE(goes_quiet.Join().ok());
  CHECK(Live(keeps_renewing) == Names{"worker-a", "worker-b"});

  const auto deadline = quiet_since + std::chrono::seconds(3);
  while (Live(keeps_renewing) != Names{"worker-a"} && std::chrono::steady_clock::now() < deadline) {
    REQUIRE(keeps_renewing.Renew().value() == Membership::Renewal::kRenewed);
    std::this_thread::sleep_for(milliseconds(50));
  }
  const auto gone_after = std::chrono::steady_clock::now() - quiet_since;
  CHECK(Live(keeps_renewing) == Names{"worker-a"});
  CHECK(gone_after >= ttl - milliseconds(2));  // not before its TTL (Redis keeps whole ms) ...
  CHECK(gone_after <= milliseconds(2000));     // ... and soon after it, even on a loaded machine
  // The quiet worker learns that it lapsed, and may join again.
  CHECK(goes_quiet.Renew().value() == Membership::Renewal::kLapsed);
  REQUIRE(goes_quiet.Join().ok());
  CHECK(Live(keeps_renewing) == Names{"worker-a", "worker-b"});
}

TEST_CASE("Membership_JoinUnderALiveName_IsRefusedAsBusy") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  Membership first(connection, "crawl", "worker-a", milliseconds(5000));
  Membership second(connection, "crawl", "worker-a", milliseconds(5000));
  CHECK(first.token() != second.token());
  REQUIRE(first.Join().ok());

  Status refused = second.Join();
  CHECK(refused.IsBusy());
  CHECK_THAT(refused.message(), Catch::Contains("\"worker-a\"") && Catch::Contains(first.token()));
  CHECK(second.Renew().status().IsBusy());
  CHECK(first.Join().ok());  // joining again as the holder just renews
  CHECK(first.Renew().value() == Membership::Renewal::kRenewed);
  CHECK(Live(first) == Names{"worker-a"});
}

TEST_CASE("Membership_LeaveByAStranger_DeletesNothing") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  Membership holder(connection, "crawl", "worker-a", milliseconds(5000));
  Membership stranger(connection, "crawl", "worker-a", milliseconds(5000));
  REQUIRE(holder.Join().ok());

  CHECK(stranger.Leave().IsBusy());
  CHECK(connection.Command({"GET", holder.key()})->text == holder.token());
  CHECK(Live(holder) == Names{"worker-a"});

  REQUIRE(holder.Leave().ok());
  CHECK(Live(holder).empty());
  CHECK(holder.Leave().ok());  // already gone: nothing to do
  CHECK(stranger.Join().ok());  // the name is free again
}

TEST_CASE("Membership_LiveWorkers_SeesOnlyItsOwnNamespace") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  // "e*" and "e?" would match "eu" and "e1" were the SCAN pattern not escaped.
  static const struct {
    const char* ns;
    const char* worker;
  } kMembers[] = {{"eu", "w2"}, {"eu", "w1"}, {"e1", "w3"}, {"e*", "w4"}, {"e?", "w5"}};
  std::vector<Membership> members;
  members.reserve(std::size(kMembers));
  for (const auto& m : kMembers) {
    members.emplace_back(connection, m.ns, m.worker, milliseconds(5000));
    REQUIRE(members.back().Join().ok());
  }
  REQUIRE(connection.Command({"SET", "plainsight:eu:other", "x"}).ok());
  CHECK(Live(members[0]) == Names{"w1", "w2"});
  CHECK(Live(members[2]) == Names{"w3"});
  CHECK(Live(members[3]) == Names{"w4"});
  CHECK(Live(members[4]) == Names{"w5"});
  CHECK(connection.Command({"PTTL", "plainsight:eu:worker:w1"})->integer > 0);
}

TEST_CASE("Membership_BadNamesOrTtl_AreInvalidArgument") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  static const struct {
    const char* ns;
    const char* worker;
    int ttl_ms;
  } kCases[] = {{"", "w", 1000}, {"a:b", "w", 1000}, {"crawl", "", 1000}, {"crawl", "w", 0}};
  for (const auto& c : kCases) {
    CAPTURE(c.ns, c.worker, c.ttl_ms);
    Membership membership(connection, c.ns, c.worker, milliseconds(c.ttl_ms));
    CHECK(membership.Join().IsInvalidArgument());
    CHECK(membership.Renew().status().IsInvalidArgument());
    CHECK(membership.Leave().IsInvalidArgument());
  }
}

}  // namespace
}  // namespace plainsight::cluster
