#include "report/markup_escape.h"

#include <algorithm>

#include "core/html_escape.h"
#include "core/strings.h"

namespace plainsight {

std::string EscapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;  // not allowed in XML
    if (c == '\'') {
      out += "&#39;";
    } else {
      AppendHtmlEscaped(c, &out);
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
