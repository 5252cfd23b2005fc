// End to end: `plainsight site probe` against every site of both test
// farms. For each site the real binary probes the listing page the
// hand-written config seeds from; the proposals are written into a config
// of their own; both configs are crawled by the real binary into real
// RocksDB stores and `query --format json` lists what each stored. The
// proposal must reach at least 98% of the adverts the hand-written config
// reaches, and nothing else; where the hand-written config names title,
// location or posted selectors, the proposal must read the same values.
// The figures are printed for each site.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/farm2/config_toml.h"
#include "tests/farm2/farm2.h"
#include "tests/support/farm_config.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

constexpr double kMinReached = 0.98;

struct ProbeTarget {
  std::string name;     // the hand-written site's name, given as --name
  std::string kind;     // the hand-written site's kind
  std::string listing;  // the hand-written config's seed
  std::set<std::string> hand_fields;  // fields the hand-written config has selectors for
};

// The advert fields compared between the two crawls.
const char* const kFields[] = {"title", "location", "posted"};

struct SiteFigures {
  std::string farm;
  ProbeTarget target;
  testing::RunResult probe;
  std::string guessed_kind;
  std::set<std::string> hand;
  std::set<std::string> proposed;
  std::size_t reached = 0;
  std::size_t extra = 0;
  std::map<std::string, std::size_t> agreeing;  // field -> reached adverts where both read the same
};

// url -> the advert's stored fields.
using Stored = std::map<std::string, std::map<std::string, std::string>>;

std::string Dir() {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-probe-e2e-XXXXXX").string();
  return ::mkdtemp(tmpl.data());
}

// The config up to its first [[sites]] table: store, crawl, packs.
std::string Header(const std::string& toml) {
  std::size_t at = toml.find("\n[[sites]]");
  return at == std::string::npos ? toml : toml.substr(0, at + 1);
}

std::string Write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

// site name -> url -> fields, as a crawl with `config` stored them.
std::map<std::string, Stored> CrawlAndList(const std::string& config) {
  auto crawl = RunPlainsight({"--config", config, "crawl"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);
  auto query = RunPlainsight({"--config", config, "query", "--format", "json"});
  INFO(query.err);
  REQUIRE(query.exit_code == 0);
  std::map<std::string, Stored> out;
  const json doc = json::parse(query.out);
  for (const json& advert : doc["adverts"]) {
    auto& fields = out[advert["site"].get<std::string>()][advert["url"].get<std::string>()];
    for (const char* field : kFields) fields[field] = advert.value(field, "");
  }
  return out;
}

std::string KindLine(const std::string& toml) {
  std::size_t at = toml.find("\nkind = \"");
  if (at == std::string::npos) return "";
  at += 9;
  return toml.substr(at, toml.find('"', at) - at);
}

// Probes every target with the hand-written config's [crawl] settings,
// crawls with both configs and compares what they stored.
std::vector<SiteFigures> Compare(const std::string& farm, const std::string& dir,
                                 const std::string& hand_toml, const std::string& probe_header,
                                 const std::vector<ProbeTarget>& targets) {
  const std::string hand_config = Write(dir + "/hand.toml", hand_toml);
  std::vector<SiteFigures> figures;
  std::string proposal = probe_header;
  for (const ProbeTarget& target : targets) {
    SiteFigures f;
    f.farm = farm;
    f.target = target;
    f.probe = RunPlainsight(
        {"--config", hand_config, "site", "probe", target.listing, "--name", target.name});
    f.guessed_kind = KindLine(f.probe.out);
    if (f.probe.exit_code == 0) proposal += "\n" + f.probe.out;
    figures.push_back(std::move(f));
  }
  const std::string probe_config = Write(dir + "/probe.toml", proposal);
  auto hand = CrawlAndList(hand_config);
  auto proposed = CrawlAndList(probe_config);
  for (SiteFigures& f : figures) {
    const Stored& hand_adverts = hand[f.target.name];
    const Stored& proposed_adverts = proposed[f.target.name];
    for (const auto& [url, fields] : hand_adverts) f.hand.insert(url);
    for (const auto& [url, fields] : proposed_adverts) {
      f.proposed.insert(url);
      auto it = hand_adverts.find(url);
      if (it == hand_adverts.end()) {
        ++f.extra;
        continue;
      }
      ++f.reached;
      for (const char* field : kFields) {
        if (fields.at(field) == it->second.at(field)) ++f.agreeing[field];
      }
    }
    char line[320];
    std::snprintf(line, sizeof line,
                  "site probe: %-6s %-22s reached %3zu / hand-written %3zu, extra %zu; same title "
                  "%zu, location %zu, posted %zu; kind %s (hand-written %s)\n",
                  f.farm.c_str(), f.target.name.c_str(), f.reached, f.hand.size(), f.extra,
                  f.agreeing["title"], f.agreeing["location"], f.agreeing["posted"],
                  f.guessed_kind.c_str(), f.target.kind.c_str());
    std::cout << line << std::flush;
  }
  return figures;
}

void Check(const std::vector<SiteFigures>& figures) {
  for (const SiteFigures& f : figures) {
    CAPTURE(f.farm, f.target.name, f.target.listing);
    INFO("probe stderr:\n" << f.probe.err << "\nprobe stdout:\n" << f.probe.out);
    REQUIRE(f.probe.exit_code == 0);
    CHECK_FALSE(f.hand.empty());
    CHECK(static_cast<double>(f.reached) >= kMinReached * static_cast<double>(f.hand.size()));
    CHECK(f.extra == 0);
    CHECK(f.guessed_kind == f.target.kind);
    // Where the hand-written config names a field, the proposal reads the
    // same value on (nearly) every advert both crawls stored.
    for (const std::string& field : f.target.hand_fields) {
      if (std::find(std::begin(kFields), std::end(kFields), field) == std::end(kFields)) continue;
      CAPTURE(field);
      auto it = f.agreeing.find(field);
      std::size_t agreeing = it == f.agreeing.end() ? 0 : it->second;
      CHECK(static_cast<double>(agreeing) >= kMinReached * static_cast<double>(f.reached));
    }
  }
}

TEST_CASE("SiteProbe_EveryFarmSite_ProposalReachesTheHandWrittenAdvertsAndNoOthers") {
  const std::string dir = Dir();
  constexpr int kDelayMs = 20;
  SECTION("farm") {
    farm::Farm farm;
    REQUIRE(farm.Start().ok());
    std::vector<ProbeTarget> targets;
    for (const farm::FarmSite& site : farm.sites()) {
      std::set<std::string> fields;
      if (site.has_field_selectors) fields = {"title", "body", "location", "posted"};
      targets.push_back({site.name, site.kind, site.seeds.front(), fields});
    }
    auto hand = testing::FarmConfigToml(farm, testing::FarmConfigOptions(dir + "/hand-store", kDelayMs));
    auto probe = testing::FarmConfigToml(farm, testing::FarmConfigOptions(dir + "/probe-store", kDelayMs));
    auto figures = Compare("farm", dir, hand, Header(probe), targets);
    farm.Stop();
    Check(figures);
  }
  SECTION("farm2") {
    farm2::Farm2 farm;
    REQUIRE(farm.Start().ok());
    std::vector<ProbeTarget> targets;
    for (int s = 0; s < farm.site_count(); ++s) {
      const farm2::SiteLayout& layout = farm.layout(s);
      std::set<std::string> fields;
      for (const auto& [field, selector] : layout.FieldSelectors()) fields.insert(field);
      targets.push_back({layout.info().name,
                         layout.info().kind == farm2::Kind::kAdult ? "adult" : "jobs",
                         farm.base_url(s) + layout.ListingTarget(1), fields});
    }
    farm2::ConfigOptions options;
    options.store_path = dir + "/hand-store";
    std::string hand = farm2::ConfigToml(farm, options);
    options.store_path = dir + "/probe-store";
    std::string probe = farm2::ConfigToml(farm, options);
    auto figures = Compare("farm2", dir, hand, Header(probe), targets);
    farm.Stop();
    Check(figures);
  }
  fs::remove_all(dir);
}

TEST_CASE("SiteProbe_Fetching_RobotsFirstDisallowedNeverAskedDelayKept") {
  const std::string dir = Dir();
  constexpr int kDelayMs = 250;
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const std::string config = testing::WriteFarmConfig(
      farm, testing::FarmConfigOptions(dir + "/store", kDelayMs), dir + "/plainsight.toml");
  // velvet-rooms: robots.txt disallows /private/, which its listing links.
  const farm::FarmSite* velvet = nullptr;
  for (const farm::FarmSite& site : farm.sites()) {
    if (!site.disallowed_prefix.empty()) velvet = &site;
  }
  REQUIRE(velvet != nullptr);
  farm.ClearRequests();
  auto run = RunPlainsight({"--config", config, "site", "probe", velvet->seeds.front()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("disallowed by robots.txt") != std::string::npos);
  std::vector<farm::FarmRequest> requests;
  for (const farm::FarmRequest& r : farm.requests()) {
    if (r.port == velvet->port) requests.push_back(r);
  }
  REQUIRE_FALSE(requests.empty());
  CHECK(requests.front().path == "/robots.txt");
  // robots.txt, 2 listing pages, at most 6 advert pages.
  CHECK(requests.size() <= 9);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    CAPTURE(requests[i].path);
    CHECK(requests[i].path.rfind(velvet->disallowed_prefix, 0) != 0);
    CHECK(requests[i].user_agent == "plainsight/1.0 (+https://example.org/contact)");
    if (i == 0) continue;
    auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(requests[i].received -
                                                                     requests[i - 1].responded);
    CHECK(gap.count() >= kDelayMs);
  }
  farm.Stop();
  fs::remove_all(dir);
}

TEST_CASE("SiteProbe_BadInput_ExitsOneAndUnreadableSiteExitsThree") {
  const std::string dir = Dir();
  farm::Farm farm;
  REQUIRE(farm.Start().ok());
  const std::string config = testing::WriteFarmConfig(
      farm, testing::FarmConfigOptions(dir + "/store", 20), dir + "/plainsight.toml");
  static const struct {
    std::vector<std::string> args;
    int exit_code;
    const char* message;
  } cases[] = {
      {{"site", "probe", "ftp://example.org/"}, 1,
       "plainsight: site probe: not an http(s) URL: 'ftp://example.org/'\n"},
      {{"site", "probe", "http://example.org/", "--name", "Bad Name"}, 1,
       "plainsight: site probe: --name 'Bad Name' must match [a-z0-9-]+\n"},
      {{"site", "probe", "http://example.org/", "--kind", "cars"}, 1, nullptr},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"--config", config, "-q"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(args);
    auto run = RunPlainsight(args);
    CHECK(run.exit_code == c.exit_code);
    CHECK(run.out.empty());
    if (c.message != nullptr) CHECK(run.err == c.message);
  }
  // A listing page that answers 404: the site failed.
  const std::string missing = farm.sites().front().base_url + "/no-such-listing";
  auto run = RunPlainsight({"--config", config, "-q", "site", "probe", missing});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(run.err == "plainsight: site probe: HTTP 404 for " + missing + "\n");
  auto help = RunPlainsight({"site", "probe", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Example") != std::string::npos);
  farm.Stop();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plainsight
