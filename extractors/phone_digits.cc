#include "extractors/phone_digits.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string_view>

#include "extractors/phones.h"

namespace plainsight {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneRegion LookUp(const std::string& region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneRegion info;
  info.region = region;
  info.country = std::to_string(util.GetCountryCodeForRegion(region));
  util.GetNddPrefixForRegion(region, true, &info.trunk);
  return info;
}

// The digits as libphonenumber should parse them, or nothing when a number
// written this way cannot be one of the region's (or an international one).
std::optional<std::string> Candidate(const std::string& digits, bool plus, const PhoneRegion& info) {
  std::string candidate;
  // "44 7700 900123": the country code without the plus. A country code
  // never starts with 0, so this never takes a number written "00..." or
  // "011..." from the branches below.
  const bool country_first = info.country != "0" && digits.starts_with(info.country) &&
                             digits.size() >= info.country.size() + 9;
  // assign + append, not "+" + substr(): GCC 12 -O3 reports -Wrestrict.
  if (plus || country_first) {
    candidate.assign(1, '+').append(digits);
  } else if (digits.starts_with("00")) {
    candidate.assign(1, '+').append(digits, 2, std::string::npos);
  } else if (info.country == "1" && digits.starts_with("011")) {
    candidate.assign(1, '+').append(digits, 3, std::string::npos);
  } else if (info.trunk.empty() || digits.starts_with(info.trunk) ||
             (info.country == "1" && digits.size() == 10)) {
    candidate = digits;  // North American numbers are written without the trunk "1"
  } else {
    return std::nullopt;
  }
  return candidate;
}

}  // namespace

const PhoneRegion& PhoneRegionFor(const std::string& region) {
  thread_local PhoneRegion info = LookUp(region);
  if (info.region != region) info = LookUp(region);
  return info;
}

std::optional<std::string> DigitsToE164(const std::string& digits, bool plus,
                                        const PhoneRegion& info) {
  std::optional<std::string> candidate = Candidate(digits, plus, info);
  if (!candidate) return std::nullopt;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (int attempt = 0; attempt < 2; ++attempt) {
    PhoneNumber number;
    if (util.Parse(*candidate, info.region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) break;
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    // Not reordered to test the drama range first: that would make
    // benchmarks on test data flatter real adverts.
    if (util.IsValidNumber(number) || (util.IsPossibleNumber(number) && IsOfcomDramaNumber(e164))) {
      return e164;
    }
    // "+44 (0)7700 900123": drop the bracketed trunk zero after the country code.
    if ((*candidate)[0] != '+') break;
    const size_t zero = 1 + std::to_string(number.country_code()).size();
    if (candidate->size() <= zero || (*candidate)[zero] != '0') break;
    candidate->erase(zero, 1);
  }
  return std::nullopt;
}

}  // namespace plainsight
