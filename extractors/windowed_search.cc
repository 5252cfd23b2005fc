#include "extractors/windowed_search.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/strings.h"

namespace plainsight {
namespace {

// The first ASCII digit at or after `i`, or n. Prose has few digits, so
// this tests eight bytes at a time ("has a byte between m and n", from Bit
// Twiddling Hacks; exact for every byte value).
size_t NextDigit(const char* bytes, size_t i, size_t n) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;
  constexpr uint64_t kLow7 = kOnes * 127;
  constexpr uint64_t kHigh = kOnes * 128;
  while (i + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, bytes + i, 8);
    const uint64_t low = x & kLow7;
    const uint64_t between = (kOnes * (127 + ':') - low) & ~x & (low + kOnes * (127 - '/')) & kHigh;
    if (between != 0) break;
    i += 8;
  }
  while (i < n && !IsAsciiDigit(bytes[i])) ++i;
  return i;
}

}  // namespace

size_t NextDigit(std::string_view text, size_t from) {
  return NextDigit(text.data(), from, text.size());
}

std::vector<TextWindow> DigitWindows(std::string_view text, const DigitReach& reach) {
  std::vector<TextWindow> windows;
  const char* bytes = text.data();
  const size_t n = text.size();
  size_t tail_end = 0;  // end of the last tail scanned: later digits inside it share it
  for (size_t d = NextDigit(bytes, 0, n); d < n; d = NextDigit(bytes, d + 1, n)) {
    size_t tail = d + 1;
    if (reach.reach != nullptr) {
      if (tail < tail_end) {
        tail = tail_end;
      } else {
        while (tail < n && (IsAsciiDigit(bytes[tail]) ||
                            reach.reach(static_cast<unsigned char>(bytes[tail])))) {
          ++tail;
        }
        tail_end = tail;
      }
    }
    const size_t begin = d > reach.before ? d - reach.before : 0;
    const size_t end = std::min(n, tail + reach.after);
    if (!windows.empty() && begin <= windows.back().end) {
      windows.back().end = std::max(windows.back().end, end);
    } else {
      windows.push_back({begin, end});
    }
  }
  return windows;
}

bool WindowedSearch::Match(size_t pos, re2::StringPiece* groups, int n) {
  if (next_ > 0 && next_ <= windows_.size() && pos < windows_[next_ - 1].end) next_ = 0;
  const re2::StringPiece input(text_.data(), text_.size());
  for (; next_ < windows_.size(); ++next_) {
    const TextWindow& window = windows_[next_];
    if (window.end <= pos) continue;
    const size_t from = std::max(pos, window.begin);
    if (from < window.end &&
        re_.Match(input, from, window.end, RE2::UNANCHORED, groups, n)) {
      return true;
    }
  }
  return false;
}

}  // namespace plainsight
