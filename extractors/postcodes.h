// UK postcodes in advert text: every valid shape (A9 9AA, A99 9AA, A9A 9AA,
// AA9 9AA, AA99 9AA, AA9A 9AA, and GIR 0AA), any case, with or without the
// space. The outward code's letters must name a real postcode area ("NN",
// "SW", "B"...), and the inward code must use the letters Royal Mail allows,
// so look-alikes inside other words or codes are rejected.
//
// Thread safety: patterns are compiled once and shared read-only; safe from
// any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_normalize.h"

namespace plainsight {

struct PostcodeMatch {
  std::string postcode;  // upper case, one space: "NN1 1AA"
  std::string match;     // original text span
  size_t offset = 0;     // byte offset of `match` in the original text
};

// Every occurrence, in text order (the same postcode may appear twice).
std::vector<PostcodeMatch> FindPostcodes(std::string_view text);

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<PostcodeMatch> FindPostcodes(std::string_view text, const NormalizedText& norm);

// As above over text that is already NormalizeForMatching's output, with
// spans and offsets in `normalized` itself (used to block postcodes from
// phone candidates).
std::vector<PostcodeMatch> FindPostcodesInNormalized(std::string_view normalized);

// The area: the leading letters of the outward code. "NN1 1AA" -> "NN",
// "B1 1AA" -> "B". Empty when `postcode` does not start with a letter.
std::string PostcodeArea(std::string_view postcode);

}  // namespace plainsight
