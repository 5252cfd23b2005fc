// The demo data this build exported (tests/farm/tools/farm_export.cc, into
// share/plainsight/demo beside the binary), served by DemoSites, answers
// every page a crawl reaches exactly as the test farm does, and its config
// crawls the same way the farm's does. So `plainsight demo` finds what it
// found when it ran the farm itself.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "core/regex_escape.h"
#include "demo/demo_sites.h"
#include "tests/demo/demo_test_support.h"
#include "tests/farm/farm.h"

namespace plainsight::demo {
namespace {

using testing::Fetch;

std::string ExportedDataDir() {
  return (std::filesystem::path(PLAINSIGHT_BINARY).parent_path() / "share" / "plainsight" / "demo").string();
}

int PortOf(const std::string& base_url) { return std::stoi(base_url.substr(base_url.rfind(':') + 1)); }

std::string PathOf(const std::string& url, const std::string& base_url) {
  REQUIRE(url.rfind(base_url, 0) == 0);
  return url.substr(base_url.size());
}

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (std::size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

// The exported demo sites and the farm, both serving.
struct DemoAndFarm {
  DemoAndFarm() : demo_sites(DemoSites::Open(ExportedDataDir())) {
    INFO("build the demo_data target: " << ExportedDataDir());
    REQUIRE(demo_sites.ok());
    REQUIRE(demo_sites->Start().ok());
    REQUIRE(farm.Start().ok());
  }
  Result<DemoSites> demo_sites;
  farm::Farm farm;
};

TEST_CASE("ExportedData_ServesWhatTheFarmServes") {
  DemoAndFarm both;
  DemoSites& demo_sites = *both.demo_sites;
  farm::Farm& farm = both.farm;

  std::map<std::string, std::string> demo_base;  // site name -> base URL
  for (std::size_t i = 0; i < demo_sites.sites().size(); ++i) {
    demo_base[demo_sites.sites()[i].name] = demo_sites.base_urls()[i];
  }
  REQUIRE(demo_base.size() == farm.sites().size());
  int pages = 0;
  for (const farm::FarmSite& site : farm.sites()) {
    CAPTURE(site.name);
    REQUIRE(demo_base.count(site.name) == 1);
    const std::string& base = demo_base[site.name];
    std::vector<std::string> targets = {"/robots.txt", "/", "/about", "/contact", "/sitemap.xml", "/absent"};
    for (const std::string& seed : site.seeds) targets.push_back(PathOf(seed, site.base_url));
    for (const farm::FarmAdvert& ad : farm.adverts()) {
      if (ad.site == site.name) targets.push_back(PathOf(ad.url, site.base_url));
    }
    for (const std::string& target : targets) {
      CAPTURE(target);
      auto farm_reply = Fetch(site.port, target);
      auto demo_reply = Fetch(PortOf(base), target);
      CHECK(demo_reply.status == farm_reply.status);
      if (farm_reply.status != 200) continue;  // the farm's 404 page has the site's frame; ours is plain
      ++pages;
      std::string expected = farm_reply.body;
      ReplaceAll(&expected, site.base_url, base);
      CHECK(demo_reply.body == expected);
      CHECK(demo_reply.content_type == farm_reply.content_type);
    }
  }
  CHECK(pages > 90);
}

TEST_CASE("ExportedData_CrawlSettingsAreTheFarms") {
  DemoAndFarm both;
  DemoSites& demo_sites = *both.demo_sites;
  farm::Farm& farm = both.farm;

  farm::ConfigOptions farm_options;
  farm_options.store_path = "/tmp/store";
  farm_options.pattern_paths = {"/p/adult.toml", "/p/jobs.toml"};
  std::string farm_toml = farm.ConfigToml(farm_options);
  DemoConfigOptions demo_options;
  demo_options.store_path = farm_options.store_path;
  demo_options.pattern_paths = farm_options.pattern_paths;
  std::string demo_toml = demo_sites.ConfigToml(demo_options);
  // Same settings once both name the same addresses; only comments differ.
  for (std::size_t i = 0; i < farm.sites().size(); ++i) {
    const std::string& farm_base = farm.sites()[i].base_url;
    const std::string demo_base = demo_sites.base_urls()[i];
    REQUIRE(demo_sites.sites()[i].name == farm.sites()[i].name);
    ReplaceAll(&demo_toml, demo_base, farm_base);
    ReplaceAll(&demo_toml, EscapeRegex(demo_base), EscapeRegex(farm_base));
  }
  const auto settings = [](const std::string& toml) {
    std::string kept;
    std::size_t start = 0;
    while (start < toml.size()) {
      std::size_t end = toml.find('\n', start);
      if (end == std::string::npos) end = toml.size();
      std::string line = toml.substr(start, end - start);
      if (const std::size_t hash = line.find("   #"); hash != std::string::npos) line.resize(hash);
      if (!line.empty() && line[0] != '#') kept += line + "\n";
      start = end + 1;
    }
    return kept;
  };
  CHECK(settings(demo_toml) == settings(farm_toml));
}

}  // namespace
}  // namespace plainsight::demo
