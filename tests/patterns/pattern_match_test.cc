// Match(): kind filtering, `unless` suppression, spans and pack order.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "patterns/pattern_set.h"

namespace plainsight {
namespace {

std::shared_ptr<const PatternSet> LoadGoodPack() {
  auto set = PatternSet::LoadFiles({PLAINSIGHT_SOURCE_DIR "/tests/patterns/data/good_pack.toml"});
  REQUIRE(set.ok());
  return *set;
}

std::string Ids(const std::vector<IndicatorHit>& hits) {
  std::string ids;
  for (const IndicatorHit& hit : hits) ids += (ids.empty() ? "" : ",") + hit.id;
  return ids;
}

TEST_CASE("PatternMatch_Kind_FiltersIndicators", "[patterns]") {
  auto set = LoadGoodPack();
  const std::string text = "Accommodation provided. Cash in hand. Open 24/7.";
  static const struct {
    const char* kind;
    const char* ids;
  } kCases[] = {
      {"jobs", "test.accommodation_provided,test.cash"},
      {"adult", "test.around_the_clock,test.cash"},
      {"", "test.accommodation_provided,test.around_the_clock,test.cash"},
      {"dating", ""},
      {"JOBS", ""},
  };
  for (const auto& c : kCases) {
    INFO("kind: " << c.kind);
    CHECK(Ids(set->Match(text, c.kind)) == c.ids);
  }
}

TEST_CASE("PatternMatch_Unless_SuppressesAnywhereInText", "[patterns]") {
  auto set = LoadGoodPack();
  static const struct {
    const char* text;
    const char* ids;
  } kCases[] = {
      {"Accommodation provided on site", "test.accommodation_provided"},
      {"No accommodation provided", ""},
      // `unless` is checked over the whole text, not only near the match.
      {"Accommodation is included. Note: no accommodation for families.", ""},
      {"no accommodation; cash in hand", "test.cash"},
      {"Accommodation not provided", ""},
  };
  for (const auto& c : kCases) {
    INFO("text: " << c.text);
    CHECK(Ids(set->Match(c.text, "jobs")) == c.ids);
  }
}

TEST_CASE("PatternMatch_Hit_FirstMatchSpanAndOffset", "[patterns]") {
  auto set = LoadGoodPack();
  static const struct {
    const char* text;
    const char* kind;
    const char* id;
    const char* match;
    size_t offset;
  } kCases[] = {
      {"Accommodation provided", "jobs", "test.accommodation_provided", "Accommodation provided", 0},
      {"Great rates. ACCOMMODATION IS INCLUDED!", "jobs", "test.accommodation_provided",
       "ACCOMMODATION IS INCLUDED", 13},
      // The first match is reported, not a later one.
      {"cash in hand daily, cash in hand weekly", "jobs", "test.cash", "cash in hand", 0},
      // Offsets are bytes: "£" is two bytes in UTF-8.
      {"£5 extra, Cash  in hand", "adult", "test.cash", "Cash  in hand", 11},
      {"Open 24/7", "adult", "test.around_the_clock", "24/7", 5},
  };
  for (const auto& c : kCases) {
    INFO("text: " << c.text);
    std::vector<IndicatorHit> hits = set->Match(c.text, c.kind);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == c.id);
    CHECK(hits[0].match == c.match);
    CHECK(hits[0].offset == c.offset);
    const Indicator* indicator = set->Find(c.id);
    REQUIRE(indicator != nullptr);
    CHECK(hits[0].category == indicator->category);
    CHECK(hits[0].weight == indicator->weight);
  }
}

TEST_CASE("PatternMatch_Order_FollowsPacksNotText", "[patterns]") {
  auto set = LoadGoodPack();
  // The text mentions the indicators in reverse pack order.
  std::vector<IndicatorHit> hits =
      set->Match("cash in hand, 24/7, accommodation provided", "");
  CHECK(Ids(hits) == "test.accommodation_provided,test.around_the_clock,test.cash");
}

TEST_CASE("PatternMatch_NoHit_EmptyAndPlainText", "[patterns]") {
  auto set = LoadGoodPack();
  static const char* const kTexts[] = {
      "",
      "Competitive salary, pension, 25 days holiday",
      "accommodation",
      "24/70 stores",
  };
  for (const char* text : kTexts) {
    INFO("text: " << text);
    CHECK(set->Match(text, "").empty());
  }
}

TEST_CASE("PatternMatch_SharedSet_SafeAcrossThreads", "[patterns]") {
  auto set = LoadGoodPack();
  const std::string text = "Accommodation provided. Cash in hand. Open 24/7.";
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&set, &text, &results, t] {
      for (int i = 0; i < 200; ++i) results[t] = Ids(set->Match(text, ""));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& ids : results) {
    CHECK(ids == "test.accommodation_provided,test.around_the_clock,test.cash");
  }
}

}  // namespace
}  // namespace plainsight
