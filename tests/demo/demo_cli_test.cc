// `plainsight demo` as a user runs it: the binary finds the demo data,
// packs and gazetteer beside itself, or says plainly what is missing.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/demo/demo_test_support.h"
#include "tests/support/run_binary.h"

namespace plainsight::demo {
namespace {

using plainsight::testing::RunPlainsight;

// Unsets a variable for one test and puts it back afterwards.
class UnsetEnv {
 public:
  explicit UnsetEnv(const char* name) : name_(name) {
    if (const char* value = std::getenv(name)) {
      saved_ = value;
      had_ = true;
    }
    ::unsetenv(name);
  }
  ~UnsetEnv() {
    if (had_) ::setenv(name_, saved_.c_str(), 1);
  }
  UnsetEnv(const UnsetEnv&) = delete;
  UnsetEnv& operator=(const UnsetEnv&) = delete;

 private:
  const char* name_;
  std::string saved_;
  bool had_ = false;
};

TEST_CASE("DemoCli_CrawlsTheBundledSitesAndPrintsLeads") {
  // Nothing but the binary's own whereabouts decides what it serves.
  UnsetEnv data("PLAINSIGHT_DEMO_DATA");
  UnsetEnv config("PLAINSIGHT_CONFIG");
  testing::TempDir dir;
  auto run = RunPlainsight({"demo", "--delay-ms", "0", "--db", dir.path() + "/store"});
  CAPTURE(run.out, run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("demo: 4 sites on 127.0.0.1") != std::string::npos);
  CHECK(run.out.find("LEAD") != std::string::npos);
  CHECK(run.out.find("\nL-") != std::string::npos);
}

TEST_CASE("DemoCli_MissingDataIsExit1WithWhereItLooked") {
  testing::TempDir dir;
  auto run = RunPlainsight({"demo", "--data", dir.path() + "/nowhere", "--db", dir.path() + "/store"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find(dir.path() + "/nowhere/sites.toml") != std::string::npos);
  CHECK(run.out.empty());
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/store"));  // nothing made before the check
}

}  // namespace
}  // namespace plainsight::demo
