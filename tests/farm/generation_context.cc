#include "tests/farm/generation_context.h"

#include <cstdio>

#include "tests/farm/word_lists.h"

namespace plainsight::farm {

std::string GenerationContext::UniqueEmail(const std::string& stem, const std::string& domain) {
  for (int n = 0;; ++n) {
    std::string email = stem + (n == 0 ? "" : std::to_string(n)) + "@" + domain;
    if (emails_.insert(email).second) return email;
  }
}

std::string GenerationContext::UniquePostcode(const std::string& town) {
  // Inward unit letters never include C, I, K, M, O or V.
  static const char kUnitLetters[] = "ABDEFGHJLNPQRSTUWXYZ";
  const std::size_t count = sizeof kUnitLetters - 1;
  for (;;) {
    std::string postcode = OutwardCode(town) + " 9";
    postcode += kUnitLetters[rng_.Below(count)];
    postcode += kUnitLetters[rng_.Below(count)];
    if (postcodes_.insert(postcode).second) return postcode;
  }
}

std::string GenerationContext::PostedDate() {
  char date[16];
  std::snprintf(date, sizeof date, "2026-11-%02d", rng_.Between(1, 28));
  return date;
}

}  // namespace plainsight::farm
