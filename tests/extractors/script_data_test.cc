// Script data (extractors/script_data.h): a field named as
// "script:NAME#path" reads the JSON a page keeps in a script, in the shapes
// real job boards use (issue 13: window._initialData, __PRELOADED_STATE__,
// Next.js __NEXT_DATA__, dataLayer).
#include <catch2/catch.hpp>

#include "extractors/advert_extractor.h"
#include "extractors/script_data.h"

namespace plainsight {
namespace {

TEST_CASE("ScriptData_PathSyntax_ParsedOrRefusedWithReason") {
  static const struct {
    const char* spec;
    const char* script;  // nullptr: refused
    size_t keys;
    const char* error;
  } kCases[] = {
      {"script:window.__INITIAL_STATE__#job.salary", "window.__INITIAL_STATE__", 2, ""},
      {"script:__NEXT_DATA__#props.pageProps.job.title", "__NEXT_DATA__", 4, ""},
      {"script:dataLayer#0.job_location", "dataLayer", 2, ""},
      {"script:dataLayer", nullptr, 0, "must read script:NAME#path.to.value"},
      {"script:#job", nullptr, 0, "must read script:NAME#path.to.value"},
      {"script:x#job..title", nullptr, 0, "has an empty path step"},
      {"script:x y#job", nullptr, 0, "' ' cannot be in a script name"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.spec);
    CHECK(IsScriptFieldPath(c.spec));
    auto path = ParseScriptFieldPath(c.spec);
    if (c.script == nullptr) {
      REQUIRE_FALSE(path.ok());
      CHECK_THAT(path.status().message(), Catch::Contains(c.error));
      continue;
    }
    REQUIRE(path.ok());
    CHECK(path->script == c.script);
    CHECK(path->keys.size() == c.keys);
  }
  CHECK_FALSE(IsScriptFieldPath("h1.title"));
}

TEST_CASE("ScriptData_EmbeddedStateShapes_ReadTheValueAtThePath") {
  static const struct {
    const char* id;
    const char* text;
    const char* spec;
    const char* value;  // nullptr: not found
  } kCases[] = {
      // Assigned state objects, with and without "window.".
      {"", "window.__INITIAL_STATE__ = {\"job\": {\"title\": \"Picker\"}};",
       "script:window.__INITIAL_STATE__#job.title", "Picker"},
      {"", "var x = 1;\n__PRELOADED_STATE__={\"job\":{\"town\":\"Corby\"}}",
       "script:window.__PRELOADED_STATE__#job.town", "Corby"},
      {"", "window._initialData = {\"jobInfo\": {\"jobTitle\": \"Cleaner\", \"hours\": 48}};",
       "script:window._initialData#jobInfo.hours", "48"},
      // Next.js keeps the whole page's data in a JSON script with an id.
      {"__NEXT_DATA__", "{\"props\": {\"pageProps\": {\"job\": {\"title\": \"Driver\"}}}}",
       "script:__NEXT_DATA__#props.pageProps.job.title", "Driver"},
      // dataLayer: an array pushed to; a key is looked for in its elements.
      {"", "window.dataLayer = window.dataLayer || [];\ndataLayer.push({\"event\": \"view\"});\n"
           "dataLayer.push({\"job_location\": \"Kettering\"});",
       "script:dataLayer#job_location", "Kettering"},
      {"", "dataLayer = [{\"a\": 1}, {\"job_location\": \"Wellingborough\"}];",
       "script:dataLayer#1.job_location", "Wellingborough"},
      // A salary object reads as people write pay.
      {"", "window.__INITIAL_STATE__ = {\"job\": {\"salary\": {\"min\": 11.44, \"max\": 12.5, "
           "\"unit\": \"HOURLY\", \"currency\": \"GBP\"}}};",
       "script:window.__INITIAL_STATE__#job.salary", "£11.44 - £12.5 per hour"},
      {"", "S = {\"pay\": {\"value\": 400, \"period\": \"week\"}};", "script:S#pay",
       "400 per week"},
      // Strings holding braces or quotes do not end the object early.
      {"", "S = {\"a\": \"x } ] \\\" y\", \"b\": \"found\"};", "script:S#b", "found"},
      // Not there: a comparison is not an assignment, a longer name is not
      // the name, JavaScript that is not JSON is skipped, a missing key.
      {"", "if (S == {\"b\": 1}) {}", "script:S#b", nullptr},
      {"", "SS = {\"b\": \"no\"};", "script:S#b", nullptr},
      {"", "S = {b: 'single quotes'};", "script:S#b", nullptr},
      {"", "S = {\"b\": \"x\"};", "script:S#c", nullptr},
      {"", "S = {\"b\": null};", "script:S#b", nullptr},
      {"", "S = {\"b\": [1, 2", "script:S#b", nullptr},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text, c.spec);
    auto path = ParseScriptFieldPath(c.spec);
    REQUIRE(path.ok());
    std::vector<ScriptBlock> scripts = {{"", "", "var unrelated = {\"b\": \"wrong\"};"},
                                        {c.id, "", c.text}};
    std::optional<std::string> value = ReadScriptField(scripts, *path);
    if (c.value == nullptr) {
      CHECK_FALSE(value.has_value());
    } else {
      REQUIRE(value.has_value());
      CHECK(*value == c.value);
    }
  }
}

// End to end through the extractor: the fields a site names, by selector or
// script path, reach the extraction; a salary field reads pay with no
// currency sign in the site's currency, and a range keeps its lower bound.
TEST_CASE("AdvertExtractor_SiteFields_SalaryCompanyContactAndScriptPaths") {
  const std::string page =
      "<html><head><title>Picker - Board</title>"
      "<script>window.__INITIAL_STATE__ = {\"job\": {\"salary\": {\"min\": 7, \"max\": 9, "
      "\"unit\": \"hour\"}, \"employer\": \"Acme Logistics\"}};</script></head><body>"
      "<h1>Picker</h1><div class=\"pay\">7.00 to 9.00 per hour</div>"
      "<div class=\"co\">Acme Logistics Ltd</div>"
      "<div class=\"desc\">Day shifts in a warehouse.</div>"
      "<div class=\"box\">Call 07700 900123</div></body></html>";
  static const struct {
    const char* salary;
    const char* company;
    const char* currency;
    const char* salary_text;
    const char* company_text;
    double amount;
    double amount_max;
    const char* iso;
  } kCases[] = {
      {"div.pay", "div.co", "GBP", "7.00 to 9.00 per hour", "Acme Logistics Ltd", 7, 9, "GBP"},
      {"div.pay", "div.co", "EUR", "7.00 to 9.00 per hour", "Acme Logistics Ltd", 7, 9, "EUR"},
      {"script:window.__INITIAL_STATE__#job.salary",
       "script:window.__INITIAL_STATE__#job.employer", "GBP", "7 - 9 per hour", "Acme Logistics",
       7, 9, "GBP"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.salary, c.currency);
    ExtractorOptions options;
    options.kind = "jobs";
    options.fields.salary = c.salary;
    options.fields.company = c.company;
    options.fields.contact = "div.box";
    options.currency = c.currency;
    auto extractor = AdvertExtractor::Create(options, nullptr);
    REQUIRE(extractor.ok());
    AdvertExtraction x = (*extractor)->Extract(page, "text/html", "2026-12-04");
    CHECK(x.salary == c.salary_text);
    CHECK(x.company == c.company_text);
    CHECK(x.contact == "Call 07700 900123");
    REQUIRE_FALSE(x.pay.empty());
    CHECK(x.pay[0].amount == Approx(c.amount));
    REQUIRE(x.pay[0].amount_max.has_value());
    CHECK(*x.pay[0].amount_max == Approx(c.amount_max));
    CHECK(x.pay[0].per == "hour");
    CHECK(x.pay[0].currency == c.iso);
    // £7 an hour is below the UK minimum; €7 is not judged by it.
    bool below = false;
    for (const auto& hit : x.indicators) below = below || hit.id == "jobs.pay_below_minimum_wage";
    CHECK(below == (std::string(c.iso) == "GBP"));
  }
}

TEST_CASE("AdvertExtractor_BadScriptPath_RefusedAtCreate") {
  ExtractorOptions options;
  options.fields.salary = "script:window.x";
  auto extractor = AdvertExtractor::Create(options, nullptr);
  REQUIRE_FALSE(extractor.ok());
  CHECK_THAT(extractor.status().message(), Catch::StartsWith("fields.salary: script field"));
}

}  // namespace
}  // namespace plainsight
