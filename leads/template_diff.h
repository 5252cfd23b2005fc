// Template diff: the wording several near-duplicate adverts share, with the
// places where they differ shown as numbered slots, so an analyst sees at a
// glance "one template, names and towns swapped".
//
// Each text is cut into tokens: runs of letters and digits (bytes >= 0x80
// count as letters, so UTF-8 words stay whole) and single punctuation
// marks; whitespace only separates. Each text is aligned to the first with
// a word-level longest common subsequence (ASCII case ignored). A token of
// the first text that every text matches is fixed; between two fixed tokens,
// whatever any text has is one slot, written "{N}" (N from 1) and listing
// each text's wording there, distinct values in text order ("" where a text
// has nothing, e.g. a sentence only some texts carry).
//
// Example: "Hi I am Anna, 23, in Corby, call 07700 900111" and
// "Hi I am Beth, 25, in Kettering, call 07700 900222" give
// "Hi I am {1}, {2}, in {3}, call 07700 {4}" with slots
// [Anna, Beth] [23, 25] [Corby, Kettering] [900111, 900222].
//
// A free function over values: safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plainsight {

struct TemplateSlot {
  std::vector<std::string> values;
};

struct AdvertTemplate {
  std::string text;
  std::vector<TemplateSlot> slots;
  // Fixed words / (fixed words + slots): each slot counts as one template
  // word, punctuation counts not at all. 1 for identical texts, 0 when none.
  double shared_fraction = 0;
};

// Only the first `max_words` tokens of each text are aligned (the alignment
// costs max_words^2 per text; capped at 2000); the rest is ignored.
AdvertTemplate BuildTemplate(const std::vector<std::string>& texts, size_t max_words = 400);

}  // namespace plainsight
