// Internal to the extractors: marks spans of normalized text whose digits are
// something other than a phone number: dates ("12/03/2026", "2026-03-12"),
// prices ("£300", "300.00"), "24/7" and UK postcodes. Times and measurements
// are handled where digits meet letters or colons (phone_candidates.cc).
//
// Thread safety: patterns are compiled once; safe from any thread.
#pragma once

#include <string_view>
#include <vector>

namespace plainsight {

// One flag per byte of `normalized`: true where digits must be ignored.
std::vector<bool> FindDecoySpans(std::string_view normalized);

}  // namespace plainsight
