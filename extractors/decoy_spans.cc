#include "extractors/decoy_spans.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <utility>

#include "core/strings.h"
#include "extractors/postcodes.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

bool IsDateSeparator(char c) { return c == '/' || c == '.' || c == '-'; }

// Spans are collected as found and merged once at the end: blocking is a
// union, so the order patterns mark in does not matter.
void Mark(std::vector<DecoySpan>* blocked, size_t begin, size_t end) {
  if (end > begin) blocked->push_back({begin, end});
}

// Sorts and merges overlapping or touching spans.
void Merge(std::vector<DecoySpan>* spans) {
  std::sort(spans->begin(), spans->end(),
            [](const DecoySpan& a, const DecoySpan& b) { return a.begin < b.begin; });
  size_t kept = 0;
  for (const DecoySpan& span : *spans) {
    if (kept > 0 && span.begin <= (*spans)[kept - 1].end) {
      (*spans)[kept - 1].end = std::max((*spans)[kept - 1].end, span.end);
    } else {
      (*spans)[kept++] = span;
    }
  }
  spans->resize(kept);
}

// Runs `re` over `text` and calls accept(begin, end, submatches) for each hit;
// marks the hit when accept returns true.
constexpr int kMaxGroups = 6;

// Only text[from, to) is searched; the rest is context.
template <typename Accept>
void MarkMatches(const RE2& re, std::string_view text, size_t from, size_t to,
                 std::vector<DecoySpan>* blocked, Accept accept) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kMaxGroups];
  const int ngroups = re.NumberOfCapturingGroups() + 1;
  size_t pos = from;
  while (pos <= to && re.Match(input, pos, to, RE2::UNANCHORED, groups,
                               ngroups > kMaxGroups ? kMaxGroups : ngroups)) {
    const size_t begin = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = begin + groups[0].size();
    if (accept(begin, end, groups)) Mark(blocked, begin, end);
    pos = end > begin ? end : begin + 1;
  }
}

// As MarkMatches over the whole text, for a pattern whose every match lies
// inside one of `windows` (see windowed_search.h).
template <typename Accept>
void MarkMatches(const RE2& re, std::string_view text, const std::vector<TextWindow>& windows,
                 std::vector<DecoySpan>* blocked, Accept accept) {
  for (const TextWindow& window : windows) {
    MarkMatches(re, text, window.begin, window.end, blocked, accept);
  }
}

// Maximal runs of digits and date/decimal separators that hold a separator
// between two digits: the only places the decimal and date patterns can
// match, since they use no other characters and no assertions. Searching
// these alone finds the same matches as searching the whole text.
template <typename Visit>
void ForEachDigitCluster(std::string_view text, Visit visit) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsAsciiDigit(text[pos])) {
      pos = NextDigit(text, pos);
      continue;
    }
    size_t begin = pos;
    while (begin > 0 && IsDateSeparator(text[begin - 1])) --begin;
    bool joined = false;  // a separator between two digits
    size_t end = pos;
    while (end < text.size() && (IsAsciiDigit(text[end]) || IsDateSeparator(text[end]))) {
      if (IsDateSeparator(text[end]) && IsAsciiDigit(text[end - 1]) && end + 1 < text.size() &&
          IsAsciiDigit(text[end + 1])) {
        joined = true;
      }
      ++end;
    }
    if (joined) visit(begin, end);
    pos = end;
  }
}

int ToInt(re2::StringPiece s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

// A date is left alone when it continues into more digit groups: then it is
// more likely a phone written with dots or dashes ("077.00.12.03.23").
bool StandsAlone(std::string_view text, size_t begin, size_t end) {
  if (begin >= 2 && IsDateSeparator(text[begin - 1]) && IsAsciiDigit(text[begin - 2])) return false;
  if (begin >= 1 && IsAsciiDigit(text[begin - 1])) return false;
  if (end + 1 < text.size() && IsDateSeparator(text[end]) && IsAsciiDigit(text[end + 1])) {
    return false;
  }
  if (end < text.size() && IsAsciiDigit(text[end])) return false;
  return true;
}

}  // namespace

std::vector<DecoySpan> FindDecoySpans(std::string_view normalized) {
  std::vector<DecoySpan> blocked;

  static const RE2 kMoney(R"((?i)(?:£|\$|€|\bgbp|\beur|\busd)\s?\d[\d,]*(?:\.\d+)?k?)");
  static const RE2 kAllWeek(R"(\b24\s?/\s?7\b)");
  // Money: at most "uſd " before the first digit, ',' or '.' between two,
  // "K" (the Kelvin sign, 3 bytes, folds to k) after the last. "24 / 7":
  // three bytes between its digits.
  constexpr DigitReach kReach{8, 8};
  const std::vector<TextWindow> windows = DigitWindows(normalized, kReach);
  MarkMatches(kMoney, normalized, windows, &blocked,
              [](size_t, size_t, re2::StringPiece*) { return true; });

  static const RE2 kDecimal(R"(\d{1,4}\.\d{2})");
  static const RE2 kDayFirst(R"((\d{1,2})([/.\-])(\d{1,2})([/.\-])(?:\d{4}|\d{2}))");
  static const RE2 kYearFirst(R"((?:19|20)\d\d([/.\-])(\d{1,2})([/.\-])(\d{1,2}))");
  // Pattern by pattern, as over the whole text: a later pattern may match
  // bytes an earlier one marked.
  std::vector<std::pair<size_t, size_t>> clusters;
  ForEachDigitCluster(normalized, [&](size_t b, size_t e) { clusters.emplace_back(b, e); });
  for (const auto& [from, to] : clusters) {
    MarkMatches(kDecimal, normalized, from, to, &blocked, [&](size_t b, size_t e, re2::StringPiece*) {
      return StandsAlone(normalized, b, e);
    });
  }
  for (const auto& [from, to] : clusters) {
    MarkMatches(kDayFirst, normalized, from, to, &blocked,
                [&](size_t b, size_t e, re2::StringPiece* g) {
                  const int day = ToInt(g[1]);
                  const int month = ToInt(g[3]);
                  if (g[2] != g[4] || !StandsAlone(normalized, b, e)) return false;
                  // Day/month either way round (US order appears on some sites).
                  return day >= 1 && month >= 1 &&
                         ((day <= 31 && month <= 12) || (day <= 12 && month <= 31));
                });
  }
  for (const auto& [from, to] : clusters) {
    MarkMatches(kYearFirst, normalized, from, to, &blocked,
                [&](size_t b, size_t e, re2::StringPiece* g) {
                  const int month = ToInt(g[2]);
                  const int day = ToInt(g[4]);
                  if (g[1] != g[3]) return false;
                  return StandsAlone(normalized, b, e) && month >= 1 && month <= 12 && day >= 1 &&
                         day <= 31;
                });
  }

  MarkMatches(kAllWeek, normalized, windows, &blocked,
              [](size_t, size_t, re2::StringPiece*) { return true; });

  for (const PostcodeMatch& postcode : FindPostcodesInNormalized(normalized)) {
    Mark(&blocked, postcode.offset, postcode.offset + postcode.match.size());
  }
  Merge(&blocked);
  return blocked;
}

}  // namespace plainsight
