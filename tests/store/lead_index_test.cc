// The lead-of-advert index (meta_keys::kLeadOf) kept in step with the
// leads by every lead write, on a real RocksDB: after each write the index
// must be exactly what the stored leads list, and the count their number.
#include "store/lead_index.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/meta_keys.h"
#include "store/store.h"
#include "tests/store/lead_index_check.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-lead-index-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string path;
};

LeadRecord Lead(const std::string& id, std::vector<std::string> adverts,
                const std::string& status = "new") {
  LeadRecord lead;
  lead.id = id;
  lead.status = status;
  lead.score = 5;
  lead.advert_ids = std::move(adverts);
  return lead;
}

using Index = testing::LeadIndex;

void CheckIndex(const Store& store, const Index& expected) {
  size_t leads = 0;
  CHECK(testing::LeadIndexOfLeads(store, &leads) == expected);
  testing::CheckLeadIndexInStep(store);
  std::vector<std::string> adverts = {"not-in-any-lead"};
  for (const auto& [advert, lead] : expected) adverts.push_back(advert);
  auto found = store.LeadIdsOfAdverts(adverts);
  REQUIRE(found.ok());
  REQUIRE(found->size() == adverts.size());
  CHECK((*found)[0].empty());
  for (size_t i = 1; i < adverts.size(); ++i) CHECK((*found)[i] == expected.at(adverts[i]));
}

TEST_CASE("LeadIndex_EveryLeadWriteKeepsTheIndexToWhatTheLeadsList") {
  TempDir tmp;
  auto opened = Store::Open(tmp.path + "/db", {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  struct Step {
    const char* rule;
    std::function<Status(Store&)> write;
    Index expected;
  };
  const std::vector<Step> steps = {
      {"a full write indexes every advert of every lead",
       [](Store& s) {
         return s.ReplaceLeads({Lead("L-a", {"a1", "a2"}), Lead("L-b", {"b1"})});
       },
       {{"a1", "L-a"}, {"a2", "L-a"}, {"b1", "L-b"}}},
      {"a full write moving an advert to another lead re-points only it",
       [](Store& s) {
         return s.ReplaceLeads(
             {Lead("L-c", {"c1"}), Lead("L-a", {"a1"}), Lead("L-b", {"a2", "b1"})});
       },
       {{"a1", "L-a"}, {"a2", "L-b"}, {"b1", "L-b"}, {"c1", "L-c"}}},
      {"a patch deleting a lead whose advert a lead it writes takes keeps that advert",
       [](Store& s) {
         return s.PatchLeads({Lead("L-b", {"a2", "b1", "c1"})}, {"L-c"});
       },
       {{"a1", "L-a"}, {"a2", "L-b"}, {"b1", "L-b"}, {"c1", "L-b"}}},
      {"a patch writing a new lead and deleting an id never stored counts one more",
       [](Store& s) {
         return s.PatchLeads({Lead("L-d", {"d1"})}, {"L-none", "L-none"});
       },
       {{"a1", "L-a"}, {"a2", "L-b"}, {"b1", "L-b"}, {"c1", "L-b"}, {"d1", "L-d"}}},
      {"a patch both writing and deleting one id writes it",
       [](Store& s) {
         return s.PatchLeads({Lead("L-d", {"d1", "d2"})}, {"L-d"});
       },
       {{"a1", "L-a"}, {"a2", "L-b"}, {"b1", "L-b"}, {"c1", "L-b"}, {"d1", "L-d"}, {"d2", "L-d"}}},
      {"a review's write of the same adverts leaves the index",
       [](Store& s) {
         return s.PutLead(Lead("L-a", {"a1"}, "reviewed"), {{"review-x", "1"}});
       },
       {{"a1", "L-a"}, {"a2", "L-b"}, {"b1", "L-b"}, {"c1", "L-b"}, {"d1", "L-d"}, {"d2", "L-d"}}},
      {"a lead written over with fewer adverts drops the others' keys",
       [](Store& s) { return s.PutLead(Lead("L-b", {"b1"}), {}); },
       {{"a1", "L-a"}, {"b1", "L-b"}, {"d1", "L-d"}, {"d2", "L-d"}}},
      {"a lead written new by PutLead is indexed and counted",
       [](Store& s) { return s.PutLead(Lead("L-e", {"e1"}), {}); },
       {{"a1", "L-a"}, {"b1", "L-b"}, {"d1", "L-d"}, {"d2", "L-d"}, {"e1", "L-e"}}},
      {"a full write of no leads empties the index",
       [](Store& s) { return s.ReplaceLeads({}); },
       {}},
  };
  for (const Step& step : steps) {
    INFO(step.rule);
    REQUIRE(step.write(store).ok());
    CheckIndex(store, step.expected);
  }
}

TEST_CASE("LeadIndex_AStoreFromBeforeTheIndexGetsItWholeAtItsNextFullWrite") {
  TempDir tmp;
  auto opened = Store::Open(tmp.path + "/db", {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  REQUIRE(store.ReplaceLeads({Lead("L-a", {"a1"}), Lead("L-b", {"b1"})}).ok());
  // As an older plainsight left it: leads, no count, and (here) a stray key.
  REQUIRE(store.DeleteMeta(meta_keys::kLeadIndexState).ok());
  REQUIRE(store.PutMeta(LeadOfKey("stray"), "L-gone").ok());
  auto count = store.CountLeads();
  REQUIRE(count.ok());
  CHECK_FALSE(count->has_value());
  // Lead writes while the index is not kept leave it alone.
  REQUIRE(store.PatchLeads({Lead("L-c", {"c1"})}, {"L-a"}).ok());
  REQUIRE(store.PutLead(Lead("L-b", {"b1"}, "reviewed"), {}).ok());
  count = store.CountLeads();
  REQUIRE(count.ok());
  CHECK_FALSE(count->has_value());
  // The next full write writes it whole, the stray key gone.
  REQUIRE(store.ReplaceLeads({Lead("L-b", {"b1"}, "reviewed"), Lead("L-c", {"c1", "c2"})}).ok());
  CheckIndex(store, {{"b1", "L-b"}, {"c1", "L-c"}, {"c2", "L-c"}});
}

// Schema 1 is a plainsight without the index, which writes leads without
// moving it: a store it last opened keeps no index the next one trusts.
TEST_CASE("LeadIndex_AStoreOfSchemaOneKeepsNoIndexUntilItsNextFullWrite") {
  TempDir tmp;
  const std::string dir = tmp.path + "/db";
  {
    auto opened = Store::Open(dir, {});
    REQUIRE(opened.ok());
    REQUIRE((*opened)->ReplaceLeads({Lead("L-a", {"a1"})}).ok());
    REQUIRE((*opened)->PutMeta(meta_keys::kStoreSchema, "1").ok());
  }
  auto opened = Store::Open(dir, {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  auto schema = store.GetMeta(meta_keys::kStoreSchema);
  REQUIRE(schema.ok());
  CHECK(schema->value_or("") == "2");
  auto count = store.CountLeads();
  REQUIRE(count.ok());
  CHECK_FALSE(count->has_value());
  REQUIRE(store.ReplaceLeads({Lead("L-a", {"a1"}), Lead("L-b", {"b1"})}).ok());
  CheckIndex(store, {{"a1", "L-a"}, {"b1", "L-b"}});
}

TEST_CASE("LeadIndex_AKeptCountThatDoesNotComeOutIsWrittenWhole") {
  TempDir tmp;
  auto opened = Store::Open(tmp.path + "/db", {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  REQUIRE(store.ReplaceLeads({Lead("L-a", {"a1"}), Lead("L-b", {"b1"})}).ok());
  REQUIRE(store.PutMeta(meta_keys::kLeadIndexState, "5").ok());
  REQUIRE(store.DeleteMeta(LeadOfKey("a1")).ok());
  REQUIRE(store.ReplaceLeads({Lead("L-a", {"a1"}), Lead("L-b", {"b1"})}).ok());
  CheckIndex(store, {{"a1", "L-a"}, {"b1", "L-b"}});
}

TEST_CASE("LeadIndex_BriefsAreReadInTheirOrderAbsentOnesEmpty") {
  TempDir tmp;
  auto opened = Store::Open(tmp.path + "/db", {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  REQUIRE(store.ReplaceLeads({Lead("L-a", {"a1", "a2"}), Lead("L-b", {"b1"})}).ok());
  auto briefs = store.GetLeadBriefs({"L-b", "L-none", "L-a"});
  REQUIRE(briefs.ok());
  REQUIRE(briefs->size() == 3);
  REQUIRE((*briefs)[0].has_value());
  CHECK((*briefs)[0]->id == "L-b");
  CHECK((*briefs)[0]->advert_ids == std::vector<std::string>{"b1"});
  CHECK_FALSE((*briefs)[1].has_value());
  REQUIRE((*briefs)[2].has_value());
  CHECK((*briefs)[2]->advert_ids == std::vector<std::string>{"a1", "a2"});
}

}  // namespace
}  // namespace plainsight
