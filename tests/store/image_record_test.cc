// Advert photos in the store (store/image_record.h): a real RocksDB.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "store/image_record.h"
#include "store/store.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct ImageStoreDir {
  ImageStoreDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-images-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~ImageStoreDir() { fs::remove_all(path); }
  std::string path;
};

StoredImage Picture(const std::string& sha) {
  StoredImage p;
  p.sha256 = sha;
  p.content_type = "image/jpeg";
  p.format = "JPEG";
  p.bytes = 48213;
  p.width = 800;
  p.height = 600;
  p.quality = 100;
  p.pdq = std::string(64, 'a');
  p.crops = {std::string(64, 'b'), std::string(64, 'c'), std::string(64, 'd')};
  p.first_url = "http://adverts.example.org/img/1.jpg";
  p.fetched_at = 1764000000;
  p.warc_file = "plainsight-00001.warc.gz";
  p.warc_offset = 1234;
  p.warc_length = 50000;
  return p;
}

AdvertImage Listed(const std::string& advert, const std::string& url, int order,
                   const std::string& sha) {
  AdvertImage i;
  i.advert_id = advert;
  i.url = url;
  i.order = order;
  i.sha256 = sha;
  i.at = 1764000001;
  if (sha.empty()) i.error = "HTTP 404";
  return i;
}

Status Commit(Store& store, const std::vector<std::pair<std::string, std::string>>& entries) {
  return store.PutMetas(entries);
}

TEST_CASE("StoredImage and AdvertImage round-trip through their JSON") {
  StoredImage p = Picture(std::string(64, '1'));
  Result<StoredImage> back = DecodeStoredImage(EncodeStoredImage(p));
  REQUIRE(back.ok());
  CHECK(back->sha256 == p.sha256);
  CHECK(back->crops == p.crops);
  CHECK(back->warc_offset == 1234);
  CHECK(back->quality == 100);
  AdvertImage a = Listed("A-1", "http://adverts.example.org/img/1.jpg", 2, "");
  Result<AdvertImage> a_back = DecodeAdvertImage(EncodeAdvertImage(a));
  REQUIRE(a_back.ok());
  CHECK(a_back->error == "HTTP 404");
  CHECK(a_back->order == 2);
  CHECK_FALSE(DecodeStoredImage("{").ok());
  CHECK_FALSE(DecodeAdvertImage("{\"url\": 3}").ok());
}

TEST_CASE("An advert lists its images in page order and a picture is kept once") {
  ImageStoreDir dir;
  auto store = Store::Open(dir.path + "/db", {});
  REQUIRE(store.ok());
  const std::string sha(64, 'e');
  StoredImage p = Picture(sha);
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-1", "http://x.example.org/b.jpg", 1, sha), &p)).ok());
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-1", "http://x.example.org/a.jpg", 0, ""), nullptr)).ok());
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-2", "http://x.example.org/c.jpg", 0, sha), nullptr)).ok());

  auto listed = LoadAdvertImages(**store, "A-1");
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 2);
  CHECK((*listed)[0].url == "http://x.example.org/a.jpg");
  CHECK((*listed)[1].sha256 == sha);
  size_t pictures = 0;
  REQUIRE(ForEachStoredImage(**store, [&](const StoredImage&) { return ++pictures > 0; }).ok());
  CHECK(pictures == 1);
  size_t entries = 0;
  REQUIRE(ForEachAdvertImage(**store, [&](const AdvertImage&) { return ++entries > 0; }).ok());
  CHECK(entries == 3);
}

TEST_CASE("Deleting the last advert that lists a picture deletes the picture") {
  ImageStoreDir dir;
  auto store = Store::Open(dir.path + "/db", {});
  REQUIRE(store.ok());
  const std::string sha(64, 'f');
  StoredImage p = Picture(sha);
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-1", "http://x.example.org/1.jpg", 0, sha), &p)).ok());
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-2", "http://x.example.org/1.jpg", 0, sha), nullptr)).ok());

  REQUIRE(DeleteAdvertImages(**store, "A-1").ok());
  CHECK(LoadAdvertImages(**store, "A-1")->empty());
  CHECK(LoadStoredImage(**store, sha)->has_value());
  REQUIRE(DeleteAdvertImages(**store, "A-2").ok());
  CHECK_FALSE(LoadStoredImage(**store, sha)->has_value());
}

TEST_CASE("A delete interrupted after the picture went is finished by the next one") {
  ImageStoreDir dir;
  auto store = Store::Open(dir.path + "/db", {});
  REQUIRE(store.ok());
  const std::string sha(64, 'a');
  StoredImage p = Picture(sha);
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-9", "http://x.example.org/9.jpg", 0, sha), &p)).ok());
  // Killed part-way: the reference and the picture deleted, the advert's
  // own row not yet (it goes last).
  REQUIRE((*store)->DeleteMeta(std::string("image-ref\x1f") + sha + "\x1f" "A-9").ok());
  REQUIRE((*store)->DeleteMeta(std::string("image\x1f") + sha).ok());
  REQUIRE(LoadAdvertImages(**store, "A-9")->size() == 1);
  REQUIRE(DeleteAdvertImages(**store, "A-9").ok());
  CHECK(LoadAdvertImages(**store, "A-9")->empty());
  size_t left = 0;
  REQUIRE((*store)->ForEachMeta("image", [&](const std::string&, const std::string&) {
    ++left;
    return true;
  }).ok());
  CHECK(left == 0);
}

TEST_CASE("An image refused after it was kept drops the picture with its last advert") {
  ImageStoreDir dir;
  auto store = Store::Open(dir.path + "/db", {});
  REQUIRE(store.ok());
  const std::string sha(64, 'b');
  StoredImage p = Picture(sha);
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-1", "http://x.example.org/logo.png", 0, sha), &p)).ok());
  REQUIRE(Commit(**store, AdvertImageEntries(Listed("A-2", "http://x.example.org/logo.png", 0, sha), nullptr)).ok());
  for (const char* advert : {"A-1", "A-2"}) {
    auto listed = LoadAdvertImages(**store, advert);
    REQUIRE(listed->size() == 1);
    REQUIRE(RefuseAdvertImage(**store, (*listed)[0], "site chrome").ok());
    REQUIRE(RefuseAdvertImage(**store, (*listed)[0], "site chrome").ok());  // idempotent
    auto after = LoadAdvertImages(**store, advert);
    REQUIRE(after->size() == 1);
    CHECK((*after)[0].sha256.empty());
    CHECK((*after)[0].error == "site chrome");
    CHECK((*after)[0].order == 0);
  }
  CHECK_FALSE(LoadStoredImage(**store, sha)->has_value());
  CHECK(AdvertsShowingPicture(**store, sha)->empty());
}

}  // namespace
}  // namespace plainsight
