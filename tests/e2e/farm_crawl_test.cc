// End to end: the real binary crawls the test farm on 127.0.0.1 into a real
// RocksDB, and the planted groups come out as leads.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

constexpr int kDelayMs = 120;

// The farm and its config, not crawled yet.
struct FarmRun : testing::FarmDesk {
  FarmRun() : FarmDesk("plainsight-e2e", kDelayMs) {}
};

std::set<std::string> UrlsOf(const json& lead) {
  std::set<std::string> urls;
  for (const json& a : lead["adverts"]) urls.insert(a["url"].get<std::string>());
  return urls;
}

const json* LeadContaining(const json& leads, const std::string& url) {
  for (const json& lead : leads) {
    if (UrlsOf(lead).count(url) != 0) return &lead;
  }
  return nullptr;
}

TEST_CASE("EndToEnd_FarmCrawl_PlantedGroupsBecomeLeadsPolitelyAndOnce") {
  FarmRun f;
  auto crawl = RunPlainsight({"--config", f.config, "crawl"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);

  json leads = f.Json({"leads", "--format", "json", "--min-score", "0"})["leads"];
  REQUIRE(leads.is_array());

  {  // every planted linking group is one lead with its contacts
    for (const farm::PlantedGroup& group : f.farm.planted()) {
      if (group.name == "legit-repeat-employer" || group.name == "rotating-template") continue;
      CAPTURE(group.name);
      REQUIRE_FALSE(group.advert_urls.empty());
      const json* lead = LeadContaining(leads, group.advert_urls.front());
      REQUIRE(lead != nullptr);
      std::set<std::string> urls = UrlsOf(*lead);
      for (const std::string& url : group.advert_urls) CHECK(urls.count(url) == 1);
      auto phones = (*lead)["entities"]["phones"].get<std::vector<std::string>>();
      auto postcodes = (*lead)["entities"]["postcodes"].get<std::vector<std::string>>();
      if (group.name == "shared-phone-circuit") {
        for (const auto& p : group.phones_e164)
          CHECK(std::count(phones.begin(), phones.end(), p) == 1);
      }
      for (const auto& pc : group.postcodes)
        CHECK(std::count(postcodes.begin(), postcodes.end(), pc) == 1);
      CHECK((*lead)["score"].get<double>() > 0);
      CHECK_FALSE((*lead)["reasons"].empty());
    }
  }

  {  // leads are sorted by score and carry the contract's fields
    double previous = 1e9;
    for (const json& lead : leads) {
      CHECK(lead["id"].get<std::string>().rfind("L-", 0) == 0);
      CHECK(lead["score"].get<double>() <= previous);
      previous = lead["score"].get<double>();
      for (const char* key : {"status", "reasons", "entities", "adverts"})
        CHECK(lead.contains(key));
      for (const json& advert : lead["adverts"]) {
        for (const char* key : {"id", "url", "site", "title", "first_seen", "last_seen", "sha256",
                                "phones", "emails", "postcodes", "indicators"}) {
          CAPTURE(key);
          CHECK(advert.contains(key));
        }
        CHECK(advert["sha256"].get<std::string>().size() == 64);
      }
    }
  }

  {  // no site footer contact links adverts or appears as a lead entity
    for (const farm::FarmSite& site : f.farm.sites()) {
      for (const json& lead : leads) {
        auto phones = lead["entities"]["phones"].get<std::vector<std::string>>();
        auto emails = lead["entities"]["emails"].get<std::vector<std::string>>();
        CHECK(std::count(phones.begin(), phones.end(), site.footer_phone_e164) == 0);
        CHECK(std::count(emails.begin(), emails.end(), site.footer_email) == 0);
      }
    }
  }

  {  // robots-disallowed paths were never requested
    int disallowed_sites = 0;
    for (const farm::FarmSite& site : f.farm.sites()) {
      if (site.disallowed_prefix.empty()) continue;
      ++disallowed_sites;
      for (const farm::FarmRequest& r : f.farm.requests()) {
        if (r.port != site.port) continue;
        CAPTURE(r.path);
        CHECK(r.path.rfind(site.disallowed_prefix, 0) != 0);
      }
    }
    CHECK(disallowed_sites >= 1);
  }

  {  // no two requests to one port came closer than per_host_delay_ms
    std::map<int, std::vector<farm::FarmRequest>> by_port;
    for (const farm::FarmRequest& r : f.farm.requests()) by_port[r.port].push_back(r);
    CHECK(by_port.size() == f.farm.sites().size());
    for (auto& [port, requests] : by_port) {
      CAPTURE(port);
      for (size_t i = 1; i < requests.size(); ++i) {
        auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(requests[i].received -
                                                                         requests[i - 1].responded);
        CAPTURE(requests[i].path, gap.count());
        CHECK(gap.count() >= kDelayMs);
      }
    }
  }

  {  // a second crawl adds no duplicate adverts
    json before = f.Json({"query", "--format", "json"})["adverts"];
    size_t crawlable = 0;
    for (const farm::FarmAdvert& a : f.farm.adverts()) crawlable += a.disallowed_by_robots ? 0 : 1;
    CHECK(before.size() == crawlable);
    auto again = RunPlainsight({"--config", f.config, "crawl"});
    REQUIRE(again.exit_code == 0);
    json after = f.Json({"query", "--format", "json"})["adverts"];
    CHECK(after.size() == before.size());
    std::set<std::string> ids;
    for (const json& a : after) ids.insert(a["id"].get<std::string>());
    CHECK(ids.size() == after.size());
  }

  {  // query by phone finds the circuit however it was written
    for (const farm::PlantedGroup& group : f.farm.planted()) {
      if (group.name != "shared-phone-circuit") continue;
      std::string national = "0" + group.phones_e164.front().substr(3);
      json found = f.Json({"query", "--phone", national, "--format", "json"})["adverts"];
      CHECK(found.size() == group.advert_urls.size());
    }
  }
}

TEST_CASE("EndToEnd_BadConfig_ExitsOneNamingFileAndLine") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-badcfg-XXXXXX").string();
  std::string dir = ::mkdtemp(tmpl.data());
  std::string path = dir + "/bad.toml";
  std::ofstream(path) << "[crawl]\nconcurrency = -4\n";
  auto run = RunPlainsight({"--config", path, "crawl"});
  CHECK(run.exit_code == 1);
  CHECK(run.err ==
        "plainsight: " + path + ":2: crawl.concurrency must be between 1 and 1024, got -4\n");
  fs::remove_all(dir);
}

TEST_CASE("EndToEnd_StoreLockedByAnotherRun_ExitsTwo") {
  FarmRun f;
  // Hold the store's lock from a second process: a long crawl of the farm.
  REQUIRE(RunPlainsight({"--config", f.config, "correlate"}).exit_code == 0);
  pid_t pid = fork();
  if (pid == 0) {
    execl(PLAINSIGHT_BINARY, PLAINSIGHT_BINARY, "--config", f.config.c_str(), "crawl", "-q",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the crawler has the lock (its first requests reach the farm).
  for (int i = 0; i < 200 && f.farm.requests().empty(); ++i) usleep(20000);
  auto second = RunPlainsight({"--config", f.config, "correlate"});
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("locked by another plainsight process") != std::string::npos);
}

}  // namespace
}  // namespace plainsight
