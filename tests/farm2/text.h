// Small text helpers shared by farm2's generators and layouts: HTML
// escaping (the first farm's EscapeHtml), URL slugs, joining, calendar
// dates and the spelled-out e-mail ("anna at example dot org") some
// advertisers use.
#pragma once

#include <string>
#include <vector>

#include "tests/farm/html_text.h"

namespace plainsight::farm2 {

using farm::EscapeHtml;
// "Care Assistant (Nights) - Kettering" -> "care-assistant-nights-kettering".
std::string Slug(const std::string& text);
std::string Join(const std::vector<std::string>& parts, const std::string& separator);
std::string Lower(std::string text);
// A job title as it reads mid-sentence: "CNC Machinist" -> "CNC machinist".
std::string MidSentence(const std::string& title);
// The same with "a" or "an": "an HGV class 1 driver", "a care assistant".
std::string WithArticle(const std::string& title);

// Day 0 is 2026-10-01; days run to 2026-12-31. Returns "YYYY-MM-DD".
std::string DateOf(int day);

// "anna.k@example.org" -> "anna.k at example dot org".
std::string SpellEmail(const std::string& email);

}  // namespace plainsight::farm2
