// Escaping for text that came from adverts (hostile input) on its way into
// HTML, SVG or XML (GraphML): a title like "<script>" must come out as text.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

// Escapes & < > " ' so the result is safe as element content and inside a
// quoted attribute value. Control characters that XML 1.0 forbids (all C0
// except tab, LF, CR) are dropped so the output always parses as XML.
std::string EscapeMarkup(std::string_view text);

// `url` escaped for an href attribute when its scheme is http or https;
// empty for anything else (javascript:, data:, relative), which callers then
// show as plain text rather than as a link.
std::string SafeLinkHref(std::string_view url);

}  // namespace plainsight
