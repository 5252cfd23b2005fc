// A run's correlation must give exactly what `correlate --rebuild` gives
// from the same adverts (issue 17): whatever the run reuses from earlier
// runs (signatures, chrome, personas, lead ids) is a cache, never a second
// opinion. The real binary crawls the farm over several simulated days
// (adverts edited, added and taken down each day); after each day's crawl a
// copy of the store is rebuilt from scratch, and every lead (id, status,
// score, reasons, links, entities and adverts) must be the same in both.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/farm_desk.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kDays = 4;

// Every lead the store holds, whatever its score or status, keyed by id.
std::map<std::string, json> AllLeads(const std::string& config) {
  const json leads =
      testing::JsonWithConfig(config, {"leads", "--format", "json", "--min-score", "0"})["leads"];
  std::map<std::string, json> by_id;
  for (const json& lead : leads) by_id[lead["id"].get<std::string>()] = lead;
  return by_id;
}

// `config` with its store at `store_dir` instead, written beside it.
std::string ConfigForStore(const testing::FarmDesk& d, const std::string& store_dir,
                           const std::string& path) {
  std::ifstream in(d.config);
  std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = d.dir + "/store";
  const size_t at = toml.find(from);
  REQUIRE(at != std::string::npos);
  toml.replace(at, from.size(), store_dir);
  std::ofstream(path) << toml;
  return path;
}

// Each day correlated by the full run, or by the incremental one
// (leads.incremental: only the units the day's changes touch), which must
// then have recomputed fewer adverts than the store holds.
TEST_CASE("CorrelateDays_EachDaysLeadsEqualARebuildOfTheSameStore") {
  const bool incremental_run = GENERATE(false, true);
  INFO((incremental_run ? "incremental" : "full") << " runs");
  testing::FarmDesk d("plainsight-days", 0);
  if (incremental_run) std::ofstream(d.config, std::ios::app) << "\n[leads]\nincremental = true\n";
  size_t days_with_changes = 0;
  size_t incremental_days = 0;
  for (int day = 0; day < kDays; ++day) {
    if (day > 0) d.farm.AdvanceDay();
    const auto crawl = d.Run({"crawl"});
    INFO(crawl.err);
    REQUIRE(crawl.exit_code == 0);
    if (crawl.err.find("incremental: ") != std::string::npos) ++incremental_days;
    const auto incremental = AllLeads(d.config);
    REQUIRE_FALSE(incremental.empty());

    const std::string copy = d.dir + "/rebuilt-" + std::to_string(day);
    fs::copy(d.dir + "/store", copy, fs::copy_options::recursive);
    const std::string copy_config =
        ConfigForStore(d, copy, d.dir + "/rebuilt-" + std::to_string(day) + ".toml");
    const auto rebuild = testing::RunWithConfig(copy_config, {"correlate", "--rebuild"});
    INFO(rebuild.err);
    REQUIRE(rebuild.exit_code == 0);
    const auto rebuilt = AllLeads(copy_config);

    INFO("day " << day);
    CHECK(incremental.size() == rebuilt.size());
    for (const auto& [id, lead] : incremental) {
      INFO(id);
      const auto other = rebuilt.find(id);
      REQUIRE(other != rebuilt.end());
      CHECK(lead.dump(1) == other->second.dump(1));
    }
    if (day > 0 && !d.farm.changes().back().added.empty()) ++days_with_changes;
    fs::remove_all(copy);
  }
  CHECK(days_with_changes == kDays - 1);
  // The first day has nothing kept to build on; every later one does.
  CHECK(incremental_days == (incremental_run ? kDays - 1 : 0));
}

}  // namespace
}  // namespace plainsight
