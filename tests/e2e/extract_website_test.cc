// `extract` of a page that names a website after a spelled "at" gives no
// e-mail and no obscured contact (issue 12: "visit our homepage at
// www.example.co.uk" was read as homepage@www.example.co.uk).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST_CASE("Extract_HomepageAtWebsite_NoEmailNoObscuredContact_SpelledEmailStillFound") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-extract-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  static const struct {
    const char* sentence;
    const char* email;  // "" = none
  } kCases[] = {
      {"For more about us visit our homepage at www.example.co.uk today.", ""},
      {"Find us at example.org or call in.", ""},
      {"Send your CV to anna at example dot org please.", "anna@example.org"},
  };
  for (const auto& c : kCases) {
    INFO(c.sentence);
    const std::string page = dir + "/page.html";
    std::ofstream(page) << "<html><head><title>Warehouse operative</title></head><body>"
                           "<h1>Warehouse operative</h1><p>Day shifts, £13.20 per hour. "
                        << c.sentence << "</p></body></html>";
    auto run = testing::RunPlainsight({"--config", PLAINSIGHT_SOURCE_DIR "/config/plainsight.toml", "extract", page, "--kind", "jobs", "--format", "json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const json out = json::parse(run.out);
    if (*c.email == 0) {
      CHECK(out["emails"].empty());
    } else {
      REQUIRE(out["emails"].size() == 1);
      CHECK(out["emails"][0] == c.email);
    }
    bool obscured = false;
    for (const json& hit : out["indicators"]) {
      obscured = obscured || hit["id"].get<std::string>().find("obfuscated_contact") != std::string::npos;
    }
    CHECK(obscured == (*c.email != 0));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plainsight
