#include "extractors/adult_fields.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <cstdlib>

#include "core/strings.h"
#include "extractors/text_normalize.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

constexpr int kMinAge = 18;
constexpr int kMaxAge = 70;

size_t Offset(const re2::StringPiece& piece, std::string_view base) {
  return static_cast<size_t>(piece.data() - base.data());
}

// After "age 24" / "I'm 24": wording that makes the number something other
// than an age ("24/7", "30 minutes", "18+", a bra size "34 DD").
bool NumberIsNotAge(std::string_view original, std::string_view lower, size_t end) {
  static const RE2 kNotAge(
      R"(^(?:[/+%:'"]|[.,-]\d|\d| ?x\b| ?(?:hours?|hrs?|h|mins?|minutes?|miles?|mph|days?|weeks?|months?|st|kg|cm|ft|inch(?:es)?|sec(?:ond)?s?)\b))");
  static const RE2 kCupSize(R"(^ ?[A-H]{1,2}\b)");
  if (end >= lower.size()) return false;
  const re2::StringPiece lower_rest(lower.data() + end, lower.size() - end);
  const re2::StringPiece original_rest(original.data() + end, original.size() - end);
  return RE2::PartialMatch(lower_rest, kNotAge) || RE2::PartialMatch(original_rest, kCupSize);
}

void AddAge(std::vector<int>& ages, const re2::StringPiece& digits) {
  const int age = std::atoi(std::string(digits).c_str());
  if (age < kMinAge || age > kMaxAge) return;
  if (std::find(ages.begin(), ages.end(), age) == ages.end()) ages.push_back(age);
}

// Every age and price pattern here holds digits: at most "i’m only " or
// "gbp " before the first, and " pounds" plus the longest "per ..." wording
// ("for half an minutes") after the last.
constexpr DigitReach kAdultReach{24, 48};

struct AgeAt {
  size_t offset;
  re2::StringPiece digits;
};

std::vector<int> FindAges(std::string_view original, std::string_view lower) {
  // The number follows its label: "age 24", "aged: 24", "I'm 24".
  static const RE2 kLabelled(R"(\b(?:aged?|i(?:'|’)?m|i am)\s?[:=-]?\s?(?:only |just )?(\d{2}))");
  // The number comes first: "24 years old", "24yo", "24 y/o".
  static const RE2 kYearsOld(R"((\d{2}) ?(?:years? ?old\b|yrs? ?old\b|y\.o\b|y/o\b|yo\b))");
  const std::vector<TextWindow> windows = DigitWindows(lower, kAdultReach);
  WindowedSearch labelled(kLabelled, lower, windows);
  WindowedSearch years_old(kYearsOld, lower, windows);
  std::vector<AgeAt> found;
  re2::StringPiece g[2];
  for (size_t pos = 0; pos < lower.size() && labelled.Match(pos, g, 2);) {
    const size_t end = Offset(g[1], lower) + g[1].size();
    pos = end;
    if (!NumberIsNotAge(original, lower, end)) found.push_back({Offset(g[1], lower), g[1]});
  }
  for (size_t pos = 0; pos < lower.size() && years_old.Match(pos, g, 2);) {
    const size_t begin = Offset(g[1], lower);
    pos = Offset(g[0], lower) + g[0].size();
    // Not the tail of a longer number, a decimal or a price.
    const bool tail = begin > 0 && (IsAsciiDigit(lower[begin - 1]) || lower[begin - 1] == '.' ||
                                    lower[begin - 1] == ',' || lower[begin - 1] == '\xA3');
    if (!tail) found.push_back({begin, g[1]});
  }
  std::sort(found.begin(), found.end(),
            [](const AgeAt& a, const AgeAt& b) { return a.offset < b.offset; });
  std::vector<int> ages;
  for (const AgeAt& age : found) AddAge(ages, age.digits);
  return ages;
}

struct PriceAt {
  size_t begin;
  size_t end;
  double amount;
};

#define PLAINSIGHT_AMOUNT R"((\d+(?:,\d{3})*(?:\.\d{1,2})?))"
// What the amount buys, when the text says so right after it.
#define PLAINSIGHT_PER \
  R"((?: ?(?:(?:per|an?|/|each) ?(?:hour|hr|h)s?\b|ph\b|p/h\b|(?:for )?(?:\d{1,3}|half(?: an?)?|an?|one|two|three|four) ?(?:hours?|hrs?|h|mins?|minutes?)\b|(?:per|a|/) ?(?:night|overnight|session|visit)\b|overnight\b))?)"

std::vector<PriceAt> FindPrices(std::string_view lower) {
  static const RE2 kPoundSign("\xC2\xA3 ?" PLAINSIGHT_AMOUNT PLAINSIGHT_PER);
  static const RE2 kGbpBefore(R"(\bgbp ?)" PLAINSIGHT_AMOUNT PLAINSIGHT_PER);
  static const RE2 kCurrencyAfter(R"(\b)" PLAINSIGHT_AMOUNT
                                  R"( ?(?:gbp|pounds?|quid)\b)" PLAINSIGHT_PER);
  // No currency mark: only an hourly rate says it is money.
  static const RE2 kBareHourly(R"(\b(\d{2,4}) ?(?:ph|p/h|per hour|per hr|an hour|/hr|/hour)\b)");
  const std::vector<TextWindow> windows = DigitWindows(lower, kAdultReach);
  std::vector<PriceAt> found;
  std::map<size_t, size_t> taken;  // begin -> end of accepted prices, for O(log n) overlap checks
  for (const RE2* pattern : {&kPoundSign, &kGbpBefore, &kCurrencyAfter, &kBareHourly}) {
    WindowedSearch search(*pattern, lower, windows);
    re2::StringPiece g[2];
    for (size_t pos = 0; pos < lower.size() && search.Match(pos, g, 2);) {
      PriceAt price;
      price.begin = Offset(g[0], lower);
      price.end = price.begin + g[0].size();
      pos = price.end;
      std::string digits;
      for (char c : g[1]) {
        if (c != ',') digits.push_back(c);
      }
      price.amount = digits.size() > 9 ? 0 : std::strtod(digits.c_str(), nullptr);
      if (!std::isfinite(price.amount)) price.amount = 0;
      // Accepted spans never overlap, so only the neighbours can clash.
      auto next = taken.lower_bound(price.begin);
      bool overlaps = next != taken.end() && next->first < price.end;
      if (next != taken.begin()) overlaps = overlaps || std::prev(next)->second > price.begin;
      if (price.amount > 0 && !overlaps) {
        found.push_back(price);
        taken.emplace(price.begin, price.end);
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const PriceAt& a, const PriceAt& b) { return a.begin < b.begin; });
  return found;
}

#undef PLAINSIGHT_AMOUNT
#undef PLAINSIGHT_PER

}  // namespace

AdultFields ExtractAdultFields(std::string_view text) {
  // ASCII-only lowering keeps byte offsets equal to the original's.
  const std::string lower = ToLowerAscii(text);
  AdultFields fields;
  fields.ages = FindAges(text, lower);
  std::set<std::string> seen;
  for (const PriceAt& price : FindPrices(lower)) {
    std::string match(text.substr(price.begin, price.end - price.begin));
    while (!match.empty() && match.back() == ' ') match.pop_back();
    if (!seen.insert(match).second) continue;  // a price quoted the same way twice
    fields.prices.push_back(price.amount);
    fields.price_matches.push_back(std::move(match));
  }
  return fields;
}

}  // namespace plainsight
