#include "leads/personas.h"

#include <array>
#include <cctype>

#include "core/strings.h"

namespace plainsight {
namespace {



bool StartsWithWordIgnoreCase(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  if (at > 0 && IsAsciiAlpha(text[at - 1])) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (AsciiLower(text[at + i]) != word[i]) return false;
  }
  size_t end = at + word.size();
  return end == text.size() || !IsAsciiAlpha(text[end]);
}

// A two-digit number at `at` that is a plausible adult age, else 0.
int TwoDigitAge(std::string_view text, size_t at) {
  if (at + 2 > text.size() || !IsAsciiDigit(text[at]) || !IsAsciiDigit(text[at + 1])) return 0;
  if (at > 0 && IsAsciiDigit(text[at - 1])) return 0;
  if (at + 2 < text.size() && IsAsciiDigit(text[at + 2])) return 0;
  int age = (text[at] - '0') * 10 + (text[at + 1] - '0');
  return age >= 18 ? age : 0;
}

size_t SkipSeparators(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == ':' || text[at] == '-')) ++at;
  return at;
}

int FindAge(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (StartsWithWordIgnoreCase(text, i, "age")) {
      int age = TwoDigitAge(text, SkipSeparators(text, i + 3));
      if (age != 0) return age;
    }
    int age = TwoDigitAge(text, i);
    if (age != 0) {
      size_t after = i + 2;
      while (after < text.size() && text[after] == ' ') ++after;
      if (StartsWithWordIgnoreCase(text, after, "years") ||
          StartsWithWordIgnoreCase(text, after, "yrs")) {
        return age;
      }
    }
  }
  return 0;
}

std::string CapitalisedWordAt(std::string_view text, size_t at) {
  if (at >= text.size() || !IsAsciiUpper(text[at])) return "";
  size_t end = at + 1;
  while (end < text.size() && IsAsciiLower(text[end])) ++end;
  return end - at >= 2 ? std::string(text.substr(at, end - at)) : "";
}

std::string NameAfterIntroduction(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kIntroductions = {
      "i am", "i'm", "my name is", "ask for", "book"};
  for (size_t i = 0; i < text.size(); ++i) {
    const char first = AsciiLower(text[i]);
    if (first != 'i' && first != 'm' && first != 'a' && first != 'b') continue;
    for (std::string_view intro : kIntroductions) {
      if (!StartsWithWordIgnoreCase(text, i, intro)) continue;
      size_t at = i + intro.size();
      while (at < text.size() && text[at] == ' ') ++at;
      std::string name = CapitalisedWordAt(text, at);
      if (!name.empty()) return name;
    }
  }
  return "";
}

}  // namespace

Persona FindPersona(std::string_view title, std::string_view text) {
  Persona persona;
  // "Natalia, 23, companionship in Corby": a bare number after the name.
  std::string first = CapitalisedWordAt(title, 0);
  size_t after_first = first.size();
  bool title_names = !first.empty() && after_first < title.size() &&
                     (title[after_first] == ',' || title[after_first] == ':' ||
                      (title.substr(after_first).rfind(" -", 0) == 0));
  persona.age = FindAge(title);
  if (persona.age == 0 && title_names && title[after_first] == ',') {
    persona.age = TwoDigitAge(title, SkipSeparators(title, after_first + 1));
  }
  if (persona.age == 0) persona.age = FindAge(text);
  persona.name = title_names ? first : NameAfterIntroduction(title);
  if (persona.name.empty()) persona.name = NameAfterIntroduction(text);
  return persona;
}

}  // namespace plainsight
