// Tests for DemoSites: a data directory opened, every site served on its
// own loopback port, and a plainsight.toml that crawls them.
#include "demo/demo_sites.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "core/config.h"
#include "tests/demo/demo_test_support.h"

namespace plainsight::demo {
namespace {

using testing::Fetch;

DemoSite Site(const std::string& name, const std::string& kind) {
  DemoSite site;
  site.name = name;
  site.kind = kind;
  site.charset = "utf-8";
  site.seeds = {"/list?page=1"};
  site.follow = {R"(/list\?page=\d+)"};
  site.adverts = {R"(/ad/\d+)"};
  site.region = "Northamptonshire";
  return site;
}

// Two sites with a robots.txt and one advert each.
void WriteData(const std::string& dir) {
  DemoSite jobs = Site("jobs-board", "jobs");
  jobs.fields = {"h1", "div.body", "", ""};
  testing::WriteFile(dir, kSiteCatalogFile, SiteCatalogToml({Site("escorts", "adult"), jobs}));
  for (const char* name : {"escorts", "jobs-board"}) {
    testing::WriteFile(dir, std::string(name) + "/robots.txt", std::string("# ") + name + "\nUser-agent: *\n");
    testing::WriteFile(dir, std::string(name) + "/ad/1", std::string("<p>") + name + "</p>");
  }
}

TEST_CASE("DemoSites_ServeEachSiteOnItsOwnPort") {
  testing::TempDir dir;
  WriteData(dir.path());
  auto sites = DemoSites::Open(dir.path());
  REQUIRE(sites.ok());
  CHECK(sites->base_urls().empty());
  REQUIRE(sites->Start().ok());
  const std::vector<std::string> urls = sites->base_urls();
  REQUIRE(urls.size() == 2);
  CHECK(urls[0] != urls[1]);
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const std::string& name = sites->sites()[i].name;
    const int port = std::stoi(urls[i].substr(urls[i].rfind(':') + 1));
    CHECK(Fetch(port, "/robots.txt").body == "# " + name + "\nUser-agent: *\n");
    CHECK(Fetch(port, "/ad/1").body == "<p>" + name + "</p>");
    CHECK(Fetch(port, "/ad/2").status == 404);
  }
  sites->Stop();
  CHECK(sites->base_urls().empty());
}

TEST_CASE("DemoSites_ConfigCrawlsTheServedSites") {
  testing::TempDir dir;
  WriteData(dir.path());
  auto sites = DemoSites::Open(dir.path());
  REQUIRE(sites.ok());
  REQUIRE(sites->Start().ok());
  DemoConfigOptions options;
  options.store_path = dir.path() + "/store";
  options.gazetteer_path = dir.path() + "/gazetteer.tsv";
  options.per_host_delay_ms = 7;
  const std::string toml = sites->ConfigToml(options);
  CAPTURE(toml);
  testing::WriteFile(dir.path(), "gazetteer.tsv", "");
  auto config = ParseConfig(toml, "demo.toml", dir.path());
  REQUIRE(config.ok());
  CHECK(config->store.path == dir.path() + "/store");
  CHECK(config->crawl.per_host_delay_ms == 7);
  CHECK(config->crawl.allow_private_addresses);
  CHECK(config->crawl.respect_robots);
  REQUIRE(config->sites.size() == 2);
  const std::vector<std::string> urls = sites->base_urls();
  for (std::size_t i = 0; i < 2; ++i) {
    const SiteConfig& site = config->sites[i];
    CHECK(site.name == sites->sites()[i].name);
    CHECK(site.seeds == std::vector<std::string>{urls[i] + "/list?page=1"});
    REQUIRE(site.adverts.size() == 1);
    REQUIRE(site.follow.size() == 1);
    // Anchored to this site's address: another site's page does not match.
    CHECK(RE2::FullMatch(urls[i] + "/ad/12", site.adverts[0]));
    CHECK_FALSE(RE2::PartialMatch(urls[1 - i] + "/ad/12", site.adverts[0]));
    CHECK_FALSE(RE2::PartialMatch(urls[i] + "/ad/12/more", site.adverts[0]));
    CHECK(RE2::FullMatch(urls[i] + "/list?page=3", site.follow[0]));
  }
  CHECK(config->sites[0].fields.empty());
  CHECK(config->sites[1].fields.title == "h1");
  CHECK(config->sites[1].fields.body == "div.body");
}

TEST_CASE("DemoSites_OpenSaysWhatIsMissing") {
  testing::TempDir dir;
  auto empty = DemoSites::Open(dir.path());
  CHECK(empty.status().IsNotFound());
  CHECK(empty.status().message().find("sites.toml") != std::string::npos);

  testing::WriteFile(dir.path(), kSiteCatalogFile, SiteCatalogToml({Site("escorts", "adult")}));
  auto no_folder = DemoSites::Open(dir.path());
  CHECK(no_folder.status().IsNotFound());
  CHECK(no_folder.status().message().find("escorts") != std::string::npos);
}

}  // namespace
}  // namespace plainsight::demo
