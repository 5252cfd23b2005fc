// Pattern-pack loading (patterns/pattern_set.h, PatternSet::LoadText) on
// arbitrary text, and matching with whatever loads.
//
// Properties: no crash and no escaping exception; a load error names the
// source ("fuzz.toml:..."); when a pack loads, Match() on the input and on a
// sample advert does not crash, every hit's `match` is the text at its
// `offset`, and Check() runs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "patterns/pattern_set.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr std::string_view kSampleAdvert =
    "Warehouse pickers wanted, start tomorrow. Accommodation provided, "
    "transport arranged. £300 a week cash. Call 07700 900123.";

void MatchAndCheck(const plainsight::PatternSet& set, std::string_view text) {
  for (std::string_view kind : {"jobs", "adult", ""}) {
    for (const plainsight::IndicatorHit& hit : set.Match(text, kind)) {
      FUZZ_CHECK(hit.offset <= text.size() && text.substr(hit.offset, hit.match.size()) == hit.match,
                 "a hit's match must be the text at its offset");
      FUZZ_CHECK(set.Find(hit.id) != nullptr, "a hit must name a loaded indicator");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = plainsight::fuzz::AsText(data, size);
  auto set = plainsight::PatternSet::LoadText(std::string(text), "fuzz.toml");
  if (!set.ok()) {
    FUZZ_CHECK(set.status().message().find("fuzz.toml") != std::string::npos,
               "pack errors must name the source");
    return 0;
  }
  MatchAndCheck(**set, text);
  MatchAndCheck(**set, kSampleAdvert);
  (void)(*set)->Check();
  return 0;
}
