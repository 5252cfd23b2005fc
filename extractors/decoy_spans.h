// Internal to the extractors: marks spans of normalized text whose digits are
// something other than a phone number: dates ("12/03/2026", "2026-03-12"),
// prices ("£300", "300.00"), "24/7" and UK postcodes. Times and measurements
// are handled where digits meet letters or colons (phone_candidates.cc).
//
// Thread safety: patterns are compiled once; safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace plainsight {

// Bytes [begin, end) of the normalized text.
struct DecoySpan {
  size_t begin = 0;
  size_t end = 0;
};

// Where in `normalized` digits must be ignored: sorted, non-empty spans
// that neither overlap nor touch (a run of blocked bytes is one span).
std::vector<DecoySpan> FindDecoySpans(std::string_view normalized);

}  // namespace plainsight
