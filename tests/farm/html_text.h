// Small text helpers the site templates share: HTML and JSON escaping and
// the date spellings the sites use. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight::farm {

std::string EscapeHtml(std::string_view text);
// Escapes for a JSON string literal, without the quotes.
std::string EscapeJson(std::string_view text);
// "<p>…</p>" per paragraph, escaped.
std::string HtmlParagraphs(const std::vector<std::string>& paragraphs);

// From "2026-11-04": "4 November 2026", "4 Nov 2026", "04/11/2026".
std::string LongDate(const std::string& iso_date);
std::string ShortDate(const std::string& iso_date);
std::string SlashDate(const std::string& iso_date);

}  // namespace plainsight::farm
