// Pay in advert text: "£300 a week, 48 hours", "£8-10ph", "£25k per annum",
// "£300 for 6 days x 10 hours", "€12 per hour", "up to £11.75 per hour".
// Each amount is read with its currency, its period and, where the text
// says or lets one derive it, the number of hours the amount covers, so that
// an hourly rate can be compared with the minimum wage (minimum_wage.h).
//
// In running text, amounts need a currency mark (£, €, $, GBP, EUR,
// "pounds", "euro", ...); a bare number is never pay. In a site's salary
// field (PayContext::in_salary_field) a bare number is money in the site's
// currency: "7.00 to 9.00 per hour", "20-30K".
//
// Amounts with no period are kept only when they are clearly salaries
// (10,000 or more: "£25,000", "£25k"), read as per year, or when a pay label
// names them ("Pay rate: £9.50", or a salary field) and they look like an
// hourly rate (under 30), read as per hour. "Weekly pay - £9.50" is an
// hourly rate paid weekly, not £9.50 a week.
//
// A range keeps both ends: `amount` is the lower bound (what the minimum
// wage is judged by), `amount_max` the upper. "Up to £X" gives amount X,
// marked `up_to`: a ceiling, not a rate to judge.
//
// Not pay: premiums and extras on top of the base rate ("an extra £1.70ph",
// "+£2 per hour night premium", "£100 a month language bonus", overtime
// rates), numbers of hours ("37.5 hrs"), millions ("€30M").
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

// Where the text comes from.
struct PayContext {
  // The text is a site's salary field (`[sites.fields] salary`): a number
  // there is money even without a currency mark.
  bool in_salary_field = false;
  // ISO 4217 code of an amount written without a currency mark (only read in
  // a salary field); empty means "GBP".
  std::string default_currency = "GBP";
};

struct PayMatch {
  double amount = 0.0;               // the amount; for a range, its LOWER bound
  std::optional<double> amount_max;  // a range's upper bound; nullopt for one amount
  std::string currency = "GBP";      // ISO 4217: "GBP", "EUR", "USD", ...
  // "up to £X": `amount` is a ceiling (the real rate may be lower), so it
  // must not be compared with the minimum wage.
  bool up_to = false;
  // "hour", "day", "shift", "week", "month", "year" or "total" (a sum for a
  // stated stretch of work: "£300 for 6 days").
  std::string per;
  std::optional<double> hours;   // hours `amount` covers, when known
  std::optional<double> hourly;  // amount / hours (the lower bound's rate), when hours are known
  std::string match;             // original text span, hours wording included
  size_t offset = 0;             // byte offset of `match` in the original text
};

// Every pay statement in running text, in text order.
std::vector<PayMatch> FindPay(std::string_view text);

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm);

// Every pay statement in `text` read as `context` says: for a salary field,
// FindPay(text, PayContext{.in_salary_field = true, .default_currency = "EUR"}).
std::vector<PayMatch> FindPay(std::string_view text, const PayContext& context);
std::vector<PayMatch> FindPay(std::string_view text, const NormalizedText& norm,
                              const PayContext& context);

}  // namespace plainsight
