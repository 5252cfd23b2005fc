// Tests for the farm's hostile-board fault endpoints and traps, conditional
// GETs, the sitemap and canonical links, and change over time
// (AdvanceDay).
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/farm/gzip_bomb.h"
#include "tests/farm/streamed_bodies.h"

namespace plainsight::farm {
namespace {

using std::chrono::steady_clock;

struct FetchOptions {
  bool follow = false;
  long max_redirects = 10;
  long timeout_ms = 10000;
  bool accept_gzip = false;  // send Accept-Encoding and let curl decode
  std::vector<std::string> headers;
};

struct Fetched {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-case names, last value
  std::string body;
  long redirects = 0;
  std::string final_url;
};

size_t AppendBody(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* out) {
  const std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * count;
}

Fetched Fetch(const std::string& url, const FetchOptions& options = {}) {
  Fetched result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> list(nullptr, &curl_slist_free_all);
  for (const std::string& h : options.headers) list.reset(curl_slist_append(list.release(), h.c_str()));
  CURL* e = curl.get();
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &result.headers);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, options.follow ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, options.max_redirects);
  if (options.accept_gzip) curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  if (list) curl_easy_setopt(e, CURLOPT_HTTPHEADER, list.get());
  result.code = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &result.status);
  curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &result.redirects);
  char* final_url = nullptr;
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &final_url);
  if (final_url != nullptr) result.final_url = final_url;
  return result;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string PathOf(const std::string& url) {
  const auto slash = url.find('/', url.find("//") + 2);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

// Waits up to `limit` for the farm to have no streamed body in flight.
bool StreamsDrain(const Farm& farm, std::chrono::milliseconds limit) {
  const auto deadline = steady_clock::now() + limit;
  while (farm.open_streams() != 0) {
    if (steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// One farm for the stateless HTTP tests; tests with counters or days make
// their own.
Farm& ServedFarm() {
  static Farm farm;
  static const Status started = farm.Start();
  if (!started.ok()) FAIL("farm did not start: " << started.ToString());
  return farm;
}

const FarmSite& SiteNamed(const Farm& farm, const std::string& name) {
  for (const FarmSite& site : farm.sites()) {
    if (site.name == name) return site;
  }
  FAIL("no site " << name);
  return farm.sites().front();
}

// Every listing page of a site, following page numbers until a 404.
std::string AllListings(const FarmSite& site) {
  std::string all;
  const std::string seed = site.seeds.front();
  const std::string stem = seed.substr(0, seed.size() - 1);  // seeds end in page "1"
  for (int page = 1; page < 100; ++page) {
    Fetched f = Fetch(stem + std::to_string(page));
    if (f.status != 200) break;
    all += f.body;
  }
  return all;
}

TEST_CASE("Hostile_FixedEndpoints_StatusTypeAndBody") {
  Farm& farm = ServedFarm();
  const HostileEndpoints urls = farm.HostileUrls();
  static const struct {
    const char* name;
    long status;
    const char* content_type;
    const char* body_has;
    const char* location;  // Location header, "" if none
  } kCases[] = {
      {"pdf", 200, "application/pdf", "%PDF-1.4", ""},
      {"latin1", 200, "text/html", "<meta charset=\"ISO-8859-1\">", ""},
      {"latin1", 200, "text/html", "\xA3" "12.60 per hour", ""},
      {"latin1", 200, "text/html", "Caf\xE9 kitchen porter", ""},
      {"broken", 200, "text/html; charset=utf-8", "07700 900777", ""},
      {"broken", 200, "text/html; charset=utf-8", "£5 per hour, 60 hours a week", ""},
      {"broken", 200, "text/html; charset=utf-8", "</div></div></div></span>", ""},
      {"loop1", 302, "text/html; charset=utf-8", "Moved", "loop2"},
      {"loop2", 302, "text/html; charset=utf-8", "Moved", "loop1"},
      {"private-redirect", 302, "text/html; charset=utf-8", "Moved", "private"},
  };
  const std::map<std::string, std::string> by_name = {
      {"pdf", urls.pdf},       {"latin1", urls.latin1}, {"broken", urls.broken},
      {"loop1", urls.loop1},   {"loop2", urls.loop2},   {"private-redirect", urls.private_redirect}};
  const std::map<std::string, std::string> locations = {
      {"loop1", urls.loop1},
      {"loop2", urls.loop2},
      {"private", "http://169.254.169.254/latest/meta-data/"},
      {"", ""}};
  for (const auto& c : kCases) {
    CAPTURE(c.name, c.body_has);
    Fetched f = Fetch(by_name.at(c.name));
    CHECK(f.code == CURLE_OK);
    CHECK(f.status == c.status);
    CHECK(f.headers["content-type"] == c.content_type);
    CHECK(Contains(f.body, c.body_has));
    CHECK(f.headers["location"] == locations.at(c.location));
  }
}

TEST_CASE("Hostile_BrokenHtml_NestsFiveThousandDeep") {
  const Fetched f = Fetch(ServedFarm().HostileUrls().broken);
  std::size_t opened = 0;
  for (auto at = f.body.find("<div>"); at != std::string::npos; at = f.body.find("<div>", at + 1)) ++opened;
  CHECK(opened >= 5000);
}

TEST_CASE("Hostile_Redirects_ChainEndsLoopNever") {
  Farm& farm = ServedFarm();
  const HostileEndpoints urls = farm.HostileUrls();
  static const struct {
    const char* what;
    long max_redirects;
    CURLcode code;
    long redirects;
  } kCases[] = {
      {"chain", 10, CURLE_OK, 7},
      {"chain", 6, CURLE_TOO_MANY_REDIRECTS, 6},
      {"loop", 50, CURLE_TOO_MANY_REDIRECTS, 50},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what, c.max_redirects);
    FetchOptions options;
    options.follow = true;
    options.max_redirects = c.max_redirects;
    const std::string& start = std::string(c.what) == "chain" ? urls.redirect_chain : urls.loop1;
    Fetched f = Fetch(start, options);
    CHECK(f.code == c.code);
    CHECK(f.redirects == c.redirects);
    if (c.code == CURLE_OK) {
      CHECK(f.status == 200);
      CHECK(f.final_url == urls.redirect_chain_end);
      CHECK(Contains(f.body, "seven redirects"));
    }
  }
}

TEST_CASE("Hostile_RateLimitedAndFlaky_FailThenRecoverPerFarm") {
  Farm farm;
  REQUIRE(farm.Start().ok());
  const HostileEndpoints urls = farm.HostileUrls();
  static const struct {
    const char* name;
    std::vector<long> statuses;  // for consecutive requests
    const char* retry_after;     // on the first
  } kCases[] = {
      {"rate-limited", {429, 200, 200}, "2"},
      {"flaky", {503, 503, 200, 200}, ""},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.name);
    const std::string& url = std::string(c.name) == "flaky" ? urls.flaky : urls.rate_limited;
    for (std::size_t i = 0; i < c.statuses.size(); ++i) {
      CAPTURE(i);
      Fetched f = Fetch(url);
      CHECK(f.status == c.statuses[i]);
      if (i == 0) CHECK(f.headers["retry-after"] == c.retry_after);
    }
  }
  // The counters belong to the farm, not to one Start().
  farm.Stop();
  REQUIRE(farm.Start().ok());
  CHECK(Fetch(farm.HostileUrls().flaky).status == 200);
}

TEST_CASE("Hostile_GzipBomb_SmallOnTheWireZerosInside") {
  const std::string url = ServedFarm().HostileUrls().bomb;
  static const struct {
    bool client_asks_for_gzip;
  } kCases[] = {{false}, {true}};
  for (const auto& c : kCases) {
    CAPTURE(c.client_asks_for_gzip);
    FetchOptions options;
    // Ask for gzip without letting curl inflate 500 MiB.
    if (c.client_asks_for_gzip) options.headers = {"Accept-Encoding: gzip"};
    Fetched f = Fetch(url, options);
    REQUIRE(f.code == CURLE_OK);
    CHECK(f.status == 200);
    CHECK(f.headers["content-encoding"] == "gzip");
    CHECK(f.headers["content-type"] == "text/html; charset=utf-8");
    CHECK(f.body.size() > 100 * 1024);
    CHECK(f.body.size() < 2 * 1024 * 1024);
    CHECK(f.headers["content-length"] == std::to_string(f.body.size()));
    auto inflated = GunzipPrefix(f.body, 1024 * 1024);
    REQUIRE(inflated.ok());
    CHECK(inflated->size() == 1024 * 1024);
    CHECK(std::count(inflated->begin(), inflated->end(), '\0') == 1024 * 1024);
  }
}

TEST_CASE("Hostile_Huge_TwentyMegabytesWithLength") {
  Fetched f = Fetch(ServedFarm().HostileUrls().huge, {false, 10, 30000, false, {}});
  REQUIRE(f.code == CURLE_OK);
  CHECK(f.status == 200);
  CHECK(f.headers["content-length"] == std::to_string(kHugeBodyBytes));
  CHECK(f.body.size() == kHugeBodyBytes);
  CHECK(f.body.rfind("<!doctype html>", 0) == 0);
  CHECK(f.body.substr(f.body.size() - 15) == "</body></html>\n");
}

TEST_CASE("Hostile_Truncated_DeclaresTenThousandSendsThreeThousand") {
  Fetched f = Fetch(ServedFarm().HostileUrls().truncated);
  CHECK(f.code == CURLE_PARTIAL_FILE);
  CHECK(f.status == 200);
  CHECK(f.headers["content-length"] == "10000");
  CHECK(f.body.size() == 3000);
}

TEST_CASE("Hostile_EndlessAndSlow_PartialDataThenServerLetsGo") {
  Farm farm;
  REQUIRE(farm.Start().ok());
  const HostileEndpoints urls = farm.HostileUrls();
  static const struct {
    const char* name;
    bool accept_gzip;
    long timeout_ms;
    std::size_t min_bytes;
    std::size_t max_bytes;
    const char* framing_header;
    const char* framing_value;
    long drain_ms;  // how soon the server must notice the client left
  } kCases[] = {
      // ~20 chunks a second.
      {"endless", false, 1000, 200, 100000, "transfer-encoding", "chunked", 1000},
      // httplib would gzip (and buffer) a chunked body if asked; it must not.
      {"endless", true, 1000, 200, 100000, "transfer-encoding", "chunked", 1000},
      // One byte at once, then one every 2 s.
      {"slow", false, 3000, 1, 2, "content-length", "150", 4500},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.name, c.accept_gzip);
    FetchOptions options;
    options.accept_gzip = c.accept_gzip;
    options.timeout_ms = c.timeout_ms;
    Fetched f = Fetch(std::string(c.name) == "slow" ? urls.slow : urls.endless, options);
    CHECK(f.code == CURLE_OPERATION_TIMEDOUT);
    CHECK(f.status == 200);
    CHECK(f.headers[c.framing_header] == c.framing_value);
    CHECK(f.headers.count("content-encoding") == 0);
    CHECK(f.body.size() >= c.min_bytes);
    CHECK(f.body.size() <= c.max_bytes);
    CHECK(StreamsDrain(farm, std::chrono::milliseconds(c.drain_ms)));
  }
}

TEST_CASE("Lifecycle_StopDuringEndlessTransfer_ReturnsPromptly") {
  Farm farm;
  REQUIRE(farm.Start().ok());
  Fetched endless;
  std::thread client([&] { endless = Fetch(farm.HostileUrls().endless, {false, 10, 60000, false, {}}); });
  const auto deadline = steady_clock::now() + std::chrono::seconds(5);
  while (farm.open_streams() == 0 && steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // some chunks flow
  REQUIRE(farm.open_streams() == 1);
  const auto before = steady_clock::now();
  farm.Stop();
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(steady_clock::now() - before);
  client.join();
  CAPTURE(took.count());
  CHECK(took.count() < 2000);
  CHECK(endless.code != CURLE_OK);  // the reply never completed
  CHECK(Contains(endless.body, "part 1"));
}

TEST_CASE("Hostile_Traps_PaginationNeverEndsPathRepeats") {
  Farm& farm = ServedFarm();
  const FarmSite& hostile = farm.hostile_site();
  const std::string base = hostile.base_url;
  static const struct {
    const char* path;
    const char* links_to;       // an href the page must carry
    bool has_vacancies;         // links to /job/ pages
  } kCases[] = {
      {"/list?page=1", "/list?page=2", true},
      {"/list?page=3", "/list?page=4", true},
      {"/list?page=4", "/list?page=5", false},
      {"/list?page=1000", "/list?page=1001", false},
      {"/a/", "href=\"a/\"", false},
      {"/a/a/a/a/a/a/", "href=\"a/\"", false},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.path);
    Fetched f = Fetch(base + c.path);
    CHECK(f.status == 200);
    CHECK(Contains(f.body, c.links_to));
    CHECK(Contains(f.body, "href=\"/job/") == c.has_vacancies);
    const bool followed = std::regex_match(base + c.path, std::regex(hostile.follow.front())) ||
                          std::regex_match(base + c.path, std::regex(hostile.follow.back()));
    CHECK(followed);
  }
  CHECK(Fetch(base + "/a/b/").status == 404);
}

TEST_CASE("Hostile_Listings_LinkEveryFaultAndVacancyAsAdverts") {
  Farm& farm = ServedFarm();
  const FarmSite& hostile = farm.hostile_site();
  const HostileEndpoints urls = farm.HostileUrls();
  std::string listings;
  for (int page = 1; page <= 3; ++page) listings += Fetch(urls.listing.substr(0, urls.listing.size() - 1) + std::to_string(page)).body;
  REQUIRE(urls.faults.size() == 13);
  std::vector<std::string> all = urls.adverts;
  for (const auto& [name, url] : urls.faults) all.push_back(url);
  for (const std::string& url : all) {
    CAPTURE(url);
    CHECK(Contains(listings, "href=\"" + PathOf(url) + "\""));
    CHECK(std::regex_match(url, std::regex(hostile.adverts.front())));
  }
  CHECK(urls.adverts.size() == 6);
}

TEST_CASE("Hostile_RobotsAndConfig_CrawlDelayAndOnlyWhenAsked") {
  Farm& farm = ServedFarm();
  CHECK(Contains(Fetch(farm.hostile_site().base_url + "/robots.txt").body, "Crawl-delay: 1\n"));
  CHECK(farm.sites().size() == 4);
  for (const FarmAdvert& ad : farm.adverts()) CHECK(ad.site != "hostile-board");
  static const struct {
    bool include;
    bool named;
  } kCases[] = {{false, false}, {true, true}};
  for (const auto& c : kCases) {
    CAPTURE(c.include);
    ConfigOptions options;
    options.include_hostile_site = c.include;
    const std::string toml = farm.ConfigToml(options);
    CHECK(Contains(toml, "name = \"hostile-board\"") == c.named);
    CHECK(Contains(toml, "'" + farm.hostile_site().follow.back() + "'") == c.named);
    CHECK(Contains(toml, "name = \"shire-jobs\""));
  }
}

TEST_CASE("Conditional_AdvertPages_304OnlyForMatchingValidators") {
  Farm& farm = ServedFarm();
  std::vector<std::string> adverts;  // one per site, hostile-board's too
  std::set<std::string> seen;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (!ad.disallowed_by_robots && seen.insert(ad.site).second) adverts.push_back(ad.url);
  }
  adverts.push_back(farm.HostileUrls().adverts.front());
  REQUIRE(adverts.size() == 5);
  for (const std::string& url : adverts) {
    CAPTURE(url);
    const Fetched first = Fetch(url);
    const std::string etag = first.headers.count("etag") ? first.headers.at("etag") : "";
    const std::string modified =
        first.headers.count("last-modified") ? first.headers.at("last-modified") : "";
    REQUIRE(etag.size() == 18);
    REQUIRE(modified.size() == 29);  // "Tue, 01 Dec 2026 09:00:00 GMT"
    const struct {
      const char* what;
      std::vector<std::string> headers;
      long status;
    } cases[] = {
        {"same etag", {"If-None-Match: " + etag}, 304},
        {"weak etag", {"If-None-Match: W/" + etag}, 304},
        {"etag in list", {"If-None-Match: \"0000000000000000\", " + etag}, 304},
        {"star", {"If-None-Match: *"}, 304},
        {"other etag", {"If-None-Match: \"0000000000000000\""}, 200},
        {"same date", {"If-Modified-Since: " + modified}, 304},
        {"later date", {"If-Modified-Since: Fri, 01 Jan 2027 00:00:00 GMT"}, 304},
        {"earlier date", {"If-Modified-Since: Sun, 01 Nov 2026 00:00:00 GMT"}, 200},
        {"bad date", {"If-Modified-Since: yesterday"}, 200},
        {"etag wins", {"If-None-Match: \"0000000000000000\"", "If-Modified-Since: " + modified}, 200},
    };
    for (const auto& c : cases) {
      CAPTURE(c.what);
      FetchOptions options;
      options.headers = c.headers;
      Fetched f = Fetch(url, options);
      CHECK(f.status == c.status);
      CHECK(f.headers["etag"] == etag);
      CHECK(f.body.empty() == (c.status == 304));
    }
  }
}

TEST_CASE("Sitemap_CountyWorkBoard_RobotsNamesItAndItListsEveryAdvert") {
  Farm& farm = ServedFarm();
  for (const FarmSite& site : farm.sites()) {
    CAPTURE(site.name);
    const bool has = site.name == "county-work-board";
    const std::string line = "Sitemap: " + site.base_url + "/sitemap.xml\n";
    CHECK(Contains(Fetch(site.base_url + "/robots.txt").body, line) == has);
    CHECK(Fetch(site.base_url + "/sitemap.xml").status == (has ? 200 : 404));
  }
  const FarmSite& county = SiteNamed(farm, "county-work-board");
  Fetched sitemap = Fetch(county.base_url + "/sitemap.xml");
  CHECK(sitemap.headers["content-type"] == "application/xml; charset=utf-8");
  CHECK(Contains(sitemap.body, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
  std::size_t locs = 0;
  for (auto at = sitemap.body.find("<loc>"); at != std::string::npos; at = sitemap.body.find("<loc>", at + 1)) ++locs;
  std::size_t county_adverts = 0;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (ad.site != "county-work-board") continue;
    ++county_adverts;
    CAPTURE(ad.url);
    CHECK(Contains(sitemap.body, "<loc>" + ad.url + "</loc>"));
  }
  CHECK(locs == county_adverts);
}

TEST_CASE("Canonical_ShireJobs_TrackedLinksServeTheCleanAdvert") {
  Farm& farm = ServedFarm();
  const FarmSite& shire = SiteNamed(farm, "shire-jobs");
  const std::string listings = AllListings(shire);
  std::size_t tracked = 0;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (ad.site != "shire-jobs") continue;
    CAPTURE(ad.url);
    const std::string relative = "job/" + ad.url.substr(ad.url.rfind('/') + 1);
    // Every advert keeps a clean link, whatever else the listing does.
    CHECK(Contains(listings, "href=\"" + relative + "\""));
    const Fetched clean = Fetch(ad.url);
    CHECK(Contains(clean.body, "<link rel=\"canonical\" href=\"" + ad.url + "\">"));
    if (!Contains(listings, "href=\"" + relative + "?utm_source=x&ref=list\"")) continue;
    ++tracked;
    const Fetched via_tracking = Fetch(ad.url + "?utm_source=x&ref=list");
    CHECK(via_tracking.status == 200);
    CHECK(via_tracking.body == clean.body);
  }
  CHECK(tracked >= 2);
}

// Per-advert ETags of a served farm, url -> etag.
std::map<std::string, std::string> Etags(const Farm& farm) {
  std::map<std::string, std::string> out;
  for (const FarmAdvert& ad : farm.adverts()) out[ad.url] = Fetch(ad.url).headers["etag"];
  return out;
}

TEST_CASE("Days_AdvanceDay_EditsRemovesAndAddsAsStated") {
  Farm farm(FarmOptions{7, 16, 8});
  REQUIRE(farm.Start().ok());
  CHECK(farm.day() == 0);
  const std::map<std::string, std::string> before = Etags(farm);
  farm.AdvanceDay();
  REQUIRE(farm.day() == 1);
  REQUIRE(farm.changes().size() == 1);
  const DayChanges day = farm.changes().front();
  CHECK(day.day == 1);
  CHECK(day.edited.size() == 4);
  CHECK(day.added.size() == 4);
  CHECK(day.removed_404.size() == 2);
  CHECK(day.removed_410.size() == 2);

  std::map<std::string, std::string> listings;
  for (const FarmSite& site : farm.sites()) listings[site.name] = AllListings(site);
  const auto listed = [&](const std::string& url) {
    for (const auto& [site, html] : listings) {
      // Links are root-relative, relative ("job/12") or absolute.
      if (Contains(html, PathOf(url).substr(1) + "\"")) return true;
    }
    return false;
  };
  static const struct {
    const char* change;
    long status;
    bool listed;
    bool etag_changed;
  } kCases[] = {
      {"edited", 200, true, true},
      {"removed_404", 404, false, false},
      {"removed_410", 410, false, false},
  };
  for (const auto& c : kCases) {
    const std::string change = c.change;
    const auto& urls = change == "edited" ? day.edited : change == "removed_404" ? day.removed_404 : day.removed_410;
    for (const std::string& url : urls) {
      CAPTURE(change, url);
      REQUIRE(before.count(url) == 1);
      Fetched f = Fetch(url);
      CHECK(f.status == c.status);
      CHECK(listed(url) == c.listed);
      if (c.etag_changed) {
        CHECK(f.headers["etag"] != before.at(url));
        CHECK(Fetch(url, {false, 10, 10000, false, {"If-None-Match: " + before.at(url)}}).status == 200);
      }
    }
  }
  for (const std::string& url : day.added) {
    CAPTURE(url);
    CHECK(before.count(url) == 0);
    CHECK(Fetch(url).status == 200);
    // On listing page 1 of its site.
    bool on_first_page = false;
    for (const FarmSite& site : farm.sites()) {
      if (url.rfind(site.base_url, 0) == 0) on_first_page = Contains(Fetch(site.seeds.front()).body, PathOf(url).substr(1));
    }
    CHECK(on_first_page);
  }
  // Everything else is as it was.
  std::set<std::string> touched(day.edited.begin(), day.edited.end());
  touched.insert(day.added.begin(), day.added.end());
  std::size_t unchanged = 0;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (touched.count(ad.url) != 0) continue;
    CAPTURE(ad.url);
    CHECK(Fetch(ad.url, {false, 10, 10000, false, {"If-None-Match: " + before.at(ad.url)}}).status == 304);
    ++unchanged;
  }
  CHECK(unchanged > 40);
}

TEST_CASE("Days_DayTwo_CircuitGainsOneAdvertOthersStayPut") {
  Farm farm;
  REQUIRE(farm.Start().ok());
  std::map<std::string, std::vector<std::string>> at_start;
  for (const PlantedGroup& g : farm.planted()) at_start[g.name] = g.advert_urls;
  farm.AdvanceDay();
  farm.AdvanceDay();
  for (const PlantedGroup& g : farm.planted()) {
    CAPTURE(g.name);
    const std::vector<std::string>& was = at_start.at(g.name);
    for (const std::string& url : was) CHECK(std::count(g.advert_urls.begin(), g.advert_urls.end(), url) == 1);
    CHECK(g.advert_urls.size() == was.size() + (g.name == "shared-phone-circuit" ? 1 : 0));
  }
  for (const FarmAdvert& ad : farm.adverts()) {
    if (ad.group.empty()) continue;
    CAPTURE(ad.url);
    CHECK(ad.changed_day == 0);
    if (ad.added_day == 0) continue;
    CHECK(ad.added_day == 2);
    CHECK(ad.group == "shared-phone-circuit");
    CHECK(ad.site == "silk-companions");
    CHECK(ad.phones_e164 == std::vector<std::string>{"+447700900123"});
    const Fetched page = Fetch(ad.url);
    CHECK(Contains(page.body, "07700 900123"));
    CHECK(Contains(Fetch(SiteNamed(farm, "silk-companions").seeds.front()).body, ad.url));
  }
}

std::string DaySummary(const Farm& farm) {
  std::string s;
  for (const DayChanges& d : farm.changes()) {
    s += "day " + std::to_string(d.day) + ":";
    for (const auto* list : {&d.edited, &d.added, &d.removed_404, &d.removed_410}) {
      for (const std::string& url : *list) s += " " + url;
      s += " |";
    }
  }
  for (const FarmAdvert& ad : farm.adverts()) {
    s += "\n" + ad.url + " " + ad.title + " " + std::to_string(ad.changed_day);
    for (const auto& p : ad.phones_e164) s += " " + p;
  }
  return s;
}

TEST_CASE("Days_SameSeedSameDays_SameFarm") {
  static const struct {
    std::uint64_t seed_a;
    std::uint64_t seed_b;
    bool same;
  } kCases[] = {{42, 42, true}, {9, 9, true}, {42, 43, false}};
  for (const auto& c : kCases) {
    CAPTURE(c.seed_a, c.seed_b);
    Farm a(FarmOptions{c.seed_a, 24, 8});
    Farm b(FarmOptions{c.seed_b, 24, 8});
    for (int i = 0; i < 4; ++i) {
      a.AdvanceDay();
      b.AdvanceDay();
    }
    CHECK(a.day() == 4);
    CHECK((DaySummary(a) == DaySummary(b)) == c.same);
  }
}

TEST_CASE("Days_AdvanceDayWhileServing_RequestsKeepSucceeding") {
  Farm farm;
  REQUIRE(farm.Start().ok());
  const std::string seed = farm.sites().front().seeds.front();
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::thread reader([&] {
    while (!done) {
      if (Fetch(seed).status != 200) ++failures;
    }
  });
  for (int i = 0; i < 10; ++i) {
    farm.AdvanceDay();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  done = true;
  reader.join();
  CHECK(failures == 0);
  CHECK(farm.day() == 10);
}

}  // namespace
}  // namespace plainsight::farm
