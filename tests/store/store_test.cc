// Store: a real RocksDB in a temporary directory.
#include "store/store.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-store-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string path;
};

AdvertRecord Advert(const std::string& url, const std::string& sha, std::int64_t seen) {
  AdvertRecord a;
  a.url = url;
  a.id = AdvertIdForUrl(url);
  a.site = "farm-jobs";
  a.kind = "jobs";
  a.title = "Warehouse operative";
  a.sha256 = sha;
  a.first_seen = seen;
  a.last_seen = seen;
  a.phones = {"+447700900123"};
  a.postcodes = {"NN1 1AB"};
  a.indicators = {{"jobs.accommodation_provided", "living_and_working_same_address", 2.0,
                   "Accommodation provided"}};
  return a;
}

TEST_CASE("Store_Directory_IsOwnerOnly") {
  TempDir tmp;
  std::string dir = tmp.path + "/db";
  auto store = Store::Open(dir, {});
  REQUIRE(store.ok());
  struct stat info {};
  REQUIRE(::stat(dir.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
}

// One pass over many prefixes gives what ForEachMeta per prefix gives:
// each key under its own prefix, an empty prefix with nothing, keys under
// two prefixes (one extends the other) under both, and false stops.
TEST_CASE("Store_ForEachMetaUnder_VisitsEachPrefixsKeysAsForEachMetaDoes") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  Store& s = **store;
  REQUIRE(s.PutMetas({{"b:1", "one"}, {"b:2", "two"}, {"b:22", "x"}, {"d:9", "nine"}, {"e", "e"}})
              .ok());
  const std::vector<std::string> prefixes = {"a:", "b:", "b:2", "c:", "d:"};
  std::vector<std::pair<size_t, std::string>> seen;
  REQUIRE(s.ForEachMetaUnder(prefixes, [&](size_t i, const std::string& key, const std::string&) {
             seen.emplace_back(i, key);
             return true;
           }).ok());
  std::vector<std::pair<size_t, std::string>> one_by_one;
  for (size_t i = 0; i < prefixes.size(); ++i) {
    REQUIRE(s.ForEachMeta(prefixes[i], [&](const std::string& key, const std::string&) {
               one_by_one.emplace_back(i, key);
               return true;
             }).ok());
  }
  CHECK(seen == one_by_one);
  CHECK(seen.size() == 6);
  size_t visits = 0;
  REQUIRE(s.ForEachMetaUnder(prefixes, [&](size_t, const std::string&, const std::string&) {
             return ++visits < 2;
           }).ok());
  CHECK(visits == 2);
}

TEST_CASE("Store_Upsert_RecrawlUpdatesLastSeenAndNeverDuplicates") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  Store& s = **store;
  static const struct {
    const char* sha;
    std::int64_t seen;
    UpsertOutcome outcome;
    std::int64_t first_seen;
    std::int64_t last_seen;
  } kSteps[] = {
      {"aaa", 100, UpsertOutcome::kNew, 100, 100},
      {"aaa", 200, UpsertOutcome::kUnchanged, 100, 200},
      {"bbb", 300, UpsertOutcome::kChanged, 100, 300},
  };
  for (const auto& step : kSteps) {
    CAPTURE(step.sha, step.seen);
    auto outcome = s.UpsertAdvert(Advert("http://a.example.org/job/1", step.sha, step.seen));
    REQUIRE(outcome.ok());
    CHECK(*outcome == step.outcome);
    auto stored = s.GetAdvert(AdvertIdForUrl("http://a.example.org/job/1"));
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->first_seen == step.first_seen);
    CHECK((*stored)->last_seen == step.last_seen);
    CHECK((*stored)->sha256 == step.sha);
  }
  CHECK(*s.CountAdverts() == 1);
  auto ids = s.AdvertIdsForEntity(EntityType::kPhone, "+447700900123");
  REQUIRE(ids.ok());
  CHECK(ids->size() == 1);
}

TEST_CASE("Store_EntityIndex_FollowsContentChanges") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  Store& s = **store;
  AdvertRecord a = Advert("http://a.example.org/job/1", "v1", 10);
  REQUIRE(s.UpsertAdvert(a).ok());
  REQUIRE(s.UpsertAdvert(Advert("http://a.example.org/job/2", "v1", 10)).ok());
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900123")->size() == 2);
  a.sha256 = "v2";
  a.phones = {"+447700900999"};
  REQUIRE(s.UpsertAdvert(a).ok());
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900123")->size() == 1);
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900999")->size() == 1);
  REQUIRE(s.DeleteAdvert(a.id).ok());
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900999")->empty());
  CHECK(*s.CountAdverts() == 1);
}

TEST_CASE("Store_ReplaceAdvertContent_KeepsCaptureAndTimesReindexesAndClearsNote") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  Store& s = **store;
  AdvertRecord a = Advert("http://a.example.org/job/1", "v1", 10);
  a.phones = {"+447700900123", "+447700900001"};  // the second: the site's footer
  a.warc_file = "w.warc.gz";
  a.warc_offset = 7;
  PageCommit commit{"http://a.example.org/job/1", {}, "", {}};
  commit.meta = {{"provisional\x1f" + a.id, "body"}};
  REQUIRE(s.UpsertAdvert(a, commit).ok());
  REQUIRE(s.GetMeta("provisional\x1f" + a.id)->has_value());
  REQUIRE(s.MarkAdvertRemoved(a.id, 50).ok());

  AdvertRecord again = a;
  again.phones = {"+447700900123"};
  again.title = "Warehouse operative (nights)";
  again.sha256 = "ignored";
  again.first_seen = again.last_seen = 999;
  again.warc_file.clear();
  REQUIRE(s.ReplaceAdvertContent(again, {"provisional\x1f" + a.id}).ok());

  auto stored = s.GetAdvert(a.id);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  const AdvertRecord& r = **stored;
  CHECK(r.title == "Warehouse operative (nights)");
  CHECK(r.phones == std::vector<std::string>{"+447700900123"});
  CHECK(r.sha256 == "v1");
  CHECK(r.first_seen == 10);
  CHECK(r.last_seen == 10);
  CHECK(r.warc_file == "w.warc.gz");
  CHECK(r.warc_offset == 7);
  CHECK(r.removed);
  CHECK(r.removed_at == 50);
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900001")->empty());
  CHECK(s.AdvertIdsForEntity(EntityType::kPhone, "+447700900123")->size() == 1);
  CHECK_FALSE(s.GetMeta("provisional\x1f" + a.id)->has_value());
  bool summary_seen = false;
  REQUIRE(s.ForEachAdvertSummary([&](const AdvertSummary& summary) {
             summary_seen = true;
             CHECK(summary.phones.size() == 1);
             return true;
           }).ok());
  CHECK(summary_seen);

  AdvertRecord missing = Advert("http://a.example.org/job/404", "v1", 10);
  CHECK(s.ReplaceAdvertContent(missing, {}).IsNotFound());
}

TEST_CASE("Store_GetAdvertText_TitleAndTextOnlyFalseWhenMissing") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  AdvertRecord a = Advert("http://a.example.org/job/1", "v1", 10);
  a.text = "Pickers wanted.\nTransport \"provided\" \u00a3 daily.";
  REQUIRE((*store)->UpsertAdvert(a).ok());
  std::string title, text;
  auto found = (*store)->GetAdvertText(a.id, &title, &text);
  REQUIRE(found.ok());
  CHECK(*found);
  CHECK(title == a.title);
  CHECK(text == a.text);
  found = (*store)->GetAdvertText("A-0000000000000000", &title, &text);
  REQUIRE(found.ok());
  CHECK_FALSE(*found);
}

TEST_CASE("Store_SchemaVersion_NewerIsRefusedOlderIsStamped") {
  TempDir tmp;
  const std::string dir = tmp.path + "/db";
  static const struct {
    const char* stored;  // nullptr: an unversioned store
    bool opens;
  } kCases[] = {
      {nullptr, true}, {"1", true}, {"2", true}, {"3", false}, {"999999", false}, {"x1", false},
      {"", false},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.stored ? c.stored : "(none)");
    fs::remove_all(dir);
    {
      auto store = Store::Open(dir, {});
      REQUIRE(store.ok());
      if (c.stored != nullptr) {
        REQUIRE((*store)->PutMeta("store\x1fschema", c.stored).ok());
      } else {
        REQUIRE((*store)->DeleteMeta("store\x1fschema").ok());
      }
    }
    auto reopened = Store::Open(dir, {});
    CHECK(reopened.ok() == c.opens);
    if (reopened.ok()) {
      CHECK(*(*reopened)->GetMeta("store\x1fschema") == std::optional<std::string>("2"));
    } else {
      CHECK(reopened.status().ToString().find(dir) != std::string::npos);
    }
  }
}

TEST_CASE("Store_SecondWriter_IsBusy") {
  TempDir tmp;
  auto first = Store::Open(tmp.path + "/db", {});
  REQUIRE(first.ok());
  auto second = Store::Open(tmp.path + "/db", {});
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().IsBusy());
  // Readers still get in while a run holds the lock.
  StoreOptions read_only;
  read_only.read_only = true;
  CHECK(Store::Open(tmp.path + "/db", read_only).ok());
}

TEST_CASE("Store_Reopen_KeepsEverything") {
  TempDir tmp;
  {
    auto store = Store::Open(tmp.path + "/db", {});
    REQUIRE(store.ok());
    REQUIRE((*store)->UpsertAdvert(Advert("http://a.example.org/job/7", "x", 5)).ok());
    LeadRecord lead;
    lead.id = "L-1";
    lead.score = 4.5;
    lead.reasons = {"phone +447700900123 in 2 adverts on 1 site"};
    lead.reason_points = {4.5};
    lead.advert_ids = {AdvertIdForUrl("http://a.example.org/job/7")};
    REQUIRE((*store)->ReplaceLeads({lead}).ok());
    REQUIRE((*store)->MarkAdvertRemoved(AdvertIdForUrl("http://a.example.org/job/7"), 99).ok());
  }
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  auto advert = (*store)->GetAdvert(AdvertIdForUrl("http://a.example.org/job/7"));
  REQUIRE(advert.ok());
  REQUIRE(advert->has_value());
  CHECK((*advert)->removed);
  CHECK((*advert)->removed_at == 99);
  CHECK((*advert)->indicators.size() == 1);
  auto lead = (*store)->GetLead("L-1");
  REQUIRE(lead.ok());
  REQUIRE(lead->has_value());
  CHECK((*lead)->score == 4.5);
  CHECK((*lead)->reason_points == std::vector<double>{4.5});
}

TEST_CASE("Store_ForEachLeadBrief_CarriesIdsStatusAndTemplate") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  LeadRecord lead;
  lead.id = "L-1";
  lead.score = 7.25;
  lead.status = "reviewed";
  lead.reasons = {"phone \"+447700900123\" in 2 adverts\n\u00e9"};
  lead.reason_points = {7.25};
  lead.advert_ids = {"a1", "a2"};
  lead.phones = {"+447700900123"};
  lead.created_at = 10;
  lead.updated_at = -20;
  lead.merged_from = {"L-0", "L-\u00e9\t"};
  lead.split_from = "L-9";
  lead.template_text = "Cleaner {1} wanted \"now\"";
  lead.template_slots = {{"in Leeds", "in York"}, {}};
  REQUIRE((*store)->ReplaceLeads({lead}).ok());
  std::vector<LeadRecord> seen;
  REQUIRE((*store)
              ->ForEachLeadBrief([&](const LeadRecord& l) {
                seen.push_back(l);
                return true;
              })
              .ok());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].id == lead.id);
  CHECK(seen[0].status == lead.status);
  CHECK(seen[0].created_at == 10);
  CHECK(seen[0].updated_at == -20);
  CHECK(seen[0].advert_ids == lead.advert_ids);
  CHECK(seen[0].merged_from == lead.merged_from);
  CHECK(seen[0].split_from == lead.split_from);
  CHECK(seen[0].template_text == lead.template_text);
  CHECK(seen[0].template_slots == lead.template_slots);
  // What re-correlation recomputes is left out.
  CHECK(seen[0].reasons.empty());
  CHECK(seen[0].phones.empty());
}

TEST_CASE("Store_ReplaceLeads_KeepsUnchangedRewritesChangedDropsGone") {
  TempDir tmp;
  auto store = Store::Open(tmp.path + "/db", {});
  REQUIRE(store.ok());
  std::vector<LeadRecord> leads(3);
  for (size_t i = 0; i < leads.size(); ++i) {
    leads[i].id = "L-" + std::to_string(i);
    leads[i].score = static_cast<double>(i) + 1;
    leads[i].advert_ids = {"a" + std::to_string(i)};
  }
  REQUIRE((*store)->ReplaceLeads(leads).ok());
  // L-0 unchanged, L-1 rescored, L-2 gone, L-3 new; given out of id order.
  std::vector<LeadRecord> next = {leads[1], leads[0]};
  next[0].score = 9;
  next.push_back(leads[2]);
  next.back().id = "L-3";
  REQUIRE((*store)->ReplaceLeads(next).ok());
  std::vector<std::pair<std::string, double>> seen;
  REQUIRE((*store)
              ->ForEachLead([&](const LeadRecord& l) {
                seen.emplace_back(l.id, l.score);
                return true;
              })
              .ok());
  CHECK(seen == std::vector<std::pair<std::string, double>>{{"L-0", 1}, {"L-1", 9}, {"L-3", 3}});
}

}  // namespace
}  // namespace plainsight
