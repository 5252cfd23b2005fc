// The site probe on saved pages, without a network: URL templates,
// pagination, and whole proposals on the independent saved sites of
// tests/data/independent/probe/ (written from a brief by someone who did not
// read the probe; see its README). Each shape folder is served as the web
// root of http://probe.example.org/.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/config.h"
#include "crawler/field_proposals.h"
#include "crawler/link_patterns.h"
#include "crawler/site_probe.h"
#include "crawler/site_probe_pagination.h"
#include "crawler/site_probe_toml.h"
#include "crawler/site_probe_url_template.h"
#include "crawler/url.h"

namespace plainsight {
namespace {

using nlohmann::json;

const std::string kBase = "http://probe.example.org/";
const std::string kOrigin = "http://probe.example.org";
const std::string kProbeDir = PLAINSIGHT_SOURCE_DIR "/tests/data/independent/probe/";

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A saved site: URL paths are files under the shape folder; `mapped` names
// the file for a path and query that cannot be a file name.
class SavedSite final : public ProbePageSource {
 public:
  SavedSite(std::string folder, std::map<std::string, std::string> mapped,
            std::set<std::string> disallowed = {})
      : folder_(std::move(folder)), mapped_(std::move(mapped)), disallowed_(std::move(disallowed)) {}

  Result<ProbePage> Get(const std::string& url) override {
    requested.push_back(url);
    auto parsed = ParseUrl(url);
    if (!parsed) return Status::InvalidArgument("not an http(s) URL: " + url);
    if (!Allowed(url)) return Status::Unavailable("robots.txt disallows " + url);
    std::string key = parsed->path.substr(1) + (parsed->query.empty() ? "" : "?" + parsed->query);
    std::string file = mapped_.count(key) ? mapped_.at(key) : parsed->path.substr(1);
    if (file.empty()) file = "index.html";
    std::string path = folder_ + file;
    if (!std::filesystem::is_regular_file(path)) return Status::NotFound("HTTP 404 for " + url);
    return ProbePage{url, parsed->ToString(), ReadFile(path)};
  }
  bool Allowed(const std::string& url) override {
    auto parsed = ParseUrl(url);
    return !parsed || disallowed_.count(parsed->path) == 0;
  }

  std::vector<std::string> requested;

 private:
  std::string folder_;
  std::map<std::string, std::string> mapped_;
  std::set<std::string> disallowed_;
};

std::shared_ptr<const Gazetteer> TestGazetteer() {
  static auto gazetteer = Gazetteer::Load(PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv");
  REQUIRE(gazetteer.ok());
  return *gazetteer;
}

struct Shape {
  std::string name;
  json expected;
  std::unique_ptr<SavedSite> site;
  Result<SiteProposal> proposal = Status::NotFound("not run");
};

std::unique_ptr<Shape> RunShape(const std::string& name) {
  auto shape = std::make_unique<Shape>();
  shape->name = name;
  shape->expected = json::parse(ReadFile(kProbeDir + name + "/expected.json"));
  std::map<std::string, std::string> mapped;
  if (shape->expected.contains("advert_files")) {
    for (const auto& [href, file] : shape->expected["advert_files"].items()) {
      mapped[href] = file.get<std::string>();
    }
  }
  shape->site = std::make_unique<SavedSite>(kProbeDir + name + "/", mapped);
  ProbeOptions options;
  options.listing_url = kBase + shape->expected["listing"].get<std::string>();
  options.gazetteer = TestGazetteer();
  shape->proposal = ProbeSite(options, *shape->site);
  return shape;
}

// RunShape for a shape the probe must make a proposal for.
std::unique_ptr<Shape> ProposedShape(const std::string& name) {
  auto shape = RunShape(name);
  REQUIRE(shape->proposal.ok());
  return shape;
}

// Every link on the shape's listing pages (index and page2 when saved), as
// the crawler resolves them.
std::vector<std::string> ListingLinks(const std::string& shape) {
  std::vector<std::string> urls;
  for (const char* page : {"index.html", "page2.html"}) {
    std::string path = kProbeDir + shape + "/" + page;
    if (!std::filesystem::exists(path)) continue;
    ProbeDom dom(ReadFile(path));
    for (const ListingLink& link : CollectListingLinks(dom, kBase + page, {"utm_*", "ref", "sort"}, 0)) {
      urls.push_back(link.url);
    }
  }
  return urls;
}

bool MatchesAny(const std::vector<std::string>& regexes, const std::string& url) {
  for (const std::string& regex : regexes) {
    if (RE2::FullMatch(url, RE2(regex))) return true;
  }
  return false;
}

std::set<std::string> Absolute(const json& paths) {
  std::set<std::string> out;
  for (const json& p : paths) out.insert(*NormalizeUrl(kBase + p.get<std::string>()));
  return out;
}

const FieldProposal* FieldOf(const SiteProposal& p, const std::string& field) {
  for (const FieldProposal& f : p.fields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

const char* const kShapes[] = {"job_board", "noisy_navigation", "profile_directory", "script_data",
                               "table_classifieds"};

// --- URL templates -----------------------------------------------------------

TEST_CASE("SiteProbe_GeneraliseValues_KeepsSharedLiteralsAndNarrowestClass") {
  static const struct {
    std::vector<std::string> values;
    bool in_query;
    const char* regex;
    const char* display;
  } cases[] = {
      {{"1001", "1002", "987"}, false, R"(\d+)", "{id}"},
      {{"AM52001", "AM52002"}, true, R"(AM\d+)", "AM{id}"},
      {{"48213-warehouse-operative.html", "48214-forklift-driver-counterbalance.html"}, false,
       R"(\d+-[a-z0-9-]+\.html)", "{id}-{slug}.html"},
      {{"amber-22.html", "bella-25.html", "chloe-29.html"}, false, R"([a-z0-9-]+-\d+\.html)",
       "{slug}-{id}.html"},
      // Two slugs that share a first word by chance do not keep it.
      {{"warehouse-operative", "warehouse-packer"}, false, R"([a-z0-9-]+)", "{slug}"},
      {{"Amber", "Bella"}, false, R"([A-Za-z0-9-]+)", "{slug}"},
      {{"a b", "c;d"}, true, R"([^&#]+)", "{x}"},
      {{"a b", "c;d"}, false, R"([^/?#]+)", "{x}"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.values);
    std::string display;
    CHECK(GeneraliseValues(c.values, c.in_query, &display) == c.regex);
    CHECK(display == c.display);
  }
}

TEST_CASE("SiteProbe_InduceTemplate_IsAnAnchoredEscapedFullUrlRegex") {
  static const struct {
    std::vector<std::string> urls;
    const char* regex;
  } cases[] = {
      {{"http://127.0.0.1:8080/ad/1", "http://127.0.0.1:8080/ad/22"},
       R"(^http://127\.0\.0\.1:8080/ad/\d+$)"},
      {{"https://x.example.org/ad.php?id=5", "https://x.example.org/ad.php?id=77"},
       R"(^https://x\.example\.org/ad\.php\?id=\d+$)"},
      {{"http://a.example.org/job/12/cook", "http://a.example.org/job/13/kitchen-porter"},
       R"(^http://a\.example\.org/job/\d+/[a-z0-9-]+$)"},
      {{"http://a.example.org/c?cat=jobs&pg=2", "http://a.example.org/c?cat=jobs&pg=3"},
       R"(^http://a\.example\.org/c\?cat=jobs&pg=\d+$)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.urls);
    std::vector<UrlParts> parts;
    for (const std::string& url : c.urls) parts.push_back(*SplitUrl(url));
    UrlTemplate t = InduceTemplate(parts);
    CHECK(t.Regex() == c.regex);
    for (const std::string& url : c.urls) CHECK(RE2::FullMatch(url, RE2(t.Regex())));
  }
}

TEST_CASE("SiteProbe_PaginationRegex_GeneralisesOnlyThePageNumber") {
  static const struct {
    std::vector<std::string> pages;
    const char* regex;
  } cases[] = {
      {{"http://h.example.org/page2.html"}, R"(^http://h\.example\.org/page\d+\.html$)"},
      {{"http://h.example.org/search?page=2", "http://h.example.org/search?page=3"},
       R"(^http://h\.example\.org/search\?page=\d+$)"},
      {{"http://h.example.org/listings?start=20", "http://h.example.org/listings?start=40"},
       R"(^http://h\.example\.org/listings\?start=\d+$)"},
      // A digit run that does not vary stays literal.
      {{"http://h.example.org/c/7/page/2", "http://h.example.org/c/7/page/3"},
       R"(^http://h\.example\.org/c/7/page/\d+$)"},
      {{"http://h.example.org/more"}, R"(^http://h\.example\.org/more$)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pages);
    auto regex = PaginationRegex(c.pages, "http://h.example.org", nullptr);
    REQUIRE(regex);
    CHECK(*regex == c.regex);
  }
}

TEST_CASE("SiteProbe_FindPagination_ReadsRelNextNextWordsAndPageNumbers") {
  static const struct {
    const char* html;
    const char* next;
    std::vector<std::string> pages;
  } cases[] = {
      {R"(<a href="/l?page=2" rel="next">Next &raquo;</a> <a href="/l?page=3">3</a>)",
       "http://h.example.org/l?page=2",
       {"http://h.example.org/l?page=2", "http://h.example.org/l?page=3"}},
      {R"(<a href="/l/page/2">&rsaquo;</a>)", "http://h.example.org/l/page/2",
       {"http://h.example.org/l/page/2"}},
      {R"(<a href="/p2.html">2</a> <a href="/p3.html">3</a> <a href="/ad/2">2 rooms</a>)",
       "http://h.example.org/p2.html",
       {"http://h.example.org/p2.html", "http://h.example.org/p3.html"}},
      // Page 2 linking back to page 1 under another name: not the same shape.
      {R"(<a href="/index.html">&lt; Prev</a> <a href="/page3.html" rel="next">Next</a>)",
       "http://h.example.org/page3.html", {"http://h.example.org/page3.html"}},
      {R"(<button disabled>Load more</button><a href="/about">About</a>)", "", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.html);
    ProbeDom dom(c.html);
    auto links = CollectListingLinks(dom, "http://h.example.org/page2.html", {}, 0);
    PaginationGuess guess = FindPagination(links, "http://h.example.org/page2.html",
                                           "http://h.example.org");
    CHECK(guess.next == c.next);
    CHECK(guess.pages == c.pages);
  }
}

// A listing of five cards in `card`, around navigation and a footer.
std::string Listing(const std::string& nav, const std::string& card, const std::string& foot) {
  static const char* const kTitles[] = {"Warehouse Operative", "Kitchen Porter", "Care Assistant",
                                        "Van Driver", "Office Cleaner"};
  std::string html = "<html><head><title>Jobs</title></head><body><nav class=\"main-nav\">" + nav +
                     "</nav><main><h1>Latest jobs</h1>";
  for (int i = 0; i < 5; ++i) {
    std::string c = card;
    for (std::size_t at; (at = c.find("{id}")) != std::string::npos;) c.replace(at, 4, std::to_string(501 + i));
    for (std::size_t at; (at = c.find("{title}")) != std::string::npos;) c.replace(at, 7, kTitles[i]);
    std::string slug = Lower(kTitles[i]);
    for (char& ch : slug) ch = ch == ' ' ? '-' : ch;
    for (std::size_t at; (at = c.find("{slug}")) != std::string::npos;) c.replace(at, 6, slug);
    html += c;
  }
  return html + "</main><footer>" + foot + "</footer></body></html>";
}

TEST_CASE("SiteProbe_GroupLinks_PicksTheRepeatedAdvertLinksOverNavigation") {
  static const struct {
    const char* rule;
    std::string html;
    const char* adverts;
    const char* narrowed;  // after NarrowAgainst the listing's other links
  } cases[] = {
      {"slugs without ids, categories of the same shape in the nav",
       Listing(R"(<a href="/jobs/warehouse">Warehouse</a><a href="/jobs/care">Care</a>)"
               R"(<a href="/jobs/driving">Driving</a><a href="/jobs/cleaning">Cleaning</a>)"
               R"(<a href="/jobs/catering">Catering</a><a href="/jobs/retail">Retail</a>)",
               R"(<div class="card"><h3><a href="/jobs/{slug}-northampton">{title}</a></h3></div>)",
               R"(<a href="/about">About</a>)"),
       R"(^http://h\.example\.org/jobs/[a-z0-9-]+$)",
       R"(^http://h\.example\.org/jobs/[a-z0-9]+(?:-[a-z0-9]+){1,}$)"},
      {"the same 'View details' text on every card",
       Listing("", R"(<div class="card"><h3>{title}</h3><a class="more" href="/vacancy/{id}">View details</a>)"
                   R"( <a class="save" href="/account/save?job={id}">Save</a></div>)",
               R"(<a href="/terms">Terms</a>)"),
       R"(^http://h\.example\.org/vacancy/\d+$)", nullptr},
      {"an employer link on every card",
       Listing("", R"(<div class="card"><a class="title" href="/job/{id}">{title}</a>)"
                   R"( <a class="employer" href="/employer/acme-ltd">Acme Ltd</a></div>)",
               ""),
       R"(^http://h\.example\.org/job/\d+$)", nullptr},
      {"tracking parameters stripped as the crawl strips them",
       Listing("", R"(<li class="r"><a href="/ad/{id}?utm_source=list&amp;ref=home">{title}</a></li>)", ""),
       R"(^http://h\.example\.org/ad/\d+$)", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.rule);
    ProbeDom dom(c.html);
    auto links = CollectListingLinks(dom, "http://h.example.org/jobs", {"utm_*", "ref", "sort"}, 0);
    auto groups = GroupLinks(links, "http://h.example.org", {"http://h.example.org/jobs"}, 1);
    auto chosen = ChooseAdvertGroups(groups);
    REQUIRE(chosen.size() == 1);
    LinkGroup& group = groups[chosen.front()];
    CHECK(group.pattern.Regex() == c.adverts);
    CHECK(group.urls.size() == 5);
    std::vector<std::string> others;
    for (const ListingLink& link : links) {
      if (std::find(group.urls.begin(), group.urls.end(), link.url) == group.urls.end()) {
        others.push_back(link.url);
      }
    }
    CHECK(NarrowAgainst(&group, others).empty());
    CHECK(group.pattern.Regex() == (c.narrowed != nullptr ? c.narrowed : c.adverts));
    for (const std::string& url : group.urls) CHECK(RE2::FullMatch(url, RE2(group.pattern.Regex())));
  }
}

TEST_CASE("SiteProbe_SiteNameFromUrl_IsTheHostAsAConfigName") {
  static const struct {
    const char* url;
    const char* name;
  } cases[] = {
      {"https://www.jobs.example.org/search?page=1", "jobs-example-org"},
      {"http://Shire_Jobs.example.com/", "shire-jobs-example-com"},
      {"http://127.0.0.1:8080/listings", "127-0-0-1-8080"},
      {"http://127.0.0.1/listings", "127-0-0-1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.url);
    CHECK(SiteNameFromUrl(c.url) == c.name);
    CHECK(IsValidSiteName(SiteNameFromUrl(c.url)));
  }
}

TEST_CASE("SiteProbe_GuessKind_PayAndVacancyWordsAreJobsAgeAndCompanionWordsAdult") {
  static const struct {
    const char* text;
    const char* kind;
  } cases[] = {
      {"Warehouse operative. Salary £11.44 per hour, permanent, apply with your CV", "jobs"},
      {"Amber, age 22, new in town. Relaxing massage and companionship. Rates £80 per hour",
       "adult"},
      {"Elegant companions, discreet incall. Ladies over 18 only", "adult"},
      {"Cleaner wanted, evenings, £12.00 per hour", "jobs"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(GuessKind({c.text}, nullptr) == c.kind);
  }
}

TEST_CASE("SiteProbe_BadInput_IsInvalidArgumentNamingIt") {
  static const struct {
    const char* url;
    const char* kind;
    const char* name;
    const char* message;
  } cases[] = {
      {"ftp://probe.example.org/", "", "", "not an http(s) URL: 'ftp://probe.example.org/'"},
      {"http://probe.example.org/", "cars", "", "--kind must be jobs or adult, got 'cars'"},
      {"http://probe.example.org/", "", "Shire Jobs", "--name 'Shire Jobs' must match [a-z0-9-]+"},
  };
  for (const auto& c : cases) {
    SavedSite site(kProbeDir + "job_board/", {});
    ProbeOptions options;
    options.listing_url = c.url;
    options.kind = c.kind;
    options.name = c.name;
    auto proposal = ProbeSite(options, site);
    REQUIRE_FALSE(proposal.ok());
    CHECK(proposal.status().IsInvalidArgument());
    CHECK(proposal.status().message() == c.message);
    CHECK(site.requested.empty());
  }
}

TEST_CASE("SiteProbe_DeeplyNestedPage_IsCutToTheNestingLimitAndKeepsItsText") {
  // 200k nested <div>s would take gumbo minutes; the limiter drops the
  // start tags beyond 1024 and as many end tags.
  std::string html = "<html><body><h1 class=\"t\">Deep</h1>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "<span class=\"town\">Corby</span>";
  for (int i = 0; i < 200000; ++i) html += "</div>";
  html += "<p>after</p></body></html>";
  const auto start = std::chrono::steady_clock::now();
  ProbeDom dom(html);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10);
  CHECK(dom.elements().size() < 1100);
  auto title = Selector::Parse("h1.t");
  REQUIRE(title.ok());
  auto matches = dom.Select(*title);
  REQUIRE(matches.size() == 1);
  CHECK(dom.TextOf(matches.front()) == "Deep");
  // The span was beyond the limit: its tag is gone, its text is not.
  CHECK(dom.text().find("Corby") != std::string::npos);
  CHECK(dom.text().find("after") != std::string::npos);
}

// --- whole proposals on the independent saved sites --------------------------

TEST_CASE("SiteProbe_SavedShapes_AdvertsPatternMatchesExactlyTheListedAdverts") {
  for (const char* name : kShapes) {
    CAPTURE(name);
    auto shape = RunShape(name);
    INFO((shape->proposal.ok() ? RenderSiteToml(*shape->proposal)
                               : shape->proposal.status().ToString()));
    REQUIRE(shape->proposal.ok());
    const SiteProposal& p = *shape->proposal;
    std::set<std::string> matched;
    for (const std::string& url : ListingLinks(name)) {
      if (MatchesAny(p.adverts, url)) matched.insert(url);
    }
    CHECK(matched == Absolute(shape->expected["adverts"]));
    CHECK(p.advert_links == static_cast<int>(matched.size()));
  }
}

TEST_CASE("SiteProbe_SavedShapes_FollowPatternMatchesExactlyTheOtherListingPages") {
  for (const char* name : kShapes) {
    CAPTURE(name);
    auto shape = ProposedShape(name);
    const SiteProposal& p = *shape->proposal;
    INFO(RenderSiteToml(p));
    std::set<std::string> followed;
    const std::string seed = kBase + shape->expected["listing"].get<std::string>();
    for (const std::string& url : ListingLinks(name)) {
      if (url != seed && MatchesAny(p.follow, url)) followed.insert(url);
    }
    CHECK(followed == Absolute(shape->expected["pagination"]));
    for (const std::string& advert : Absolute(shape->expected["adverts"])) {
      CHECK_FALSE(MatchesAny(p.follow, advert));
    }
  }
}

// Fields the selector subset of extractors/selector.h cannot reach on a
// shape (no class, id or attribute tells the cell apart, and the subset has
// no sibling combinator or :nth-child): the probe must then propose nothing
// rather than a selector that reads the wrong cell.
const std::map<std::string, std::set<std::string>>& Unreachable() {
  static const std::map<std::string, std::set<std::string>> fields = {
      {"table_classifieds", {"location", "salary", "posted"}},
  };
  return fields;
}

TEST_CASE("SiteProbe_SavedShapes_FieldSelectorsReadTheFirstAdvertsValues") {
  for (const char* name : kShapes) {
    CAPTURE(name);
    auto shape = ProposedShape(name);
    const SiteProposal& p = *shape->proposal;
    INFO(RenderSiteToml(p));
    REQUIRE_FALSE(p.sample_urls.empty());
    const std::string first_advert = shape->expected["adverts"][0].get<std::string>();
    CHECK(p.sample_urls.front() == *NormalizeUrl(kBase + first_advert));
    auto page = shape->site->Get(kBase + first_advert);
    REQUIRE(page.ok());
    const auto unreachable = Unreachable().count(name) ? Unreachable().at(name)
                                                       : std::set<std::string>{};
    for (const auto& [field, value] : shape->expected["fields"].items()) {
      CAPTURE(field);
      const FieldProposal* proposal = FieldOf(p, field);
      REQUIRE(proposal != nullptr);
      std::string read = ReadField(page->html, proposal->selector);
      if (unreachable.count(field) != 0) {
        CHECK(proposal->selector.empty());
        continue;
      }
      if (shape->expected.contains("fields_structured") &&
          shape->expected["fields_structured"].contains(field)) {
        // Numbers only in the page: the script's object read as text.
        const json& s = shape->expected["fields_structured"][field];
        CHECK(read.find(s["min"].dump()) != std::string::npos);
        CHECK(read.find(s["max"].dump()) != std::string::npos);
        CHECK(read.find(s["unit"].get<std::string>()) != std::string::npos);
        continue;
      }
      CHECK(read == value.get<std::string>());
    }
  }
}

TEST_CASE("SiteProbe_SavedShapes_ProposalLoadsAsConfigAndReadsNoMorePagesThanNeeded") {
  for (const char* name : kShapes) {
    CAPTURE(name);
    auto shape = ProposedShape(name);
    std::string toml = RenderSiteToml(*shape->proposal);
    INFO(toml);
    auto config = ParseConfig(toml, "probe.toml", "/tmp");
    REQUIRE(config.ok());
    REQUIRE(config->sites.size() == 1);
    const SiteConfig& site = config->sites.front();
    CHECK(site.adverts == shape->proposal->adverts);
    CHECK(site.follow == shape->proposal->follow);
    CHECK(site.seeds == std::vector<std::string>{shape->proposal->seed});
    CHECK(IsValidSiteName(site.name));
    // 2 listing pages and at most 6 advert pages.
    CHECK(shape->site->requested.size() <= 8);
  }
}

TEST_CASE("SiteProbe_SavedShapes_KindIsGuessedFromTheWords") {
  static const struct {
    const char* shape;
    const char* kind;
  } cases[] = {{"job_board", "jobs"},         {"noisy_navigation", "jobs"},
               {"profile_directory", "adult"}, {"script_data", "jobs"},
               {"table_classifieds", "jobs"}};
  for (const auto& c : cases) {
    CAPTURE(c.shape);
    auto shape = ProposedShape(c.shape);
    CHECK(shape->proposal->kind == c.kind);
  }
}

TEST_CASE("SiteProbe_RobotsDisallowedAdverts_AreNotSampled") {
  SavedSite site(kProbeDir + "job_board/", {}, {"/job/48213-warehouse-operative.html"});
  ProbeOptions options;
  options.listing_url = kBase + "index.html";
  auto proposal = ProbeSite(options, site);
  REQUIRE(proposal.ok());
  for (const std::string& url : site.requested) {
    CHECK(url.find("48213") == std::string::npos);
  }
  REQUIRE_FALSE(proposal->sample_urls.empty());
  CHECK(proposal->sample_urls.front() == kBase + "job/48214-forklift-driver-counterbalance.html");
  bool warned = false;
  for (const std::string& w : proposal->warnings) {
    warned = warned || w.find("disallowed by robots.txt") != std::string::npos;
  }
  CHECK(warned);
}

TEST_CASE("SiteProbe_ListingThatCannotBeRead_IsTheSourcesError") {
  SavedSite site(kProbeDir + "job_board/", {});
  ProbeOptions options;
  options.listing_url = kBase + "missing.html";
  auto proposal = ProbeSite(options, site);
  REQUIRE_FALSE(proposal.ok());
  CHECK(proposal.status().IsNotFound());
  CHECK(proposal.status().message() == "HTTP 404 for " + kBase + "missing.html");
}

}  // namespace
}  // namespace plainsight
