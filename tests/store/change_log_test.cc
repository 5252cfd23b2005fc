// The store's change log (store/store.h, meta_keys::kChanged): every write
// that changes what correlation reads logs its advert in the same atomic
// write, with how it changed; a sighting alone does not.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/image_record.h"
#include "store/meta_keys.h"
#include "store/record_codec.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

AdvertRecord Advert(const std::string& url, char body) {
  AdvertRecord a;
  a.url = url;
  a.id = AdvertIdForUrl(url);
  a.site = "farm-jobs";
  a.kind = "jobs";
  a.title = "Warehouse operatives";
  a.text = "Night shifts, transport provided";
  a.sha256 = std::string(64, body);
  a.first_seen = 1000;
  a.last_seen = 1000;
  a.phones = {"+447700900123"};
  return a;
}

std::map<std::string, std::string> LoggedChanges(const Store& store) {
  std::map<std::string, std::string> log;
  const std::string prefix = meta_keys::kChanged;
  REQUIRE(store.ForEachMeta(prefix, [&](const std::string& key, const std::string& how) {
    log[key.substr(prefix.size())] = meta_keys::ChangeKind(how);
    return true;
  }).ok());
  return log;
}

Status ClearLog(Store& store) {
  std::vector<std::string> keys;
  for (const auto& [id, how] : LoggedChanges(store)) keys.push_back(meta_keys::kChanged + id);
  return store.DeleteMetas(keys);
}

struct Case {
  const char* rule;
  // Runs on a store that already holds Advert(kUrl, 'a'), with the log
  // cleared, and writes what the rule is about.
  Status (*write)(Store& store);
  const char* logged_as;  // nullptr: not logged
};

const std::string kUrl = "http://example.org/ad/1";

Status WriteFresh(Store& s) { return s.UpsertAdvert(Advert("http://example.org/ad/2", 'b')).status(); }
Status WriteChanged(Store& s) { return s.UpsertAdvert(Advert(kUrl, 'c')).status(); }
Status WriteSameCapture(Store& s) {
  AdvertRecord again = Advert(kUrl, 'a');
  again.last_seen = 5000;
  return s.UpsertAdvert(again).status();
}
Status WriteTouch(Store& s) { return s.TouchAdvert(AdvertIdForUrl(kUrl), 6000); }
Status WriteReextracted(Store& s) {
  AdvertRecord extracted = Advert(kUrl, 'a');
  extracted.phones = {"+447700900999"};
  return s.ReplaceAdvertContent(extracted, {});
}
Status WriteRemoved(Store& s) { return s.MarkAdvertRemoved(AdvertIdForUrl(kUrl), 7000); }
Status WriteRemovedTwice(Store& s) {
  Status first = s.MarkAdvertRemoved(AdvertIdForUrl(kUrl), 7000);
  if (!first.ok()) return first;
  Status cleared = ClearLog(s);
  if (!cleared.ok()) return cleared;
  return s.MarkAdvertRemoved(AdvertIdForUrl(kUrl), 8000);
}
Status WriteBack(Store& s) {
  Status removed = s.MarkAdvertRemoved(AdvertIdForUrl(kUrl), 7000);
  if (!removed.ok()) return removed;
  Status cleared = ClearLog(s);
  if (!cleared.ok()) return cleared;
  return WriteSameCapture(s);
}
Status WriteDeleted(Store& s) { return s.DeleteAdvert(AdvertIdForUrl(kUrl)); }
Status WritePhoto(Store& s) {
  AdvertImage image;
  image.advert_id = AdvertIdForUrl(kUrl);
  image.url = "http://example.org/img/1.jpg";
  image.error = "HTTP 404";
  PageCommit commit;
  commit.url = image.url + "#advert-image=" + image.advert_id;
  commit.meta = AdvertImageEntries(image, nullptr);
  return s.CommitPage(commit);
}
Status WritePageCommit(Store& s) {
  PageCommit commit;
  commit.url = "http://example.org/list/1";
  commit.meta = {{"note\x1fsomething", "1"}};
  return s.CommitPage(commit);
}

TEST_CASE("ChangeLog_EachWriteThatMovesWhatCorrelationReadsIsLoggedOnce", "[store]") {
  const Case cases[] = {
      {"a new advert", WriteFresh, "new"},
      {"a changed capture", WriteChanged, "changed"},
      {"the same capture seen again", WriteSameCapture, nullptr},
      {"a touch (HTTP 304)", WriteTouch, nullptr},
      {"re-extraction", WriteReextracted, "re-extracted"},
      {"taken down", WriteRemoved, "removed"},
      {"taken down when already down", WriteRemovedTwice, nullptr},
      {"back after being taken down", WriteBack, "back"},
      {"deleted", WriteDeleted, "deleted"},
      {"a photo of the advert fetched or given up", WritePhoto, "photo"},
      {"a page commit with no photo", WritePageCommit, nullptr},
  };
  for (const Case& c : cases) {
    SECTION(c.rule) {
      testing::TempDir dir("plainsight-changelog");
      auto opened = Store::Open(dir.path(), StoreOptions{});
      REQUIRE(opened.ok());
      Store& store = **opened;
      REQUIRE(store.UpsertAdvert(Advert(kUrl, 'a')).ok());
      CHECK(LoggedChanges(store) == std::map<std::string, std::string>{{AdvertIdForUrl(kUrl), "new"}});
      REQUIRE(ClearLog(store).ok());
      REQUIRE(c.write(store).ok());
      std::map<std::string, std::string> log = LoggedChanges(store);
      if (c.logged_as == nullptr) {
        CHECK(log.empty());
      } else {
        REQUIRE(log.size() == 1);
        CHECK(log.begin()->second == c.logged_as);
      }
    }
  }
}

TEST_CASE("ChangeLog_AClearDeletesOnlyEntriesNotRewrittenSinceTheyWereRead", "[store]") {
  testing::TempDir dir("plainsight-changelog");
  auto opened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(opened.ok());
  Store& store = **opened;
  REQUIRE(store.UpsertAdvert(Advert(kUrl, 'a')).ok());
  REQUIRE(store.UpsertAdvert(Advert(kUrl, 'c')).ok());
  REQUIRE(store.UpsertAdvert(Advert("http://example.org/ad/2", 'b')).ok());
  std::vector<std::pair<std::string, std::string>> read;
  REQUIRE(store.ForEachMeta(meta_keys::kChanged, [&](const std::string& key, const std::string& value) {
    read.emplace_back(key, value);
    return true;
  }).ok());
  REQUIRE(read.size() == 2);
  // Read as "changed"; the same kind again must still count as rewritten.
  REQUIRE(store.UpsertAdvert(Advert(kUrl, 'd')).ok());
  REQUIRE(store.DeleteMetasIfUnchanged(read).ok());
  CHECK(LoggedChanges(store) == std::map<std::string, std::string>{{AdvertIdForUrl(kUrl), "changed"}});
}

TEST_CASE("ChangeLog_SurvivesReopeningTheStore", "[store]") {
  testing::TempDir dir("plainsight-changelog");
  {
    auto opened = Store::Open(dir.path(), StoreOptions{});
    REQUIRE(opened.ok());
    REQUIRE((*opened)->UpsertAdvert(Advert(kUrl, 'a')).ok());
    REQUIRE((*opened)->UpsertAdvert(Advert("http://example.org/ad/2", 'b')).ok());
  }
  auto reopened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(reopened.ok());
  CHECK(LoggedChanges(**reopened).size() == 2);
}

}  // namespace
}  // namespace plainsight
