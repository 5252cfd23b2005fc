// Internal to phones.cc: libphonenumber's own PhoneNumberMatcher (leniency
// VALID) over normalized text, for numbers written plainly in any national
// or international form ("973-536-2174" for US, "+40 721 234 567",
// "0048 601 234 567").
//
// The matcher is slow (ICU regular expressions) and advert text is mostly
// prose, so it only reads windows around clusters of digits and phone
// punctuation holding at least kMinMatcherDigits digits that no earlier
// reader has accounted for. A number inside such a cluster is found
// exactly as a whole-text search would find it.
//
// Thread safety: pure function; libphonenumber's PhoneNumberUtil is a
// thread-safe singleton and each call makes its own matchers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/decoy_spans.h"

namespace plainsight {

// No region's phone numbers, written with their trunk or country code, have
// fewer digits (Ireland's "(022) 12345" has 8).
constexpr size_t kMinMatcherDigits = 7;

struct MatcherHit {
  std::string e164;
  size_t begin = 0;  // byte offsets in the normalized text
  size_t end = 0;
};

// Numbers the matcher finds in `normalized` for `region` (ISO 3166, "GB"),
// in text order; may repeat a number. Digits inside `settled` (sorted,
// disjoint spans: decoys, numbers already read) do not count towards a
// cluster, so a cluster they cover is not searched; a hit may still
// overlap them, and the caller decides.
std::vector<MatcherHit> MatchPhoneNumbers(std::string_view normalized, const std::string& region,
                                          const std::vector<DecoySpan>& settled);

}  // namespace plainsight
