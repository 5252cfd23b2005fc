// The daily report gathered from a real store (RocksDB in a temp dir) and
// rendered as HTML and CSV in-process, at a fixed "now".
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "report/html_report.h"
#include "report/link_picture.h"
#include "report/report_data.h"
#include "report/report_formats.h"
#include "tests/report/report_fixture.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

constexpr std::int64_t kNow = 1764324000;  // 2025-11-28T10:00:00Z

struct Gathered {
  TempDir dir;
  Sample sample = MakeSample(kNow);
  ReportData data;
};

void Gather(Gathered& g) {
  WriteSampleStore(g.dir.path + "/store", g.sample);
  auto store = Store::Open(g.dir.path + "/store", StoreOptions{false, true});
  REQUIRE(store.ok());
  auto data = GatherReport(**store, ReportWindow{kNow - kDay, kNow});
  REQUIRE(data.ok());
  g.data = std::move(data).value();
}

TEST_CASE("Report_Counts_FollowWindowDefinitions") {
  Gathered g;
  Gather(g);
  const ReportData& d = g.data;
  static const char* const kNames[] = {"adverts total", "adverts seen", "adverts new", "adverts removed",
                                       "leads total",   "leads new",    "leads updated",
                                       "status new",    "status reviewed", "status dismissed",
                                       "changed leads", "top leads"};
  const std::uint64_t actual[] = {d.adverts.total, d.adverts.seen, d.adverts.added, d.adverts.removed,
                                  d.leads.total, d.leads.added, d.leads.updated,
                                  d.leads.by_status.at("new"), d.leads.by_status.at("reviewed"),
                                  d.leads.by_status.at("dismissed"), d.changed_leads.size(),
                                  d.top_leads.size()};
  // Seen: mia, silk, cleaner (warehouse last seen 3 days ago). New: mia,
  // cleaner. Removed: warehouse, an hour ago. Top leads leave the dismissed
  // one out.
  const std::uint64_t expected[] = {4, 3, 2, 1, 3, 1, 1, 1, 1, 1, 2, 2};
  for (size_t i = 0; i < std::size(kNames); ++i) {
    INFO(kNames[i]);
    CHECK(actual[i] == expected[i]);
  }
  REQUIRE(d.changed_leads.size() == 2);
  CHECK(d.changed_leads[0].lead.id == "L-00000000aaaa");
  CHECK(d.changed_leads[0].added_in_window);
  CHECK(d.changed_leads[1].lead.id == "L-00000000bbbb");
  CHECK_FALSE(d.changed_leads[1].added_in_window);
  CHECK(d.changed_leads[0].adverts.size() == 2);
}

TEST_CASE("Report_SiteDays_AdvertCountsOnEachDayItIsLive") {
  Gathered g;
  Gather(g);
  const std::int64_t today = kNow - kNow % kDay;
  static const struct {
    const char* site;
    int days_ago;
    std::uint64_t adverts;
  } kCases[] = {
      {"velvet-rooms", 0, 1},    {"velvet-rooms", 1, 0},    {"silk-companions", 0, 1},
      {"silk-companions", 2, 1}, {"silk-companions", 3, 0}, {"county-jobs", 0, 1},
      {"county-jobs", 3, 1},     {"county-jobs", 5, 1},     {"county-jobs", 6, 0},
  };
  REQUIRE(g.data.days.size() == static_cast<size_t>(kReportChartDays));
  CHECK(g.data.days.back() == today);
  CHECK(g.data.site_days.size() == 3 * static_cast<size_t>(kReportChartDays));
  for (const auto& c : kCases) {
    CAPTURE(c.site, c.days_ago);
    std::uint64_t found = 999;
    for (const SiteDayCount& sd : g.data.site_days) {
      if (sd.site == c.site && sd.day == today - c.days_ago * kDay) found = sd.adverts;
    }
    CHECK(found == c.adverts);
  }
}

TEST_CASE("Report_Categories_AdvertsSeenInWindowPerCategory") {
  Gathered g;
  Gather(g);
  static const struct {
    const char* category;
    std::uint64_t adverts;
  } kCases[] = {
      {"living_and_working_same_address", 1},  // cleaner; warehouse is outside the window
      {"financial_control", 1},
      {"movement_between_locations", 1},
      {"restricted_movement", 1},
  };
  CHECK(g.data.categories.size() == std::size(kCases));
  for (const auto& c : kCases) {
    CAPTURE(c.category);
    std::uint64_t found = 0;
    for (const CategoryCount& cc : g.data.categories) {
      if (cc.category == c.category) found = cc.adverts;
    }
    CHECK(found == c.adverts);
  }
}

TEST_CASE("Report_Html_ShowsCountsLeadsAndReasons") {
  Gathered g;
  Gather(g);
  const std::string html = RenderHtmlReport(g.data, kNow);
  static const struct {
    const char* what;
    const char* text;
  } kCases[] = {
      {"seen card", "<div class=\"n\">3</div><div class=\"k\">adverts seen</div>"},
      {"new card", "<div class=\"n\">2</div><div class=\"k\">new adverts</div>"},
      {"removed card", "<div class=\"n\">1</div><div class=\"k\">adverts removed</div>"},
      {"leads total card", "<div class=\"n\">3</div><div class=\"k\">leads in total</div>"},
      {"new leads card", "<div class=\"n\">1</div><div class=\"k\">new leads</div>"},
      {"updated leads card", "<div class=\"n\">1</div><div class=\"k\">updated leads</div>"},
      {"status line", "dismissed 1, new 1, reviewed 1"},
      {"new lead", "L-00000000aaaa"},
      {"updated lead", "L-00000000bbbb"},
      {"score", "9.5"},
      {"reason with points", "<span class=\"pts\">+6.0</span> phone +447700900123 in 2 adverts on 2 sites"},
      {"escaped reason", "indicators &lt;b&gt;movement&lt;/b&gt;"},
      {"advert link", "<a href=\"https://velvet.example.org/ad/1\""},
      {"window", "From 2025-11-27T10:00:00Z to 2025-11-28T10:00:00Z"},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    CHECK(html.find(c.text) != std::string::npos);
  }
  CHECK(html.find("L-00000000cccc") == std::string::npos);  // dismissed, not changed
}

TEST_CASE("Report_Html_HostileAdvertTextRendersAsText") {
  Gathered g;
  g.sample.cleaner.url = "javascript:alert(1)";  // a stored URL must never become a script link
  Gather(g);
  const std::string html = RenderHtmlReport(g.data, kNow);
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const struct {
    const char* what;
    const char* text;
    bool present;
  } kCases[] = {
      {"escaped title", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Companionship &amp; massage", true},
      {"raw script tag", "<script", false},
      {"javascript link", "href=\"javascript:", false},
      {"javascript url shown as text", "javascript:alert(1)", true},
      {"quote in title escaped", "Relaxing evenings, &quot;Mia&quot;", true},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    CHECK((lower.find(c.text) != std::string::npos || html.find(c.text) != std::string::npos) == c.present);
  }
}

TEST_CASE("Report_Html_SelfContainedNoExternalResources") {
  Gathered g;
  Gather(g);
  const std::string html = RenderHtmlReport(g.data, kNow);
  const std::set<std::string> advert_urls = {g.sample.mia.url, g.sample.silk.url, g.sample.warehouse.url,
                                             g.sample.cleaner.url};
  std::regex attribute(R"re(\b(src|href)\s*=\s*"([^"]*)")re", std::regex::icase);
  size_t links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator();
       ++it) {
    const std::string name = (*it)[1], value = (*it)[2];
    INFO(name << "=" << value);
    CHECK(name == "href");
    CHECK((value == "data:," || advert_urls.count(value) == 1));
    ++links;
  }
  CHECK(links >= 4);
  static const char* const kForbidden[] = {"<script", "rel=\"stylesheet\"", "@import", "url(", "<iframe",
                                           "<img", "<object", "<embed"};
  for (const char* text : kForbidden) {
    INFO(text);
    CHECK(html.find(text) == std::string::npos);
  }
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("Report_Html_SvgChartsAndLinkPicture") {
  Gathered g;
  Gather(g);
  const std::string html = RenderHtmlReport(g.data, kNow);
  size_t svgs = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
  CHECK(svgs == 3);  // sites per day, categories, link picture
  const std::string picture = LinkPictureSvg(g.data.top_leads);
  static const char* const kParts[] = {
      "<circle",                 // adverts
      "<polygon",                // emails and postcodes
      ">advert</text>",          ">phone</text>", ">email</text>", ">postcode</text>", ">address</text>",
      "+447700900123</text>",    "NN1 1AA</text>", "14 MILL ROAD</text>", "mia@example.org</text>",
      "L-00000000aaaa  score 9.5  2 adverts",
      "<a href=\"https://silk.example.org/profile/22\">",
  };
  for (const char* part : kParts) {
    INFO(part);
    CHECK(picture.find(part) != std::string::npos);
    CHECK(html.find(part) != std::string::npos);
  }
}

TEST_CASE("Report_LinkPicture_LayoutIsDeterministic") {
  Gathered first, second;
  Gather(first);
  Gather(second);
  CHECK(LinkPictureSvg(first.data.top_leads) == LinkPictureSvg(second.data.top_leads));
  CHECK(RenderHtmlReport(first.data, kNow) == RenderHtmlReport(second.data, kNow));
}

TEST_CASE("Report_Csv_OneRowPerChangedLead") {
  Gathered g;
  Gather(g);
  const std::string csv = RenderCsvReport(g.data);
  static const char* const kLines[] = {
      "id,score,status,adverts,phones,emails,postcodes,top_reason,handles\r\n",
      "L-00000000aaaa,9.50,new,2,'+447700900123,mia@example.org,NN1 1AA,phone +447700900123 in 2 adverts on 2 "
      "sites,\r\n",
      "L-00000000bbbb,4.25,reviewed,2,'+447700900456,,,phone +447700900456 in 2 adverts,\r\n",
  };
  std::string expected;
  for (const char* line : kLines) expected += line;
  CHECK(csv == expected);
}

}  // namespace
}  // namespace plainsight
