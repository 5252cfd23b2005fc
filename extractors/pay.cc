#include "extractors/pay.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "core/strings.h"
#include "extractors/pay_hours.h"
#include "extractors/text_normalize.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

constexpr size_t kContextBytes = 160;   // how far from an amount hours may be stated
constexpr size_t kLeadInBytes = 48;     // how far back the words naming an amount may start
constexpr double kSalaryFloor = 10000;  // a bare amount this large is a yearly salary
// Below this, an amount whose period is only implied ("Pay rate: £9.50",
// "Weekly pay - £9.50", a salary field's "9.50") is an hourly rate: no
// advert offers £9.50 a week.
constexpr double kHourlyCeiling = 30;
// No advert pays more than this; longer digit runs are junk (and would
// overflow to infinity).
constexpr double kMaxAmount = 1e9;

// A number: the whole part (thousands split by ',' or an apostrophe), pence
// after '.' or after ',' ("12,50", as Irish and continental adverts write
// it), and a scale word. Four groups: whole, pence, comma pence, scale.
#define PLAINSIGHT_NUMBER                                        \
  R"((\d{1,3}(?:[,'’]\d{3})+|\d+)(?:\.(\d{1,2})|,(\d{2})\b)?)" \
  R"((?: ?(k|m|mn|bn|million|billion)\b)?)"
// A currency mark before an amount. One group.
#define PLAINSIGHT_CURRENCY_MARK \
  R"(((?:\b(?:us|au|a|ca|c|nz))?\$|£|€|₹|\b(?:gbp|eur|usd|pln|chf|inr|cad|aud|nzd)))"

struct Number {
  double value = 0;
  bool thousands = false;  // "25k"
  bool big = false;        // "30m", "2 billion": turnover, never pay
};

// `g` points at a PLAINSIGHT_NUMBER's four groups.
Number ReadNumber(const re2::StringPiece* g) {
  Number n;
  std::string digits;
  for (char c : g[0]) {
    if (IsAsciiDigit(c)) digits.push_back(c);
  }
  if (digits.size() > 10) return n;
  double value = std::strtod(digits.c_str(), nullptr);
  const re2::StringPiece pence = g[1].empty() ? g[2] : g[1];
  if (!pence.empty()) value += std::strtod(("0." + std::string(pence)).c_str(), nullptr);
  n.thousands = g[3] == "k";
  n.big = !g[3].empty() && !n.thousands;
  // "£35,000k" means £35,000: a "k" after a number already in thousands.
  if (n.thousands && value < 1000) value *= 1000;
  n.value = std::isfinite(value) && value <= kMaxAmount ? value : 0;
  return n;
}

// ISO 4217 code of a currency mark as written (lower case); `fallback` for
// none.
std::string_view CurrencyOf(std::string_view mark, std::string_view fallback) {
  static constexpr std::pair<std::string_view, std::string_view> kMarks[] = {
      {"£", "GBP"},   {"gbp", "GBP"},   {"pound", "GBP"},  {"pounds", "GBP"},  {"quid", "GBP"},
      {"€", "EUR"},   {"eur", "EUR"},   {"euro", "EUR"},   {"euros", "EUR"},   {"$", "USD"},
      {"us$", "USD"}, {"usd", "USD"},   {"dollar", "USD"}, {"dollars", "USD"}, {"a$", "AUD"},
      {"au$", "AUD"}, {"aud", "AUD"},   {"c$", "CAD"},     {"ca$", "CAD"},     {"cad", "CAD"},
      {"nz$", "NZD"}, {"nzd", "NZD"},   {"₹", "INR"},      {"inr", "INR"},     {"rupees", "INR"},
      {"pln", "PLN"}, {"zloty", "PLN"}, {"zł", "PLN"},     {"lei", "RON"},     {"chf", "CHF"}};
  if (mark.empty()) return fallback;
  for (const auto& [written, code] : kMarks) {
    if (mark == written) return code;
  }
  return fallback;
}

// An amount, or a range folded into one, as found in the lower-cased text.
struct Money {
  size_t begin = 0;
  size_t end = 0;
  double low = 0;
  double high = 0;  // == low for one amount
  bool big = false;
  bool thousands = false;  // the first amount was written with "k"
  std::string_view currency;
};

// What follows a number says it counts something else: "37.5 hours",
// "5 days", "20%", "8am".
bool CountsSomethingElse(std::string_view lower, size_t pos) {
  static const RE2 kUnit(
      R"( ?-? ?(?:%|(?:hours?|hrs|days?|weeks?|months?|years?|yrs|mins?|minutes|am|pm|people|staff|miles?|km|rooms?|guests)\b))");
  re2::StringPiece input(lower.data(), lower.size());
  return kUnit.Match(input, pos, lower.size(), RE2::ANCHOR_START, nullptr, 0);
}

enum class Tail {
  kNone,      // no second number follows
  kExtended,  // folded into a range
  kOther,     // a second number follows that is not the top of a range ("9-5", "21 to 34 hours")
};

// Folds "-£10", " to 12", " up to £11.40", "/€55k" after `money` into a
// range when the second amount can be its upper bound. `*after`, when given,
// is set to the end of any second number read.
Tail ExtendRange(std::string_view lower, bool in_salary_field, Money* money,
                 size_t* after = nullptr) {
  static const RE2 kTail(
      R"( ?(-|to|and|/|(?:rising |increasing |going )?up ?to|rising to|increasing to) ?)" PLAINSIGHT_CURRENCY_MARK
      R"(? ?)" PLAINSIGHT_NUMBER);
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece t[7];
  if (!kTail.Match(input, money->end, lower.size(), RE2::ANCHOR_START, t, 7)) return Tail::kNone;
  const std::string_view sep(t[1].data(), t[1].size());
  const std::string_view mark(t[2].data(), t[2].size());
  const Number high = ReadNumber(&t[3]);
  const size_t tail_end = static_cast<size_t>(t[0].data() - lower.data()) + t[0].size();
  if (after != nullptr) *after = tail_end;
  if (high.big || CountsSomethingElse(lower, tail_end)) return Tail::kOther;
  if (!mark.empty() && CurrencyOf(mark, "") != money->currency) return Tail::kOther;
  // "and" joins two amounts only when both are plainly money: "between £8
  // and £10", not "£300 and 6 days". "/" joins near amounts: "£13/16",
  // "€50k/€55k".
  const bool plainly_money = !mark.empty() || high.thousands;
  if (sep == "and" && !plainly_money) return Tail::kOther;
  double low = money->low;
  // "£25-30k", "£20 - 27,000pa": the first amount shares the second's thousands.
  if (!money->thousands && low < 1000 &&
      (high.thousands || (low < 100 && high.value >= kSalaryFloor)) && low * 1000 <= high.value) {
    low *= 1000;
  }
  if (!(high.value > low)) return Tail::kOther;
  // Without a mark a far larger second number is something else ("£8 - 40").
  if (sep == "/" && high.value > 2 * low) return Tail::kOther;
  if (!plainly_money && !in_salary_field && high.value > 5 * low) return Tail::kOther;
  money->low = low;
  money->high = high.value;
  money->end = tail_end;
  return Tail::kExtended;
}

// The word before a bare number says it counts something: "Hours: 39".
bool NamedAsACount(std::string_view lower, size_t pos) {
  static constexpr std::string_view kCounts[] = {"hours", "hrs", "hour", "days", "age",  "aged",
                                                 "ref",   "id",  "no",   "tel",  "phone"};
  size_t end = pos;
  while (end > 0 && (lower[end - 1] == ' ' || lower[end - 1] == ':')) --end;
  size_t b = end;
  while (b > 0 && IsAsciiLower(lower[b - 1])) --b;
  const std::string_view word = lower.substr(b, end - b);
  return std::find(std::begin(kCounts), std::end(kCounts), word) != std::end(kCounts);
}

// Amounts with a currency mark (or, in a salary field, any amount), ranges
// folded in: "£8-10", "£8 to £10", "£25k-£30k", "300 pounds", "10-12 euro".
std::vector<Money> FindMoney(std::string_view lower, const PayContext& context) {
  static const RE2 kPrefixed(PLAINSIGHT_CURRENCY_MARK R"( ?)" PLAINSIGHT_NUMBER);
  static const RE2 kSuffixed(
      R"(\b)" PLAINSIGHT_NUMBER R"((?: ?(?:-|to) ?)" PLAINSIGHT_NUMBER
      R"()? ?(?:(pounds?|quid|gbp|euros?|eur|usd|dollars?|pln|zloty|lei|chf|rupees)\b|(zł)))");
  static const RE2 kBare(R"(\b)" PLAINSIGHT_NUMBER);
  // Every match holds digits: at most "au$ " (or a 3-byte mark and a space)
  // before the first, a ',' or '.' between two, and " million" or
  // "k dollars" after the last.
  constexpr DigitReach kReach{8, 16};
  const std::vector<TextWindow> windows = DigitWindows(lower, kReach);
  const std::string_view fallback =
      context.default_currency.empty() ? std::string_view("GBP") : context.default_currency;
  std::vector<Money> out;
  auto overlaps = [&](const Money& money) {
    return std::any_of(out.begin(), out.end(),
                       [&](const Money& m) { return money.begin < m.end && m.begin < money.end; });
  };
  auto start = [&](re2::StringPiece whole, const re2::StringPiece* number, std::string_view mark) {
    Money money;
    money.begin = static_cast<size_t>(whole.data() - lower.data());
    money.end = money.begin + whole.size();
    const Number n = ReadNumber(number);
    money.low = money.high = n.value;
    money.big = n.big;
    money.thousands = n.thousands;
    money.currency = CurrencyOf(mark, fallback);
    return money;
  };

  WindowedSearch prefixed(kPrefixed, lower, windows);
  re2::StringPiece g[11];
  for (size_t pos = 0; pos < lower.size() && prefixed.Match(pos, g, 6);) {
    Money money = start(g[0], &g[2], std::string_view(g[1].data(), g[1].size()));
    if (!money.big) ExtendRange(lower, context.in_salary_field, &money);
    out.push_back(money);
    pos = money.end;
  }
  WindowedSearch suffixed(kSuffixed, lower, windows);
  for (size_t pos = 0; pos < lower.size() && suffixed.Match(pos, g, 11);) {
    const re2::StringPiece mark = g[9].empty() ? g[10] : g[9];
    Money money = start(g[0], &g[1], std::string_view(mark.data(), mark.size()));
    pos = money.end;
    if (!g[5].empty()) {  // "10-12 euro": a range written before its mark
      const Number high = ReadNumber(&g[5]);
      if (high.value > money.low && !high.big) money.high = high.value;
      if (high.big) money.big = true;
    }
    if (!overlaps(money)) out.push_back(money);
  }
  if (context.in_salary_field) {
    WindowedSearch bare(kBare, lower, windows);
    for (size_t pos = 0; pos < lower.size() && bare.Match(pos, g, 5);) {
      Money money = start(g[0], &g[1], "");
      pos = money.end;
      if (money.big || overlaps(money) || CountsSomethingElse(lower, money.end) ||
          NamedAsACount(lower, money.begin)) {
        continue;
      }
      // Without a mark, "9-5" and "21 to 34 hours" are times and hours.
      if (ExtendRange(lower, true, &money, &pos) == Tail::kOther) continue;
      pos = money.end;
      if (!overlaps(money)) out.push_back(money);
    }
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
  // Implied, not stated right after the amount: "weekly pay - £9.50",
  // "£9.50 paid weekly". A small amount then is an hourly rate.
  bool loose = false;
};

// The period stated right after an amount ("per hour", "pw", "for 6 days").
std::optional<Period> PeriodAfter(std::string_view lower, size_t pos) {
  static const RE2 kPeriod(
      R"(,? ?\+? ?[*(]? ?(?:pounds?|quid|gbp|euros?|eur|dollars?|usd)? ?(?:gross |net |basic )?(?:)"
      // "per hour" needs no word end: real text loses the space before
      // the next word ("per hourHours of work").
      R"((per ?hour|(?:per|an|a|/|p/?|each) ?(?:hour|hr|h)\b|p\.h\b\.?|phr\b|hourly\b)|)"
      R"(((?:per|a|/|p/?|each) ?day\b|pd\b|daily\b)|)"
      R"(((?:per|a|/|each) ?shift\b)|)"
      R"(((?:per|a|/|p/?|each) ?(?:week|wk)\b|p/?w\b)|)"
      R"((per ?month|(?:per|a|/|p/?) ?(?:calendar month|month|mth)\b|pcm\b)|)"
      R"((per ?(?:annum|year)|(?:per|a|/|p/?) ?(?:year|yr|annum|anum)\b|p[./]?a\b\.?)|)"
      R"((for (\d{1,3}(?:\.\d+)?) ?(day|hour|hr|week|shift|night)s?\b)|)"
      R"(((?:paid )?(?:weekly|every week)\b)|)"
      R"(((?:paid )?monthly\b)|)"
      R"(((?:annually|yearly)\b)))");
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece g[13];
  if (!kPeriod.Match(input, pos, lower.size(), RE2::ANCHOR_START, g, 13)) return std::nullopt;
  // Group i names kPers[i - 1]; groups 8 and 9 are inside the "total" one.
  static constexpr int kGroup[] = {1, 2, 3, 4, 5, 6, 7, 10, 11, 12};
  static constexpr const char* kPers[] = {"hour", "day",   "shift", "week",  "month",
                                          "year", "total", "week",  "month", "year"};
  Period period;
  period.end = pos + g[0].size();
  for (size_t i = 0; i < std::size(kGroup); ++i) {
    if (!g[kGroup[i]].empty()) {
      period.per = kPers[i];
      period.loose = kGroup[i] >= 10;  // "weekly", "paid monthly": no "per"
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

// What the words just before an amount say about it.
struct LeadIn {
  std::string per;        // a period they name: "hourly rate of", "weekly pay -"
  bool labelled = false;  // a pay label: "pay rate:", "salary", "rate of pay is"
  bool up_to = false;     // "up to £X"
  size_t up_to_begin = 0;
  bool extra = false;  // a premium on top of the pay: "an extra", "+", "overtime rate:"
};

enum class WordKind { kOther, kFiller, kLabel, kPeriod, kModifier, kExtra };

// Words that may stand between a pay label and its amount, and what each is.
WordKind KindOf(std::string_view w, std::string* per) {
  static constexpr std::pair<std::string_view, std::string_view> kPeriods[] = {
      {"hourly", "hour"}, {"hour", "hour"},     {"daily", "day"},     {"day", "day"},
      {"weekly", "week"}, {"week", "week"},     {"monthly", "month"}, {"month", "month"},
      {"annual", "year"}, {"annually", "year"}, {"yearly", "year"},   {"annum", "year"},
      {"year", "year"}};
  static constexpr std::string_view kLabels[] = {
      "pay",   "paid",  "paying",   "rate",    "rates",    "salary",       "salaries",
      "wage",  "wages", "earnings", "earn",    "earning",  "income",       "package",
      "basic", "base",  "offer",    "offered", "offering", "remuneration", "compensation"};
  static constexpr std::string_view kFillers[] = {
      "of",      "is",         "are",        "from",        "at",
      "circa",   "c",          "ca",         "approx",      "approximately",
      "around",  "between",    "the",        "a",           "an",
      "per",     "starting",   "start",      "competitive", "gross",
      "will",    "be",         "you",        "receive",     "get",
      "minimum", "guaranteed", "initial",    "ranging",     "new",
      "our",     "your",       "attractive", "excellent",   "generous",
      "good",    "great",      "to",         "up",          "upto",
      "we",      "can",        "could",      "potential",   "over"};
  // Words that make the amount an addition to the pay, only when nearest:
  // "an extra £1.70ph", "plus £2,000"; but "commission plus basic salary of
  // £18,000" is pay.
  static constexpr std::string_view kModifiers[] = {"extra", "additional", "plus"};
  static constexpr std::string_view kExtras[] = {
      "premium", "premiums", "enhancement", "enhancements", "enhanced", "uplift", "bonus",
      "bonuses", "allowance", "allowances", "supplement", "tips", "commission", "ote", "overtime",
      "referral", "incentive", "incentives", "deposit", "fee", "fees", "cost", "costs", "charge",
      "deduction", "deductions", "deducted", "rent", "accommodation", "lla", "tronc",
      // Money that is not anyone's pay: "raised €200,000", "profit
      // potential £50,000", "projects worth £500,000".
      "raised", "revenue", "revenues", "turnover", "profit", "profits", "worth", "value", "valued",
      "budget", "investment", "invested", "investing", "assets", "funding", "donated", "price",
      "prices"};
  for (const auto& [word, p] : kPeriods) {
    if (w == word) {
      *per = p;
      return WordKind::kPeriod;
    }
  }
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  if (in(kLabels)) return WordKind::kLabel;
  if (in(kModifiers)) return WordKind::kModifier;
  if (in(kExtras)) return WordKind::kExtra;
  if (in(kFillers)) return WordKind::kFiller;
  return WordKind::kOther;
}

// Punctuation a label and its amount may have between them.
bool IsSoftSeparator(char c) {
  return c == ' ' || c == ':' || c == '-' || c == '/' || c == ',' || c == '*' || c == '|' ||
         c == '~' || c == '=' || c == '"' || c == '\'';
}

// The start of the run of letters that ends at `end`, not before `floor`.
size_t WordStart(std::string_view lower, size_t end, size_t floor) {
  size_t b = end;
  while (b > floor && IsAsciiLower(lower[b - 1])) --b;
  return b;
}

// The word just left of `pos` across spaces is an extra ("overtime" in
// "overtime rate:"), so the label that starts at `pos` names an extra.
bool ExtraWordBefore(std::string_view lower, size_t pos) {
  size_t end = pos;
  while (end > 0 && lower[end - 1] == ' ') --end;
  const size_t b = WordStart(lower, end, 0);
  std::string ignored;
  return b < end && KindOf(lower.substr(b, end - b), &ignored) == WordKind::kExtra;
}

// The period word starting at `pos` ends a statement of hours, not of pay:
// "18.75 hours per week Salary: £19,305", "40 hrs/week, pay £25k".
bool EndsHoursStatement(std::string_view lower, size_t pos) {
  size_t end = pos;
  auto skip = [&](auto pred) {
    while (end > 0 && pred(lower[end - 1])) --end;
  };
  auto word_left = [&] {
    skip([](char c) { return c == ' ' || c == '/'; });
    const size_t b = WordStart(lower, end, 0);
    const std::string_view word = lower.substr(b, end - b);
    end = b;
    return word;
  };
  std::string_view word = word_left();
  if (word == "per" || word == "a" || word == "an" || word == "each") word = word_left();
  if (word.empty()) return end > 0 && IsAsciiDigit(lower[end - 1]);
  return word == "hours" || word == "hrs" || word == "hour" || word == "hr" || word == "days";
}

// Reads back from `pos`, not past `floor` (the end of the amount before),
// over at most seven words of pay wording ("Hourly rate starting from",
// "Weekly pay -", "an extra", "up to"), stopping at the first word that is
// none of it, at a digit or at a sentence's end.
LeadIn ReadLeadIn(std::string_view lower, size_t pos, size_t floor) {
  LeadIn in;
  floor = std::max(floor, pos > kLeadInBytes ? pos - kLeadInBytes : 0);
  size_t i = pos;
  bool label_seen = false;  // a label or period word has been read
  bool to_seen = false;     // the word just right of this one was "to"
  size_t to_begin = 0;
  for (int words = 0; words < 7 && i > floor;) {
    const char c = lower[i - 1];
    if (c == '+') {
      in.extra = !label_seen;
      return in;
    }
    if (IsSoftSeparator(c)) {
      --i;
      continue;
    }
    if (c == '.') {  // "approx. £25k", "c. £30k"; any other '.' ends a sentence
      const size_t b = WordStart(lower, i - 1, floor);
      const std::string_view abbreviation = lower.substr(b, i - b);
      if (abbreviation != "approx." && abbreviation != "c." && abbreviation != "ca.") return in;
      --i;
      continue;
    }
    const size_t b = WordStart(lower, i, floor);
    if (b == i || (b == floor && floor > 0)) return in;  // not a word, or cut by the window
    const std::string_view word = lower.substr(b, i - b);
    i = b;
    ++words;
    std::string per;
    const WordKind kind = KindOf(word, &per);
    if (kind == WordKind::kPeriod && EndsHoursStatement(lower, b)) return in;
    if (kind == WordKind::kPeriod || kind == WordKind::kLabel) {
      if (kind == WordKind::kPeriod && in.per.empty()) in.per = per;
      if (to_seen && !label_seen) {  // "Salary: to €36K": a ceiling
        in.up_to = true;
        in.up_to_begin = to_begin;
      }
      in.extra = ExtraWordBefore(lower, b);
      if (in.extra) return in;
      label_seen = true;
      in.labelled = true;
      to_seen = false;
      continue;
    }
    // An extra counts only before any label: "commission plus basic salary
    // of £18,000" is pay.
    if (kind == WordKind::kExtra || kind == WordKind::kModifier) {
      in.extra = !label_seen;
      return in;
    }
    if (kind == WordKind::kOther) return in;
    if (!label_seen && (word == "upto" || (word == "up" && to_seen))) {
      in.up_to = true;
      in.up_to_begin = b;
    }
    to_seen = word == "to";
    to_begin = b;
  }
  return in;
}

// The end of a pay label right after an amount ("€10.25 starting rate",
// "£10.70 flat rate"), or `pos` when there is none.
size_t LabelAfter(std::string_view lower, size_t pos) {
  static const RE2 kLabel(R"( ?(?:(?:starting|basic|base|flat) )?(?:rate|basic)\b)");
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece whole;
  if (!kLabel.Match(input, pos, lower.size(), RE2::ANCHOR_START, &whole, 1)) return pos;
  return pos + whole.size();
}

// The period of an amount that states none after it, from its lead-in, the
// salary-field context, a label after it or its size.
std::optional<Period> ImpliedPeriod(std::string_view lower, const LeadIn& in, const Money& money,
                                    bool in_salary_field) {
  Period period;
  period.end = LabelAfter(lower, money.end);
  period.loose = true;
  const bool labelled = in.labelled || in_salary_field || period.end > money.end;
  if (!in.per.empty()) {
    period.per = in.per;
  } else if (labelled && money.low < kHourlyCeiling) {
    period.per = "hour";
  } else if (money.high >= kSalaryFloor) {
    period.per = "year";
  } else {
    return std::nullopt;  // a price or a fee, not pay
  }
  return period;
}

// "€11.05 per hour increasing to €14.13 per hour", "£14ph - £16ph", "From
// €26,000 per year to €31,000": a range whose ends each carry the period.
void ExtendRangeAfterPeriod(std::string_view lower, bool in_salary_field, Money* money,
                            Period* period) {
  static const RE2 kTail(
      R"(,? ?(-|(?:and |but )?(?:(?:rising|increasing|going|moving) (?:[a-z]+ )?)?(?:up ?)?to) ?)" PLAINSIGHT_CURRENCY_MARK
      R"(? ?)" PLAINSIGHT_NUMBER);
  if (money->high != money->low) return;
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece t[7];
  if (!kTail.Match(input, period->end, lower.size(), RE2::ANCHOR_START, t, 7)) return;
  const std::string_view mark(t[2].data(), t[2].size());
  if (mark.empty() ? !in_salary_field : CurrencyOf(mark, "") != money->currency) return;
  const Number high = ReadNumber(&t[3]);
  const size_t tail_end = static_cast<size_t>(t[0].data() - lower.data()) + t[0].size();
  if (high.big || !(high.value > money->low) || high.value > 5 * money->low) return;
  if (CountsSomethingElse(lower, tail_end)) return;
  const std::optional<Period> second = PeriodAfter(lower, tail_end);
  if (second && second->per != period->per) return;
  // After a dash only the same period makes a range: "£80 per day - £100
  // bonus" is not one.
  if (!second && t[1] == "-") return;
  money->high = high.value;
  period->end = second ? second->end : tail_end;
}

// An amount starts at `pos`: a digit or a currency mark.
bool AmountStartsAt(std::string_view lower, size_t pos) {
  const std::string_view rest = lower.substr(pos);
  return (!rest.empty() && (IsAsciiDigit(rest[0]) || rest[0] == '$')) || rest.starts_with("£") ||
         rest.starts_with("€") || rest.starts_with("₹");
}

// The words after an amount (and its period) make it a premium or an extra:
// "£2 per hour night premium", "€100 a month language bonus", "£30k OTE";
// but not "£300 per week bonus scheme", "£9.50 per hour plus bonus",
// "€31,000 including bonus" or "£25,000 Excellent OTE".
bool ExtraAfter(std::string_view lower, size_t pos) {
  static constexpr std::string_view kExtras[] = {
      "premium", "premiums",  "enhancement", "enhancements", "uplift", "bonus",
      "bonuses", "allowance", "allowances",  "supplement",   "tips",   "commission",
      "ote",     "incentive", "incentives",  "lla"};
  // What may name the kind of extra just before its noun.
  static constexpr std::string_view kQualifiers[] = {
      "night",    "nights",  "weekend", "weekends", "sunday",    "saturday", "holiday",
      "language", "london",  "shift",   "unsocial", "signing",   "joining",  "welcome",
      "referral", "loyalty", "travel",  "car",      "attendance"};
  static constexpr std::string_view kNotExtra[] = {
      "scheme",        "schemes", "available", "potential", "structure", "plan", "opportunity",
      "opportunities", "package", "and",       "plus",      "with",      "or"};
  auto in = [](const auto& list, std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  auto read_word = [&](size_t* at) {
    while (*at < lower.size() && lower[*at] == ' ') ++(*at);
    const size_t b = *at;
    while (*at < lower.size() && IsAsciiLower(lower[*at])) ++(*at);
    return lower.substr(b, *at - b);
  };
  size_t at = pos;
  while (at < lower.size() && lower[at] == ' ') ++at;
  if (lower.substr(at, 3) == "o/t") return true;  // "£12.93 p/h O/T rate": overtime
  std::string_view word = read_word(&at);
  if (in(kQualifiers, word)) word = read_word(&at);
  if (!in(kExtras, word)) return false;
  // "£43,500 OTE £50,000": the word is the next amount's.
  while (at < lower.size() && (lower[at] == ' ' || lower[at] == ':')) ++at;
  if (AmountStartsAt(lower, at)) return false;
  return !in(kNotExtra, read_word(&at));
}

// "£19,305 pro rata": a yearly figure for full-time work, so the post's own
// (part-time) hours do not divide it.
bool ProRata(std::string_view lower, size_t pos, size_t end) {
  const std::string_view after = lower.substr(pos, end - pos);
  return after.find("pro rata") != std::string_view::npos ||
         after.find("pro-rata") != std::string_view::npos;
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

// Full-time hours a week; a pro-rata salary divided by fewer would be an
// hourly rate the post does not pay.
constexpr double kFullTimeWeekHours = 35;

std::optional<double> WeeklyHoursOf(const Period& period, double hours) {
  if (period.per == "year") return hours / 52.0;
  if (period.per == "month") return hours * 12.0 / 52.0;
  return std::nullopt;
}

// The period of `money`, with a range read across its periods folded in;
// nullopt when the amount is not pay (a price, a fee, a premium).
std::optional<Period> PeriodOf(std::string_view lower, const LeadIn& lead_in, Money* money,
                               const PayContext& context) {
  std::optional<Period> period = PeriodAfter(lower, money->end);
  if (!period) period = ImpliedPeriod(lower, lead_in, *money, context.in_salary_field);
  if (!period) return std::nullopt;
  ExtendRangeAfterPeriod(lower, context.in_salary_field, money, &*period);
  if (ExtraAfter(lower, period->end)) return std::nullopt;
  // "Weekly pay - £9.50": an hourly rate, paid weekly.
  if (period->loose && money->low < kHourlyCeiling &&
      (period->per == "week" || period->per == "month" || period->per == "year")) {
    period->per = "hour";
  }
  return period;
}

// Where the hours of monies[k] may be stated: its own line, not past a
// neighbouring amount (monies[k - 1] and monies[next]).
struct HoursWindow {
  size_t begin = 0;
  size_t end = 0;
  size_t line_end = 0;  // the end of the amount's line (within the context window)
};

HoursWindow WindowFor(std::string_view lower, const std::vector<Money>& monies, size_t k,
                      size_t next, const Period& period) {
  const Money& money = monies[k];
  // Only the context window is searched for the line's ends, so one huge
  // line (a hostile page) costs O(window) per amount, not O(line).
  const size_t window_begin = money.begin > kContextBytes ? money.begin - kContextBytes : 0;
  const size_t window_end = std::min(lower.size(), std::max(money.end, period.end + kContextBytes));
  const std::string_view before_amount(lower.data() + window_begin, money.begin - window_begin);
  const size_t back = before_amount.rfind('\n');
  const std::string_view after_amount(lower.data() + money.end, window_end - money.end);
  const size_t ahead = after_amount.find('\n');
  HoursWindow window;
  window.begin = back == std::string_view::npos ? window_begin : window_begin + back + 1;
  window.line_end = ahead == std::string_view::npos ? window_end : money.end + ahead;
  window.end = window.line_end;
  if (k > 0) window.begin = std::max(window.begin, std::min(monies[k - 1].end, money.begin));
  if (next < monies.size()) {
    window.end = std::min(window.end, std::max(monies[next].begin, period.end));
  }
  return window;
}

// The hours `period` covers for `money`, with the span of text they were
// read from added to `span`.
std::optional<double> HoursFor(std::string_view lower, const Money& money, const Period& period,
                               const HoursWindow& window, SpanTracker* span) {
  const HoursFacts facts = FindHoursFacts(lower, window.begin, window.end, money.begin);
  std::optional<double> hours = HoursCovered(period, facts, span);
  if (hours && ProRata(lower, money.end, window.line_end)) {
    const std::optional<double> week = WeeklyHoursOf(period, *hours);
    if (week && *week < kFullTimeWeekHours) hours.reset();
  }
  if (hours && *hours <= 0) hours.reset();
  return hours;
}

}  // namespace

std::vector<PayMatch> FindPay(std::string_view text) {
  return FindPay(text, NormalizeForMatching(text), PayContext{});
}

std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm) {
  return FindPay(text, norm, PayContext{});
}

std::vector<PayMatch> FindPay(std::string_view text, const PayContext& context) {
  return FindPay(text, NormalizeForMatching(text), context);
}

std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm,
                              const PayContext& context) {
  const std::string lower = ToLowerAscii(norm.text);

  std::vector<Money> monies = FindMoney(lower, context);
  std::vector<PayMatch> out;
  size_t consumed = 0;  // a range read across its periods swallows its second amount
  for (size_t k = 0; k < monies.size(); ++k) {
    Money& money = monies[k];
    if (money.begin < consumed) continue;
    if (money.big || !(money.low > 0)) continue;  // turnover, or unreadable
    const LeadIn lead_in =
        ReadLeadIn(lower, money.begin, std::max(consumed, k > 0 ? monies[k - 1].end : 0));
    if (lead_in.extra) continue;
    const std::optional<Period> period = PeriodOf(lower, lead_in, &money, context);
    if (!period) continue;
    consumed = period->end;
    size_t next = k + 1;
    while (next < monies.size() && monies[next].begin < consumed) ++next;

    SpanTracker span(lead_in.up_to ? lead_in.up_to_begin : money.begin, period->end);
    PayMatch pay;
    pay.amount = money.low;
    if (money.high > money.low) pay.amount_max = money.high;
    pay.currency = std::string(money.currency);
    pay.up_to = lead_in.up_to;
    pay.per = period->per;
    pay.hours = HoursFor(lower, money, *period, WindowFor(lower, monies, k, next, *period), &span);
    if (pay.hours) pay.hourly = pay.amount / *pay.hours;
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
#undef PLAINSIGHT_CURRENCY_MARK

}  // namespace plainsight
