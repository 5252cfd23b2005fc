// The escapes HTML text and double-quoted attribute values need: & < > "
// as entities. The report's markup (report/markup_escape.h, which adds the
// apostrophe and drops what XML forbids) and the test farm's pages build on
// it. Header-only; pure, thread-safe.
#pragma once

#include <string>

namespace plainsight {

// Appends `c` to `out`: "&amp;", "&lt;", "&gt;" or "&quot;" for & < > ",
// the byte itself for any other.
inline void AppendHtmlEscaped(char c, std::string* out) {
  switch (c) {
    case '&': *out += "&amp;"; break;
    case '<': *out += "&lt;"; break;
    case '>': *out += "&gt;"; break;
    case '"': *out += "&quot;"; break;
    default: *out += c;
  }
}

}  // namespace plainsight
