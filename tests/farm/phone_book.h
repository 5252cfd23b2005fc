// PhoneBook: hands out unique phone numbers from Ofcom's drama ranges
// (07700 900000-900999, 01632 960000-960999, 020 7946 0000-0999), which are
// never allocated to real subscribers, and writes them the ways adverts do.
//
// Numbers are national digit strings ("07700900123"). Not thread-safe.
#pragma once

#include <set>
#include <string>

#include "tests/farm/rng.h"

namespace plainsight::farm {

// How an advert writes a number. kLookAlike swaps some zeros for the letter
// O, as obfuscating posters do ("0770O 9OO123").
enum class PhoneStyle {
  kSpaced,       // 07700 900123, 01632 960123, 020 7946 0123
  kCompact,      // 07700900123
  kIntl,         // +44 7700 900123
  kIntlZero,     // +44 (0) 7700 900123
  kDashed,       // 07700-900-123
  kBracketed,    // (07700) 900 123
  kLookAlike,    // 0770O 9OO123 (mobiles only; others fall back to kSpaced)
};

class PhoneBook {
 public:
  explicit PhoneBook(Rng* rng) : rng_(rng) {}

  // Marks a number as taken so no later Take*() returns it.
  void Reserve(const std::string& national) { used_.insert(national); }
  std::string TakeMobile();    // 07700 900xxx
  std::string TakeLandline();  // 01632 960xxx or 020 7946 0xxx

 private:
  std::string TakeUnique(const std::string& prefix);

  Rng* rng_;  // not owned
  std::set<std::string> used_;
};

// "+447700900123" from "07700900123".
std::string PhoneE164(const std::string& national);
std::string WritePhone(const std::string& national, PhoneStyle style);

}  // namespace plainsight::farm
