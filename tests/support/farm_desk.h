// End-to-end tests on the project's farm: the farm serving, a private temp
// folder and a plainsight.toml that crawls the farm (farm_config.h), and the
// real binary run with that config (run_binary.h). Header-only; for test
// suites (Catch2, nlohmann::json).
#pragma once

#include <stdlib.h>  // mkdtemp

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/run_binary.h"

namespace plainsight::testing {

// A new folder in the temp dir, named `prefix` + "-XXXXXX".
inline std::string MakeTempDir(const std::string& prefix) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  return ::mkdtemp(tmpl.data());
}

// plainsight with "--config `config`" before `args`.
inline RunResult RunWithConfig(const std::string& config, std::vector<std::string> args) {
  args.insert(args.begin(), {"--config", config});
  return RunPlainsight(args);
}

// That run's stdout as JSON. The run must succeed; its stderr is shown
// when it does not.
inline nlohmann::json JsonWithConfig(const std::string& config, std::vector<std::string> args) {
  const RunResult run = RunWithConfig(config, std::move(args));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return nlohmann::json::parse(run.out);
}

// The farm serving, a temp folder named after `temp_prefix` and
// dir/plainsight.toml crawling the farm with its store at dir/store and
// `per_host_delay_ms` between requests to one host. The destructor stops
// the farm and removes the folder.
struct FarmDesk {
  FarmDesk(const std::string& temp_prefix, int per_host_delay_ms) {
    dir = MakeTempDir(temp_prefix);
    REQUIRE(farm.Start().ok());
    config = WriteFarmConfig(farm, FarmConfigOptions(dir + "/store", per_host_delay_ms),
                             dir + "/plainsight.toml");
  }
  ~FarmDesk() {
    farm.Stop();
    std::filesystem::remove_all(dir);
  }
  FarmDesk(const FarmDesk&) = delete;
  FarmDesk& operator=(const FarmDesk&) = delete;

  RunResult Run(std::vector<std::string> args) const {
    return RunWithConfig(config, std::move(args));
  }
  nlohmann::json Json(std::vector<std::string> args) const {
    return JsonWithConfig(config, std::move(args));
  }
  // `plainsight crawl -q`, which must succeed.
  void Crawl() const {
    const RunResult crawl = Run({"crawl", "-q"});
    INFO(crawl.err);
    REQUIRE(crawl.exit_code == 0);
  }

  farm::Farm farm;
  std::string dir;
  std::string config;
};

}  // namespace plainsight::testing
