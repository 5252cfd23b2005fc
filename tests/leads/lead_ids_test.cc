// Stable lead ids: unchanged across runs, kept by the larger part on a
// split, by the oldest lead on a merge.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "leads/lead_ids.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

void AddGroup(TempStore& t, const std::string& name, int adverts, std::vector<std::string> phones) {
  for (int i = 0; i < adverts; ++i) {
    Ad ad;
    ad.url = "http://example.org/" + name + "/" + std::to_string(i);
    ad.site = name + "-site-" + std::to_string(i);
    ad.phones = phones;
    t.Put(ad);
  }
}

TEST_CASE("LeadIds_Split_LargerPartKeepsTheId") {
  TempStore t;
  AddGroup(t, "small", 2, {"+447700900601"});
  AddGroup(t, "large", 3, {"+447700900651"});
  AddGroup(t, "bridge", 1, {"+447700900601", "+447700900651"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  auto joined = t.Leads();
  REQUIRE(joined.size() == 1);
  const std::string id = joined[0].id;

  REQUIRE(t.store->DeleteAdvert(AdvertIdForUrl("http://example.org/bridge/0")).ok());
  auto summary = Correlate(*t.store, LeadSettings{}, 3000);
  REQUIRE(summary.ok());
  CHECK(summary->split_leads == 1);
  auto split = t.Leads();
  REQUIRE(split.size() == 2);
  const LeadRecord* large = TempStore::LeadWith(split, "http://example.org/large/0");
  const LeadRecord* small = TempStore::LeadWith(split, "http://example.org/small/0");
  REQUIRE(large != nullptr);
  REQUIRE(small != nullptr);
  CHECK(large->id == id);
  CHECK(large->created_at == 2000);
  CHECK(small->id != id);
  CHECK(small->split_from == id);
  CHECK(small->created_at == 3000);
}

TEST_CASE("LeadIds_AssignLeadIds_Rules") {
  auto lead = [](std::string id, std::vector<std::string> adverts, std::int64_t created,
                 std::string status = "new") {
    LeadRecord l;
    l.id = std::move(id);
    l.advert_ids = std::move(adverts);
    l.created_at = l.updated_at = created;
    l.status = std::move(status);
    return l;
  };
  static const struct {
    const char* rule;
    std::vector<LeadRecord> previous;
    std::vector<std::vector<std::string>> now;  // advert ids of the new groups
    std::vector<std::string> expected_ids;      // "" = a new id
    std::vector<std::string> expected_status;
  } kCases[] = {
      {"unchanged group keeps id and status",
       {lead("L-a", {"A1", "A2"}, 10, "reviewed")}, {{"A1", "A2"}}, {"L-a"}, {"reviewed"}},
      {"reviewed lead that grows becomes updated",
       {lead("L-a", {"A1", "A2"}, 10, "reviewed")}, {{"A1", "A2", "A3"}}, {"L-a"}, {"updated"}},
      {"merge keeps the oldest id",
       {lead("L-new", {"A1"}, 20), lead("L-old", {"A2"}, 10)}, {{"A1", "A2"}}, {"L-old"}, {"new"}},
      {"split keeps the id on the larger part",
       {lead("L-a", {"A1", "A2", "A3"}, 10)}, {{"A1"}, {"A2", "A3"}}, {"", "L-a"}, {"new", "new"}},
      {"unrelated group gets a new id",
       {lead("L-a", {"A1"}, 10)}, {{"B1", "B2"}}, {""}, {"new"}},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    std::vector<LeadRecord> leads;
    for (const auto& ids : c.now) {
      LeadRecord l;
      l.advert_ids = ids;
      leads.push_back(l);
    }
    AssignLeadIds(c.previous, 99, &leads);
    for (size_t i = 0; i < leads.size(); ++i) {
      CAPTURE(i);
      if (c.expected_ids[i].empty()) {
        CHECK(leads[i].id.rfind("L-", 0) == 0);
        CHECK(leads[i].created_at == 99);
        for (const auto& old : c.previous) CHECK(leads[i].id != old.id);
      } else {
        CHECK(leads[i].id == c.expected_ids[i]);
      }
      CHECK(leads[i].status == c.expected_status[i]);
    }
  }
}

// An incremental run holds only some of the stored leads: a new lead
// must not take the id of a lead stored elsewhere, which it learns by
// asking (the store's leads are not all read).
TEST_CASE("LeadIds_ANewLeadSkipsAnIdTakenElsewhere") {
  LeadRecord fresh;
  fresh.advert_ids = {"advert-1"};
  std::vector<LeadRecord> alone = {fresh};
  AssignLeadIds({}, 99, &alone);
  const std::string natural = alone[0].id;

  std::vector<std::string> asked;
  std::vector<LeadRecord> leads = {fresh};
  AssignLeadIds({}, 99, &leads, [&](const std::string& id) {
    asked.push_back(id);
    return id == natural;
  });
  CHECK(leads[0].id != natural);
  CHECK(leads[0].id.rfind("L-", 0) == 0);
  CHECK(leads[0].status == "new");
  REQUIRE(asked.size() == 2);
  CHECK(asked[0] == natural);
  CHECK(asked[1] == leads[0].id);
}

}  // namespace
}  // namespace plainsight
