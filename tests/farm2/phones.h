// Phone numbers for farm2: only Ofcom's drama ranges (07700 900000-900999,
// 01632 960000-960999, 020 7946 0000-0999), never a real subscriber's.
// PhonePool hands each number out once. Numbers it picks itself never sit
// next to (+/-1) another number already handed out, so consecutive numbers
// appear only where a planted group asks for them with TakeExact().
// FormatPhone() writes a number the many ways adverts do.
#pragma once

#include <set>
#include <string>

#include "tests/farm2/rng.h"

namespace plainsight::farm2 {

// Numbers are carried in national form, digits only: "07700900123".
enum class PhoneRange { kMobile, kGeographic, kLondon };

// True for a national-form number inside one of the three drama ranges.
bool InDramaRange(const std::string& national);

// "+447700900123" for "07700900123" (what plainsight prints).
std::string E164(const std::string& national);

class PhonePool {
 public:
  explicit PhonePool(Rng rng) : rng_(rng) {}

  // A free number in `range` with no taken neighbour.
  std::string Take(PhoneRange range);
  // Exactly `national`, which must be in range and free; neighbours allowed.
  std::string TakeExact(const std::string& national);

 private:
  bool Free(const std::string& national) const { return !taken_.count(national); }
  Rng rng_;
  std::set<std::string> taken_;
};

enum class PhoneStyle {
  kSpaced,         // 07700 900123 / 01632 960555 / 020 7946 0123
  kGrouped,        // 07700 900 123 / 01632 960 555 / 020 7946 0123
  kDashed,         // 07700-900-123 / 01632-960-555 / 020-7946-0123
  kCompact,        // 07700900123
  kInternational,  // +44 7700 900123 / +44 1632 960555 / +44 20 7946 0123
  kIntlZero,       // +44 (0)7700 900123
  kBracketed,      // (01632) 960 555 / (020) 7946 0123; mobiles as kSpaced
  kWords,          // zero seven seven zero zero, nine zero zero, one two three
};

std::string FormatPhone(const std::string& national, PhoneStyle style);

// A style as adverts use them: mostly spaced, now and then anything but words.
PhoneStyle AnyDigitStyle(Rng& rng);

}  // namespace plainsight::farm2
