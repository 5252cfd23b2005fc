#include "tests/farm2/text.h"

#include <cctype>
#include <stdexcept>

namespace plainsight::farm2 {

std::string Slug(const std::string& text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(u));
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string MidSentence(const std::string& title) {
  std::string out;
  std::size_t start = 0;
  while (start <= title.size()) {
    std::size_t end = title.find(' ', start);
    if (end == std::string::npos) end = title.size();
    std::string word = title.substr(start, end - start);
    bool acronym = word.size() > 1;
    for (char c : word)
      if (std::islower(static_cast<unsigned char>(c))) acronym = false;
    if (!out.empty()) out += ' ';
    out += acronym ? word : Lower(word);
    start = end + 1;
  }
  return out;
}

std::string WithArticle(const std::string& title) {
  const std::string words = MidSentence(title);
  if (words.empty()) return words;
  const std::string first = words.substr(0, words.find(' '));
  const bool acronym = first.size() > 1 && std::isupper(static_cast<unsigned char>(first[1]));
  // Letters whose names start with a vowel sound, for acronyms.
  const std::string vowel_sound = acronym ? "AEFHILMNORSX" : "aeiou";
  const bool an = vowel_sound.find(first[0]) != std::string::npos;
  return (an ? "an " : "a ") + words;
}

std::string DateOf(int day) {
  static const int kMonthDays[] = {31, 30, 31};  // Oct, Nov, Dec 2026
  if (day < 0) throw std::runtime_error("farm2: date before the farm's calendar");
  int month = 0;
  while (month < 3 && day >= kMonthDays[month]) day -= kMonthDays[month++];
  if (month == 3) throw std::runtime_error("farm2: date after the farm's calendar");
  std::string mm = std::to_string(10 + month), dd = std::to_string(day + 1);
  if (dd.size() == 1) dd = "0" + dd;
  return "2026-" + mm + "-" + dd;
}

std::string SpellEmail(const std::string& email) {
  std::string::size_type at = email.find('@');
  std::string out = email.substr(0, at) + " at ";
  for (char c : email.substr(at + 1)) {
    if (c == '.')
      out += " dot ";
    else
      out += c;
  }
  return out;
}

}  // namespace plainsight::farm2
