// Setting keys: each settings struct lists its TOML keys once (core/*_settings.h,
// core/site_config.h); the loader reads exactly those. These tests walk every
// table, so a key added to a struct's table is read, range-checked and
// documented without another list to update.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <variant>

#include "core/config.h"

namespace plainsight {
namespace {

const char kSite[] = R"(
[[sites]]
name = "jobs-one"
kind = "jobs"
seeds = ["https://jobs.example.org/"]
adverts = ['^https://jobs\.example\.org/job/\d+$']
)";

// A value inside the key's range that differs from the default, as TOML
// text, and whether it arrived in the member.
template <typename Settings>
struct Probe {
  const SettingKey<Settings>& key;
  Settings defaults{};

  template <typename Value>
  Value ValueFor(Value current) const {
    if constexpr (std::is_same_v<Value, bool>) {
      return !current;
    } else if constexpr (std::is_same_v<Value, std::string>) {
      // Any string passes the generic reader; name, kind and currency have
      // their own tests.
      return "probe";
    } else if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
      return {"^probe$"};
    } else if constexpr (std::is_same_v<Value, double>) {
      double value = std::isinf(key.max) ? current + 0.25 : key.max;
      return value == current ? key.min : value;
    } else {
      auto value = static_cast<Value>(key.max);
      return value == current ? static_cast<Value>(key.min) : value;
    }
  }

  std::string Toml() const {
    return std::visit(
        [&](auto member) -> std::string {
          auto value = ValueFor(defaults.*member);
          using Value = decltype(value);
          if constexpr (std::is_same_v<Value, bool>) {
            return value ? "true" : "false";
          } else if constexpr (std::is_same_v<Value, std::string>) {
            return "\"" + value + "\"";
          } else if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
            return "[\"" + value.at(0) + "\"]";
          } else if constexpr (std::is_same_v<Value, double>) {
            std::ostringstream text;
            text << value;
            if (text.str().find('.') == std::string::npos) text << ".0";
            return text.str();
          } else {
            return std::to_string(value);
          }
        },
        key.member);
  }

  bool Arrived(const Settings& settings) const {
    return std::visit(
        [&](auto member) { return settings.*member == ValueFor(defaults.*member); },
        key.member);
  }
};

template <typename Settings>
void CheckEveryKeyIsRead(const SettingKeys<Settings>& keys, const std::string& table,
                         const Settings& (*pick)(const Config&)) {
  std::set<std::string> seen;
  for (const SettingKey<Settings>& key : keys) {
    CAPTURE(table, key.name);
    CHECK(seen.insert(key.name).second);  // listed once
    if (std::string(key.name) == "name" || std::string(key.name) == "kind" ||
        std::string(key.name) == "currency" || std::string(key.name) == "seeds" ||
        std::string(key.name) == "adverts" || std::string(key.name) == "headers" ||
        std::string(key.name) == "path") {
      continue;  // validated or resolved beyond type and range: config_test.cc
    }
    Probe<Settings> probe{key};
    std::string text;
    if (table == "sites") {
      text = std::string(kSite) + key.name + " = " + probe.Toml() + "\n";
    } else if (table == "sites.fields") {
      text = std::string(kSite) + "  [sites.fields]\n  " + key.name + " = " + probe.Toml() + "\n";
    } else {
      text = "[" + table + "]\n" + key.name + " = " + probe.Toml() + "\n" + kSite;
    }
    CAPTURE(text);
    Result<Config> config = ParseConfig(text, "c.toml", "/nonexistent");
    REQUIRE(config.ok());
    CHECK(probe.Arrived(pick(*config)));
  }
}

TEST_CASE("SettingKeys_EveryListedKeyIsReadIntoItsMember") {
  CheckEveryKeyIsRead<CrawlSettings>(CrawlSettingKeys(), "crawl",
                                     [](const Config& c) -> const CrawlSettings& { return c.crawl; });
  CheckEveryKeyIsRead<StoreSettings>(StoreSettingKeys(), "store",
                                     [](const Config& c) -> const StoreSettings& { return c.store; });
  CheckEveryKeyIsRead<LeadSettings>(LeadSettingKeys(), "leads",
                                    [](const Config& c) -> const LeadSettings& { return c.leads; });
  CheckEveryKeyIsRead<PlaceSettings>(PlaceSettingKeys(), "places",
                                     [](const Config& c) -> const PlaceSettings& { return c.places; });
  CheckEveryKeyIsRead<SiteConfig>(SiteSettingKeys(), "sites",
                                  [](const Config& c) -> const SiteConfig& { return c.sites.at(0); });
  CheckEveryKeyIsRead<FieldSelectors>(
      FieldSelectorKeys(), "sites.fields",
      [](const Config& c) -> const FieldSelectors& { return c.sites.at(0).fields; });
}

// A key of a [[sites]] entry may override any crawl key for that site.
TEST_CASE("SettingKeys_EveryCrawlKeyIsASiteOverride") {
  for (const SettingKey<CrawlSettings>& key : CrawlSettingKeys()) {
    if (std::string(key.name) == "headers") continue;
    CAPTURE(key.name);
    Probe<CrawlSettings> probe{key};
    std::string text = std::string(kSite) + key.name + " = " + probe.Toml() + "\n";
    Result<Config> config = ParseConfig(text, "c.toml", "/nonexistent");
    REQUIRE(config.ok());
    CHECK(probe.Arrived(config->sites.at(0).crawl));
    CHECK_FALSE(probe.Arrived(config->crawl));
  }
}

TEST_CASE("SettingKeys_IntegersOutsideTheirRangeNameFileLineAndRange") {
  for (const SettingKey<LeadSettings>& key : LeadSettingKeys()) {
    if (!std::holds_alternative<int LeadSettings::*>(key.member)) continue;
    CAPTURE(key.name);
    std::string text = std::string("[leads]\n") + key.name + " = " +
                       std::to_string(static_cast<long long>(key.max) + 1) + "\n";
    Result<Config> config = ParseConfig(text, "c.toml", "/nonexistent");
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().message() ==
          "c.toml:2: leads." + std::string(key.name) + " must be between " +
              std::to_string(static_cast<long long>(key.min)) + " and " +
              std::to_string(static_cast<long long>(key.max)) + ", got " +
              std::to_string(static_cast<long long>(key.max) + 1));
  }
}

// Every key an operator can set has a row in docs/configuration.md, so the
// documentation cannot fall behind a table.
TEST_CASE("SettingKeys_EveryKeyIsDocumented") {
  std::string docs;
  for (const char* path : {"/docs/configuration.md"}) {
    std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + path);
    std::ostringstream text;
    text << in.rdbuf();
    docs += text.str();
  }
  REQUIRE_FALSE(docs.empty());
  auto check = [&](const auto& keys) {
    for (const auto& key : keys) {
      CAPTURE(key.name);
      CHECK(docs.find("| `" + std::string(key.name) + "` |") != std::string::npos);
    }
  };
  check(CrawlSettingKeys());
  check(StoreSettingKeys());
  check(LeadSettingKeys());
  check(PlaceSettingKeys());
  check(SiteSettingKeys());
  check(FieldSelectorKeys());
}

}  // namespace
}  // namespace plainsight
