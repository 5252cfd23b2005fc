// The incremental run (leads.incremental, docs/incremental_correlation.md
// step 8) must give exactly the leads of a full run. Two stores are given
// the same adverts and the same changes each day; one is correlated
// incrementally, the other in full, and every day their leads must be
// equal byte for byte (as the store encodes them). Since the leads of a
// day are the next day's earlier leads, that holds the ids, merges and
// splits to the same history too.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "leads/correlate.h"
#include "store/meta_keys.h"
#include "store/record_codec.h"
#include "tests/leads/temp_store.h"
#include "tests/leads/varied_adverts.h"

namespace plainsight {
namespace {

std::map<std::string, std::string> EncodedLeads(Store& store) {
  std::map<std::string, std::string> leads;
  REQUIRE(store
              .ForEachLead([&](const LeadRecord& lead) {
                leads[lead.id] = EncodeLead(lead);
                return true;
              })
              .ok());
  return leads;
}

// One day's changes, the same in whichever store they are made.
void ChangeADay(testing::TempStore& t, int day) {
  Store& store = *t.store;
  const std::vector<std::string> ids = testing::TempStore::StoredIds(store);
  const auto pick = [&](size_t k, size_t step) {
    return ids[(k * step + static_cast<size_t>(day) * 13) % ids.size()];
  };
  for (size_t k = 0; k < 8; ++k) {  // edited: a new phone, postcode and wording
    auto record = store.GetAdvert(pick(k, 37));
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    AdvertRecord a = **record;
    a.phones = {"+441632960" + std::to_string(200 + day * 20 + static_cast<int>(k % 3))};
    a.postcodes = {"NN2 " + std::to_string(day) + "CD"};
    a.indicators = {{"jobs.fees", "fees", 1.5, "Fee of 100 pounds day " + std::to_string(day)}};
    a.text += " edited on day " + std::to_string(day);
    a.sha256 = Sha256Hex(a.url + a.text);
    REQUIRE(store.UpsertAdvert(a).ok());
  }
  for (size_t k = 0; k < 4; ++k) {  // taken down
    REQUIRE(store.MarkAdvertRemoved(pick(k, 53), 5000 + day).ok());
  }
  for (size_t k = 0; k < 4; ++k) {  // deleted by retention
    REQUIRE(store.DeleteAdvert(pick(k, 71)).ok());
  }
  // New adverts: on the switchboard (a hub whose count its leads quote),
  // on site-d's footer, consecutive numbers, a copied text, a chain
  // joining two earlier groups' phones.
  const std::string copied =
      "Warehouse pickers wanted now, transport to site every morning at five, "
      "accommodation arranged near the depot, pay weekly after deductions for "
      "rent and travel, no experience needed, start this week, call today";
  for (int k = 0; k < 10; ++k) {
    testing::Ad ad;
    ad.url = "http://example.org/day" + std::to_string(day) + "/" + std::to_string(k);
    // The varied adverts' sites (a new site's first adverts would move its
    // pinned chrome sample by more than a quarter: a full run).
    ad.site = std::string("site-") + static_cast<char>('a' + k % 4);
    ad.kind = k % 3 == 0 ? "adult" : "jobs";
    ad.phones = {"+44207946" + std::to_string(1000 + day * 20 + k)};
    if (k % 3 == 0) ad.phones.push_back("+442079460500");
    if (ad.site == "site-d") ad.phones.push_back("+442079460999");
    if (k == 4) ad.phones.push_back("+441632960" + std::to_string(110 + day));
    if (k == 7 && ids.size() > 40) {
      auto earlier = store.GetAdvert(ids[static_cast<size_t>(day) * 7 % ids.size()]);
      REQUIRE(earlier.ok());
      if (earlier->has_value() && !(*earlier)->phones.empty()) {
        ad.phones.push_back((*earlier)->phones.front());
      }
    }
    ad.text = k < 4 ? copied + " in town " + std::to_string(k)
                    : "A new advert " + std::to_string(k) + " of day " + std::to_string(day);
    if (k < 4) {
      ad.indicators.push_back({"jobs.transport_provided", "controlled_transport", 1.5,
                               "transport to site every morning"});
      ad.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address",
                               2.0, "accommodation arranged"});
    }
    ad.first_seen = 1000 + day * 86400;
    t.Put(ad);
  }
}

void CheckDaysAgree(LeadSettings settings) {
  testing::TempStore incremental_store, full_store;
  testing::PutVariedAdverts(incremental_store);
  testing::PutVariedAdverts(full_store);
  LeadSettings incremental = settings;
  incremental.incremental = true;
  size_t incremental_days = 0;
  for (int day = 0; day < 5; ++day) {
    INFO("day " << day);
    if (day > 0) {
      ChangeADay(incremental_store, day);
      ChangeADay(full_store, day);
    }
    const std::int64_t now = 100000 + day * 86400;
    auto a = Correlate(*incremental_store.store, incremental, now);
    REQUIRE(a.ok());
    auto b = Correlate(*full_store.store, settings, now);
    REQUIRE(b.ok());
    INFO(a->full_run_reason);
    if (a->incremental) {
      ++incremental_days;
      // 26 adverts change a day; their units and the leads they touch
      // come to 54-112 of about 500 (a switchboard on a fifth of the
      // adverts only has its count rewritten in the leads showing it).
      CHECK(a->recomputed_adverts * 4 < a->adverts);
    }
    CHECK(a->leads == b->leads);
    const auto mine = EncodedLeads(*incremental_store.store);
    const auto theirs = EncodedLeads(*full_store.store);
    REQUIRE(mine.size() == theirs.size());
    for (const auto& [id, encoded] : theirs) {
      INFO(id);
      const auto found = mine.find(id);
      REQUIRE(found != mine.end());
      CHECK(found->second == encoded);
    }
  }
  CHECK(incremental_days == 4);
}

TEST_CASE("IncrementalRun_EachDaysLeadsEqualAFullRunsOnTheTwinStore") {
  SECTION("shipped settings") { CheckDaysAgree(LeadSettings{}); }
  SECTION("a tight cap that withholds links and makes small hubs") {
    LeadSettings tight;
    tight.max_lead_adverts = 4;
    tight.hub_max_adverts = 6;
    CheckDaysAgree(tight);
  }
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// A run that stopped while the kept state moved leaves it "dirty"; other
// lead settings than it was kept with may decide anything differently.
// Either way the next run is full (and says why), and the one after that
// is incremental again.
TEST_CASE("IncrementalRun_AStateLeftDirtyOrChangedSettingsMakeTheNextRunFull") {
  testing::TempStore t;
  testing::PutVariedAdverts(t);
  LeadSettings settings;
  settings.incremental = true;
  std::int64_t now = 100000;
  auto run = [&](const LeadSettings& with) {
    auto summary = Correlate(*t.store, with, now += 86400);
    REQUIRE(summary.ok());
    return *summary;
  };
  CHECK(run(settings).full_run_reason == "no kept state");
  ChangeADay(t, 1);
  CHECK(run(settings).incremental);

  ChangeADay(t, 2);
  REQUIRE(t.store->PutMeta(meta_keys::kIncrementalState, "dirty").ok());
  CorrelateSummary after_a_stop = run(settings);
  CHECK_FALSE(after_a_stop.incremental);
  CHECK(after_a_stop.full_run_reason == "the last run did not finish");
  ChangeADay(t, 3);
  CHECK(run(settings).incremental);

  LeadSettings stricter = settings;
  stricter.min_score = settings.min_score + 1;
  CorrelateSummary changed_settings = run(stricter);
  CHECK(changed_settings.full_run_reason == "the lead settings changed");
  CHECK(run(stricter).incremental);
  // A rebuild is full, and leaves the state kept for the next run.
  auto rebuilt = CorrelateRebuild(*t.store, stricter, now += 86400);
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->full_run_reason == "rebuild");
  CHECK(run(stricter).incremental);
}

}  // namespace
}  // namespace plainsight
