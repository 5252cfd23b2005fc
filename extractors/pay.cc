#include "extractors/pay.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "extractors/pay_hours.h"
#include "extractors/text_normalize.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

constexpr size_t kContextBytes = 160;   // how far from an amount hours may be stated
constexpr double kSalaryFloor = 10000;  // a bare amount this large is a yearly salary

double ParseAmount(re2::StringPiece whole, re2::StringPiece pence, bool thousands) {
  std::string digits;
  for (char c : whole) {
    if (c != ',') digits.push_back(c);
  }
  // No advert pays more than this; longer digit runs are junk (and would
  // overflow to infinity).
  constexpr double kMaxAmount = 1e9;
  if (digits.size() > 10) return 0;
  double value = std::strtod(digits.c_str(), nullptr);
  if (!pence.empty()) value += std::strtod(("0." + std::string(pence)).c_str(), nullptr);
  value = thousands ? value * 1000 : value;
  return std::isfinite(value) && value <= kMaxAmount ? value : 0;
}

struct Money {
  size_t begin = 0;
  size_t end = 0;
  double low = 0;
  double high = 0;
};

#define PLAINSIGHT_NUMBER R"((\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(k\b)?)"

// Amounts with a currency mark, ranges folded in: "£8-10", "£8 to £10",
// "£25k-£30k", "300 pounds".
std::vector<Money> FindMoney(std::string_view lower) {
  static const RE2 kPrefixed(R"((?:£|\bgbp) ?)" PLAINSIGHT_NUMBER);
  static const RE2 kRangeTail(R"( ?(?:-|to) ?(?:£|gbp ?)?)" PLAINSIGHT_NUMBER);
  static const RE2 kSuffixed(R"(\b)" PLAINSIGHT_NUMBER R"( ?(?:pounds?|quid|gbp)\b)");
  // Both need digits: at most "gbp " before the first, ',' or '.' between
  // two, and "k pounds" after the last.
  constexpr DigitReach kReach{8, 16};
  const std::vector<TextWindow> windows = DigitWindows(lower, kReach);
  WindowedSearch prefixed(kPrefixed, lower, windows);
  WindowedSearch suffixed(kSuffixed, lower, windows);
  std::vector<Money> out;
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece g[4];
  for (size_t pos = 0; pos < lower.size() && prefixed.Match(pos, g, 4);) {
    Money money;
    money.begin = static_cast<size_t>(g[0].data() - lower.data());
    money.end = money.begin + g[0].size();
    money.low = money.high = ParseAmount(g[1], g[2], !g[3].empty());
    re2::StringPiece t[4];
    if (kRangeTail.Match(input, money.end, lower.size(), RE2::ANCHOR_START, t, 4)) {
      const bool tail_thousands = !t[3].empty();
      double high = ParseAmount(t[1], t[2], tail_thousands);
      double low = money.low;
      if (tail_thousands && g[3].empty() && low < 1000) low *= 1000;  // "£25-30k"
      if (high > low) {
        money.low = low;
        money.high = high;
        money.end += t[0].size();
      }
    }
    out.push_back(money);
    pos = money.end;
  }
  for (size_t pos = 0; pos < lower.size() && suffixed.Match(pos, g, 4);) {
    Money money;
    money.begin = static_cast<size_t>(g[0].data() - lower.data());
    money.end = money.begin + g[0].size();
    money.low = money.high = ParseAmount(g[1], g[2], !g[3].empty());
    pos = money.end;
    const bool inside_prefixed = std::any_of(out.begin(), out.end(), [&](const Money& m) {
      return money.begin < m.end && m.begin < money.end;
    });
    if (!inside_prefixed) out.push_back(money);
  }
  std::sort(out.begin(), out.end(),
            [](const Money& a, const Money& b) { return a.begin < b.begin; });
  return out;
}

struct Period {
  std::string per;
  size_t end = 0;          // end of the period wording
  double count = 0;        // "for 6 days": 6
  std::string count_unit;  // "day", "hour", "week", "shift"
};

// The period stated right after an amount ("per hour", "pw", "for 6 days").
std::optional<Period> PeriodAfter(std::string_view lower, size_t pos) {
  static const RE2 kPeriod(R"(,? ?(?:pounds?|quid|gbp)? ?(?:)"
                           R"(((?:per|an|a|/|p/?|each) ?(?:hour|hr|h)\b|ph\b|phr\b|hourly\b)|)"
                           R"(((?:per|a|/|p/?|each) ?day\b|pd\b|daily\b)|)"
                           R"(((?:per|a|/|each) ?shift\b)|)"
                           R"(((?:per|a|/|p/?|each) ?(?:week|wk)\b|pw\b|weekly\b)|)"
                           R"(((?:per|a|/|p/?) ?(?:calendar month|month|mth)\b|pcm\b|monthly\b)|)"
                           R"(((?:per|a|/|p/?) ?(?:year|yr|annum)\b|p\.?a\b\.?|annually\b)|)"
                           R"((for (\d{1,3}(?:\.\d+)?) ?(day|hour|hr|week|shift|night)s?\b)))");
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece g[10];
  if (!kPeriod.Match(input, pos, lower.size(), RE2::ANCHOR_START, g, 10)) return std::nullopt;
  static constexpr const char* kPers[] = {"hour", "day", "shift", "week", "month", "year", "total"};
  Period period;
  period.end = pos + g[0].size();
  for (int i = 1; i <= 7; ++i) {
    if (!g[i].empty()) {
      period.per = kPers[i - 1];
      break;
    }
  }
  if (period.per == "total") {
    period.count = std::strtod(std::string(g[8]).c_str(), nullptr);
    period.count_unit = std::string(g[9]);
    if (period.count_unit == "hr") period.count_unit = "hour";
    if (period.count_unit == "night") period.count_unit = "day";
  }
  return period;
}

// A period named just before the amount: "hourly rate of £10.50",
// "annual salary: £25,000".
std::string PeriodBefore(std::string_view lower, size_t pos) {
  static const RE2 kBefore(
      R"((hourly|daily|weekly|monthly|annual|annually|yearly|per hour|per day|per week|per month|per annum) ?(?:basic )?(?:rate|pay|wages?|salary|income|earnings)? ?(?:of|is|:|-|from|up to)? ?$)");
  const size_t from = pos > 48 ? pos - 48 : 0;
  re2::StringPiece input(lower.data(), pos);
  re2::StringPiece g[2];
  if (!kBefore.Match(input, from, pos, RE2::UNANCHORED, g, 2)) return "";
  const std::string_view word(g[1].data(), g[1].size());
  if (word == "hourly" || word == "per hour") return "hour";
  if (word == "daily" || word == "per day") return "day";
  if (word == "weekly" || word == "per week") return "week";
  if (word == "monthly" || word == "per month") return "month";
  return "year";
}

class SpanTracker {
 public:
  SpanTracker(size_t begin, size_t end) : begin_(begin), end_(end) {}
  std::optional<double> Use(const std::optional<HoursFact>& fact) {
    if (!fact) return std::nullopt;
    begin_ = std::min(begin_, fact->begin);
    end_ = std::max(end_, fact->end);
    return fact->value;
  }
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }

 private:
  size_t begin_;
  size_t end_;
};

// Hours in a working week, from what the text states.
std::optional<double> WeekHours(const HoursFacts& f, SpanTracker* span) {
  if (f.week_hours) return span->Use(f.week_hours);
  if (f.days_by_hours) return span->Use(f.days_by_hours);
  if (f.days && (f.day_hours || f.shift_hours)) {
    const double days = *span->Use(f.days);
    return days * *span->Use(f.day_hours ? f.day_hours : f.shift_hours);
  }
  if (f.plain_hours && f.plain_hours->value > 24) return span->Use(f.plain_hours);
  return std::nullopt;
}

std::optional<double> DayHours(const HoursFacts& f, SpanTracker* span) {
  if (f.day_hours) return span->Use(f.day_hours);
  if (f.shift_hours) return span->Use(f.shift_hours);
  if (f.plain_hours && f.plain_hours->value <= 24) return span->Use(f.plain_hours);
  if (f.week_hours && f.days) return *span->Use(f.week_hours) / *span->Use(f.days);
  return std::nullopt;
}

std::optional<double> HoursCovered(const Period& period, const HoursFacts& f, SpanTracker* span) {
  const std::string& per = period.per;
  if (per == "hour") return 1.0;
  if (per == "shift") {
    if (f.shift_hours) return span->Use(f.shift_hours);
    return DayHours(f, span);
  }
  if (per == "day") return DayHours(f, span);
  if (per == "week") return WeekHours(f, span);
  if (per == "month") {
    if (f.month_hours) return span->Use(f.month_hours);
    if (auto week = WeekHours(f, span)) return *week * 52.0 / 12.0;
    return std::nullopt;
  }
  if (per == "year") {
    if (auto week = WeekHours(f, span)) return *week * 52.0;
    return std::nullopt;
  }
  // "total": a sum for a stated stretch of work.
  if (period.count_unit == "hour") return period.count;
  if (f.days_by_hours) return span->Use(f.days_by_hours);
  if (period.count_unit == "day") {
    if (auto day = DayHours(f, span)) return period.count * *day;
    return std::nullopt;
  }
  if (period.count_unit == "week") {
    if (auto week = WeekHours(f, span)) return period.count * *week;
    return std::nullopt;
  }
  if (f.plain_hours) return span->Use(f.plain_hours);
  return std::nullopt;
}

}  // namespace

std::vector<PayMatch> FindPay(std::string_view text) {
  return FindPay(text, NormalizeForMatching(text));
}

std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm) {
  const std::string lower = LowerAscii(norm.text);

  const std::vector<Money> monies = FindMoney(lower);
  std::vector<PayMatch> out;
  for (size_t k = 0; k < monies.size(); ++k) {
    const Money& money = monies[k];
    if (!(money.high > 0)) continue;  // unreadable amount
    std::optional<Period> period = PeriodAfter(lower, money.end);
    if (!period) {
      std::string before = PeriodBefore(lower, money.begin);
      if (before.empty() && money.high >= kSalaryFloor) before = "year";
      if (before.empty()) continue;  // a price or a fee, not pay
      period = Period{before, money.end, 0, ""};
    }

    // Hours are looked for on the same line, not past a neighbouring amount.
    // Only the context window is searched for the line's ends, so one huge
    // line (a hostile page) costs O(window) per amount, not O(line).
    const size_t window_begin = money.begin > kContextBytes ? money.begin - kContextBytes : 0;
    const size_t window_end = std::min(lower.size(), std::max(money.end, period->end + kContextBytes));
    const std::string_view before_amount(lower.data() + window_begin, money.begin - window_begin);
    const size_t back = before_amount.rfind('\n');
    size_t begin = back == std::string_view::npos ? window_begin : window_begin + back + 1;
    const std::string_view after_amount(lower.data() + money.end, window_end - money.end);
    const size_t ahead = after_amount.find('\n');
    size_t end = ahead == std::string_view::npos ? window_end : money.end + ahead;
    if (k > 0) begin = std::max(begin, std::min(monies[k - 1].end, money.begin));
    if (k + 1 < monies.size()) end = std::min(end, std::max(monies[k + 1].begin, period->end));

    const HoursFacts facts = FindHoursFacts(lower, begin, end, money.begin);
    SpanTracker span(money.begin, period->end);
    PayMatch pay;
    pay.amount = money.high;
    pay.amount_low = money.low;
    pay.per = period->per;
    pay.hours = HoursCovered(*period, facts, &span);
    if (pay.hours && *pay.hours > 0) pay.hourly = pay.amount / *pay.hours;
    if (pay.hours && *pay.hours <= 0) pay.hours.reset();
    // Trim trailing spaces and commas the period wording may have taken.
    size_t span_end = span.end();
    while (span_end > span.begin() && (lower[span_end - 1] == ' ' || lower[span_end - 1] == ',')) {
      --span_end;
    }
    pay.match = std::string(norm.OriginalSpan(text, span.begin(), span_end));
    pay.offset = norm.ToOriginal(span.begin());
    out.push_back(std::move(pay));
  }
  return out;
}

#undef PLAINSIGHT_NUMBER

}  // namespace plainsight
