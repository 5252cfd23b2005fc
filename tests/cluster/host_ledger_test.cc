#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

#include "cluster/host_ledger.h"
#include "tests/cluster/connect_to.h"
#include "tests/support/redis_server.h"

namespace plainsight::cluster {
namespace {

using std::chrono::milliseconds;

TEST_CASE("HostLedger_StoredTime_NeverGoesBackwards") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  HostLedger ledger(connection, "crawl");
  const std::int64_t t = 1'795'824'000'000;  // 2026-11-28, in ms: past 2^32, below 2^53
  static const struct {
    std::int64_t offset;
    std::int64_t stored_offset;
  } kSteps[] = {{0, 0}, {-100, 0}, {500, 500}, {500, 500}, {499, 500}, {-500'000, 500}, {501, 501}};
  for (const auto& step : kSteps) {
    CAPTURE(step.offset);
    CHECK(ledger.RecordRequest("example.com", t + step.offset).value() == t + step.stored_offset);
    CHECK(ledger.LastRequest("example.com").value() == std::optional<std::int64_t>(t + step.stored_offset));
  }
  // The layout other tools (and redis-cli) see.
  CHECK(connection.Command({"GET", "plainsight:crawl:host:example.com:last"})->text ==
        std::to_string(t + 501));
}

TEST_CASE("HostLedger_ANewOwner_WaitsUntilLastPlusDelay") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection old_owner_connection = ConnectTo(*redis);
  RedisConnection new_owner_connection = ConnectTo(*redis);
  HostLedger old_owner(old_owner_connection, "crawl");
  HostLedger new_owner(new_owner_connection, "crawl");
  const std::int64_t last = 1'795'824'000'000;
  REQUIRE(old_owner.RecordRequest("Adverts.Example.ORG", last).ok());

  static const struct {
    const char* host;
    std::int64_t now;
    std::int64_t earliest;
  } kCases[] = {
      {"adverts.example.org", last + 500, last + 2000},   // wait out the delay
      {"ADVERTS.example.org", last + 500, last + 2000},   // host names ignore case
      {"adverts.example.org", last + 9000, last + 9000},  // delay long past: go now
      {"never.example.org", last, last},                  // no record: go now
  };
  for (const auto& c : kCases) {
    CAPTURE(c.host, c.now - last);
    CHECK(new_owner.EarliestNextRequest(c.host, milliseconds(2000), c.now).value() == c.earliest);
  }
  CHECK(new_owner.LastRequest("never.example.org").value() == std::nullopt);
}

TEST_CASE("HostLedger_Records_ExpireAfterTheRetention") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  HostLedger ledger(connection, "crawl", milliseconds(300));
  REQUIRE(ledger.RecordRequest("example.com", 1000).ok());
  const std::int64_t ttl = connection.Command({"PTTL", "plainsight:crawl:host:example.com:last"})->integer;
  CHECK(ttl > 0);
  CHECK(ttl <= 300);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (ledger.LastRequest("example.com").value().has_value() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  CHECK(ledger.LastRequest("example.com").value() == std::nullopt);
}

TEST_CASE("HostLedger_BadInput_IsRefused") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  HostLedger ledger(connection, "crawl");
  HostLedger bad_namespace(connection, "a:b");
  CHECK(ledger.RecordRequest("", 1).status().IsInvalidArgument());
  CHECK(ledger.RecordRequest("example.com", -1).status().IsInvalidArgument());
  CHECK(bad_namespace.LastRequest("example.com").status().IsInvalidArgument());
  REQUIRE(connection.Command({"SET", "plainsight:crawl:host:garbled.example:last", "soon"}).ok());
  CHECK(ledger.LastRequest("garbled.example").status().code() == Status::Code::kCorruption);
  // A garbled value is replaced, not compared.
  CHECK(ledger.RecordRequest("garbled.example", 42).value() == 42);
}

}  // namespace
}  // namespace plainsight::cluster
