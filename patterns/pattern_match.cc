// Matching: one pass of the kind's RE2::Set over the text, then the
// individual RE2s of only the indicators the set reported.
#include <algorithm>

#include "patterns/pattern_set.h"

namespace plainsight {

std::vector<IndicatorHit> PatternSet::Match(std::string_view text, std::string_view kind) const {
  std::vector<IndicatorHit> hits;
  const KindSet* kind_set = SetFor(kind);
  if (kind_set == nullptr || kind_set->members.empty()) return hits;

  std::vector<int> matched;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  std::vector<size_t> candidates;
  if (kind_set->set->Match(text, &matched, &error)) {
    candidates.reserve(matched.size());
    for (int entry : matched) candidates.push_back(kind_set->members[static_cast<size_t>(entry)]);
    std::sort(candidates.begin(), candidates.end());  // pack order; Set gives none
  } else if (error.kind != RE2::Set::kNoError) {
    // The DFA ran out of its memory budget on this text: the prefilter
    // says nothing, so try every indicator rather than miss one.
    candidates = kind_set->members;
  }

  for (size_t index : candidates) {
    IndicatorHit hit;
    if (MatchOne(index, text, &hit)) hits.push_back(std::move(hit));
  }
  return hits;
}

bool PatternSet::MatchOne(size_t index, std::string_view text, IndicatorHit* hit) const {
  const Compiled& compiled = compiled_[index];
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece span;
  if (!compiled.pattern->Match(input, 0, input.size(), RE2::UNANCHORED, &span, 1)) return false;
  if (compiled.unless != nullptr && RE2::PartialMatch(input, *compiled.unless)) return false;
  const Indicator& indicator = indicators_[index];
  hit->id = indicator.id;
  hit->category = indicator.category;
  hit->weight = indicator.weight;
  hit->match.assign(span.data(), span.size());
  hit->offset = static_cast<size_t>(span.data() - input.data());
  return true;
}

}  // namespace plainsight
