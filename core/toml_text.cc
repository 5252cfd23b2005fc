#include "core/toml_text.h"

#include <cstdio>

namespace plainsight {

namespace {

bool IsControl(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

template <typename Format>
std::string TomlArray(const std::vector<std::string>& items, Format format) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += format(items[i]);
  }
  return out + "]";
}

}  // namespace

std::string TomlString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (IsControl(c)) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string TomlRegex(const std::string& regex) {
  for (char c : regex) {
    if (c == '\'' || IsControl(c)) return TomlString(regex);
  }
  return "'" + regex + "'";
}

std::string TomlStrings(const std::vector<std::string>& items) { return TomlArray(items, TomlString); }

std::string TomlRegexes(const std::vector<std::string>& regexes) { return TomlArray(regexes, TomlRegex); }

}  // namespace plainsight
