#include "tests/farm/html_text.h"

#include <cstdio>
#include <cstdlib>

#include "core/html_escape.h"

namespace plainsight::farm {

namespace {

struct DateParts {
  int year;
  int month;  // 1-12
  int day;
};

DateParts ParseIsoDate(const std::string& iso) {
  // The farm writes these dates itself, so they are always YYYY-MM-DD.
  return {std::atoi(iso.substr(0, 4).c_str()), std::atoi(iso.substr(5, 2).c_str()),
          std::atoi(iso.substr(8, 2).c_str())};
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

const char* MonthName(int month) {
  return kMonths[month >= 1 && month <= 12 ? month - 1 : 0];
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) AppendHtmlEscaped(c, &out);
  return out;
}

std::string EscapeJson(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      // "</script>" must not end the JSON-LD block early.
      case '/': out += "\\/"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string HtmlParagraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) out += "<p>" + EscapeHtml(p) + "</p>\n";
  return out;
}

std::string LongDate(const std::string& iso_date) {
  const DateParts d = ParseIsoDate(iso_date);
  return std::to_string(d.day) + " " + MonthName(d.month) + " " + std::to_string(d.year);
}

std::string ShortDate(const std::string& iso_date) {
  const DateParts d = ParseIsoDate(iso_date);
  return std::to_string(d.day) + " " + std::string(MonthName(d.month)).substr(0, 3) + " " +
         std::to_string(d.year);
}

std::string SlashDate(const std::string& iso_date) {
  const DateParts d = ParseIsoDate(iso_date);
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", d.day, d.month, d.year);
  return text;
}

}  // namespace plainsight::farm
