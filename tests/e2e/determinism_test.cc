// Leads are evidence: the same adverts must give the same leads whatever
// the order they were fetched in (issue 12: four crawls of one set of real
// adverts gave 359, 354, 353 and 354 leads). The real binary crawls one
// farm twice into two stores, once one request at a time with the sites in
// the config's order, once many at a time with the sites reversed, and the
// two stores' leads must agree in adverts, scores and reasons.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

// The config's [[sites]] blocks in reverse order (everything before the
// first block stays first).
std::string ReverseSites(const std::string& toml) {
  const std::string marker = "[[sites]]";
  size_t first = toml.find(marker);
  if (first == std::string::npos) return toml;
  std::vector<std::string> blocks;
  for (size_t at = first; at != std::string::npos;) {
    const size_t next = toml.find(marker, at + marker.size());
    blocks.push_back(toml.substr(at, next == std::string::npos ? std::string::npos : next - at));
    at = next;
  }
  std::reverse(blocks.begin(), blocks.end());
  std::string out = toml.substr(0, first);
  for (std::string& b : blocks) {
    if (!b.empty() && b.back() != '\n') b.push_back('\n');
    out += b;
  }
  return out;
}

// One lead as compared: its adverts' URLs, score and reasons.
struct LeadView {
  std::set<std::string> urls;
  double score = 0;
  std::vector<std::string> reasons;
  bool operator<(const LeadView& o) const { return urls < o.urls; }
};

std::vector<LeadView> LeadsOf(const std::string& config) {
  auto run = RunPlainsight({"--config", config, "leads", "--format", "json", "--min-score", "0"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const json parsed = json::parse(run.out);  // bound: the loop reads into it
  std::vector<LeadView> out;
  for (const json& lead : parsed["leads"]) {
    LeadView v;
    for (const json& a : lead["adverts"]) v.urls.insert(a["url"].get<std::string>());
    v.score = lead["score"].get<double>();
    v.reasons = lead["reasons"].get<std::vector<std::string>>();
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("Determinism_SameAdvertsFetchedInAnotherOrder_SameLeads") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-determinism-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  farm::Farm farm;
  REQUIRE(farm.Start().ok());

  farm::ConfigOptions serial = testing::FarmConfigOptions(dir + "/serial", 0);
  serial.concurrency = 1;
  const std::string serial_config =
      testing::WriteFarmConfig(farm, serial, dir + "/serial.toml");
  farm::ConfigOptions parallel = testing::FarmConfigOptions(dir + "/parallel", 0);
  parallel.concurrency = 16;
  const std::string parallel_config = dir + "/parallel.toml";
  std::ofstream(parallel_config) << ReverseSites(testing::FarmConfigToml(farm, parallel));

  for (const std::string& config : {serial_config, parallel_config}) {
    auto crawl = RunPlainsight({"--config", config, "crawl", "-q"});
    INFO(crawl.err);
    REQUIRE(crawl.exit_code == 0);
  }
  const std::vector<LeadView> a = LeadsOf(serial_config);
  const std::vector<LeadView> b = LeadsOf(parallel_config);
  farm.Stop();
  fs::remove_all(dir);

  REQUIRE_FALSE(a.empty());
  CHECK(a.size() == b.size());
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    INFO("lead " << i << ": " << *a[i].urls.begin());
    CHECK(a[i].urls == b[i].urls);
    CHECK(a[i].score == Approx(b[i].score));
    CHECK(a[i].reasons == b[i].reasons);
  }
}

}  // namespace
}  // namespace plainsight
