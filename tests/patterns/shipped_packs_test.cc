// The packs shipped in config/patterns/: they load, their own examples
// pass, and they stay quiet on ordinary legitimate adverts.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "patterns/pattern_set.h"

namespace plainsight {
namespace {

const std::string kAdultPack = PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml";
const std::string kJobsPack = PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml";

std::shared_ptr<const PatternSet> LoadShipped() {
  auto set = PatternSet::LoadFiles({kAdultPack, kJobsPack});
  INFO((set.ok() ? "" : set.status().message()));
  REQUIRE(set.ok());
  return *set;
}

TEST_CASE("ShippedPacks_Check_AllExamplesPass", "[patterns]") {
  auto set = LoadShipped();
  std::vector<std::string> failures = set->Check();
  for (const std::string& failure : failures) UNSCOPED_INFO(failure);
  CHECK(failures.empty());
}

TEST_CASE("ShippedPacks_Shape_CountsKindsExamplesWeights", "[patterns]") {
  auto set = LoadShipped();
  static const struct {
    const char* file_suffix;
    const char* kind;
    const char* id_prefix;
  } kPacks[] = {
      {"/config/patterns/adult.toml", "adult", "adult."},
      {"/config/patterns/jobs.toml", "jobs", "jobs."},
  };
  for (const auto& pack : kPacks) {
    INFO("pack: " << pack.file_suffix);
    int count = 0;
    for (const Indicator& indicator : set->indicators()) {
      if (indicator.file != PLAINSIGHT_SOURCE_DIR + std::string(pack.file_suffix)) continue;
      ++count;
      INFO("indicator: " << indicator.id);
      CHECK(indicator.kinds == std::vector<std::string>{pack.kind});
      CHECK(indicator.id.rfind(pack.id_prefix, 0) == 0);
      CHECK(indicator.examples.size() >= 2);
      CHECK(indicator.counter_examples.size() >= 2);
      CHECK(indicator.weight >= 0.25);
      CHECK(indicator.weight <= 3.0);
      // Produced by the phone extractor, never by a pack.
      CHECK(indicator.id.find("obfuscated_contact") == std::string::npos);
    }
    CHECK(count >= 12);
  }
}

// Evidence says movement wording is reversed (JRSA 2024): keep it light.
TEST_CASE("ShippedPacks_WeakSigns_LowWeight", "[patterns]") {
  auto set = LoadShipped();
  static const char* const kWeak[] = {"adult.new_in_town", "adult.limited_time",
                                      "adult.client_screening", "jobs.no_experience_needed"};
  for (const char* id : kWeak) {
    INFO("id: " << id);
    const Indicator* indicator = set->Find(id);
    REQUIRE(indicator != nullptr);
    CHECK(indicator->weight <= 0.5);
  }
}

TEST_CASE("ShippedPacks_LegitimateAdverts_NoHits", "[patterns]") {
  auto set = LoadShipped();
  static const struct {
    const char* kind;
    const char* text;
  } kCases[] = {
      {"jobs",
       "Warehouse Operative, Northampton. Competitive salary, pension, 25 days holiday. "
       "£12.60 per hour, paid weekly by bank transfer. Accommodation not provided, own "
       "transport required. Shifts 06:00 to 14:00, Monday to Friday, 40 hours per week. "
       "Previous experience essential. Apply online at jobs@example.org or call 01632 960123."},
      {"jobs",
       "Care Assistant. Full training, DBS check paid by us. Right to work documents required. "
       "Call 020 7946 0321. 37.5 hours a week, enhanced pay at weekends."},
      {"jobs",
       "Seasonal farm supervisor, PAYE, holiday pay, pension. Fluent English required. "
       "Site has good public transport links. Tax and National Insurance deducted from pay."},
      {"adult",
       "Relaxing massage in a calm studio. Qualified therapist, twelve years experience. "
       "Open 10am to 8pm, please give 24 hours notice to cancel. Half hour £60, one hour £100. "
       "Call me on 07700 900123 or email studio@example.com."},
      {"adult",
       "Mature, friendly companion for dinner and relaxing evenings. Discreet city centre "
       "apartment, parking nearby. I am available most evenings by appointment."},
  };
  for (const auto& c : kCases) {
    INFO("advert: " << c.text);
    std::vector<IndicatorHit> hits = set->Match(c.text, c.kind);
    for (const IndicatorHit& hit : hits) UNSCOPED_INFO(hit.id << " on \"" << hit.match << "\"");
    CHECK(hits.empty());
  }
}

TEST_CASE("ShippedPacks_ConcerningAdverts_SeveralCategories", "[patterns]") {
  auto set = LoadShipped();
  static const struct {
    const char* kind;
    const char* text;
    size_t min_categories;
  } kCases[] = {
      {"jobs",
       "Packing work, start tomorrow! No English needed, no documents needed. Accommodation "
       "provided, 6 people per room. Transport £10 per day. Pick up at 4:30am. Registration "
       "fee £150. We keep your passport safe. Cash in hand. Text 07700 900456.",
       7},
      {"adult",
       "New girls every week, very young and sweet. Our girls are available 24/7. "
       "Just arrived from abroad. Cheap rates. Number in the pictures.",
       6},
  };
  for (const auto& c : kCases) {
    INFO("advert: " << c.text);
    std::map<std::string, int> categories;
    for (const IndicatorHit& hit : set->Match(c.text, c.kind)) ++categories[hit.category];
    for (const auto& [category, n] : categories) UNSCOPED_INFO(category << " x" << n);
    CHECK(categories.size() >= c.min_categories);
  }
}

}  // namespace
}  // namespace plainsight
