// Crawler traps and tracking noise, decided per URL before it is queued.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

enum class UrlVerdict { kOk, kTooLong, kRepeatedSegments, kTooDeepPath };

// Rejects URLs longer than `max_length`, paths with one segment repeated
// three or more times in a row or more than twice as often as any honest
// site needs ("/a/b/a/b/a/b"), and paths deeper than 24 segments.
UrlVerdict CheckUrlTraps(std::string_view url, size_t max_length);
const char* UrlVerdictName(UrlVerdict verdict);

}  // namespace plainsight
