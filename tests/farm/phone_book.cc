#include "tests/farm/phone_book.h"

#include <cstdio>

namespace plainsight::farm {

namespace {

// Splits a national number into its area code and local part.
struct PhoneParts {
  std::string area;   // "07700", "01632", "020"
  std::string local;  // "900123", "960123", "79460123"
};

PhoneParts Split(const std::string& national) {
  const std::size_t area_len = national.rfind("020", 0) == 0 ? 3 : 5;
  return {national.substr(0, area_len), national.substr(area_len)};
}

// "900 123" or "7946 0123": how people group the local part.
std::string GroupedLocal(const std::string& local) {
  const std::size_t half = local.size() / 2;
  return local.substr(0, half) + " " + local.substr(half);
}

}  // namespace

std::string PhoneBook::TakeUnique(const std::string& prefix) {
  // Every drama range is an 8-digit prefix plus 000-999. The caller never
  // needs more than a few hundred numbers, so random probing ends quickly.
  for (;;) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%03d", rng_->Between(0, 999));
    std::string national = prefix + digits;
    if (used_.insert(national).second) return national;
  }
}

std::string PhoneBook::TakeMobile() { return TakeUnique("07700900"); }

std::string PhoneBook::TakeLandline() {
  return rng_->OneIn(2) ? TakeUnique("01632960") : TakeUnique("02079460");
}

std::string PhoneE164(const std::string& national) { return "+44" + national.substr(1); }

std::string WritePhone(const std::string& national, PhoneStyle style) {
  const PhoneParts p = Split(national);
  const bool london = p.area == "020";
  // London numbers read "020 7946 0123"; others keep the local part whole.
  const std::string spaced_local = london ? GroupedLocal(p.local) : p.local;
  switch (style) {
    case PhoneStyle::kSpaced:
      return p.area + " " + spaced_local;
    case PhoneStyle::kCompact:
      return national;
    case PhoneStyle::kIntl:
      return "+44 " + p.area.substr(1) + " " + spaced_local;
    case PhoneStyle::kIntlZero:
      return "+44 (0) " + p.area.substr(1) + " " + spaced_local;
    case PhoneStyle::kDashed: {
      std::string local = GroupedLocal(p.local);
      local[local.find(' ')] = '-';
      return p.area + "-" + local;
    }
    case PhoneStyle::kBracketed:
      return "(" + p.area + ") " + GroupedLocal(p.local);
    case PhoneStyle::kLookAlike: {
      if (p.area != "07700") return p.area + " " + spaced_local;
      std::string out = p.area + " " + p.local;  // "07700 900123"
      out[4] = 'O';                               // "0770O 900123"
      out[7] = 'O';
      out[8] = 'O';                               // "0770O 9OO123"
      return out;
    }
  }
  return national;
}

}  // namespace plainsight::farm
