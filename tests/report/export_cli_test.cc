// `plainsight export --format i2|graphml|csv` through the real binary: the
// i2 table parses back (RFC 4180) with formulas neutralised, GraphML loads
// in networkx with the expected counts, the advert CSV has one row per
// advert, and every export is audited.
#include <catch2/catch.hpp>

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
  RunResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config, "export"});
    return RunPlainsight(args);
  }
  TempDir dir;
  Sample sample = MakeSample(SystemClock::Get().NowUnixSeconds());
  std::string store_dir;
  std::string config;
};

TEST_CASE("ExportI2_ParsesBackWithInjectionNeutralised") {
  CliStore s;
  const std::string out = s.dir.path + "/links.csv";
  RunResult run = s.Run({"--format", "i2", "--out", out});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto rows = ParseCsv(Slurp(out));
  REQUIRE(!rows.empty());
  CHECK(rows[0] == std::vector<std::string>{"from_type", "from_id", "from_label", "link_type", "to_type", "to_id",
                                            "to_label", "first_seen", "last_seen", "site", "url", "image_url",
                                            "image_sha256", "image_pdq", "image_warc_file",
                                            "image_warc_offset", "image_warc_length"});
  // 9 advert -> contact links and 5 lead -> advert links.
  CHECK(rows.size() == 1 + 9 + 5);
  for (const auto& row : rows) CHECK(row.size() == 17);

  static const struct {
    const char* what;
    std::vector<std::string> row_starts_with;
  } kCases[] = {
      {"formula title neutralised, quotes and comma intact",
       {"advert", s.sample.warehouse.id, std::string("'") + kFormulaTitle, "has_phone", "phone",
        "phone:+447700900456", "'+447700900456"}},
      {"newline and quotes in a title survive quoting",
       {"advert", s.sample.mia.id, "Relaxing evenings, \"Mia\"\nnew in town", "has_email", "email",
        "email:mia@example.org", "mia@example.org"}},
      {"address link", {"advert", s.sample.warehouse.id, std::string("'") + kFormulaTitle, "has_address", "address",
                        "address:14 MILL ROAD", "14 MILL ROAD"}},
      {"lead includes advert", {"lead", "L-00000000aaaa", "L-00000000aaaa", "includes", "advert", s.sample.silk.id,
                                kHostileTitle}},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    bool found = false;
    for (const auto& row : rows) {
      found = found || std::equal(c.row_starts_with.begin(), c.row_starts_with.end(), row.begin());
    }
    CHECK(found);
  }
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      INFO(cell);
      CHECK((cell.empty() || std::string("=+-@").find(cell[0]) == std::string::npos));
    }
  }
}

TEST_CASE("ExportGraphMl_LoadsInNetworkxWithMatchingCounts") {
  const std::string python = PythonWithNetworkx();
  if (python.empty()) FAIL("python3-networkx is not installed: run scripts/install-test-tools");
  CliStore s;
  static const struct {
    const char* lead;
    const char* counts;  // "nodes edges"
  } kCases[] = {
      // 4 adverts, 2 phones, 2 emails, 1 postcode, 1 address, 3 leads;
      // 9 contact links and 5 lead links.
      {"", "13 14"},
      // 2 adverts, phone, email, postcode, the lead; 5 + 2 links.
      {"L-00000000aaaa", "6 7"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.lead);
    const std::string out = s.dir.path + "/graph.graphml";
    std::vector<std::string> args = {"--format", "graphml", "--out", out};
    if (*c.lead != '\0') args.insert(args.end(), {"--lead", c.lead});
    RunResult run = s.Run(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::string counts;
    const int status = RunShell(python +
                                    " -c 'import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
                                    "print(g.number_of_nodes(), g.number_of_edges()); "
                                    "print(g.nodes[sys.argv[2]][\"label\"])' " +
                                    out + " " + s.sample.silk.id,
                                &counts);
    INFO(counts);
    REQUIRE(status == 0);
    CHECK(counts == std::string(c.counts) + "\n" + kHostileTitle + "\n");
  }
}

TEST_CASE("ExportCsv_OneRowPerAdvertWithIndicators") {
  CliStore s;
  RunResult run = s.Run({"--format", "csv"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto rows = ParseCsv(run.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::vector<std::string>{"id", "url", "site", "kind", "title", "first_seen", "last_seen",
                                            "removed", "phones", "emails", "postcodes", "indicators", "handles",
                                            "company", "images", "image_urls", "image_sha256", "image_pdq"});
  bool found_cleaner = false, found_warehouse = false;
  for (const auto& row : rows) {
    REQUIRE(row.size() == 18);
    if (row[0] == s.sample.cleaner.id) {
      found_cleaner = true;
      CHECK(row[4] == "Cleaner, cash in hand");
      CHECK(row[8] == "'+447700900456");
      CHECK(row[11] == "jobs.cash_in_hand; jobs.accommodation_provided");
    }
    if (row[0] == s.sample.warehouse.id) {
      found_warehouse = true;
      CHECK(row[7] == "true");
      CHECK(row[4] == std::string("'") + kFormulaTitle);
    }
  }
  CHECK(found_cleaner);
  CHECK(found_warehouse);
}

TEST_CASE("Export_Audit_EachExportRecordsItsRowCount") {
  CliStore s;
  static const struct {
    std::vector<std::string> args;
    std::int64_t results;
  } kCases[] = {
      {{"--format", "i2"}, 14},
      {{"--format", "i2", "--lead", "L-00000000bbbb"}, 6},  // 4 contact links + 2 lead links
      {{"--format", "graphml"}, 13},
      {{"--format", "csv"}, 4},
  };
  for (const auto& c : kCases) {
    RunResult run = s.Run(c.args);
    INFO(run.err);
    CHECK(run.exit_code == 0);
  }
  std::vector<AuditEntry> entries;
  REQUIRE(AuditLog(s.store_dir).ForEach(0, [&](const AuditEntry& e) {
    entries.push_back(e);
    return true;
  }).ok());
  REQUIRE(entries.size() == std::size(kCases));
  for (size_t i = 0; i < entries.size(); ++i) {
    INFO(i);
    CHECK(entries[i].command == "export");
    CHECK(entries[i].results == kCases[i].results);
  }
}

TEST_CASE("Export_BadArguments_ExitOneWithOneLine") {
  CliStore s;
  static const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{}, "export needs --format i2|graphml|csv, --places --format csv|geojson, or --lead ID --evidence DIR"},
      {{"--format", "pdf"}, "--format"},
      {{"--format", "i2", "--lead", "L-404"}, "no lead L-404"},
      {{"--evidence", "/tmp/never-written"}, "--evidence needs --lead ID"},
  };
  for (const auto& c : kCases) {
    RunResult run = s.Run(c.args);
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(c.message) != std::string::npos);
  }
}

}  // namespace
}  // namespace plainsight
