// LimitHtmlNesting: drops start tags nested deeper than kMaxHtmlNesting, with
// as many end tags, from HTML bytes before gumbo parses them; their text is
// kept. Gumbo's tree builder rescans the stack of open elements for many
// start tags, so its cost grows with the square of nesting depth, and hostile
// pages nest 100k deep (200k nested <div>s take minutes).
//
// It tokenizes just enough to track an approximate depth: comments, raw-text
// elements (script, style, ...), void and self-closing elements and foreign
// (svg, math) content are skipped as gumbo would see them.
//
// Pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plainsight {

inline constexpr std::size_t kMaxHtmlNesting = 1024;

// Returns `html` itself unless something was dropped, else a view of
// *storage (which it overwrites).
std::string_view LimitHtmlNesting(std::string_view html, std::string* storage);

}  // namespace plainsight
