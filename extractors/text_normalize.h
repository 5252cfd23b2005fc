// Text normalisation for matching: folds look-alike characters so one set of
// ASCII patterns finds contacts however they are typed, and keeps a byte map
// back to the original text so every match reports its ORIGINAL span.
//
// What it does, per code point:
//   - NFKC (utf8proc): fullwidth, mathematical, circled and superscript digits
//     and letters become ASCII ("０７７" -> "077", "①" -> "1").
//   - Dingbat circled digits ("❼"), which NFKC leaves alone, become digits.
//   - Emoji presentation selectors, keycap combiners ("7️⃣" -> "7"), zero-width
//     characters and soft hyphens are dropped: they only hide text.
//   - Dashes and minus signs become '-'.
//   - Any run of whitespace becomes one ' ', or one '\n' when the run holds a
//     line break (blocks stay apart for matchers that must not cross them).
// Case is kept. Invalid UTF-8 bytes are passed through one by one.
//
// Thread safety: pure functions over values; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

struct NormalizedText {
  std::string text;
  // original_offset[i] is the byte offset in the original text of the code
  // point that produced text[i]; one extra entry (original size) at the end.
  std::vector<size_t> original_offset;

  // Original offset of normalized byte `normalized_offset` (clamped to the
  // sentinel). For an exclusive end, the result is the start of whatever
  // produced the next byte, so dropped characters (keycaps) stay inside.
  size_t ToOriginal(size_t normalized_offset) const;

  // The original bytes that produced text[begin, end).
  std::string_view OriginalSpan(std::string_view original, size_t begin, size_t end) const;
};

NormalizedText NormalizeForMatching(std::string_view original);


}  // namespace plainsight
