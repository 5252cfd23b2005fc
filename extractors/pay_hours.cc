#include "extractors/pay_hours.h"

#include <re2/re2.h>

#include <cstdlib>
#include <string>

namespace plainsight {
namespace {

double ToDouble(re2::StringPiece s) { return std::strtod(std::string(s).c_str(), nullptr); }

size_t Distance(size_t begin, size_t end, size_t anchor) {
  if (anchor < begin) return begin - anchor;
  if (anchor > end) return anchor - end;
  return 0;
}

void Keep(std::optional<HoursFact>* slot, HoursFact fact, size_t anchor) {
  if (!*slot ||
      Distance(fact.begin, fact.end, anchor) < Distance((*slot)->begin, (*slot)->end, anchor)) {
    *slot = fact;
  }
}

// Calls visit(groups, begin, end) for each match of `re` in text[begin, end).
template <typename Visit>
void ForEach(const RE2& re, std::string_view text, size_t begin, size_t end, Visit visit) {
  constexpr int kGroups = 8;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece g[kGroups];
  const int n = re.NumberOfCapturingGroups() + 1;
  size_t pos = begin;
  while (pos < end && re.Match(input, pos, end, RE2::UNANCHORED, g, n > kGroups ? kGroups : n)) {
    const size_t b = static_cast<size_t>(g[0].data() - text.data());
    const size_t e = b + g[0].size();
    visit(g, b, e);
    pos = e > b ? e : b + 1;
  }
}

// Hour of day in 0..24 from "8", "30", "pm".
double ClockHours(re2::StringPiece hour, re2::StringPiece minutes, re2::StringPiece ampm) {
  double h = ToDouble(hour);
  if (ampm == "pm" && h < 12) h += 12;
  if (ampm == "am" && h == 12) h = 0;
  if (!minutes.empty()) h += ToDouble(minutes) / 60.0;
  return h;
}

}  // namespace

HoursFacts FindHoursFacts(std::string_view text, size_t begin, size_t end, size_t anchor) {
  HoursFacts facts;

  static const RE2 kDaysByHours(
      R"(\b(\d{1,2}) ?days? ?(?:x|\*|of|at|,)? ?(\d{1,2}(?:\.\d+)?) ?-? ?(?:hours?|hrs?|h)\b)");
  ForEach(kDaysByHours, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    Keep(&facts.days_by_hours, {ToDouble(g[1]) * ToDouble(g[2]), b, e}, anchor);
  });
  static const RE2 kHoursByDays(
      R"(\b(\d{1,2}(?:\.\d+)?) ?-? ?(?:hours?|hrs?|h) ?(?:a day|per day|/day|daily)? ?(?:x|\*|,)? ?(\d{1,2}) ?days?\b)");
  ForEach(kHoursByDays, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    Keep(&facts.days_by_hours, {ToDouble(g[1]) * ToDouble(g[2]), b, e}, anchor);
  });

  static const RE2 kHours(
      R"(\b(\d{1,3}(?:\.\d+)?) ?-? ?(?:hours?|hrs?|h)\b(?: ?(shifts?|a day|per day|/day|daily|a week|per week|/week|/wk|pw|weekly|a month|per month|/month))?)");
  ForEach(kHours, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    const HoursFact fact{ToDouble(g[1]), b, e};
    const std::string_view period(g[2].data(), g[2].size());
    if (period.empty()) {
      Keep(&facts.plain_hours, fact, anchor);
    } else if (period.substr(0, 5) == "shift") {
      Keep(&facts.shift_hours, fact, anchor);
    } else if (period.find("day") != std::string_view::npos || period == "daily") {
      Keep(&facts.day_hours, fact, anchor);
    } else if (period.find("month") != std::string_view::npos) {
      Keep(&facts.month_hours, fact, anchor);
    } else {
      Keep(&facts.week_hours, fact, anchor);
    }
  });

  // Clock ranges need am/pm or minutes on both ends, so "8-10" (a pay
  // range) is not read as a time.
  static const RE2 kClockRange(
      R"(\b(\d{1,2})(?:[:.](\d{2}))? ?(am|pm)? ?(?:-|to|till|until) ?(\d{1,2})(?:[:.](\d{2}))? ?(am|pm)?)");
  ForEach(kClockRange, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    const bool has_ampm = !g[3].empty() || !g[6].empty();
    const bool has_minutes = !g[2].empty() && !g[5].empty();
    if (!has_ampm && !has_minutes) return;
    re2::StringPiece start_ampm = g[3];
    if (start_ampm.empty() && !g[6].empty()) {
      // "9-5pm": the start shares the end's half of the day only if earlier.
      const double start = ToDouble(g[1]);
      const double finish = ToDouble(g[4]);
      start_ampm = (start < finish && finish != 12) ? g[6] : re2::StringPiece("am");
    }
    double span = ClockHours(g[4], g[5], g[6]) - ClockHours(g[1], g[2], start_ampm);
    if (span <= 0) span += 24;
    Keep(&facts.day_hours, {span, b, e}, anchor);
  });

  static const RE2 kDays(R"(\b(\d) ?days?\b(?: ?(?:a|per|/) ?week)?)");
  ForEach(kDays, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    Keep(&facts.days, {ToDouble(g[1]), b, e}, anchor);
  });
  static const RE2 kDayNames(
      R"(\bmon(?:day)? ?(?:-|to|through|until) ?(fri|sat|sun)(?:urday|day)?\b)");
  ForEach(kDayNames, text, begin, end, [&](re2::StringPiece* g, size_t b, size_t e) {
    const double n = g[1] == "fri" ? 5 : g[1] == "sat" ? 6 : 7;
    Keep(&facts.days, {n, b, e}, anchor);
  });
  return facts;
}

}  // namespace plainsight
