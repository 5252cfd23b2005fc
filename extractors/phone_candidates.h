// Internal to phones.cc: splits normalized text into runs of digit "atoms"
// (digit groups, number words, look-alike letters) joined by separators.
// A run never crosses a non-number word, a blocked span (see decoy_spans.h)
// or a long stretch of punctuation, so only nearby pieces combine. Also
// marks reference numbers, which must not feed any phone finder.
//
// Thread safety: pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/decoy_spans.h"

namespace plainsight {

struct DigitAtom {
  enum class Kind { kDigits, kWord, kLookalike };
  size_t begin = 0;  // normalized byte offsets
  size_t end = 0;
  std::string digits;
  Kind kind = Kind::kDigits;
  std::string_view gap_before;  // separators since the previous atom (or run start)
};

using DigitRun = std::vector<DigitAtom>;

// `blocked` holds the spans of `text` that must not contribute digits, as
// FindDecoySpans gives them (sorted, disjoint, not touching). Runs
// with fewer than `min_digits` digits in all are left out: they cannot hold
// a phone, and most runs are a stray "one" or "2" in prose.
std::vector<DigitRun> SplitDigitRuns(std::string_view text, const std::vector<DecoySpan>& blocked,
                                     size_t min_digits = 0);

// `blocked` (as FindDecoySpans gives it) plus the digits that follow a
// reference label: "Ref: 20240312", "Order #123456789", "Invoice no.
// 0770-0900-1234", "Job ID 445566", "Booking no. 123456789" (but not
// "Booking: 07700 900123"). Such digits are never a phone, however
// valid they look for a region without a trunk prefix (PL, US). Only the
// first digit group after the label is blocked (digits joined by single
// '-', '.' or '/'), so a phone after a short reference still counts.
std::vector<DecoySpan> WithReferenceNumbers(std::string_view text, std::vector<DecoySpan> blocked);

}  // namespace plainsight
