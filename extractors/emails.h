// E-mail addresses in advert text, plain ("anna@example.org") and in the
// spelled-out forms used to slip past filters: "anna at example dot org",
// "anna[at]example[dot]com", "anna (at) example (dot) org",
// "anna @ example . com". Spelled-out forms must end in a known top-level
// domain so that prose ("see you at home. Call...") is not read as an address.
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

struct EmailMatch {
  std::string email;        // lower case: "anna@example.org"
  std::string match;        // original text span
  size_t offset = 0;        // byte offset of `match` in the original text
  bool obfuscated = false;  // written with words, brackets or spaced symbols
};

// Unique by email, in order of first occurrence.
std::vector<EmailMatch> FindEmails(std::string_view text);

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<EmailMatch> FindEmails(std::string_view text, const NormalizedText& norm);

}  // namespace plainsight
