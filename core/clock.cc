#include "core/clock.h"

#include <cstdio>
#include <ctime>

#include "core/dates.h"
#include "core/strings.h"

namespace plainsight {

std::int64_t SystemClock::NowUnixSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::chrono::steady_clock::time_point SystemClock::Monotonic() const {
  return std::chrono::steady_clock::now();
}

const SystemClock& SystemClock::Get() {
  static const SystemClock clock;
  return clock;
}

std::string FormatIso8601(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool ParseTimeSpec(const std::string& text, std::int64_t now_unix_seconds,
                   std::int64_t* unix_seconds) {
  if (text.empty()) return false;
  // Relative: digits followed by one unit letter.
  {
    long long amount = 0;
    char unit = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%lld%c%n", &amount, &unit, &consumed) == 2 &&
        static_cast<size_t>(consumed) == text.size() && amount >= 0) {
      long long scale = 0;
      switch (unit) {
        case 's': scale = 1; break;
        case 'm': scale = 60; break;
        case 'h': scale = 3600; break;
        case 'd': scale = 86400; break;
        case 'w': scale = 7LL * 86400; break;
        default: return false;
      }
      *unix_seconds = now_unix_seconds - amount * scale;
      return true;
    }
  }
  const std::optional<CivilDay> day =
      text.size() >= 10 ? ParseIsoDay(std::string_view(text).substr(0, 10)) : std::nullopt;
  if (!day) return false;
  int hour = 0, minute = 0, second = 0;
  size_t pos = 10;
  long long offset_seconds = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return false;
    int more = 0;
    if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d:%2d%n", &hour, &minute, &second, &more) != 3)
      return false;
    pos += 1 + static_cast<size_t>(more);
    if (pos < text.size() && text[pos] == '.') {  // fractional seconds: ignored
      ++pos;
      while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
    }
    if (pos < text.size()) {
      char sign = text[pos];
      if (sign == 'Z' && pos + 1 == text.size()) {
        // UTC
      } else if (sign == '+' || sign == '-') {
        int oh = 0, om = 0;
        if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2) return false;
        offset_seconds = (sign == '+' ? 1 : -1) * (oh * 3600LL + om * 60LL);
      } else {
        return false;
      }
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  *unix_seconds = UnixMidnight(*day) + hour * 3600LL + minute * 60LL + second - offset_seconds;
  return true;
}

}  // namespace plainsight
