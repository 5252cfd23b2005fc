// Config loading: every error names file:line (README "Configuration").
#include <catch2/catch.hpp>

#include "core/config.h"

namespace plainsight {
namespace {

const char kMinimalSite[] = R"(
[[sites]]
name = "jobs-one"
kind = "jobs"
seeds = ["https://jobs.example.org/search?page=1"]
follow = ['^https://jobs\.example\.org/search\?page=\d+$']
adverts = ['^https://jobs\.example\.org/job/\d+$']
)";

TEST_CASE("Config_ValidFile_ReadsEveryKeyAndResolvesPaths") {
  std::string text = std::string(R"([store]
path = "data/store"
retention_days = 30

[crawl]
concurrency = 4
per_host_delay_ms = 250
max_pages = 10
respect_robots = true
allow_private_addresses = true

[leads]
min_score = 2.5

[[patterns]]
path = "patterns/jobs.toml"
)") + kMinimalSite + R"(
per_host_delay_ms = 2000
max_depth = 2
  [sites.fields]
  title = "h1.title"
)";
  auto config = ParseConfig(text, "cfg/plainsight.toml", "/etc/ps");
  REQUIRE(config.ok());
  CHECK(config->store.path == "/etc/ps/data/store");
  CHECK(config->store.retention_days == 30);
  CHECK(config->crawl.concurrency == 4);
  CHECK(config->crawl.max_pages == 10);
  CHECK(config->leads.min_score == 2.5);
  REQUIRE(config->pattern_paths.size() == 1);
  CHECK(config->pattern_paths[0] == "/etc/ps/patterns/jobs.toml");
  REQUIRE(config->sites.size() == 1);
  const SiteConfig& site = config->sites[0];
  CHECK(site.name == "jobs-one");
  CHECK(site.max_depth == 2);
  CHECK(site.fields.title == "h1.title");
  // A per-site key overrides [crawl]; the rest is inherited.
  CHECK(site.crawl.per_host_delay_ms == 2000);
  CHECK(site.crawl.concurrency == 4);
  CHECK(site.crawl.allow_private_addresses);
  CHECK(site.line == 18);
}

TEST_CASE("Config_Errors_NameFileAndLine") {
  static const struct {
    const char* text;
    const char* error;
  } kCases[] = {
      {"[crawl]\nconcurency = 3\n", "c.toml:2: unknown key 'concurency' in [crawl]"},
      {"[crawl]\nconcurrency = 0\n", "c.toml:2: crawl.concurrency must be between 1 and 1024, got 0"},
      {"[crawl]\nconcurrency = \"many\"\n", "c.toml:2: crawl.concurrency must be an integer"},
      {"[crawl]\nrespect_robots = 1\n", "c.toml:2: crawl.respect_robots must be true or false"},
      {"[store\npath = 1\n", "c.toml:1: "},
      {"[[sites]]\nname = \"Bad Name\"\nkind = \"jobs\"\n", "c.toml:2: site name 'Bad Name' must match [a-z0-9-]+"},
      {"[[sites]]\nname = \"a\"\nkind = \"cars\"\n", "c.toml:3: sites.a.kind must be \"jobs\" or \"adult\", got \"cars\""},
      {"[[sites]]\nname = \"a\"\nkind = \"jobs\"\nseeds = [\"https://x.example.org/\"]\nadverts = ['(unclosed']\n",
       "c.toml:5: sites.a.adverts: bad pattern '(unclosed': missing ): (unclosed"},
      {"[[sites]]\nname = \"a\"\nkind = \"jobs\"\nadverts = ['x']\n", "c.toml:1: sites.a has no seeds"},
      {"[[patterns]]\nfile = \"x.toml\"\n", "c.toml:2: unknown key 'file' in [patterns]"},
      {"colour = 1\n", "c.toml:1: unknown key 'colour'"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    auto config = ParseConfig(c.text, "c.toml", "");
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().IsInvalidArgument());
    CHECK_THAT(config.status().message(), Catch::StartsWith(c.error));
  }
}

// CONTRACT.md (December 2026): salary, company and contact fields; a
// site's `region` written as an ISO code is its phone region, a place name
// stays its default location; `currency` is ISO 4217; pagination needs
// depth far past 100.
TEST_CASE("Config_SiteFieldsRegionCurrencyDepth_AsTheContractWritesThem") {
  static const struct {
    const char* extra;
    const char* salary;
    const char* phone_region;
    const char* place;
    const char* currency;
    int max_depth;
  } kCases[] = {
      {"region = \"US\"\n", "", "US", "", "GBP", 5},
      {"region = \"Northamptonshire\"\n", "", "", "Northamptonshire", "GBP", 5},
      {"currency = \"EUR\"\nmax_depth = 10000\n", "", "", "", "EUR", 10000},
      {"  [sites.fields]\n  salary = \".salary\"\n  company = \".company\"\n"
       "  contact = \"script:window.__INITIAL_STATE__#job.contact\"\n",
       ".salary", "", "", "GBP", 5},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.extra);
    auto config = ParseConfig(std::string(kMinimalSite) + c.extra, "c.toml", "");
    REQUIRE(config.ok());
    const SiteConfig& site = config->sites[0];
    CHECK(site.fields.salary == c.salary);
    CHECK(site.phone_region == c.phone_region);
    CHECK(site.region == c.place);
    CHECK(site.currency == c.currency);
    CHECK(site.max_depth == c.max_depth);
  }
  auto config = ParseConfig(std::string(kMinimalSite) +
                                "  [sites.fields]\n  company = \".co\"\n  contact = \".c\"\n",
                            "c.toml", "");
  REQUIRE(config.ok());
  CHECK(config->sites[0].fields.company == ".co");
  CHECK(config->sites[0].fields.contact == ".c");
}

TEST_CASE("Config_SiteCurrencyAndDepth_BadValuesNameTheLine") {
  static const struct {
    const char* extra;
    const char* error;
  } kCases[] = {
      {"currency = \"pounds\"\n", "c.toml:8: sites.jobs-one.currency must be an ISO 4217 code"},
      {"max_depth = 100001\n", "c.toml:8: sites.jobs-one.max_depth must be between 0 and 100000"},
      {"  [sites.fields]\n  wage = \".pay\"\n", "c.toml:9: unknown key 'wage'"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.extra);
    auto config = ParseConfig(std::string(kMinimalSite) + c.extra, "c.toml", "");
    REQUIRE_FALSE(config.ok());
    CHECK_THAT(config.status().message(), Catch::StartsWith(c.error));
  }
}

TEST_CASE("Config_DuplicateSiteName_IsAnError") {
  std::string text = std::string(kMinimalSite) + kMinimalSite;
  auto config = ParseConfig(text, "c.toml", "");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() == "c.toml:10: duplicate site name 'jobs-one'");
}

TEST_CASE("Config_MissingFile_SaysWhichFile") {
  auto config = LoadConfig("/nonexistent/plainsight.toml");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() == "/nonexistent/plainsight.toml: cannot read config file");
}

TEST_CASE("Config_ShippedDefault_Loads") {
  auto config = LoadConfig(PLAINSIGHT_SOURCE_DIR "/config/plainsight.toml");
  REQUIRE(config.ok());
  CHECK(config->crawl.respect_robots);
  CHECK_FALSE(config->crawl.allow_private_addresses);
  CHECK(config->pattern_paths.size() == 2);
}

}  // namespace
}  // namespace plainsight
