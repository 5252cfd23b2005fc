// Internal to the extractors: runs an RE2 over only the parts of a text where
// it can match, with the same results as a search of the whole text.
//
// Most finders look for something built around digits (prices, postcodes,
// ages, street numbers), and advert text is mostly prose without digits, so
// a scan of the whole text spends nearly all its time where nothing can
// match. A caller states, for its pattern, how far a match can reach before
// its first digit and after its last one; the windows are those reaches
// around every digit, merged where they meet. Every match then lies inside
// one window, and RE2 (which reads the bytes either side of its search range
// as context for \b) finds exactly the matches a whole-text search finds.
//
// Thread safety: values only; safe from any thread.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace plainsight {

struct TextWindow {
  size_t begin = 0;
  size_t end = 0;
};

// How far a match reaches around the ASCII digits it contains. Valid for a
// pattern whose every match holds a digit, starts at most `before` bytes
// before its first digit, ends at most `after` bytes past its last digit
// (after skipping any bytes for which `reach` is true), and has no more than
// before + after bytes between two of its digits.
struct DigitReach {
  size_t before = 0;
  size_t after = 0;
  bool (*reach)(unsigned char) = nullptr;  // optional: an unbounded tail
};

// The offset of the first ASCII digit of `text` at or after `from`, or
// text.size(). Tests eight bytes at a time: prose has few digits.
size_t NextDigit(std::string_view text, size_t from);

// The merged windows of `text` for `reach`, in order.
std::vector<TextWindow> DigitWindows(std::string_view text, const DigitReach& reach);

// Drop-in for re.Match(text, pos, text.size(), UNANCHORED, groups, n) when
// every match of `re` lies inside one of `windows` (sorted, disjoint).
class WindowedSearch {
 public:
  WindowedSearch(const RE2& re, std::string_view text, std::vector<TextWindow> windows)
      : re_(re), text_(text), windows_(std::move(windows)) {}

  bool Match(size_t pos, re2::StringPiece* groups, int n);

 private:
  const RE2& re_;
  std::string_view text_;
  std::vector<TextWindow> windows_;
  size_t next_ = 0;  // first window that may end after the last `pos`
};

}  // namespace plainsight
