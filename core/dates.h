// Calendar days as adverts and analysts write them: "2026-11-05" (ISO
// 8601), "5 November 2026" / "5 Nov 2026", found alone or inside longer
// text. One parser for the crawler's posted dates, correlation's timelines,
// the minimum-wage table and the CLI's --since.
//
// Pure functions; thread-safe. Days are proleptic Gregorian, UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plainsight {

struct CivilDay {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31 (not checked against the month's length)

  std::string Iso() const;  // "2026-11-05"
};

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);
// The inverse: the day `days` after 1970-01-01, before it when negative
// (H. Hinnant's civil_from_days).
CivilDay CivilFromDays(std::int64_t days);
// The UTC day a unix time falls in; a time before 1970 counts back to the
// start of its day. UtcCivilDay(0).Iso() is "1970-01-01".
CivilDay UtcCivilDay(std::int64_t unix_seconds);
inline std::int64_t UnixMidnight(const CivilDay& d) {
  return DaysFromCivil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day)) * 86400;
}

// Exactly "YYYY-MM-DD" with a month 1..12 and a day 1..31.
std::optional<CivilDay> ParseIsoDay(std::string_view text);
// "5 November 2026", "05 nov 2026": day, a month name or its first three or
// more letters (any case), year, separated by single spaces; text may
// follow the year ("6 November 2026, 10:30").
std::optional<CivilDay> ParseLongDay(std::string_view text);
// The first ISO day inside `text` whose year is after 1990 ("Posted
// 2026-11-05 10:00" -> 2026-11-05).
std::optional<CivilDay> FindIsoDay(std::string_view text);
// A page's posted date: a long day, or text starting with an ISO day; the
// year after 1990. Nothing otherwise.
std::optional<CivilDay> ParsePostedDay(std::string_view posted);

}  // namespace plainsight
