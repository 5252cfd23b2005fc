#include "tests/farm/conditional.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/dates.h"

namespace plainsight::farm {

namespace {

const char* const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr std::int64_t kDay = 86400;

}  // namespace

std::string EtagFor(std::string_view body) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : body) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char text[24];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

std::int64_t UnixAtNine(const std::string& iso_date) {
  // The farm writes these dates itself, so they are always YYYY-MM-DD.
  const long year = std::strtol(iso_date.substr(0, 4).c_str(), nullptr, 10);
  const long month = std::strtol(iso_date.substr(5, 2).c_str(), nullptr, 10);
  const long day = std::strtol(iso_date.substr(8, 2).c_str(), nullptr, 10);
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kDay + 9 * 3600;
}

std::int64_t FarmDayUnix(int day) { return UnixAtNine("2026-12-01") + (day - 1) * kDay; }

std::string HttpDate(std::int64_t unix_seconds) {
  const std::int64_t days = unix_seconds >= 0 ? unix_seconds / kDay : (unix_seconds - kDay + 1) / kDay;
  const std::int64_t secs = unix_seconds - days * kDay;
  const CivilDay c = CivilFromDays(days);
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[weekday], c.day,
                kMonths[c.month - 1], c.year, static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return text;
}

std::string IsoDate(std::int64_t unix_seconds) { return UtcCivilDay(unix_seconds).Iso(); }

std::int64_t ParseHttpDate(const std::string& text) {
  char weekday[4] = {};
  char month[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(text.c_str(), "%3s, %d %3s %d %d:%d:%d GMT", weekday, &day, month, &year, &hour,
                  &minute, &second) != 7) {
    return -1;
  }
  for (unsigned m = 0; m < 12; ++m) {
    if (std::strcmp(month, kMonths[m]) != 0) continue;
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return -1;
    return DaysFromCivil(year, m + 1, static_cast<unsigned>(day)) * kDay + hour * 3600 + minute * 60 +
           second;
  }
  return -1;
}

bool NotModified(const std::string& if_none_match, const std::string& if_modified_since,
                 const std::string& etag, std::int64_t last_modified) {
  if (!if_none_match.empty()) {
    // A list of entity tags or "*"; weak comparison, as GET allows.
    std::size_t start = 0;
    while (start <= if_none_match.size()) {
      std::size_t end = if_none_match.find(',', start);
      if (end == std::string::npos) end = if_none_match.size();
      std::string tag = if_none_match.substr(start, end - start);
      const auto first = tag.find_first_not_of(" \t");
      const auto last = tag.find_last_not_of(" \t");
      tag = first == std::string::npos ? "" : tag.substr(first, last - first + 1);
      if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
      if (tag == "*" || tag == etag) return true;
      start = end + 1;
    }
    return false;
  }
  if (!if_modified_since.empty()) {
    const std::int64_t since = ParseHttpDate(if_modified_since);
    return since >= 0 && last_modified <= since;
  }
  return false;
}

}  // namespace plainsight::farm
