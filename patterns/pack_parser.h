// ParsePack: one pattern pack's TOML text -> Indicators (internal to
// patterns/; callers use PatternSet).
//
// Checks the shape of the pack (keys, types, id / category / kind / weight
// values) but not the regular expressions, which PatternSet compiles. Every
// error is InvalidArgument with "source:line: ..." where line is the
// [[indicator]] header (or toml++'s line for a syntax error). Stateless and
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "patterns/pattern_set.h"

namespace plainsight {

// The advert kinds an indicator may name, in the order PatternSet builds
// their prefilters.
inline constexpr std::string_view kIndicatorKinds[] = {"jobs", "adult"};

bool IsIndicatorKind(std::string_view kind);

// Appends the pack's indicators to *out, in file order, with file and line
// filled in. On error *out may hold part of the pack.
Status ParsePack(std::string_view toml_text, const std::string& source_name,
                 std::vector<Indicator>* out);

}  // namespace plainsight
