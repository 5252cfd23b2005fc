// Pay in advert text: "£300 a week, 48 hours", "£8-10ph", "£25k per annum",
// "£300 for 6 days x 10 hours". Each amount is read with its period and,
// where the text says or lets one derive it, the number of hours the amount
// covers, so that an hourly rate can be compared with the minimum wage
// (minimum_wage.h).
//
// Amounts need a currency mark (£, GBP, "pounds"); a bare number is never
// pay. Amounts with no period are kept only when they are clearly salaries
// (£10,000 or more, or "£25k"), read as per year.
//
// Thread safety: patterns are compiled once and shared read-only; safe from
// any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_normalize.h"

namespace plainsight {

struct PayMatch {
  double amount = 0.0;      // pounds; for a range, the upper bound
  double amount_low = 0.0;  // the lower bound of a range, else == amount
  // "hour", "day", "shift", "week", "month", "year" or "total" (a sum for a
  // stated stretch of work: "£300 for 6 days").
  std::string per;
  std::optional<double> hours;   // hours the amount covers, when known
  std::optional<double> hourly;  // amount / hours, when hours are known
  std::string match;             // original text span, hours wording included
  size_t offset = 0;             // byte offset of `match` in the original text
};

// Every pay statement, in text order.
std::vector<PayMatch> FindPay(std::string_view text);

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm);

}  // namespace plainsight
