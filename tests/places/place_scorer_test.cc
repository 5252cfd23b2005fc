// Place scores (places/place_scorer.h): reasons add up to the score, signs of
// risk raise it, and a place with none stays low however busy it is.
#include <catch2/catch.hpp>

#include <numeric>

#include "places/place_scorer.h"

namespace plainsight {
namespace {

PlaceRecord PlaceWith(const std::vector<std::pair<std::string, std::string>>& kinds_and_roles) {
  PlaceRecord place;
  place.id = "P-000000000001";
  place.role = "premises";
  int n = 0;
  for (const auto& [kind, role] : kinds_and_roles) {
    PlaceMention m;
    m.advert_id = "A-" + std::to_string(++n);
    m.kind = kind;
    m.role = role;
    m.quote = "14 Mill Road";
    place.mentions.push_back(m);
    place.advert_ids.push_back(m.advert_id);
  }
  return place;
}

double Sum(const PlaceRecord& place) {
  return std::accumulate(place.reason_points.begin(), place.reason_points.end(), 0.0);
}

TEST_CASE("PlaceScore_ReasonsSumToTheScore") {
  PlaceSettings settings;
  PlaceRecord place = PlaceWith({{"jobs", "accommodation"}, {"jobs", "accommodation"}, {"adult", "incall"}});
  PlaceFacts facts;
  facts.advertisers = 3;
  facts.indicator_categories = {"living_and_working_same_address", "deductions"};
  facts.leads = {{"L-1", 9.5}};
  ScorePlace(facts, settings, &place);
  CHECK(place.reasons.size() == place.reason_points.size());
  CHECK(Sum(place) == Approx(place.score));
  CHECK(place.score > settings.min_score);
}

TEST_CASE("PlaceScore_BothKindsAtOnePlaceIsLivingAndWorkingThere") {
  PlaceSettings settings;
  PlaceRecord jobs_only = PlaceWith({{"jobs", "accommodation"}, {"jobs", "accommodation"}});
  PlaceRecord both = PlaceWith({{"jobs", "accommodation"}, {"adult", "incall"}});
  PlaceFacts facts;
  facts.advertisers = 2;
  ScorePlace(facts, settings, &jobs_only);
  ScorePlace(facts, settings, &both);
  CHECK(both.score > jobs_only.score);
  bool named = false;
  for (const std::string& reason : both.reasons) named = named || reason.find("living and working") != std::string::npos;
  CHECK(named);
}

TEST_CASE("PlaceScore_NoSignOfRiskIsCappedAndManyAdvertisersMakeAHub") {
  struct Row {
    const char* rule;
    std::size_t advertisers;
    bool hub;
  };
  for (const Row& row : std::vector<Row>{{"one employer's premises, many adverts", 1, false},
                                         {"a business park: many employers", 8, true}}) {
    CAPTURE(row.rule);
    PlaceSettings settings;
    std::vector<std::pair<std::string, std::string>> mentions(10, {"jobs", "premises"});
    PlaceRecord place = PlaceWith(mentions);
    place.first_seen = 0;
    place.last_seen = 90 * 86400;  // in use for 90 days
    PlaceFacts facts;
    facts.advertisers = row.advertisers;
    ScorePlace(facts, settings, &place);
    CHECK(place.score <= settings.no_risk_max_points);
    CHECK(place.score < settings.min_score);
    CHECK(place.hub == row.hub);
    CHECK(Sum(place) == Approx(place.score));
  }
}

TEST_CASE("PlaceScore_AnEarlyPickUpScoresMoreThanALateOne") {
  PlaceSettings settings;
  PlaceRecord early = PlaceWith({{"jobs", "pick-up"}, {"jobs", "pick-up"}});
  early.role = "pick-up";
  PlaceRecord late = early;
  early.times = {"05:00"};
  late.times = {"08:30"};
  PlaceFacts facts;
  facts.advertisers = 2;
  ScorePlace(facts, settings, &early);
  ScorePlace(facts, settings, &late);
  CHECK(early.score == Approx(late.score + settings.weight_early_pickup));
}

}  // namespace
}  // namespace plainsight
