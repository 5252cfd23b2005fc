// Pay extraction (extractors/pay.h) on arbitrary text.
//
// Properties: amounts (and range lows, hours) are finite; an hourly rate,
// when set, is finite and >= 0 (it is compared with the minimum wage, and a
// NaN compares false with everything, so it would hide underpayment);
// `match` is exactly the original text at `offset`; matches come in text
// order.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/pay.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = plainsight::fuzz::AsText(data, size);
  std::vector<plainsight::PayMatch> pays = plainsight::FindPay(text);

  size_t previous_offset = 0;
  for (const plainsight::PayMatch& pay : pays) {
    FUZZ_CHECK(std::isfinite(pay.amount), "amount must be finite");
    FUZZ_CHECK(std::isfinite(pay.amount_low), "amount_low must be finite");
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
  return 0;
}
