// Pay extraction (extractors/pay.h) on arbitrary text.
//
// Properties: amounts (and range tops, hours) are finite, and a range's top
// is above its amount; a currency is a three-letter code; an hourly rate,
// when set, is finite and >= 0 (it is compared with the minimum wage, and a
// NaN compares false with everything, so it would hide underpayment);
// `match` is exactly the original text at `offset`; matches come in text
// order. Both for running text and for a salary field.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/pay.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void CheckPays(std::string_view text, const std::vector<plainsight::PayMatch>& pays) {
  size_t previous_offset = 0;
  for (const plainsight::PayMatch& pay : pays) {
    FUZZ_CHECK(std::isfinite(pay.amount), "amount must be finite");
    if (pay.amount_max) {
      FUZZ_CHECK(std::isfinite(*pay.amount_max), "amount_max must be finite");
      FUZZ_CHECK(*pay.amount_max > pay.amount, "amount_max must be above amount");
    }
    FUZZ_CHECK(pay.currency.size() == 3, "currency must be an ISO 4217 code");
    if (pay.hours) FUZZ_CHECK(std::isfinite(*pay.hours), "hours must be finite");
    if (pay.hourly) {
      FUZZ_CHECK(std::isfinite(*pay.hourly), "hourly must be finite");
      FUZZ_CHECK(*pay.hourly >= 0, "hourly must be >= 0");
    }
    FUZZ_CHECK(pay.offset <= text.size() && text.substr(pay.offset, pay.match.size()) == pay.match,
               "match must be the input's text at offset");
    FUZZ_CHECK(pay.offset >= previous_offset, "pay statements must come in text order");
    previous_offset = pay.offset;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = plainsight::fuzz::AsText(data, size);
  CheckPays(text, plainsight::FindPay(text));
  // A salary field reads bare numbers too: the same properties hold.
  CheckPays(text, plainsight::FindPay(text, plainsight::PayContext{.in_salary_field = true,
                                                                   .default_currency = "EUR"}));
  return 0;
}
