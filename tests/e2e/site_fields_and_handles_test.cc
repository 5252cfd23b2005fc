// A small site on 127.0.0.1 whose adverts give messaging names and keep
// pay and the employer in their own elements (issue 13 items 2 and 4):
//
// SiteFields_CrawlAndExtractSite_AgreeOnEveryAdvert: the crawl and
//   `extract --site` build the site's extractor in one place, so what the
//   store holds for each advert is what `extract --site` prints for its
//   page (phones, e-mails, handles, pay, company, indicators).
// Handles_*: WhatsApp, Telegram, Snapchat and Signal names are stored,
//   found by `query --handle`, link adverts into one lead like phones, and
//   are listed in the lead's `entities.handles` and `links`.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/farm/request_log.h"
#include "tests/farm/site_server.h"
#include "tests/farm2/site_router.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string AdvertPage(const std::string& title, const std::string& salary,
                       const std::string& company, const std::string& body) {
  return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><main><h1>" + title +
         "</h1><p class=\"salary\">" + salary + "</p><p class=\"company\">" + company +
         "</p><div class=\"description\">" + body + "</div></main></body></html>";
}

// Four adverts: three joined only by messaging names (a Telegram name on
// two, a WhatsApp number written on one and linked on another), one
// unrelated. Pay is written without a currency sign in the salary element.
std::map<std::string, std::string> SitePages() {
  std::map<std::string, std::string> pages;
  pages["/robots.txt"] = "User-agent: *\nAllow: /\n";
  pages["/jobs"] =
      "<html><body><h1>Jobs</h1><ul><li><a href=\"/job/1\">Packer</a></li>"
      "<li><a href=\"/job/2\">Picker</a></li><li><a href=\"/job/3\">Cleaner</a></li>"
      "<li><a href=\"/job/4\">Driver</a></li></ul></body></html>";
  pages["/job/1"] = AdvertPage(
      "Packer", "7.00 to 9.00 per hour", "Lane Staffing",
      "<p>Packers needed now. Accommodation provided, transport to work daily. "
      "Message Telegram @rosie_lane or WhatsApp 07700 900311.</p>");
  pages["/job/2"] = AdvertPage(
      "Picker", "6.50 per hour", "Lane Staffing",
      "<p>Pickers for a farm, start tomorrow. Accommodation provided. Contact us: "
      "<a href=\"https://t.me/rosie_lane\">our Telegram</a>.</p>");
  pages["/job/3"] = AdvertPage(
      "Cleaner", "300 per week", "Lane Staffing",
      "<p>Cleaners wanted, cash weekly. Accommodation provided. "
      "<a href=\"https://wa.me/447700900311\">Chat with us</a>.</p>");
  pages["/job/4"] = AdvertPage(
      "Driver", "25k - 30k per annum", "Example Haulage",
      "<p>Class 2 driver for local deliveries. Apply by e-mail to jobs@example.org or on "
      "Snapchat: haul.team</p>");
  return pages;
}

class SmallSite {
 public:
  SmallSite() {
    auto router = std::make_shared<farm2::Farm2Router>("lane-jobs", SitePages(), "Not found");
    server_ = std::make_unique<farm::SiteServer>(router, &log_);
    REQUIRE(server_->Start().ok());
    char tmpl[] = "/tmp/plainsight-handles-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    const std::string base = server_->base_url();
    std::string escaped;
    for (char c : base) {
      if (c == '.' || c == ':' || c == '/') escaped += '\\';
      escaped += c;
    }
    config_ = dir_ + "/plainsight.toml";
    std::ofstream(config_)
        << "gazetteer = \"" PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv\"\n"
        << "[store]\npath = \"" << dir_ << "/store\"\nwarc = false\n"
        << "[crawl]\nper_host_delay_ms = 10\nallow_private_addresses = true\n"
        << "[[patterns]]\npath = \"" PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml\"\n"
        << "[[sites]]\nname = \"lane-jobs\"\nkind = \"jobs\"\n"
        << "seeds = [\"" << base << "/jobs\"]\n"
        << "follow = ['^" << escaped << "\\/jobs$']\n"
        << "adverts = ['^" << escaped << "\\/job\\/\\d+$']\n"
        << "  [sites.fields]\n  title = \"h1\"\n  salary = \"p.salary\"\n"
        << "  company = \"p.company\"\n  body = \"div.description\"\n";
  }
  ~SmallSite() {
    server_->Stop();
    if (std::getenv("PLAINSIGHT_KEEP") == nullptr) fs::remove_all(dir_);
  }
  SmallSite(const SmallSite&) = delete;
  SmallSite& operator=(const SmallSite&) = delete;

  testing::RunResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config_});
    return testing::RunPlainsight(args);
  }
  const std::string& dir() const { return dir_; }
  std::string base_url() const { return server_->base_url(); }

 private:
  farm::RequestLog log_;
  std::unique_ptr<farm::SiteServer> server_;
  std::string dir_;
  std::string config_;
};

json QueryJson(const SmallSite& site, std::vector<std::string> filter) {
  filter.insert(filter.begin(), "query");
  filter.insert(filter.end(), {"--format", "json"});
  auto run = site.Run(filter);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}

std::set<std::string> Paths(const json& adverts, const std::string& base) {
  std::set<std::string> paths;
  for (const json& a : adverts) paths.insert(a["url"].get<std::string>().substr(base.size()));
  return paths;
}

std::set<std::string> Ids(const json& hits) {
  std::set<std::string> ids;
  for (const json& hit : hits) ids.insert(hit["id"].get<std::string>());
  return ids;
}

TEST_CASE("SiteFields_CrawlAndExtractSite_AgreeOnEveryAdvert") {
  SmallSite site;
  auto crawl = site.Run({"crawl"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);
  const json stored = QueryJson(site, {})["adverts"];
  REQUIRE(stored.size() == 4);
  const auto pages = SitePages();
  for (const json& advert : stored) {
    const std::string path = advert["url"].get<std::string>().substr(site.base_url().size());
    INFO(path);
    const std::string file = site.dir() + "/page.html";
    std::ofstream(file) << pages.at(path);
    auto run = site.Run({"extract", file, "--site", "lane-jobs", "--format", "json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const json x = json::parse(run.out);
    CHECK(x["phones"] == advert["phones"]);
    CHECK(x["emails"] == advert["emails"]);
    CHECK(x["handles"] == advert["handles"]);
    CHECK(x["company"] == advert["company"]);
    CHECK(x["pay"] == advert["pay"]);
    CHECK(Ids(x["indicators"]) == Ids(advert["indicators"]));
    // Pay from the salary element: no currency sign, read in pounds.
    REQUIRE_FALSE(advert["pay"].empty());
    CHECK(advert["pay"][0]["currency"] == "GBP");
  }
  const json packer = QueryJson(site, {"--text", "Packers needed"})["adverts"];
  REQUIRE(packer.size() == 1);
  CHECK(packer[0]["company"] == "Lane Staffing");
  CHECK(packer[0]["pay"][0]["amount"] == 7.0);
  CHECK(packer[0]["pay"][0]["amount_max"] == 9.0);
}

TEST_CASE("Handles_StoredQueriedAndLinkedLikePhones") {
  SmallSite site;
  auto crawl = site.Run({"crawl"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);
  const std::string base = site.base_url();

  static const struct {
    const char* handle;  // as an analyst types it
    std::set<std::string> paths;
  } kQueries[] = {
      {"telegram:@rosie_lane", {"/job/1", "/job/2"}},
      {"Telegram:Rosie_Lane", {"/job/1", "/job/2"}},
      {"whatsapp:07700 900311", {"/job/1", "/job/3"}},
      {"whatsapp:+447700900311", {"/job/1", "/job/3"}},
      {"snapchat:haul.team", {"/job/4"}},
      {"telegram:@nobody_here", {}},
  };
  for (const auto& q : kQueries) {
    INFO(q.handle);
    CHECK(Paths(QueryJson(site, {"--handle", q.handle})["adverts"], base) == q.paths);
  }
  auto bad = site.Run({"query", "--handle", "rosie_lane"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("SERVICE:NAME"));

  // The WhatsApp link's number is the advert's phone too.
  const json cleaner = QueryJson(site, {"--text", "Cleaners wanted"})["adverts"];
  REQUIRE(cleaner.size() == 1);
  CHECK(cleaner[0]["handles"] == json::array({"whatsapp:+447700900311"}));
  CHECK(cleaner[0]["phones"] == json::array({"+447700900311"}));

  auto correlate = site.Run({"correlate"});
  INFO(correlate.err);
  REQUIRE(correlate.exit_code == 0);
  auto leads_run = site.Run({"leads", "--min-score", "0", "--format", "json"});
  REQUIRE(leads_run.exit_code == 0);
  const json leads = json::parse(leads_run.out)["leads"];
  const json* joined = nullptr;
  for (const json& lead : leads) {
    if (lead["adverts"].size() == 3) joined = &lead;
  }
  INFO(leads.dump(1));
  REQUIRE(joined != nullptr);
  CHECK(Paths((*joined)["adverts"], base) == std::set<std::string>{"/job/1", "/job/2", "/job/3"});
  CHECK((*joined)["entities"]["handles"] == json::array({"telegram:@rosie_lane"}));
  bool handle_link = false;
  for (const json& link : (*joined)["links"]) {
    if (link["type"] == "handle" && link["value"] == "telegram:@rosie_lane") {
      handle_link = link["strength"] == "strong" && link["adverts"] == 2;
    }
  }
  CHECK(handle_link);

  // `show` and the advert export list the handles too.
  auto show = site.Run({"show", (*joined)["adverts"][0]["id"].get<std::string>()});
  CHECK_THAT(show.out, Catch::Contains("handles:"));
  auto exported = site.Run({"export", "--format", "csv"});
  INFO(exported.err);
  CHECK_THAT(exported.out, Catch::Contains("telegram:@rosie_lane"));
}

}  // namespace
}  // namespace plainsight
