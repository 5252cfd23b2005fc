// Tests for the test farm: deterministic generation, safe contacts, the
// planted groups' shapes, and the HTTP behaviour the crawler tests rely on.
#include "tests/farm/farm.h"

#include <curl/curl.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace plainsight::farm {
namespace {

constexpr char kTestAgent[] = "farm-test/1.0";

struct Fetched {
  long status = 0;
  std::string content_type;
  std::string body;
};

size_t AppendBody(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// One GET with libcurl; status 0 when the transfer failed.
Fetched Get(const std::string& url, const std::string& user_agent = kTestAgent) {
  Fetched result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return result;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 5000L);
  if (curl_easy_perform(curl.get()) != CURLE_OK) return result;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
  char* type = nullptr;
  curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr) result.content_type = type;
  return result;
}

const FarmSite& SiteNamed(const Farm& farm, const std::string& name) {
  for (const FarmSite& site : farm.sites()) {
    if (site.name == name) return site;
  }
  FAIL("no site " << name);
  return farm.sites().front();
}

const PlantedGroup& GroupNamed(const Farm& farm, const std::string& name) {
  for (const PlantedGroup& group : farm.planted()) {
    if (group.name == name) return group;
  }
  FAIL("no planted group " << name);
  return farm.planted().front();
}

std::vector<const FarmAdvert*> AdvertsInGroup(const Farm& farm, const std::string& group) {
  std::vector<const FarmAdvert*> out;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (ad.group == group) out.push_back(&ad);
  }
  return out;
}

bool InDramaRange(const std::string& e164) {
  static const std::regex kDrama(R"(\+44(7700900\d{3}|1632960\d{3}|2079460\d{3}))");
  return std::regex_match(e164, kDrama);
}

// "+447700900123" from how a page writes a number; "" if it is no UK number.
std::string NormalisePhone(const std::string& written) {
  std::string digits;
  for (char c : written) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.rfind("44", 0) == 0) {
    digits = digits.substr(2);
    if (digits.rfind('0', 0) == 0) digits = digits.substr(1);
    return "+44" + digits;
  }
  if (digits.rfind('0', 0) == 0) return "+44" + digits.substr(1);
  return "";
}

// Every phone-like run of digits in `text` not glued to a preceding
// letter or digit (so ids and dates are not mistaken for numbers).
std::vector<std::string> PhonesIn(const std::string& text) {
  static const std::regex kPhone(R"((\+44\s?(\(0\)\s?)?|\(?0)[0-9][0-9 ()\-]{7,14}[0-9])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPhone); it != std::sregex_iterator();
       ++it) {
    const auto start = static_cast<std::size_t>(it->position());
    if (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) ||
                      text[start - 1] == '-' || text[start - 1] == '=')) {
      continue;
    }
    out.push_back(it->str());
  }
  return out;
}

std::vector<std::string> EmailDomainsIn(const std::string& text) {
  static const std::regex kEmail(R"([A-Za-z0-9._%+\-]+@([A-Za-z0-9.\-]+))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kEmail); it != std::sregex_iterator();
       ++it) {
    std::string domain = (*it)[1].str();
    while (!domain.empty() && domain.back() == '.') domain.pop_back();  // end of sentence
    out.push_back(domain);
  }
  return out;
}

// Resolves an href the simple ways the farm writes them.
std::string Resolve(const std::string& page_url, const std::string& base, const std::string& href) {
  if (href.rfind("http://", 0) == 0) return href;
  if (href.rfind('/', 0) == 0) return base + href;
  const std::string without_query = page_url.substr(0, page_url.find('?'));
  return without_query.substr(0, without_query.rfind('/') + 1) + href;
}

std::vector<std::string> HrefsIn(const std::string& html) {
  static const std::regex kHref("href=\"([^\"]*)\"");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kHref); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

bool MatchesAny(const std::vector<std::string>& patterns, const std::string& url) {
  for (const std::string& p : patterns) {
    if (std::regex_match(url, std::regex(p))) return true;
  }
  return false;
}

// Every page a crawler could reach from a site's seeds through its follow
// and adverts patterns, robots ignored; url -> body.
std::map<std::string, std::string> CrawlSite(const FarmSite& site) {
  std::map<std::string, std::string> pages;
  std::deque<std::string> queue(site.seeds.begin(), site.seeds.end());
  while (!queue.empty()) {
    const std::string url = queue.front();
    queue.pop_front();
    if (pages.count(url) != 0) continue;
    Fetched page = Get(url);
    if (page.status != 200) continue;
    const bool follow = MatchesAny(site.follow, url);
    pages[url] = page.body;
    if (!follow) continue;
    for (const std::string& href : HrefsIn(page.body)) {
      const std::string next = Resolve(url, site.base_url, href);
      if (MatchesAny(site.follow, next) || MatchesAny(site.adverts, next)) queue.push_back(next);
    }
  }
  return pages;
}

std::set<std::string> KnownPhones(const Farm& farm) {
  std::set<std::string> phones;
  for (const FarmSite& site : farm.sites()) phones.insert(site.footer_phone_e164);
  for (const FarmAdvert& ad : farm.adverts()) phones.insert(ad.phones_e164.begin(), ad.phones_e164.end());
  return phones;
}

// One farm served for the HTTP tests, started once for the whole binary.
Farm& ServedFarm() {
  static Farm farm;
  static const Status started = farm.Start();
  if (!started.ok()) FAIL("farm did not start: " << started.ToString());
  return farm;
}

std::string Summary(const FarmAdvert& ad) {
  std::string s = ad.site + "|" + ad.url + "|" + ad.title + "|" + ad.town + "|" + ad.group;
  for (const auto& p : ad.phones_e164) s += "|" + p;
  for (const auto& e : ad.emails) s += "|" + e;
  for (const auto& c : ad.postcodes) s += "|" + c;
  return s;
}

TEST_CASE("Generation_SameSeed_SameAdverts") {
  static const struct {
    std::uint64_t seed;
  } kCases[] = {{42}, {7}, {123456789}};
  for (const auto& c : kCases) {
    CAPTURE(c.seed);
    Farm a(FarmOptions{c.seed, 24, 8});
    Farm b(FarmOptions{c.seed, 24, 8});
    REQUIRE(a.adverts().size() == b.adverts().size());
    for (std::size_t i = 0; i < a.adverts().size(); ++i) {
      CHECK(Summary(a.adverts()[i]) == Summary(b.adverts()[i]));
    }
    for (std::size_t i = 0; i < a.sites().size(); ++i) {
      CHECK(a.sites()[i].footer_phone_e164 == b.sites()[i].footer_phone_e164);
    }
  }
}

TEST_CASE("Generation_DifferentSeed_DifferentAdverts") {
  static const struct {
    std::uint64_t seed_a;
    std::uint64_t seed_b;
  } kCases[] = {{42, 43}, {1, 2}, {42, 1000}};
  for (const auto& c : kCases) {
    CAPTURE(c.seed_a, c.seed_b);
    Farm a(FarmOptions{c.seed_a, 24, 8});
    Farm b(FarmOptions{c.seed_b, 24, 8});
    std::set<std::string> left, right;
    for (const FarmAdvert& ad : a.adverts()) left.insert(Summary(ad));
    for (const FarmAdvert& ad : b.adverts()) right.insert(Summary(ad));
    CHECK(left != right);
    // The planted groups keep their names whatever the seed.
    REQUIRE(a.planted().size() == b.planted().size());
    for (std::size_t i = 0; i < a.planted().size(); ++i) CHECK(a.planted()[i].name == b.planted()[i].name);
  }
}

TEST_CASE("Generation_AdvertsPerSite_AreHonoured") {
  static const struct {
    int per_site;
    int per_page;
    int expected_min_per_site;
  } kCases[] = {{24, 8, 24}, {40, 10, 40}, {1, 8, 5}};
  for (const auto& c : kCases) {
    CAPTURE(c.per_site, c.per_page);
    Farm farm(FarmOptions{42, c.per_site, c.per_page});
    std::map<std::string, int> per_site;
    for (const FarmAdvert& ad : farm.adverts()) ++per_site[ad.site];
    REQUIRE(per_site.size() == 4);
    for (const auto& [site, count] : per_site) {
      CAPTURE(site);
      CHECK(count >= c.expected_min_per_site);
    }
  }
}

TEST_CASE("Sites_FourSites_KindsSelectorsRobots") {
  static const struct {
    const char* name;
    const char* kind;
    bool has_field_selectors;
    const char* disallowed_prefix;
  } kCases[] = {
      {"velvet-rooms", "adult", true, "/private/"},
      {"silk-companions", "adult", false, ""},
      {"shire-jobs", "jobs", true, ""},
      {"county-work-board", "jobs", false, ""},
  };
  Farm farm;
  REQUIRE(farm.sites().size() == 4);
  for (const auto& c : kCases) {
    CAPTURE(c.name);
    const FarmSite& site = SiteNamed(farm, c.name);
    CHECK(site.kind == c.kind);
    CHECK(site.has_field_selectors == c.has_field_selectors);
    CHECK(site.disallowed_prefix == c.disallowed_prefix);
  }
}

TEST_CASE("Contacts_PhonesAndEmails_OnlyDramaRangesAndExampleDomains") {
  static const struct {
    std::uint64_t seed;
  } kCases[] = {{42}, {99}, {2026}};
  static const std::regex kExampleEmail(R"([a-z0-9.]+@example\.(org|com))");
  for (const auto& c : kCases) {
    CAPTURE(c.seed);
    Farm farm(FarmOptions{c.seed, 30, 8});
    for (const FarmSite& site : farm.sites()) {
      CAPTURE(site.name);
      CHECK(InDramaRange(site.footer_phone_e164));
      CHECK(std::regex_match(site.footer_email, kExampleEmail));
    }
    std::map<std::string, std::set<std::string>> groups_by_phone;
    std::map<std::string, int> ordinary_uses;
    for (const FarmAdvert& ad : farm.adverts()) {
      CAPTURE(ad.url);
      CHECK(!ad.phones_e164.empty());
      for (const std::string& phone : ad.phones_e164) {
        CHECK(InDramaRange(phone));
        if (ad.group.empty()) ++ordinary_uses[phone];
        groups_by_phone[phone].insert(ad.group);
      }
      for (const std::string& email : ad.emails) CHECK(std::regex_match(email, kExampleEmail));
    }
    // A phone is shared only inside one planted group, never by accident.
    for (const auto& [phone, groups] : groups_by_phone) {
      CAPTURE(phone);
      CHECK(groups.size() == 1);
      CHECK(ordinary_uses[phone] <= 1);
    }
  }
}

TEST_CASE("Planted_Groups_HaveTheStatedShape") {
  static const struct {
    const char* name;
    std::size_t min_adverts;
    std::size_t min_sites;
    std::size_t min_towns;
    std::size_t shared_phones;
    std::size_t shared_emails;
    std::size_t shared_postcodes;
    const char* kind;
  } kCases[] = {
      {"shared-phone-circuit", 6, 2, 3, 1, 0, 0, "adult"},
      {"agency-address", 5, 2, 3, 0, 1, 1, "jobs"},
      {"rotating-template", 4, 2, 4, 0, 0, 0, "adult"},
      {"legit-repeat-employer", 2, 1, 1, 1, 1, 0, "jobs"},
  };
  Farm farm;
  REQUIRE(farm.planted().size() == 4);
  for (const auto& c : kCases) {
    CAPTURE(c.name);
    const PlantedGroup& group = GroupNamed(farm, c.name);
    CHECK(group.phones_e164.size() == c.shared_phones);
    CHECK(group.emails.size() == c.shared_emails);
    CHECK(group.postcodes.size() == c.shared_postcodes);
    CHECK(!group.description.empty());
    std::set<std::string> sites, towns, urls;
    for (const FarmAdvert* ad : AdvertsInGroup(farm, c.name)) {
      CHECK(ad->kind == c.kind);
      if (ad->disallowed_by_robots) continue;
      sites.insert(ad->site);
      towns.insert(ad->town);
      urls.insert(ad->url);
      for (const std::string& phone : group.phones_e164) {
        CHECK(std::count(ad->phones_e164.begin(), ad->phones_e164.end(), phone) == 1);
      }
      for (const std::string& postcode : group.postcodes) {
        CHECK(std::count(ad->postcodes.begin(), ad->postcodes.end(), postcode) == 1);
      }
    }
    CHECK(urls.size() >= c.min_adverts);
    CHECK(urls == std::set<std::string>(group.advert_urls.begin(), group.advert_urls.end()));
    CHECK(sites.size() >= c.min_sites);
    CHECK(towns.size() >= c.min_towns);
  }
}

TEST_CASE("Planted_UnlinkedGroups_ShareNoPhone") {
  // The agency is linked only by address and email, the rotating template
  // by nothing exact: every advert in them has its own phone.
  static const struct {
    const char* name;
  } kCases[] = {{"agency-address"}, {"rotating-template"}};
  Farm farm;
  for (const auto& c : kCases) {
    CAPTURE(c.name);
    std::set<std::string> phones;
    std::size_t adverts = 0;
    for (const FarmAdvert* ad : AdvertsInGroup(farm, c.name)) {
      ++adverts;
      phones.insert(ad->phones_e164.begin(), ad->phones_e164.end());
    }
    CHECK(adverts > 0);
    CHECK(phones.size() == adverts);
  }
}

TEST_CASE("Serving_Pages_StatusAndContentType") {
  Farm& farm = ServedFarm();
  const FarmSite& velvet = SiteNamed(farm, "velvet-rooms");
  const FarmSite& shire = SiteNamed(farm, "shire-jobs");
  const FarmSite& silk = SiteNamed(farm, "silk-companions");
  std::string shire_advert;
  for (const FarmAdvert& ad : farm.adverts()) {
    if (ad.site == "shire-jobs") shire_advert = ad.url;
  }
  static const struct {
    const char* what;
    long status;
    const char* content_type;
    const char* body_has;
  } kCases[] = {
      {"listing", 200, "text/html; charset=utf-8", "<table class=\"listing\">"},
      {"advert", 200, "text/html; charset=utf-8", "application/ld+json"},
      {"robots", 200, "text/plain; charset=utf-8", "Disallow: /private/"},
      {"missing", 404, "text/html; charset=utf-8", "Page not found"},
      {"cp1252", 200, "text/html; charset=windows-1252", "class=\"card\""},
      {"home", 200, "text/html; charset=utf-8", "Welcome to Shire Jobs"},
  };
  const std::map<std::string, std::string> urls = {
      {"listing", velvet.seeds.front()},
      {"advert", shire_advert},
      {"robots", velvet.base_url + "/robots.txt"},
      {"missing", velvet.base_url + "/no/such/page"},
      {"cp1252", silk.seeds.front()},
      {"home", shire.base_url + "/"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what, urls.at(c.what));
    Fetched page = Get(urls.at(c.what));
    CHECK(page.status == c.status);
    CHECK(page.content_type == c.content_type);
    CHECK(page.body.find(c.body_has) != std::string::npos);
  }
}

TEST_CASE("Serving_Windows1252Site_SendsPoundAsByteA3") {
  static const struct {
    const char* site;
    bool windows_1252;
  } kCases[] = {{"silk-companions", true}, {"velvet-rooms", false}};
  Farm& farm = ServedFarm();
  for (const auto& c : kCases) {
    CAPTURE(c.site);
    const std::string body = Get(SiteNamed(farm, c.site).seeds.front()).body;
    std::size_t bare_a3 = 0;   // 0xA3 on its own: windows-1252 "£"
    std::size_t utf8_a3 = 0;   // 0xC2 0xA3: UTF-8 "£"
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] != '\xA3') continue;
      if (i > 0 && body[i - 1] == '\xC2') {
        ++utf8_a3;
      } else {
        ++bare_a3;
      }
    }
    if (c.windows_1252) {
      CHECK(bare_a3 > 0);
      CHECK(utf8_a3 == 0);
    } else {
      CHECK(bare_a3 == 0);
      CHECK(utf8_a3 > 0);
    }
  }
}

TEST_CASE("Serving_Requests_AreLoggedWithPortPathAndAgent") {
  Farm& farm = ServedFarm();
  const FarmSite& county = SiteNamed(farm, "county-work-board");
  static const struct {
    const char* path;
    const char* agent;
    long status;
  } kCases[] = {
      {"/robots.txt", "farm-test/robots", 200},
      {"/vacancies?page=1", "farm-test/listing", 200},
      {"/nothing-here?x=1", "farm-test/missing", 404},
  };
  farm.ClearRequests();
  for (const auto& c : kCases) {
    CAPTURE(c.path);
    CHECK(Get(county.base_url + c.path, c.agent).status == c.status);
  }
  const std::vector<FarmRequest> log = farm.requests();
  REQUIRE(log.size() == std::size(kCases));
  for (std::size_t i = 0; i < log.size(); ++i) {
    CAPTURE(i);
    CHECK(log[i].port == county.port);
    CHECK(log[i].site == "county-work-board");
    CHECK(log[i].method == "GET");
    CHECK(log[i].path == kCases[i].path);
    CHECK(log[i].user_agent == kCases[i].agent);
    CHECK(log[i].unix_ms > 0);
    CHECK(log[i].responded >= log[i].received);
    if (i > 0) CHECK(log[i].received >= log[i - 1].received);
  }
  farm.ClearRequests();
  CHECK(farm.requests().empty());
}

TEST_CASE("Pages_EveryPhoneAndEmail_IsKnownAndSafe") {
  Farm& farm = ServedFarm();
  const std::set<std::string> known = KnownPhones(farm);
  std::size_t phones_seen = 0;
  for (const FarmSite& site : farm.sites()) {
    std::map<std::string, std::string> pages = CrawlSite(site);
    for (const char* extra : {"/", "/about", "/contact", "/robots.txt"}) {
      pages[site.base_url + extra] = Get(site.base_url + extra).body;
    }
    for (const auto& [url, body] : pages) {
      CAPTURE(url);
      for (const std::string& written : PhonesIn(body)) {
        CAPTURE(written);
        const std::string e164 = NormalisePhone(written);
        CHECK(InDramaRange(e164));
        CHECK(known.count(e164) == 1);
        ++phones_seen;
      }
      for (const std::string& domain : EmailDomainsIn(body)) {
        CAPTURE(domain);
        CHECK((domain == "example.org" || domain == "example.com"));
      }
    }
  }
  CHECK(phones_seen > farm.adverts().size());
}

TEST_CASE("Pages_EveryPage_HasTheSiteFooterContact") {
  Farm& farm = ServedFarm();
  for (const FarmSite& site : farm.sites()) {
    const std::map<std::string, std::string> pages = CrawlSite(site);
    CHECK(pages.size() > 3);
    for (const auto& [url, body] : pages) {
      CAPTURE(url);
      CHECK(body.find(site.footer_email) != std::string::npos);
      bool footer_phone = false;
      for (const std::string& written : PhonesIn(body)) {
        footer_phone = footer_phone || NormalisePhone(written) == site.footer_phone_e164;
      }
      CHECK(footer_phone);
    }
  }
}

TEST_CASE("Links_EveryAdvert_ReachableFromSeedsThroughPatterns") {
  Farm& farm = ServedFarm();
  for (const FarmSite& site : farm.sites()) {
    CAPTURE(site.name);
    const std::map<std::string, std::string> pages = CrawlSite(site);
    std::size_t listings = 0;
    for (const auto& [url, body] : pages) {
      if (MatchesAny(site.follow, url)) ++listings;
    }
    CHECK(listings >= 3);
    for (const FarmAdvert& ad : farm.adverts()) {
      if (ad.site != site.name) continue;
      CAPTURE(ad.url);
      CHECK(MatchesAny(site.adverts, ad.url));
      CHECK_FALSE(MatchesAny(site.follow, ad.url));
      CHECK(pages.count(ad.url) == 1);
      const bool under_prefix = !site.disallowed_prefix.empty() &&
                                ad.url.rfind(site.base_url + site.disallowed_prefix, 0) == 0;
      CHECK(under_prefix == ad.disallowed_by_robots);
    }
  }
}

TEST_CASE("Planted_Circuit_PhoneWrittenSixWays") {
  static const struct {
    const char* written;
  } kCases[] = {{"07700 900123"},       {"+44 7700 900123"}, {"07700-900-123"},
                {"(07700) 900 123"},    {"0770O 9OO123"},    {"+44 (0) 7700 900123"}};
  Farm& farm = ServedFarm();
  std::string all_pages;
  for (const std::string& url : GroupNamed(farm, "shared-phone-circuit").advert_urls) {
    all_pages += Get(url).body;
  }
  for (const auto& c : kCases) {
    CAPTURE(c.written);
    CHECK(all_pages.find(c.written) != std::string::npos);
  }
}

TEST_CASE("Planted_PagesCarryTheirWording") {
  static const struct {
    const char* group;
    const char* text;
    std::size_t min_pages;  // group pages that must contain the text
  } kCases[] = {
      {"agency-address", "14 Wharf Lane, Northampton NN1 9ZQ", 5},
      {"agency-address", "recruit@example.com", 3},
      {"agency-address", "No experience or English needed", 2},
      {"agency-address", "Transport to work provided, pick-up 5am", 2},
      {"rotating-template", "Relaxing massage and elegant company in a clean, discreet apartment", 4},
      {"legit-repeat-employer", "37.5 hours a week", 2},
      {"shared-phone-circuit", "24/7", 2},
  };
  Farm& farm = ServedFarm();
  for (const auto& c : kCases) {
    CAPTURE(c.group, c.text);
    std::size_t pages = 0;
    for (const std::string& url : GroupNamed(farm, c.group).advert_urls) {
      if (Get(url).body.find(c.text) != std::string::npos) ++pages;
    }
    CHECK(pages >= c.min_pages);
  }
}

TEST_CASE("Planted_LegitEmployer_HasNoIndicatorWording") {
  static const struct {
    const char* word;
  } kCases[] = {{"ccommodation"}, {"ransport"}, {"English"}, {"fee"}, {"Fee"}, {"cash"}, {"24/7"}};
  Farm& farm = ServedFarm();
  const PlantedGroup& group = GroupNamed(farm, "legit-repeat-employer");
  REQUIRE(group.advert_urls.size() == 2);
  for (const std::string& url : group.advert_urls) {
    const std::string body = Get(url).body;
    for (const auto& c : kCases) {
      CAPTURE(url, c.word);
      CHECK(body.find(c.word) == std::string::npos);
    }
  }
}

TEST_CASE("Config_Toml_NamesEverySiteWithItsPort") {
  Farm& farm = ServedFarm();
  ConfigOptions options;
  options.store_path = "/tmp/farm store";
  options.pattern_paths = {"/work/config/patterns/adult.toml", "/work/config/patterns/jobs.toml"};
  options.respect_robots = false;
  const std::string toml = farm.ConfigToml(options);
  for (const FarmSite& site : farm.sites()) {
    CAPTURE(site.name);
    CHECK(toml.find("name = \"" + site.name + "\"") != std::string::npos);
    CHECK(toml.find("127\\.0\\.0\\.1:" + std::to_string(site.port)) != std::string::npos);
    CHECK(toml.find("\"" + site.seeds.front() + "\"") != std::string::npos);
    CHECK(toml.find("'" + site.follow.front() + "'") != std::string::npos);
  }
  static const struct {
    const char* line;
  } kLines[] = {
      {"path = \"/tmp/farm store\""},
      {"user_agent = \"plainsight/1.0 (+https://example.org/contact)\""},
      {"respect_robots = false"},
      {"allow_private_addresses = true"},
      {"path = \"/work/config/patterns/jobs.toml\""},
      {"title = \"h1.ad-title\""},
      {"body = \"div.job-description\""},
      {"region = \"Northamptonshire\""},
  };
  for (const auto& c : kLines) {
    CAPTURE(c.line);
    CHECK(toml.find(c.line) != std::string::npos);
  }
  std::size_t fields_tables = 0;
  for (std::size_t at = toml.find("[sites.fields]"); at != std::string::npos;
       at = toml.find("[sites.fields]", at + 1)) {
    ++fields_tables;
  }
  CHECK(fields_tables == 2);
}

TEST_CASE("Lifecycle_StopClosesPorts_StartAgainServes") {
  Farm farm(FarmOptions{5, 10, 5});
  REQUIRE(farm.Start().ok());
  CHECK_FALSE(farm.Start().ok());  // already serving
  const std::string seed = farm.sites().front().seeds.front();
  CHECK(Get(seed).status == 200);
  farm.Stop();
  CHECK(Get(seed).status == 0);
  farm.Stop();  // twice is fine
  REQUIRE(farm.Start().ok());
  CHECK(Get(farm.sites().front().seeds.front()).status == 200);
}

}  // namespace
}  // namespace plainsight::farm
