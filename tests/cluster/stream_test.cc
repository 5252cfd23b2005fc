#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cluster/stream.h"
#include "tests/cluster/connect_to.h"
#include "tests/support/redis_server.h"

namespace plainsight::cluster {
namespace {

using std::chrono::milliseconds;
using Fields = std::vector<std::pair<std::string, std::string>>;

std::vector<StreamEntry> Read(StreamQueue& queue, const std::string& consumer, std::size_t count) {
  Result<std::vector<StreamEntry>> read = queue.ReadNew("frontier", "crawlers", consumer, count,
                                                        milliseconds(0));
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  return *read;
}

TEST_CASE("Stream_AnEntryReadButNotAcked_IsClaimedByAnotherConsumerAfterMinIdle_AndAckedOnce") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  StreamQueue queue(connection);
  REQUIRE(queue.EnsureGroup("frontier", "crawlers").ok());
  const Fields fields = {{"url", "https://example.com/a"}, {"bytes", std::string("\0\xff", 2)}};
  const std::string id = queue.Add("frontier", fields).value();

  // Taken before the read: Redis counts idle time from its delivery, which
  // happens before the read returns here. Redis keeps that time in whole
  // milliseconds, hence the 2 ms of slack in the check below.
  const auto read_at = std::chrono::steady_clock::now();
  std::vector<StreamEntry> read_by_a = Read(queue, "consumer-a", 10);  // then A "crashes"
  REQUIRE(read_by_a.size() == 1);
  CHECK(read_by_a[0].id == id);
  CHECK(read_by_a[0].fields == fields);
  CHECK(Read(queue, "consumer-b", 10).empty());  // never delivered twice as new
  CHECK(queue.PendingCount("frontier", "crawlers").value() == 1);

  const milliseconds min_idle(200);
  std::vector<StreamEntry> claimed;
  while (claimed.empty() && std::chrono::steady_clock::now() < read_at + std::chrono::seconds(3)) {
    claimed = queue.ClaimIdle("frontier", "crawlers", "consumer-b", min_idle, 10).value();
    if (claimed.empty()) std::this_thread::sleep_for(milliseconds(20));
  }
  CHECK(std::chrono::steady_clock::now() - read_at >= min_idle - milliseconds(2));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].id == id);
  CHECK(claimed[0].fields == fields);
  // Claiming restarted its idle time: nobody else takes it at once.
  CHECK(queue.ClaimIdle("frontier", "crawlers", "consumer-c", min_idle, 10)->empty());

  CHECK(queue.Ack("frontier", "crawlers", {id}).value() == 1);
  CHECK(queue.Ack("frontier", "crawlers", {id}).value() == 0);  // acked once only
  CHECK(queue.PendingCount("frontier", "crawlers").value() == 0);
  CHECK(queue.ClaimIdle("frontier", "crawlers", "consumer-c", milliseconds(0), 10)->empty());
}

TEST_CASE("Stream_EntriesAddedBeforeARedisCrash_AreDeliveredAfterIt") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  StreamQueue queue(connection);
  REQUIRE(queue.EnsureGroup("frontier", "crawlers").ok());
  std::vector<std::string> ids;
  for (const char* url : {"https://a.example/", "https://b.example/", "https://c.example/"}) {
    ids.push_back(queue.Add("frontier", {{"url", url}}).value());
  }
  std::vector<StreamEntry> in_flight = Read(queue, "consumer-a", 1);
  REQUIRE(in_flight.size() == 1);

  redis->Kill();  // no shutdown: only what the AOF holds survives
  const std::string restarted = redis->Restart();
  INFO(restarted);
  REQUIRE(restarted.empty());
  REQUIRE(connection.Reconnect().ok());

  CHECK(queue.EnsureGroup("frontier", "crawlers").ok());  // exists already: fine
  // The entry A held when Redis died is still pending, and can be taken over.
  CHECK(queue.PendingCount("frontier", "crawlers").value() == 1);
  std::vector<StreamEntry> orphan =
      queue.ClaimIdle("frontier", "crawlers", "consumer-b", milliseconds(0), 10).value();
  REQUIRE(orphan.size() == 1);
  CHECK(orphan[0].id == ids[0]);
  // The others were never delivered, and still are not lost.
  std::vector<StreamEntry> rest = Read(queue, "consumer-b", 10);
  REQUIRE(rest.size() == 2);
  CHECK(rest[0].id == ids[1]);
  CHECK(rest[1].id == ids[2]);
  CHECK(rest[1].fields == Fields{{"url", "https://c.example/"}});
  CHECK(queue.Ack("frontier", "crawlers", ids).value() == 3);
}

TEST_CASE("Stream_AckedEntries_AreNeverDeliveredTwiceToTheGroup") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  StreamQueue queue(connection);
  REQUIRE(queue.EnsureGroup("frontier", "crawlers").ok());
  std::set<std::string> added;
  for (int i = 0; i < 20; ++i) {
    added.insert(queue.Add("frontier", {{"n", std::to_string(i)}}).value());
  }
  std::vector<std::string> delivered;
  for (bool any = true; any;) {
    any = false;
    for (const char* consumer : {"consumer-a", "consumer-b"}) {
      std::vector<std::string> batch;
      for (const StreamEntry& entry : Read(queue, consumer, 3)) batch.push_back(entry.id);
      CHECK(queue.Ack("frontier", "crawlers", batch).value() == static_cast<std::int64_t>(batch.size()));
      delivered.insert(delivered.end(), batch.begin(), batch.end());
      any = any || !batch.empty();
    }
  }
  CHECK(delivered.size() == added.size());
  CHECK(std::set<std::string>(delivered.begin(), delivered.end()) == added);
  CHECK(queue.PendingCount("frontier", "crawlers").value() == 0);
  CHECK(Read(queue, "consumer-c", 100).empty());
  CHECK(queue.ClaimIdle("frontier", "crawlers", "consumer-c", milliseconds(0), 100)->empty());
}

TEST_CASE("Stream_TrimAcknowledged_DropsOnlyWhatEveryGroupIsDoneWith") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  StreamQueue queue(connection);
  auto length = [&](const std::string& stream) {
    return connection.CheckedCommand({"XLEN", stream}).value().integer;
  };
  CHECK(queue.TrimAcknowledged("never-made").value() == 0);
  REQUIRE(queue.EnsureGroup("frontier", "crawlers").ok());
  REQUIRE(queue.EnsureGroup("frontier", "auditors").ok());
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(queue.Add("frontier", {{"n", std::to_string(i)}}).value());
  struct Step {
    const char* what;
    const char* group;
    size_t read;   // entries the group reads now
    size_t acked;  // of those, acknowledged
    std::int64_t length_after;
  };
  const Step kSteps[] = {
      {"nothing read: nothing goes", nullptr, 0, 0, 10},
      {"one group read 6 and acked 4: the other group has read none", "crawlers", 6, 4, 10},
      {"the other group reads all 10 and acks them", "auditors", 10, 10, 6},  // from crawlers' 5th
      {"the first group acks the other 2 and reads and acks the rest", "crawlers", 4, 6, 1},
  };
  std::vector<std::string> crawlers_pending;
  for (const Step& step : kSteps) {
    INFO(step.what);
    if (step.group != nullptr) {
      auto read = queue.ReadNew("frontier", step.group, "c", step.read, milliseconds(0));
      REQUIRE(read.ok());
      REQUIRE(read->size() == step.read);
      std::vector<std::string> read_ids;
      for (const StreamEntry& entry : *read) read_ids.push_back(entry.id);
      if (std::string(step.group) == "crawlers") {
        crawlers_pending.insert(crawlers_pending.end(), read_ids.begin(), read_ids.end());
        std::vector<std::string> ack(crawlers_pending.begin(), crawlers_pending.begin() + static_cast<long>(step.acked));
        REQUIRE(queue.Ack("frontier", step.group, ack).ok());
        crawlers_pending.erase(crawlers_pending.begin(), crawlers_pending.begin() + static_cast<long>(step.acked));
      } else {
        REQUIRE(queue.Ack("frontier", step.group, read_ids).ok());
      }
    }
    REQUIRE(queue.TrimAcknowledged("frontier").ok());
    CHECK(length("frontier") == step.length_after);
  }
  // What is left is the last entry, delivered and acknowledged by both.
  CHECK(queue.PendingCount("frontier", "crawlers").value() == 0);
  CHECK(queue.PendingCount("frontier", "auditors").value() == 0);
  REQUIRE(queue.Add("frontier", {{"n", "10"}}).ok());
  CHECK(queue.ReadNew("frontier", "crawlers", "c", 10, milliseconds(0))->size() == 1);
}

TEST_CASE("Stream_ReadNew_MayBlockLongerThanTheConnectionTimeout") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis, milliseconds(200));
  StreamQueue queue(connection);
  REQUIRE(queue.EnsureGroup("frontier", "crawlers").ok());
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<StreamEntry>> read =
      queue.ReadNew("frontier", "crawlers", "consumer-a", 10, milliseconds(500));
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  CHECK(read->empty());
  CHECK(std::chrono::steady_clock::now() - start >= milliseconds(450));
  CHECK_FALSE(connection.broken());
  CHECK(connection.Command({"PING"}).ok());  // and the short timeout is back
}

TEST_CASE("Stream_MisuseAndWrongTypes_AreErrorsNotCrashes") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  StreamQueue queue(connection);
  REQUIRE(connection.Command({"SET", "not-a-stream", "x"}).ok());
  CHECK(queue.EnsureGroup("not-a-stream", "crawlers").code() == Status::Code::kIoError);
  CHECK(queue.Add("not-a-stream", {{"f", "v"}}).status().code() == Status::Code::kIoError);
  CHECK(queue.Add("frontier", {}).status().IsInvalidArgument());
  CHECK(queue.EnsureGroup("", "crawlers").IsInvalidArgument());
  // Reading through a group that does not exist: Redis's NOGROUP, as IoError.
  Result<std::vector<StreamEntry>> nogroup =
      queue.ReadNew("frontier", "nobody", "consumer-a", 1, milliseconds(0));
  CHECK(nogroup.status().code() == Status::Code::kIoError);
  CHECK_THAT(nogroup.status().message(), Catch::Contains("NOGROUP"));
}

}  // namespace
}  // namespace plainsight::cluster
