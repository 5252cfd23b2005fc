// Internal to pay.cc: the working-time facts stated near a pay amount
// ("48 hours", "12-hour shifts", "6 days x 10 hours", "8am to 8pm",
// "Mon-Sat"), each with the span it was read from so the pay match can
// include it.
//
// Thread safety: patterns are compiled once; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plainsight {

struct HoursFact {
  double value = 0.0;
  size_t begin = 0;  // offsets in the text passed to FindHoursFacts
  size_t end = 0;
};

struct HoursFacts {
  std::optional<HoursFact> day_hours;      // "10 hours a day", "8am to 8pm"
  std::optional<HoursFact> shift_hours;    // "12-hour shifts"
  std::optional<HoursFact> week_hours;     // "40 hours per week"
  std::optional<HoursFact> month_hours;    // "160 hours a month"
  std::optional<HoursFact> plain_hours;    // "48 hours": period not said
  std::optional<HoursFact> days;           // "6 days", "Mon-Sat"
  std::optional<HoursFact> days_by_hours;  // "6 days x 10 hours": total hours
};

// Reads facts from lower-case `text[begin, end)`. Where a kind appears more
// than once, the one nearest to `anchor` wins.
HoursFacts FindHoursFacts(std::string_view text, size_t begin, size_t end, size_t anchor);

}  // namespace plainsight
