// Entity timelines for `show`: first and last seen, adverts per day, towns
// and sites of every advert carrying a lead's contacts.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "leads/timeline.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

constexpr std::int64_t kDec1 = 1796083200;  // 2026-12-01T00:00:00Z

TEST_CASE("Timeline_PerEntity_FirstLastDaysTownsSites") {
  TempStore t;
  static const struct {
    const char* url;
    const char* site;
    const char* town;
    std::int64_t first_seen;
    const char* email;
  } kAdverts[] = {
      {"http://example.org/t/1", "velvet", "Corby", kDec1 + 3600, "a@example.org"},
      {"http://example.org/t/2", "silk", "Kettering", kDec1 + 7200, ""},
      {"http://example.org/t/3", "velvet", "Rushden", kDec1 + 86400 + 60, "a@example.org"},
  };
  for (const auto& a : kAdverts) {
    Ad ad;
    ad.url = a.url;
    ad.site = a.site;
    ad.town = a.town;
    ad.first_seen = a.first_seen;
    ad.phones = {"+447700900808"};
    if (*a.email != '\0') ad.emails = {a.email};
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDec1 + 90000).ok());
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  auto timelines = BuildTimelines(*t.store, leads[0]);
  REQUIRE(timelines.ok());
  REQUIRE(timelines->size() == 2);

  static const struct {
    const char* type;
    const char* value;
    std::int64_t first, last;
    std::map<std::string, int> per_day;
    std::vector<std::string> towns, sites;
  } kExpected[] = {
      {"phone", "+447700900808", kDec1 + 3600, kDec1 + 86400 + 60,
       {{"2026-12-01", 2}, {"2026-12-02", 1}}, {"Corby", "Kettering", "Rushden"}, {"silk", "velvet"}},
      {"email", "a@example.org", kDec1 + 3600, kDec1 + 86400 + 60,
       {{"2026-12-01", 1}, {"2026-12-02", 1}}, {"Corby", "Rushden"}, {"velvet"}},
  };
  for (size_t i = 0; i < 2; ++i) {
    const EntityTimeline& got = (*timelines)[i];
    const auto& want = kExpected[i];
    CAPTURE(want.value);
    CHECK(got.type == want.type);
    CHECK(got.value == want.value);
    CHECK(got.first_seen == want.first);
    CHECK(got.last_seen == want.last);
    CHECK(got.adverts_per_day == want.per_day);
    CHECK(got.towns == want.towns);
    CHECK(got.sites == want.sites);
  }
}

// A lead's address is the street with where it is ("12 MILL ROAD, NN1 1AA",
// leads/full_address.h), which the store indexes by the street alone: the
// timeline counts the adverts giving that street there, and not the same
// street name in another postcode or in a town with no postcode.
TEST_CASE("Timeline_Address_TheStreetWhereItIs_NotTheSameNameElsewhere") {
  TempStore t;
  static const struct {
    const char* url;
    const char* postcode;  // "" = none
    const char* town;
    const char* phone;
  } kAdverts[] = {
      {"http://example.org/a/1", "NN1 1AA", "Northampton", "+447700900811"},
      {"http://example.org/a/2", "NN1 1AA", "Northampton", "+447700900812"},
      {"http://example.org/a/3", "LU1 1AA", "Luton", "+447700900813"},
      {"http://example.org/a/4", "", "Derby", "+447700900814"},
  };
  for (const auto& a : kAdverts) {
    Ad ad;
    ad.url = a.url;
    ad.town = a.town;
    ad.first_seen = kDec1 + 3600;
    ad.phones = {a.phone};
    ad.addresses = {"12 MILL ROAD"};
    if (*a.postcode != '\0') ad.postcodes = {a.postcode};
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDec1 + 90000).ok());
  const auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  REQUIRE(leads[0].addresses == std::vector<std::string>{"12 MILL ROAD, NN1 1AA"});
  auto timelines = BuildTimelines(*t.store, leads[0]);
  REQUIRE(timelines.ok());
  const EntityTimeline* address = nullptr;
  for (const EntityTimeline& timeline : *timelines) {
    if (timeline.type == "address") address = &timeline;
  }
  REQUIRE(address != nullptr);
  CHECK(address->value == "12 MILL ROAD, NN1 1AA");
  CHECK(address->adverts_per_day == std::map<std::string, int>{{"2026-12-01", 2}});
  CHECK(address->towns == std::vector<std::string>{"Northampton"});
}

TEST_CASE("Timeline_UtcDay_Formats") {
  static const struct {
    std::int64_t t;
    const char* day;
  } kCases[] = {{0, "1970-01-01"}, {kDec1, "2026-12-01"}, {kDec1 - 1, "2026-11-30"},
                {951782400, "2000-02-29"}};
  for (const auto& c : kCases) {
    CAPTURE(c.t);
    CHECK(UtcDay(c.t) == c.day);
  }
}

}  // namespace
}  // namespace plainsight
