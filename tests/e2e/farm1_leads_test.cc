// The issue 12 lead targets on the project's own farm (tests/farm), with
// the same evaluator as the independent farm (tests/support/lead_metrics.h):
// every planted risky group exactly one lead and not mixed, precision@20 at
// least 0.95, no lead larger than the largest planted group, and the fair
// repeat employer (the farm's benign group) below min_score.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/lead_metrics.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST_CASE("Farm1Leads_PlantedGroupsOneLeadEach_PrecisionAtTwenty_NoBenignShown") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-farm1-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const std::string config = testing::WriteFarmConfig(
      farm, testing::FarmConfigOptions(dir + "/store", 0), dir + "/plainsight.toml");
  auto crawl = testing::RunPlainsight({"--config", config, "crawl", "-q"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);
  auto leads = testing::RunPlainsight(
      {"--config", config, "leads", "--format", "json", "--min-score", "0"});
  REQUIRE(leads.exit_code == 0);
  std::vector<testing::TruthGroupUrls> truth;
  for (const farm::PlantedGroup& group : farm.planted()) {
    truth.push_back({group.name, group.name != "legit-repeat-employer", group.advert_urls});
  }
  farm.Stop();
  fs::remove_all(dir);

  const testing::LeadMetrics m = testing::EvaluateLeads(json::parse(leads.out), truth, 3.0);
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
