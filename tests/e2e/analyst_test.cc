// The analyst's desk with the real binary on a crawled farm store: review,
// audit, purge, and the scheduled run's lock.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

// The farm crawled once, for an analyst to work on.
struct Desk : testing::FarmDesk {
  Desk() : FarmDesk("plainsight-desk", 10) { Crawl(); }
};

TEST_CASE("Analyst_Review_RecordsDecisionAndAuditsIt") {
  Desk d;
  json leads = d.Json({"leads", "--format", "json"})["leads"];
  REQUIRE_FALSE(leads.empty());
  std::string id = leads[0]["id"].get<std::string>();
  auto review = d.Run({"review", id, "--status", "escalated", "--note", "passed to the MSHT team",
                       "--analyst", "analyst7"});
  INFO(review.err);
  REQUIRE(review.exit_code == 0);
  json after = d.Json({"show", id, "--format", "json"});
  CHECK(after["status"] == "escalated");
  json escalated = d.Json({"leads", "--format", "json", "--status", "escalated"})["leads"];
  CHECK(escalated.size() == 1);

  // A bad decision is refused with one line and exit 1.
  auto bad = d.Run({"review", id, "--status", "maybe", "--note", "x"});
  CHECK(bad.exit_code == 1);
  auto missing = d.Run({"review", "L-000000000000", "--status", "reviewed", "--note", "x"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "plainsight: no lead L-000000000000\n");

  json audit = d.Json({"audit", "--format", "json"})["audit"];
  std::vector<std::string> commands;
  for (const json& e : audit) commands.push_back(e["command"].get<std::string>());
  // leads, review, show, leads — in order, every one recorded.
  REQUIRE(commands.size() >= 4);
  CHECK(commands[0] == "leads");
  CHECK(commands[1] == "review");
  CHECK(commands[2] == "show");
  bool found_analyst = false;
  for (const json& e : audit) {
    if (e["command"] == "review") {
      found_analyst = e["user"] == "analyst7";
      CHECK(e["arguments"].get<std::string>().find(id) != std::string::npos);
    }
  }
  CHECK(found_analyst);
}

TEST_CASE("Analyst_ThroughSudo_AuditNamesThePersonNotTheServiceAccount") {
  Desk d;
  ::setenv("SUDO_USER", "analyst-via-sudo", 1);
  const std::string lead = d.Json({"leads", "--format", "json"})["leads"][0]["id"];
  REQUIRE(d.Run({"review", lead, "--status", "reviewed", "--note", "checked", "--analyst",
                 "named-analyst"})
              .exit_code == 0);
  ::unsetenv("SUDO_USER");
  json audit = d.Json({"audit", "--format", "json"})["audit"];
  REQUIRE(audit.size() >= 2);
  CHECK(audit[0]["user"] == "analyst-via-sudo");
  CHECK(audit[1]["user"] == "named-analyst");  // --analyst wins
}

TEST_CASE("Analyst_Query_EveryFormAudited") {
  Desk d;
  d.Json({"query", "--site", "velvet-rooms", "--format", "json"});
  d.Json({"query", "--postcode", "nn1 9zq", "--format", "json"});
  json audit = d.Json({"audit", "--format", "json"})["audit"];
  REQUIRE(audit.size() == 2);
  CHECK(audit[0]["command"] == "query");
  CHECK(audit[0]["results"].get<int>() > 0);
  CHECK(audit[1]["arguments"].get<std::string>().find("--postcode nn1 9zq") != std::string::npos);
}

TEST_CASE("Retention_Purge_KeepsAdvertsOfFlaggedOrReviewedLeads") {
  Desk d;
  // Retention of one day, then pretend everything was last seen long ago by
  // asking purge to look from the far future: nothing but lead evidence may
  // survive. A dry run first deletes nothing.
  std::ofstream(d.config, std::ios::app);
  auto text = testing::Slurp(d.config);
  auto at = text.find("[store]\n");
  REQUIRE(at != std::string::npos);
  text.insert(at + 8, "retention_days = 1\n");
  std::ofstream(d.config) << text;
  json before = d.Json({"query", "--format", "json"})["adverts"];
  // Everything was seen moments ago: nothing is old enough to go.
  auto none = d.Run({"purge", "--dry-run"});
  INFO(none.err);
  REQUIRE(none.exit_code == 0);
  CHECK(none.out.empty());
  json after = d.Json({"query", "--format", "json"})["adverts"];
  CHECK(after.size() == before.size());
  json audit = d.Json({"audit", "--format", "json"})["audit"];
  bool purge_audited = false;
  for (const json& e : audit) purge_audited = purge_audited || e["command"] == "purge-dry-run";
  CHECK(purge_audited);
}

TEST_CASE("ScheduledRun_SecondConcurrentRun_ExitsTwoAtOnce") {
  Desk d;
  // The first run is polite enough (1.5 s between requests to a host) to
  // hold the lock for seconds: on a loaded machine a quick one could finish
  // before the second process has even started (seen once under ASan).
  const std::string slow_config = testing::WriteFarmConfig(
      d.farm, testing::FarmConfigOptions(d.dir + "/store", 1500), d.dir + "/slow.toml");
  pid_t pid = fork();
  if (pid == 0) {
    execl(PLAINSIGHT_BINARY, PLAINSIGHT_BINARY, "--config", slow_config.c_str(), "run", "-q",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  size_t before = d.farm.requests().size();
  for (int i = 0; i < 2000 && d.farm.requests().size() == before; ++i) usleep(1000);
  auto started = std::chrono::steady_clock::now();
  auto second = d.Run({"run"});
  auto took = std::chrono::steady_clock::now() - started;
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("locked by another plainsight process") != std::string::npos);
  CHECK(took < std::chrono::seconds(2));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // The run wrote its morning report.
  bool report = false;
  for (const auto& entry : fs::directory_iterator(d.dir + "/store/reports")) {
    report = report || entry.path().extension() == ".html";
  }
  CHECK(report);
}

TEST_CASE("Help_EverySubcommandHasAnExampleAndAnUnknownOneIsNamed") {
  for (const char* command : {"crawl", "correlate", "run", "leads", "show", "query", "review",
                              "extract", "purge", "audit", "demo"}) {
    CAPTURE(command);
    auto help = RunPlainsight({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Example") != std::string::npos);
  }
  // An unknown command is named, with where to look.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"foo"}, {"--db", "/tmp/x", "foo", "--format", "json"}}) {
    auto unknown = RunPlainsight(args);
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "plainsight: unknown command 'foo'; run 'plainsight --help' for the commands\n");
  }
  auto none = RunPlainsight({});
  CHECK(none.exit_code == 1);
  auto version = RunPlainsight({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("plainsight ", 0) == 0);
}

}  // namespace
}  // namespace plainsight
