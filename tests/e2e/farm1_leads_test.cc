// The issue 12 lead targets on the project's own farm (tests/farm), with
// the same evaluator as the independent farm (tests/support/lead_metrics.h):
// every planted risky group exactly one lead and not mixed, precision@20 at
// least 0.95, no lead larger than the largest planted group, and the fair
// repeat employer (the farm's benign group) below min_score.
#include <catch2/catch.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"
#include "tests/support/lead_metrics.h"

namespace plainsight {
namespace {

using nlohmann::json;

TEST_CASE("Farm1Leads_PlantedGroupsOneLeadEach_PrecisionAtTwenty_NoBenignShown") {
  json leads;
  std::vector<testing::TruthGroupUrls> truth;
  {
    testing::FarmDesk desk("plainsight-farm1", 0);
    desk.Crawl();
    leads = desk.Json({"leads", "--format", "json", "--min-score", "0"});
    for (const farm::PlantedGroup& group : desk.farm.planted()) {
      truth.push_back({group.name, group.name != "legit-repeat-employer", group.advert_urls});
    }
  }  // the farm has stopped and the folder is gone

  const testing::LeadMetrics m = testing::EvaluateLeads(leads, truth, 3.0);
  const std::string report = testing::FormatReport(m);
  std::cout << "farm1 (seed 42)\n" << report << std::flush;
  INFO(report);
  for (const testing::RiskyGroupResult& group : m.risky) {
    INFO(group.name);
    CHECK(group.found);
    CHECK_FALSE(group.mixed);
  }
  CHECK(m.precision_at_20 >= 0.95);
  CHECK(m.largest_lead <= m.largest_risky_group);
  CHECK(m.benign_shown == 0);
}

}  // namespace
}  // namespace plainsight
