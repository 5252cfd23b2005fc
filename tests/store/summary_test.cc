// Advert summaries (store/advert_summary.h) and the text-only decoder
// (DecodeAdvertText): round trips, malformed input, and the store keeping
// summaries in step with adverts, including stores from before summaries.
#include <catch2/catch.hpp>
#include <filesystem>

#include "store/advert_summary.h"
#include "store/record_codec.h"
#include "store/store.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-summary-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string path;
};

AdvertRecord Advert(const std::string& url, const std::string& text) {
  AdvertRecord a;
  a.url = url;
  a.id = AdvertIdForUrl(url);
  a.site = "farm-adult";
  a.kind = "adult";
  a.title = "Jasmine, 22";
  a.text = text;
  a.posted = "2026-11-05";
  a.sha256 = std::string(64, 'a');
  a.first_seen = 1000;
  a.last_seen = 2000;
  a.phones = {"+447700900123", "+447700900124"};
  a.emails = {"jasmine@example.org"};
  a.postcodes = {"NN1 1AB"};
  a.addresses = {"14 MILL ROAD"};
  a.towns = {"Northampton", "Corby"};
  a.indicators = {{"adult.turnover", "turnover", 1.5, "New girls every week"}};
  return a;
}

void CheckSameSummary(const AdvertSummary& got, const AdvertRecord& want) {
  CHECK(got.id == want.id);
  CHECK(got.site == want.site);
  CHECK(got.kind == want.kind);
  CHECK(got.posted == want.posted);
  CHECK(got.sha256 == want.sha256);
  CHECK(got.first_seen == want.first_seen);
  CHECK(got.last_seen == want.last_seen);
  CHECK(got.removed == want.removed);
  CHECK(got.removed_at == want.removed_at);
  CHECK(got.phones == want.phones);
  CHECK(got.emails == want.emails);
  CHECK(got.postcodes == want.postcodes);
  CHECK(got.addresses == want.addresses);
  CHECK(got.towns == want.towns);
  REQUIRE(got.indicators.size() == want.indicators.size());
  for (size_t i = 0; i < got.indicators.size(); ++i) {
    CHECK(got.indicators[i].id == want.indicators[i].id);
    CHECK(got.indicators[i].category == want.indicators[i].category);
    CHECK(got.indicators[i].weight == want.indicators[i].weight);
    CHECK(got.indicators[i].match == want.indicators[i].match);
  }
}

TEST_CASE("Summary_Codec_RoundTripsEveryField") {
  AdvertRecord full = Advert("http://example.org/ad/1", "text");
  AdvertRecord removed = full;
  removed.removed = true;
  removed.removed_at = 3000;
  removed.first_seen = -5;  // negative times survive the zigzag encoding
  AdvertRecord empty;
  empty.id = "A-0000000000000000";
  AdvertRecord unicode = full;
  unicode.towns = {"Llanfair\xc3\xa9", std::string("a\0b", 3)};
  static const AdvertRecord* const kCases[] = {&full, &removed, &empty, &unicode};
  AdvertSummary decoded;  // reused, as a scan reuses it
  for (const AdvertRecord* a : kCases) {
    INFO(a->id);
    REQUIRE(DecodeAdvertSummary(a->id, EncodeAdvertSummary(*a), &decoded).ok());
    CheckSameSummary(decoded, *a);
    CheckSameSummary(SummarizeAdvert(*a), *a);
  }
}

TEST_CASE("Summary_Codec_RejectsMalformedBytes") {
  const std::string good = EncodeAdvertSummary(Advert("http://example.org/ad/1", "text"));
  static const struct {
    const char* what;
    size_t keep;  // bytes of `good` kept; npos = all, with junk appended
  } kCases[] = {
      {"empty", 0}, {"magic only", 2}, {"cut in a string", 8}, {"cut before the end", 40},
      {"trailing junk", std::string::npos},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    std::string bytes = c.keep == std::string::npos ? good + "x" : good.substr(0, c.keep);
    AdvertSummary out;
    Status s = DecodeAdvertSummary("A-1", bytes, &out);
    CHECK(s.code() == Status::Code::kCorruption);
  }
}

TEST_CASE("Summary_TextDecoder_AgreesWithFullDecoder") {
  static const struct {
    const char* what;
    std::string title;
    std::string text;
  } kCases[] = {
      {"plain", "Jasmine, 22", "Hello\nCall 07700 900123"},
      {"quotes and backslashes", "\"Quoted\" \\ title", "path C:\\x \"y\""},
      {"control characters", std::string("tab\there\x01", 10), "line\r\nbreak\b\f"},
      {"utf-8", "Caf\xc3\xa9", "\xf0\x9f\x98\x80 smile \xe2\x82\xac"},
      {"empty", "", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    AdvertRecord a = Advert("http://example.org/ad/1", c.text);
    a.title = c.title;
    std::string title, text;
    REQUIRE(DecodeAdvertText(EncodeAdvert(a), &title, &text).ok());
    CHECK(title == c.title);
    CHECK(text == c.text);
  }
}

TEST_CASE("Summary_TextDecoder_ReadsHandWrittenJson") {
  static const struct {
    const char* what;
    const char* json;
    const char* title;
    const char* text;
  } kCases[] = {
      {"spaces and nesting before the fields",
       " { \"a\" : [1, {\"b\": \"}\"}, null] , \"title\" : \"T\", \"text\":\"x\" } ", "T", "x"},
      {"escaped surrogate pair", R"({"id":"A-1","url":"u","title":"\ud83d\ude00","text":"\u00e9"})",
       "\xf0\x9f\x98\x80", "\xc3\xa9"},
      {"no text field", R"({"id":"A-1","url":"u","title":"only"})", "only", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    std::string title, text;
    REQUIRE(DecodeAdvertText(c.json, &title, &text).ok());
    CHECK(title == c.title);
    CHECK(text == c.text);
  }
  std::string title, text;
  CHECK(DecodeAdvertText("{\"title\": \"unterminated", &title, &text).code() ==
        Status::Code::kCorruption);
}

std::vector<AdvertSummary> Summaries(const Store& store) {
  std::vector<AdvertSummary> out;
  REQUIRE(store.ForEachAdvertSummary([&](const AdvertSummary& s) {
    out.push_back(s);
    return true;
  }).ok());
  return out;
}

TEST_CASE("Summary_Store_FollowsEveryAdvertWrite") {
  TempDir tmp;
  auto opened = Store::Open(tmp.path + "/db", {});
  REQUIRE(opened.ok());
  Store& store = **opened;
  AdvertRecord a = Advert("http://example.org/ad/1", "first text");
  AdvertRecord b = Advert("http://example.org/ad/2", "second text");
  struct Step {
    const char* what;
    std::function<void()> change;
  };
  const Step kSteps[] = {
      {"new adverts", [&] {
         REQUIRE(store.UpsertAdvert(a).ok());
         REQUIRE(store.UpsertAdvert(b).ok());
       }},
      {"a recrawl with the same body moves last_seen", [&] {
         AdvertRecord again = a;
         again.last_seen = 2500;
         REQUIRE(store.UpsertAdvert(again).ok());
       }},
      {"a changed body replaces contacts", [&] {
         AdvertRecord changed = b;
         changed.sha256 = std::string(64, 'b');
         changed.phones = {"+447700900999"};
         REQUIRE(store.UpsertAdvert(changed).ok());
       }},
      {"a touch", [&] { REQUIRE(store.TouchAdvert(a.id, 2600).ok()); }},
      {"a removal", [&] { REQUIRE(store.MarkAdvertRemoved(b.id, 2700).ok()); }},
      {"a deletion", [&] { REQUIRE(store.DeleteAdvert(a.id).ok()); }},
  };
  for (const Step& step : kSteps) {
    INFO(step.what);
    step.change();
    std::vector<AdvertRecord> adverts;
    REQUIRE(store.ForEachAdvert([&](const AdvertRecord& r) {
      adverts.push_back(r);
      return true;
    }).ok());
    std::vector<AdvertSummary> summaries = Summaries(store);
    REQUIRE(summaries.size() == adverts.size());
    for (size_t i = 0; i < adverts.size(); ++i) CheckSameSummary(summaries[i], adverts[i]);
  }
}

// A store written before summaries existed has adverts but no summaries
// marker; dropping the marker reproduces that.
TEST_CASE("Summary_Store_OlderStoreGetsSummariesBuilt") {
  static const struct {
    const char* what;
    bool read_only;
  } kCases[] = {{"writable: built once", false}, {"read-only: derived", true}};
  for (const auto& c : kCases) {
    INFO(c.what);
    TempDir tmp;
    const std::string dir = tmp.path + "/db";
    std::vector<AdvertRecord> written;
    {
      auto opened = Store::Open(dir, {});
      REQUIRE(opened.ok());
      for (int i = 0; i < 5; ++i) {
        written.push_back(Advert("http://example.org/ad/" + std::to_string(i), "text"));
        REQUIRE((*opened)->UpsertAdvert(written.back()).ok());
      }
      REQUIRE((*opened)->DeleteMeta("store\x1fsummaries").ok());
    }
    std::sort(written.begin(), written.end(),
              [](const AdvertRecord& x, const AdvertRecord& y) { return x.id < y.id; });
    StoreOptions options;
    options.read_only = c.read_only;
    auto opened = Store::Open(dir, options);
    REQUIRE(opened.ok());
    std::vector<AdvertSummary> summaries = Summaries(**opened);
    REQUIRE(summaries.size() == written.size());
    for (size_t i = 0; i < written.size(); ++i) CheckSameSummary(summaries[i], written[i]);
    auto marker = (*opened)->GetMeta("store\x1fsummaries");
    REQUIRE(marker.ok());
    CHECK(marker->has_value() == !c.read_only);
  }
}

}  // namespace
}  // namespace plainsight
