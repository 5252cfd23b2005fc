#include "report/markup_escape.h"

#include <algorithm>

#include "core/strings.h"

namespace plainsight {

std::string EscapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML
        out += c;
      }
    }
  }
  return out;
}

std::string SafeLinkHref(std::string_view url) {
  if (!StartsWithIgnoreCaseAscii(url, "http://") && !StartsWithIgnoreCaseAscii(url, "https://")) {
    return "";
  }
  return EscapeMarkup(url);
}

}  // namespace plainsight
