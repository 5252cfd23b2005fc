// `plainsight report` through the real binary on a store written record by
// record: JSON and CSV for systems, HTML to a file, the audit entry, and a
// bad --since.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "tests/report/report_fixture.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

struct CliStore {
  CliStore() {
    store_dir = dir.path + "/store";
    WriteSampleStore(store_dir, sample);
    config = WriteConfig(dir.path, store_dir);
  }
  TempDir dir;
  Sample sample = MakeSample(SystemClock::Get().NowUnixSeconds());
  std::string store_dir;
  std::string config;
};

TEST_CASE("ReportCli_Json_CountsAndContractLeads") {
  CliStore s;
  RunResult run = RunPlainsight({"--config", s.config, "report", "--format", "json"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json doc = nlohmann::json::parse(run.out);
  static const struct {
    const char* pointer;
    int expected;
  } kCounts[] = {
      {"/counts/adverts/total", 4},        {"/counts/adverts/seen", 3},
      {"/counts/adverts/new", 2},          {"/counts/adverts/removed", 1},
      {"/counts/leads/total", 3},          {"/counts/leads/new", 1},
      {"/counts/leads/updated", 1},        {"/counts/leads/by_status/dismissed", 1},
      {"/counts/leads/by_status/reviewed", 1},
  };
  for (const auto& c : kCounts) {
    INFO(c.pointer);
    CHECK(doc.at(nlohmann::json::json_pointer(c.pointer)).get<int>() == c.expected);
  }
  REQUIRE(doc["leads"].size() == 2);
  CHECK(doc["leads"][0]["id"] == "L-00000000aaaa");
  CHECK(doc["leads"][0]["score"] == 9.5);
  CHECK(doc["leads"][0]["entities"]["phones"][0] == "+447700900123");
  CHECK(doc["leads"][0]["adverts"].size() == 2);
  CHECK(doc["leads"][0]["adverts"][1]["title"] == kHostileTitle);
  CHECK(doc["leads"][1]["id"] == "L-00000000bbbb");
  CHECK(doc["adverts_per_site_per_day"].size() == 3 * 14);
  CHECK(doc["indicators_by_category"].size() == 4);
  CHECK(doc["window"]["since"].get<std::string>().size() == 20);
}

TEST_CASE("ReportCli_Csv_OneRowPerChangedLead") {
  CliStore s;
  RunResult run = RunPlainsight({"--config", s.config, "report", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  static const char* const kLines[] = {
      "id,score,status,adverts,phones,emails,postcodes,top_reason,handles",
      "L-00000000aaaa,9.50,new,2,'+447700900123,mia@example.org,NN1 1AA,",
      "L-00000000bbbb,4.25,reviewed,2,'+447700900456,,,",
  };
  size_t at = 0;
  for (const char* line : kLines) {
    INFO(line);
    at = run.out.find(line, at);
    CHECK(at != std::string::npos);
  }
}

TEST_CASE("ReportCli_Html_WrittenToOutAndAudited") {
  CliStore s;
  const std::string out = s.dir.path + "/report.html";
  RunResult run = RunPlainsight({"--config", s.config, "report", "--out", out});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.empty());
  const std::string html = Slurp(out);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("L-00000000aaaa") != std::string::npos);
  std::vector<AuditEntry> entries;
  REQUIRE(AuditLog(s.store_dir).ForEach(0, [&](const AuditEntry& e) {
    entries.push_back(e);
    return true;
  }).ok());
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].command == "report");
  CHECK(entries[0].results == 2);
}

TEST_CASE("ReportCli_BadArguments_ExitOneWithOneLine") {
  CliStore s;
  static const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{"report", "--since", "yesterday"}, "--since: cannot read \"yesterday\""},
      {{"report", "--format", "pdf"}, "--format"},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> args = {"--config", s.config};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult run = RunPlainsight(args);
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(c.message) != std::string::npos);
  }
}

}  // namespace
}  // namespace plainsight
