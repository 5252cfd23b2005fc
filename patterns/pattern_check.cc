// Check(): every indicator's examples and counter-examples, run through
// Match() itself so the prefilter sets are exercised as on real pages.
#include "patterns/pattern_set.h"

namespace plainsight {
namespace {

const IndicatorHit* FindHit(const std::vector<IndicatorHit>& hits, const std::string& id) {
  for (const IndicatorHit& hit : hits) {
    if (hit.id == id) return &hit;
  }
  return nullptr;
}

std::string Where(const Indicator& indicator) {
  return indicator.file + ":" + std::to_string(indicator.line) + ": indicator " + indicator.id +
         ": ";
}

}  // namespace

std::vector<std::string> PatternSet::Check() const {
  std::vector<std::string> failures;
  for (const Indicator& indicator : indicators_) {
    for (const std::string& example : indicator.examples) {
      for (const std::string& kind : indicator.kinds) {
        if (FindHit(Match(example, kind), indicator.id) == nullptr) {
          failures.push_back(Where(indicator) + "example \"" + example + "\" did not match");
          break;  // one message per example, whichever kind failed
        }
      }
    }
    for (const std::string& counter : indicator.counter_examples) {
      for (const std::string& kind : indicator.kinds) {
        std::vector<IndicatorHit> hits = Match(counter, kind);
        if (const IndicatorHit* hit = FindHit(hits, indicator.id)) {
          failures.push_back(Where(indicator) + "counter-example \"" + counter + "\" matched \"" +
                             hit->match + "\"");
          break;
        }
      }
    }
  }
  return failures;
}

}  // namespace plainsight
