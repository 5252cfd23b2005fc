// Calendar days (core/dates.h), as adverts and analysts write them.
#include "core/dates.h"

#include <catch2/catch.hpp>

namespace plainsight {
namespace {

std::string Iso(const std::optional<CivilDay>& d) { return d ? d->Iso() : "none"; }

TEST_CASE("Dates_DaysFromCivil_CountsFromTheUnixEpoch") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  CHECK(DaysFromCivil(2024, 2, 29) == 19782);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(UnixMidnight({2026, 12, 5}) == 1796428800);
}

TEST_CASE("Dates_ParseIsoDay_ExactlyTenCharactersWithAValidMonthAndDay") {
  static const struct {
    const char* text;
    const char* iso;
  } kCases[] = {
      {"2026-11-05", "2026-11-05"}, {"1989-01-31", "1989-01-31"}, {"2026-13-01", "none"},
      {"2026-00-10", "none"},       {"2026-11-32", "none"},       {"2026-11-5", "none"},
      {"2026/11/05", "none"},       {"2026-11-05T10:00", "none"}, {"", "none"},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(Iso(ParseIsoDay(c.text)) == c.iso);
  }
}

TEST_CASE("Dates_ParseLongDay_DayMonthNameYear") {
  static const struct {
    const char* text;
    const char* iso;
  } kCases[] = {
      {"5 November 2026", "2026-11-05"}, {"05 nov 2026", "2026-11-05"},
      {"1 SEPT 2025", "2025-09-01"},     {"31 December 2024", "2024-12-31"},
      {"5 No 2026", "none"},             {"5 Novembers 2026", "none"},
      {"November 5 2026", "none"},       {"5 November 26", "none"},
      {"40 May 2026", "none"},           {"5 November", "none"},
      {"6 November 2026, 10:30", "2026-11-06"}, {"6 November 20261", "none"},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(Iso(ParseLongDay(c.text)) == c.iso);
  }
}

TEST_CASE("Dates_FindIsoDay_FirstPlausibleDayInsideText") {
  CHECK(Iso(FindIsoDay("Posted 2026-11-05 10:00")) == "2026-11-05");
  CHECK(Iso(FindIsoDay("ref 1234-56-78 then 2025-04-01")) == "2025-04-01");
  CHECK(Iso(FindIsoDay("ref 1985-01-01")) == "none");
  CHECK(Iso(FindIsoDay("no date")) == "none");
}

TEST_CASE("Dates_ParsePostedDay_LongOrLeadingIsoAfter1990") {
  CHECK(Iso(ParsePostedDay("2026-11-05T08:30:00Z")) == "2026-11-05");
  CHECK(Iso(ParsePostedDay("6 November 2026")) == "2026-11-06");
  CHECK(Iso(ParsePostedDay("1985-06-01")) == "none");
  CHECK(Iso(ParsePostedDay("yesterday")) == "none");
  CHECK(Iso(ParsePostedDay("Posted 2026-11-05")) == "none");  // only at the start
}

}  // namespace
}  // namespace plainsight
