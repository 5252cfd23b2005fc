// A literal as an RE2 pattern: for config patterns anchored to a served
// site's base URL (the demo's, the test farms'). Header-only; pure.
#pragma once

#include <cstring>
#include <string>
#include <string_view>

namespace plainsight {

// `literal` with RE2's metacharacters escaped: "http://127\.0\.0\.1:8080".
inline std::string EscapeRegex(std::string_view literal) {
  std::string out;
  out.reserve(literal.size());
  for (char c : literal) {
    if (c != '\0' && std::strchr(".^$|()[]{}*+?\\", c) != nullptr) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace plainsight
