// Internal to emails.cc: its address pattern, and a search that finds the
// pattern's matches without running it over the whole text.
//
// Every address match is a local part (a run of [a-z0-9._%+-], case-folded),
// then an "at", then a domain. The "at" is '@' or the word "at" standing
// between spaces or brackets, after optional spaces and one opening bracket.
// So a match can only start inside the run of local-part bytes just before
// one of those: this finds each such "at" with a byte scan and tries the
// pattern, anchored, only at the word starts of that run. Advert prose holds
// few of them, where a whole-text search pays for every byte.
//
// Thread safety: values only; safe from any thread.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace plainsight {

// Local part (group 1), "at", domain (group 2), case-insensitive.
const RE2& EmailPattern();

class EmailSearch {
 public:
  explicit EmailSearch(std::string_view text);

  // Same result as EmailPattern().Match(text, pos, text.size(), UNANCHORED,
  // groups, n).
  bool Match(size_t pos, re2::StringPiece* groups, int n);

 private:
  const RE2& re_;
  std::string_view text_;
  std::vector<size_t> ats_;  // offsets of each '@' and spelled "at", in order
  size_t next_ = 0;          // first of ats_ not yet ruled out
};

}  // namespace plainsight
