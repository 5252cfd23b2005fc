#include "tests/farm2/site_layout.h"

#include "tests/farm2/phones.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2::html {

std::string Document(const std::string& title, const std::string& head_extra,
                     const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         EscapeHtml(title) + "</title>\n" + head_extra + "</head>\n<body>\n" + body +
         "\n</body>\n</html>\n";
}

std::string Sections(const std::vector<Section>& sections, int heading_level) {
  const std::string h = "h" + std::to_string(heading_level);
  std::string out;
  for (const Section& section : sections) {
    if (!section.heading.empty()) out += "<" + h + ">" + EscapeHtml(section.heading) + "</" + h + ">\n";
    for (const std::string& p : section.paragraphs) out += "<p>" + EscapeHtml(p) + "</p>\n";
    if (!section.bullets.empty()) {
      out += "<ul>\n";
      for (const std::string& b : section.bullets) out += "<li>" + EscapeHtml(b) + "</li>\n";
      out += "</ul>\n";
    }
  }
  return out;
}

std::string FooterPhone(const SiteInfo& info) {
  return FormatPhone(info.phone, PhoneStyle::kBracketed);
}

}  // namespace plainsight::farm2::html
