// The adverts stream (cluster/advert_channel.h): a worker's changed adverts
// reach the correlating store once, and an entry delivered again (a
// correlate killed before it acknowledged, a worker killed before it
// cleared its change log) or an older capture published late changes
// nothing there. Real RocksDB stores, a real redis-server on loopback.
#include <catch2/catch.hpp>

#include <string>

#include "cluster/advert_channel.h"
#include "cluster/stream.h"
#include "store/record_codec.h"
#include "tests/cluster/connect_to.h"
#include "tests/support/temp_dir.h"

namespace plainsight::cluster {
namespace {

const char* kStream = "plainsight:crawl:adverts";

AdvertRecord Advert(const std::string& url, char body, std::int64_t seen, const std::string& text) {
  AdvertRecord a;
  a.url = url;
  a.id = AdvertIdForUrl(url);
  a.site = "farm-jobs";
  a.kind = "jobs";
  a.title = "Warehouse operatives";
  a.text = text;
  a.sha256 = std::string(64, body);
  a.first_seen = 1000;
  a.last_seen = seen;
  a.phones = {"+447700900123"};
  a.warc_file = "crawl-1.warc.gz";
  return a;
}

std::unique_ptr<Store> OpenAt(const std::string& path) {
  auto opened = Store::Open(path, StoreOptions{});
  INFO(opened.status().ToString());
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

// Every entry of the stream added again, as a second delivery would bring it.
// The stream's entries now: taking them in trims them away.
RedisReply Entries(RedisConnection& redis) {
  Result<RedisReply> all = redis.CheckedCommand({"XRANGE", kStream, "-", "+"});
  REQUIRE(all.ok());
  return std::move(all).value();
}

// Adds `entries` to the stream again, as a worker publishing twice would.
void DeliverAgain(RedisConnection& redis, const RedisReply& entries) {
  for (const RedisReply& entry : entries.elements) {
    std::vector<std::string> argv = {"XADD", kStream, "*"};
    for (const RedisReply& field : entry.elements[1].elements) argv.push_back(field.text);
    REQUIRE(redis.CheckedCommand(argv).ok());
  }
}

TEST_CASE("AdvertChannel_EachChange_ReachesTheStoreOnce_AndARepeatChangesNothing") {
  auto redis_server = testing::StartRedisOrWarn();
  if (!redis_server) return;
  RedisConnection redis = ConnectTo(*redis_server);
  testing::TempDir dir("plainsight-advert-channel");
  auto worker = OpenAt(dir.path() + "/worker");
  auto central = OpenAt(dir.path() + "/central");
  REQUIRE(EnsureAdvertsGroup(redis).ok());

  const AdvertRecord kept = Advert("https://jobs.example.org/1", 'a', 2000, "Night shifts");
  const AdvertRecord gone = Advert("https://jobs.example.org/2", 'b', 2000, "Day shifts");
  REQUIRE(worker->UpsertAdvert(kept).ok());
  REQUIRE(worker->UpsertAdvert(gone).ok());
  REQUIRE(worker->MarkAdvertRemoved(gone.id, 2500).ok());
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 2);
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 0);  // the log was cleared
  const RedisReply published = Entries(redis);

  TakeInSummary first = TakeInPublishedAdverts(*central, redis).value();
  CHECK(first.entries == 2);
  CHECK(first.stored == 2);
  auto stored_gone = central->GetAdvert(gone.id).value();
  REQUIRE(stored_gone.has_value());
  CHECK(stored_gone->removed);
  CHECK(central->GetAdvert(kept.id).value()->warc_file == "w1/crawl-1.warc.gz");
  // Taken in and acknowledged: trimmed, but for the last one delivered.
  CHECK(redis.CheckedCommand({"XLEN", kStream}).value().integer == 1);

  DeliverAgain(redis, published);  // the same two entries once more
  TakeInSummary again = TakeInPublishedAdverts(*central, redis).value();
  CHECK(again.entries == 2);
  CHECK(again.stored == 0);
  CHECK(central->GetAdvert(gone.id).value()->removed);  // still removed, not "back"

  // An older capture of `kept`, published after the newer one: ignored.
  AdvertRecord older = Advert(kept.url, 'c', 1500, "An older text");
  REQUIRE(StreamQueue(redis)
              .Add(kStream, {{"id", older.id}, {"worker", "w2"}, {"advert", EncodeAdvert(older)}})
              .ok());
  CHECK(TakeInPublishedAdverts(*central, redis).value().stored == 0);
  CHECK(central->GetAdvert(kept.id).value()->text == "Night shifts");

  // Deleted on the worker (retention): deleted in the store.
  REQUIRE(worker->DeleteAdvert(kept.id).ok());
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 1);
  CHECK(TakeInPublishedAdverts(*central, redis).value().deleted == 1);
  CHECK_FALSE(central->GetAdvert(kept.id).value().has_value());
}

}  // namespace
}  // namespace plainsight::cluster
