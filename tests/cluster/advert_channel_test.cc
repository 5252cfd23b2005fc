// The adverts stream (cluster/advert_channel.h): a worker's changed adverts
// reach the correlating store once, and an entry delivered again (a
// correlate killed before it acknowledged, a worker killed before it
// cleared its change log) or an older capture published late changes
// nothing there. Real RocksDB stores, a real redis-server on loopback.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "cluster/advert_channel.h"
#include "cluster/stream.h"
#include "store/image_record.h"
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
// A worker's store and the correlating store, with a redis-server between
// and the store's group made (no `redis` when redis-server is not
// installed: the test returns early).
struct Channel {
  Channel() {
    if (!server) return;
    redis.emplace(ConnectTo(*server));
    REQUIRE(EnsureAdvertsGroup(*redis).ok());
  }
  std::unique_ptr<testing::RedisServer> server = testing::StartRedisOrWarn();
  std::optional<RedisConnection> redis;
  testing::TempDir dir{"plainsight-advert-channel"};
  std::unique_ptr<Store> worker = OpenAt(dir.path() + "/worker");
  std::unique_ptr<Store> central = OpenAt(dir.path() + "/central");
};

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
  Channel channel;
  if (!channel.redis) return;
  RedisConnection& redis = *channel.redis;
  Store* worker = channel.worker.get();
  Store* central = channel.central.get();

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

// One photo of `advert_id` as the crawler commits it: fetched and kept
// (a picture) or given up (`error`).
PageCommit PhotoCommit(const std::string& advert_id, int order, const std::string& error) {
  AdvertImage image;
  image.advert_id = advert_id;
  image.url = "https://img.example.org/" + std::to_string(order) + ".jpg";
  image.order = order;
  image.at = 2000;
  StoredImage picture;
  if (error.empty()) {
    picture.sha256 = std::string(63, 'a') + std::to_string(order);
    picture.format = "JPEG";
    picture.quality = 90;
    picture.pdq = std::string(64, 'f');
    picture.first_url = image.url;
    picture.warc_file = "crawl-1.warc.gz";
    picture.warc_offset = 100u * static_cast<unsigned>(order);
    image.sha256 = picture.sha256;
  } else {
    image.error = error;
  }
  PageCommit commit;
  commit.url = image.url + "#advert-image=" + advert_id;
  commit.meta = AdvertImageEntries(image, error.empty() ? &picture : nullptr);
  return commit;
}

TEST_CASE("AdvertChannel_PhotosGoWithTheirAdvert_AndALaterPhotoIsPublishedOnItsOwn") {
  Channel channel;
  if (!channel.redis) return;
  RedisConnection& redis = *channel.redis;
  Store* worker = channel.worker.get();
  Store* central = channel.central.get();

  const AdvertRecord advert = Advert("https://jobs.example.org/1", 'a', 2000, "Night shifts");
  REQUIRE(worker->UpsertAdvert(advert).ok());
  REQUIRE(worker->CommitPage(PhotoCommit(advert.id, 0, "")).ok());
  REQUIRE(worker->CommitPage(PhotoCommit(advert.id, 1, "HTTP 404")).ok());
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 1);
  const RedisReply published = Entries(redis);
  TakeInSummary first = TakeInPublishedAdverts(*central, redis).value();
  CHECK(first.stored == 1);
  CHECK(first.photo_updates == 1);
  std::vector<AdvertImage> images = LoadAdvertImages(*central, advert.id).value();
  REQUIRE(images.size() == 2);
  CHECK(images[0].sha256 == std::string(63, 'a') + "0");
  CHECK(images[1].error == "HTTP 404");
  auto picture = LoadStoredImage(*central, images[0].sha256).value();
  REQUIRE(picture.has_value());
  CHECK(picture->warc_file == "w1/crawl-1.warc.gz");  // evidence stays on the worker
  CHECK(AdvertsShowingPicture(*central, images[0].sha256).value() == std::vector<std::string>{advert.id});

  DeliverAgain(redis, published);  // a repeat changes nothing
  TakeInSummary again = TakeInPublishedAdverts(*central, redis).value();
  CHECK(again.stored == 0);
  CHECK(again.photo_updates == 0);

  // A later run fetches a third photo; the advert itself is unchanged.
  REQUIRE(worker->CommitPage(PhotoCommit(advert.id, 2, "")).ok());
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 1);
  TakeInSummary later = TakeInPublishedAdverts(*central, redis).value();
  CHECK(later.stored == 0);
  CHECK(later.photo_updates == 1);
  CHECK(LoadAdvertImages(*central, advert.id).value().size() == 3);

  // Another worker crawls the advert now (its host moved) and has not
  // fetched the first photo yet: the store keeps the picture it holds.
  auto other = OpenAt(channel.dir.path() + "/other");
  AdvertRecord seen_again = advert;
  seen_again.last_seen = 3000;
  REQUIRE(other->UpsertAdvert(seen_again).ok());
  REQUIRE(other->CommitPage(PhotoCommit(advert.id, 0, "per-run image cap")).ok());
  CHECK(PublishChangedAdverts(*other, redis, "w2").value() == 1);
  TakeInSummary moved = TakeInPublishedAdverts(*central, redis).value();
  CHECK(moved.photo_updates == 0);
  images = LoadAdvertImages(*central, advert.id).value();
  REQUIRE(images.size() == 3);
  CHECK(images[0].sha256 == std::string(63, 'a') + "0");
  CHECK(LoadStoredImage(*central, images[0].sha256).value().has_value());

  // Deleted on the worker: its photos go from the store with it.
  REQUIRE(worker->DeleteAdvert(advert.id).ok());
  REQUIRE(DeleteAdvertImages(*worker, advert.id).ok());
  CHECK(PublishChangedAdverts(*worker, redis, "w1").value() == 1);
  CHECK(TakeInPublishedAdverts(*central, redis).value().deleted == 1);
  CHECK(LoadAdvertImages(*central, advert.id).value().empty());
  CHECK_FALSE(LoadStoredImage(*central, images[0].sha256).value().has_value());
}

}  // namespace
}  // namespace plainsight::cluster
