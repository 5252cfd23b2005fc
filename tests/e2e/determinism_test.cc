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
#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/lead_views.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using testing::LeadsOf;
using testing::LeadView;
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

  testing::CheckSameLeads(a, b);
}

}  // namespace
}  // namespace plainsight
