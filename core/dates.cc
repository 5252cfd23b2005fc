#include "core/dates.h"

#include <array>
#include <cstdio>

namespace plainsight {
namespace {

constexpr int kEarliestAdvertYear = 1990;  // older "dates" are ids or noise

bool Digits(std::string_view s, size_t at, size_t len, int* out) {
  int v = 0;
  for (size_t i = at; i < at + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool Valid(const CivilDay& d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string CivilDay::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDay CivilFromDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

CivilDay UtcCivilDay(std::int64_t unix_seconds) {
  constexpr std::int64_t kDay = 86400;
  return CivilFromDays(unix_seconds >= 0 ? unix_seconds / kDay
                                         : (unix_seconds - (kDay - 1)) / kDay);
}

std::optional<CivilDay> ParseIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  CivilDay d;
  if (!Digits(s, 0, 4, &d.year) || !Digits(s, 5, 2, &d.month) || !Digits(s, 8, 2, &d.day)) {
    return std::nullopt;
  }
  if (!Valid(d)) return std::nullopt;
  return d;
}

std::optional<CivilDay> ParseLongDay(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const size_t first = s.find(' ');
  const size_t second = first == std::string_view::npos ? first : s.find(' ', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view day = s.substr(0, first);
  const std::string_view month = s.substr(first + 1, second - first - 1);
  // The year may be followed by more text ("6 November 2026, 10:30").
  const std::string_view year = s.substr(second + 1);
  CivilDay d;
  if (day.empty() || day.size() > 2 || !Digits(day, 0, day.size(), &d.day)) return std::nullopt;
  if (year.size() < 4 || !Digits(year, 0, 4, &d.year)) return std::nullopt;
  if (year.size() > 4 && year[4] >= '0' && year[4] <= '9') return std::nullopt;
  if (month.size() < 3) return std::nullopt;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    const std::string_view name = kMonths[i];
    if (month.size() > name.size()) continue;
    bool same = true;
    for (size_t k = 0; k < month.size() && same; ++k) same = Lower(month[k]) == name[k];
    if (same) {
      d.month = static_cast<int>(i) + 1;
      break;
    }
  }
  if (!Valid(d)) return std::nullopt;
  return d;
}

std::optional<CivilDay> FindIsoDay(std::string_view text) {
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    auto d = ParseIsoDay(text.substr(i, 10));
    if (d && d->year > kEarliestAdvertYear) return d;
  }
  return std::nullopt;
}

std::optional<CivilDay> ParsePostedDay(std::string_view posted) {
  std::optional<CivilDay> d = ParseLongDay(posted);
  if (!d && posted.size() >= 10) d = ParseIsoDay(posted.substr(0, 10));
  if (!d || d->year < kEarliestAdvertYear) return std::nullopt;
  return d;
}

}  // namespace plainsight
