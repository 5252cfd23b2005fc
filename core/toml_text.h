// TOML values as text, for the TOML files plainsight writes (the demo's
// site catalogue and plainsight.toml, `site probe`'s [[sites]] block).
// Pure functions.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

// A basic string: quotes, backslashes and control characters escaped.
std::string TomlString(const std::string& text);
// A regex as a literal string, so its backslashes read as written; a basic
// string when it holds what a literal string cannot (a quote, a control
// character).
std::string TomlRegex(const std::string& regex);
// ["a", "b"], each item by TomlString or TomlRegex.
std::string TomlStrings(const std::vector<std::string>& items);
std::string TomlRegexes(const std::vector<std::string>& regexes);

}  // namespace plainsight
