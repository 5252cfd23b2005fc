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
#include "tests/store/lead_index_check.h"
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

// The store's lead-of-advert index holds exactly what its leads list, and
// its count their number (the incremental run patches both).
void CheckLeadIndex(const Store& store) { testing::CheckLeadIndexInStep(store); }

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

// Two stores given the same adverts: `incremental` correlated with
// leads.incremental, `full` without it.
struct Twins {
  testing::TempStore incremental, full;
  LeadSettings settings;
  std::int64_t now = 100000;

  template <typename Change>
  void Both(Change change) {
    change(incremental);
    change(full);
  }
  // Correlates both; the leads must be byte-equal. The incremental run's
  // summary.
  CorrelateSummary Agree() {
    now += 86400;
    LeadSettings on = settings;
    on.incremental = true;
    auto a = Correlate(*incremental.store, on, now);
    REQUIRE(a.ok());
    auto b = Correlate(*full.store, settings, now);
    REQUIRE(b.ok());
    INFO(a->full_run_reason);
    CHECK(a->leads == b->leads);
    const auto mine = EncodedLeads(*incremental.store);
    const auto theirs = EncodedLeads(*full.store);
    CHECK(mine.size() == theirs.size());
    for (const auto& [id, encoded] : theirs) {
      INFO(id);
      const auto found = mine.find(id);
      REQUIRE(found != mine.end());
      CHECK(found->second == encoded);
    }
    CheckLeadIndex(*incremental.store);
    return *a;
  }
};

void CheckDaysAgree(LeadSettings settings) {
  Twins twins;
  twins.settings = settings;
  twins.Both([](testing::TempStore& t) { testing::PutVariedAdverts(t); });
  size_t incremental_days = 0;
  for (int day = 0; day < 5; ++day) {
    INFO("day " << day);
    if (day > 0) twins.Both([day](testing::TempStore& t) { ChangeADay(t, day); });
    const CorrelateSummary a = twins.Agree();
    if (a.incremental) {
      ++incremental_days;
      // 26 adverts change a day; their units and the leads they touch
      // come to 54-112 of about 500 (a switchboard on a fifth of the
      // adverts only has its count rewritten in the leads showing it).
      CHECK(a.recomputed_adverts * 4 < a.adverts);
    }
  }
  CHECK(incremental_days == 4);
}

// Each of these once made the incremental run's leads differ from the full
// run's (helper review of the first version): a change whose effect
// reaches a lead outside the units the changed adverts are in.
TEST_CASE("IncrementalRun_ChangesThatReachOutsideTheirUnits") {
  Twins twins;
  // A background so no site is tiny, and every day incremental.
  twins.Both([](testing::TempStore& t) { testing::PutVariedAdverts(t); });
  const IndicatorRecord fees{"jobs.fees", "fees", 2.5, "Registration fee 150 pounds"};
  const IndicatorRecord held{"jobs.documents_held", "documents_held", 2.5, "we keep your passport"};
  SECTION("a lead whose adverts are all deleted goes") {
    testing::Ad lone;
    lone.url = "http://example.org/reach/lone";
    lone.site = "site-b";
    lone.kind = "jobs";
    lone.phones = {"+447700900990"};
    lone.indicators = {fees, held};
    twins.Both([&](testing::TempStore& t) { t.Put(lone); });
    CHECK_FALSE(twins.Agree().incremental);  // the first run is full
    twins.Both([&](testing::TempStore& t) {
      REQUIRE(t.store->DeleteAdvert(AdvertIdForUrl(lone.url)).ok());
    });
    CHECK(twins.Agree().incremental);
  }
  SECTION("a pair of consecutive phones, one phone's adverts changed") {
    // 01632 960 5xx holds only these two numbers: a pair.
    for (int k = 0; k < 2; ++k) {
      testing::Ad ad;
      ad.url = "http://example.org/reach/pair-a" + std::to_string(k);
      ad.site = "site-a";
      ad.phones = {"+441632960501"};
      ad.indicators = {fees};
      twins.Both([&](testing::TempStore& t) { t.Put(ad); });
    }
    testing::Ad other;
    other.url = "http://example.org/reach/pair-b";
    other.site = "site-c";
    other.phones = {"+441632960503"};
    twins.Both([&](testing::TempStore& t) { t.Put(other); });
    twins.Agree();
    twins.Both([&](testing::TempStore& t) {
      REQUIRE(t.store->MarkAdvertRemoved(AdvertIdForUrl("http://example.org/reach/pair-a0"), 9000)
                  .ok());
    });
    CHECK(twins.Agree().incremental);
  }
  SECTION("a copied text stops being most of its site when the site grows") {
    // Four writers (too few for the site's common phrasing), each line
    // numbered (no line on half the site: not chrome), on 4 of 8 adverts:
    // the site's layout; a ninth advert makes it 4 of 9, a template, whose
    // four phones on four adult adverts are a risk that joins them.
    const char* const lines[] = {
        "Cleaners wanted for hotels across the county, start tomorrow morning early",
        "Shared house provided by us near the depot, rent taken from wages weekly",
        "Wages paid to our account first, fees for uniform and travel deducted",
        "Documents kept safe by the office while you work, transport every day"};
    for (int k = 0; k < 4; ++k) {
      testing::Ad ad;
      ad.url = "http://example.org/reach/copy" + std::to_string(k);
      ad.site = "site-small";
      ad.kind = "adult";
      ad.phones = {"+44207946" + std::to_string(2000 + k)};
      for (const char* line : lines)
        ad.text += std::string(line) + " ref " + std::to_string(k) + "\n";
      twins.Both([&](testing::TempStore& t) { t.Put(ad); });
    }
    auto own = [&](int k) {
      testing::Ad ad;
      ad.url = "http://example.org/reach/own" + std::to_string(k);
      ad.site = "site-small";
      ad.kind = "jobs";
      ad.phones = {"+44207946" + std::to_string(2100 + k)};
      ad.text = "An advert in its own words number " + std::to_string(k);
      twins.Both([&](testing::TempStore& t) { t.Put(ad); });
    };
    for (int k = 0; k < 4; ++k) own(k);
    twins.Agree();
    own(4);
    const CorrelateSummary grown = twins.Agree();
    INFO(grown.full_run_reason);
    CHECK(grown.incremental);
  }
  SECTION("incremental runs turned off for a day and on again") {
    twins.Agree();
    twins.Both([](testing::TempStore& t) { ChangeADay(t, 1); });
    twins.Agree();
    // A day correlated with leads.incremental off: the kept counts miss it.
    twins.Both([](testing::TempStore& t) { ChangeADay(t, 2); });
    twins.now += 86400;
    twins.Both([&](testing::TempStore& t) {
      REQUIRE(Correlate(*t.store, twins.settings, twins.now).ok());
    });
    twins.Both([](testing::TempStore& t) { ChangeADay(t, 3); });
    const CorrelateSummary on = twins.Agree();
    CHECK_FALSE(on.incremental);
    CHECK(on.full_run_reason == "no kept state");
  }
}

// A lead-of-advert index out of step with the leads is found: keys naming
// a lead not stored by the incremental run (which is then full, saying
// why), a count that does not come out by a full run's ReplaceLeads.
// Either way the index is written whole again (checked); after the first,
// the next run is incremental.
TEST_CASE("IncrementalRun_ALeadIndexOutOfStepMakesTheRunFullAndIsWrittenWhole") {
  Twins twins;
  twins.Both([](testing::TempStore& t) { testing::PutVariedAdverts(t); });
  twins.Agree();
  Store& store = *twins.incremental.store;
  SECTION("keys naming a lead not stored") {
    std::vector<std::pair<std::string, std::string>> bogus;
    REQUIRE(store
                .ForEachMeta(meta_keys::kLeadOf,
                             [&](const std::string& key, const std::string&) {
                               bogus.emplace_back(key, "L-not-stored");
                               return true;
                             })
                .ok());
    REQUIRE_FALSE(bogus.empty());
    REQUIRE(store.PutMetas(bogus).ok());
    twins.Both([](testing::TempStore& t) { ChangeADay(t, 1); });
    const CorrelateSummary found = twins.Agree();
    CHECK_FALSE(found.incremental);
    CHECK(found.full_run_reason.find("the kept state did not hold") == 0);
    CHECK(found.full_run_reason.find("lead index") != std::string::npos);
    twins.Both([](testing::TempStore& t) { ChangeADay(t, 3); });
    const CorrelateSummary next = twins.Agree();
    INFO(next.full_run_reason);
    CHECK(next.incremental);
  }
  SECTION("a count that does not come out, and a key gone, at a full run") {
    // A full run re-writing the same leads finds the count off and
    // writes the index whole (the incremental run cannot tell). Run
    // without leads.incremental, it drops the kept state: not continued.
    REQUIRE(store.PutMeta(meta_keys::kLeadIndexState, "999999").ok());
    std::string first_key;
    REQUIRE(store
                .ForEachMeta(meta_keys::kLeadOf,
                             [&](const std::string& key, const std::string&) {
                               first_key = key;
                               return false;
                             })
                .ok());
    REQUIRE(store.DeleteMeta(first_key).ok());
    REQUIRE(Correlate(store, twins.settings, twins.now).ok());
    CheckLeadIndex(store);
  }
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
  // Kept state that does not hold (here a site's chrome lost) is found
  // part-way: the run is full, saying why.
  ChangeADay(t, 4);
  REQUIRE(t.store->DeleteMeta(std::string(meta_keys::kChrome) + "site-a").ok());
  CorrelateSummary lost_chrome = run(stricter);
  CHECK_FALSE(lost_chrome.incremental);
  CHECK(lost_chrome.full_run_reason.find("the kept state did not hold") == 0);
  CHECK(run(stricter).incremental);
  // A rebuild is full, and leaves the state kept for the next run.
  auto rebuilt = CorrelateRebuild(*t.store, stricter, now += 86400);
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->full_run_reason == "rebuild");
  CHECK(run(stricter).incremental);
}

}  // namespace
}  // namespace plainsight
