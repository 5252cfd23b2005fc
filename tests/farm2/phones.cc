#include "tests/farm2/phones.h"

#include <stdexcept>
#include <vector>

namespace plainsight::farm2 {
namespace {

struct RangeInfo {
  std::string prefix;  // national digits before the varying part
  int width;           // digits that vary
};

const RangeInfo& Info(PhoneRange range) {
  static const RangeInfo kMobile{"07700900", 3}, kGeographic{"01632960", 3},
      kLondon{"02079460", 3};
  switch (range) {
    case PhoneRange::kMobile: return kMobile;
    case PhoneRange::kGeographic: return kGeographic;
    case PhoneRange::kLondon: return kLondon;
  }
  return kMobile;
}

std::string Digits(int value, int width) {
  std::string s = std::to_string(value);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

// The number one above or below, or "" at the edge of the range.
std::string Neighbour(const std::string& national, int step) {
  for (PhoneRange r : {PhoneRange::kMobile, PhoneRange::kGeographic, PhoneRange::kLondon}) {
    const RangeInfo& info = Info(r);
    if (national.rfind(info.prefix, 0) != 0) continue;
    int value = std::stoi(national.substr(info.prefix.size())) + step;
    if (value < 0 || value > 999) return "";
    return info.prefix + Digits(value, info.width);
  }
  return "";
}

const char* const kWords[] = {"zero", "one", "two", "three", "four",
                              "five", "six", "seven", "eight", "nine"};

std::string Spell(const std::string& digits) {
  std::string out;
  for (char c : digits) {
    if (!out.empty()) out += ' ';
    out += kWords[c - '0'];
  }
  return out;
}

}  // namespace

bool InDramaRange(const std::string& national) {
  if (national.size() != 11) return false;
  for (char c : national)
    if (c < '0' || c > '9') return false;
  return national.rfind("07700900", 0) == 0 || national.rfind("01632960", 0) == 0 ||
         national.rfind("02079460", 0) == 0;
}

std::string E164(const std::string& national) { return "+44" + national.substr(1); }

std::string PhonePool::Take(PhoneRange range) {
  const RangeInfo& info = Info(range);
  for (int attempt = 0; attempt < 20000; ++attempt) {
    std::string candidate = info.prefix + Digits(static_cast<int>(rng_.Below(1000)), info.width);
    if (!Free(candidate)) continue;
    std::string below = Neighbour(candidate, -1), above = Neighbour(candidate, +1);
    if ((!below.empty() && !Free(below)) || (!above.empty() && !Free(above))) continue;
    taken_.insert(candidate);
    return candidate;
  }
  throw std::runtime_error("farm2: drama phone range exhausted");
}

std::string PhonePool::TakeExact(const std::string& national) {
  if (!InDramaRange(national) || !Free(national))
    throw std::runtime_error("farm2: planted phone not free: " + national);
  taken_.insert(national);
  return national;
}

std::string FormatPhone(const std::string& n, PhoneStyle style) {
  const bool london = n.rfind("020", 0) == 0;
  // Area code and the rest, as a person would split them.
  const std::string area = london ? n.substr(0, 3) : n.substr(0, 5);
  const std::string rest = london ? n.substr(3) : n.substr(5);  // 8 or 6 digits
  const std::string rest_spaced = london ? rest.substr(0, 4) + " " + rest.substr(4) : rest;
  const std::string rest_grouped =
      london ? rest_spaced : rest.substr(0, 3) + " " + rest.substr(3);
  switch (style) {
    case PhoneStyle::kSpaced: return area + " " + rest_spaced;
    case PhoneStyle::kGrouped: return area + " " + rest_grouped;
    case PhoneStyle::kDashed:
      return london ? area + "-" + rest.substr(0, 4) + "-" + rest.substr(4)
                    : area + "-" + rest.substr(0, 3) + "-" + rest.substr(3);
    case PhoneStyle::kCompact: return n;
    case PhoneStyle::kInternational: return "+44 " + area.substr(1) + " " + rest_spaced;
    case PhoneStyle::kIntlZero: return "+44 (0)" + area.substr(1) + " " + rest_spaced;
    case PhoneStyle::kBracketed:
      if (n.rfind("07", 0) == 0) return area + " " + rest_spaced;
      return "(" + area + ") " + rest_grouped;
    case PhoneStyle::kWords:
      return Spell(area) + ", " + Spell(rest.substr(0, 3)) + ", " + Spell(rest.substr(3));
  }
  return n;
}

PhoneStyle AnyDigitStyle(Rng& rng) {
  static const std::vector<PhoneStyle> kStyles = {
      PhoneStyle::kSpaced,  PhoneStyle::kSpaced,        PhoneStyle::kSpaced,
      PhoneStyle::kGrouped, PhoneStyle::kDashed,        PhoneStyle::kCompact,
      PhoneStyle::kInternational, PhoneStyle::kIntlZero, PhoneStyle::kBracketed};
  return rng.Pick(kStyles);
}

}  // namespace plainsight::farm2
