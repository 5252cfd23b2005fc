// Phone numbers of any region in advert text, including the forms posters
// use to dodge filters.
//
// Two readers, merged:
//   - libphonenumber's PhoneNumberMatcher (leniency VALID) finds numbers
//     written plainly for `region` (an ISO 3166 code: "GB", "US", "IE") and
//     every international form ("+40 721 234 567", "0048 601 234 567",
//     "+1 (201) 555-0123"); see phone_matcher.h.
//   - Decoding of obfuscated digit runs: separators of every kind
//     ("07700.900.123", "+44 (0)7700 900123"), look-alike letters ("O77OO
//     9OO l23"), digits as words ("oh seven seven double oh nine ..."),
//     mixtures ("seven7OO"), spaced-out digits and numbers split across
//     lines. Its numbers are validated for `region`: one without an
//     international prefix must start with the region's trunk prefix ("0"
//     for GB) unless the region has none (PL).
// Fullwidth, circled and keycap digits are folded first (text_normalize.h).
// A number is accepted when it is valid, or when it is possible and lies
// in one of Ofcom's drama ranges (used by all test data). Where both readers
// read the same digits, the decoder's reading is kept.
//
// Dates, times, prices, measurements, "24/7", postcodes and reference
// numbers ("Ref: 20240312", "Order #123456789") never yield a phone.
//
// Thread safety: FindPhones may be called from many threads at once; the
// patterns it uses are compiled once and shared read-only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_normalize.h"

namespace plainsight {

struct PhoneMatch {
  std::string e164;   // "+447700900123"
  std::string match;  // the span of the ORIGINAL text the number came from
  size_t offset = 0;  // byte offset of `match` in the original text
  // True when words, look-alike letters, folded characters, unusual
  // separators or spaced-out single digits were needed to read the number.
  bool obfuscated = false;
};

// Unique by e164, in order of first occurrence in `text`.
std::vector<PhoneMatch> FindPhones(std::string_view text, const std::string& region = "GB");

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<PhoneMatch> FindPhones(std::string_view text, const NormalizedText& norm,
                                   const std::string& region = "GB");

// True for Ofcom's drama ranges: +44 7700 900xxx, +44 1632 960xxx,
// +44 20 7946 0xxx. `e164` must be in E.164 form.
bool IsOfcomDramaNumber(std::string_view e164);

}  // namespace plainsight
