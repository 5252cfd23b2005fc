// A crawl killed with SIGKILL at any moment resumes: no advert lost, none
// doubled, nothing fetched again that was already stored, and the leads
// are those of an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/farm/farm.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

std::string WriteConfig(const farm::Farm& farm, const std::string& dir, const std::string& name) {
  farm::ConfigOptions options;
  options.store_path = dir + "/" + name;
  options.pattern_paths = {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
                           PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"};
  options.per_host_delay_ms = 40;
  std::string path = dir + "/" + name + ".toml";
  std::ofstream(path) << "gazetteer = \"" PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv\"\n"
                      << farm.ConfigToml(options);
  return path;
}

json Query(const std::string& config, std::vector<std::string> args) {
  std::vector<std::string> full = {"--config", config};
  full.insert(full.end(), args.begin(), args.end());
  auto run = RunPlainsight(full);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}

std::map<std::string, std::string> AdvertShas(const std::string& config) {
  std::map<std::string, std::string> out;
  const json adverts = Query(config, {"query", "--format", "json"})["adverts"];
  for (const json& a : adverts) {
    out[a["url"].get<std::string>()] = a["sha256"].get<std::string>();
  }
  return out;
}

std::set<std::set<std::string>> LeadGroups(const std::string& config) {
  std::set<std::set<std::string>> groups;
  const json leads = Query(config, {"leads", "--format", "json", "--min-score", "0"})["leads"];
  for (const json& lead : leads) {
    std::set<std::string> urls;
    for (const json& a : lead["adverts"]) urls.insert(a["url"].get<std::string>());
    groups.insert(urls);
  }
  return groups;
}

TEST_CASE("Resume_KilledCrawl_LosesNothingDoublesNothingRefetchesNothingStored") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-resume-XXXXXX").string();
  std::string dir = ::mkdtemp(tmpl.data());
  farm::Farm farm;
  REQUIRE(farm.Start().ok());

  // The reference: one uninterrupted crawl.
  std::string reference = WriteConfig(farm, dir, "reference");
  REQUIRE(RunPlainsight({"--config", reference, "crawl", "-q"}).exit_code == 0);
  const auto expected = AdvertShas(reference);
  REQUIRE(expected.size() > 50);

  std::string config = WriteConfig(farm, dir, "killed");
  // Kill points, in requests since the first start: each restart resumes the
  // interrupted run, which is then killed again further on.
  static const size_t kKillAtRequests[] = {3, 15, 35, 60, 85};
  const size_t first = farm.requests().size();
  struct Kill {
    size_t at_request;
    std::map<std::string, std::string> stored;
  };
  std::vector<Kill> kills;
  for (size_t kill_at : kKillAtRequests) {
    CAPTURE(kill_at);
    pid_t pid = fork();
    if (pid == 0) {
      execl(PLAINSIGHT_BINARY, PLAINSIGHT_BINARY, "--config", config.c_str(), "crawl", "-q",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    bool finished = false;
    for (int i = 0; i < 5000; ++i) {
      if (farm.requests().size() >= first + kill_at) break;
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        finished = true;
        break;
      }
      usleep(1000);
    }
    if (finished) break;  // the run completed before this kill point
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    kills.push_back({farm.requests().size(), AdvertShas(config)});
  }
  auto resume = RunPlainsight({"--config", config, "crawl", "-q"});
  INFO(resume.err);
  REQUIRE(resume.exit_code == 0);

  // What was stored at each kill was never fetched again afterwards.
  auto requests = farm.requests();
  for (const Kill& k : kills) {
    for (size_t i = k.at_request; i < requests.size(); ++i) {
      std::string suffix = ":" + std::to_string(requests[i].port) + requests[i].path;
      for (const auto& [url, sha] : k.stored) {
        bool same = url.size() >= suffix.size() &&
                    url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (same) FAIL_CHECK("fetched again after being stored: " << url);
      }
    }
  }
  // Nothing lost, nothing doubled, every capture identical to the reference.
  CHECK(AdvertShas(config) == expected);
  const json all = Query(config, {"query", "--format", "json"})["adverts"];
  std::set<std::string> ids;
  for (const json& a : all) ids.insert(a["id"].get<std::string>());
  CHECK(ids.size() == all.size());
  CHECK(all.size() == expected.size());
  size_t kill_count = kills.size();
  CHECK(kill_count >= 4);
  CHECK(LeadGroups(config) == LeadGroups(reference));
  farm.Stop();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plainsight
