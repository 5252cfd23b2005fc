// ASCII string helpers: character classes, case folding, case-insensitive
// comparison and trimming, in one place for every module.
//
// Every function here looks at bytes one at a time and knows only ASCII: a
// byte at or above 0x80 (any part of a UTF-8 sequence) is never a space, a
// digit or a letter, and case folding leaves it unchanged. None of them
// depend on the C locale (unlike std::isspace or std::tolower), so the
// answer is the same in every process.
//
// Whitespace: IsAsciiSpace is the WHATWG "ASCII whitespace" set, SP, HT, LF,
// FF and CR, which is what HTML, CSS, URLs and RE2's \s use. It leaves out
// VT (\v), unlike std::isspace. A caller that needs another set names it
// locally and trims with TrimAsciiIf (JSON whitespace has no FF); HTTP's OWS
// and robots.txt's spaces are IsAsciiBlank, SP and HT, and TrimAsciiBlank.
//
// Prefixes and suffixes of exact case: use std::string_view's starts_with
// and ends_with (C++20); there is no helper for them here.
//
// Thread safety: pure functions of their arguments, no state; safe from any
// thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plainsight {

// SP, HT, LF, FF, CR (not VT): see above.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// SP and HT: the space within a line (C's isblank; HTTP's OWS).
constexpr bool IsAsciiBlank(char c) { return c == ' ' || c == '\t'; }

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// 0..15 for a hex digit (either case), -1 for anything else.
constexpr int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
constexpr char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// 'a'..'z' to 'A'..'Z'; every other byte unchanged.
constexpr char AsciiUpper(char c) { return IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// `text` with ASCII letters lower-cased and every other byte kept.
inline std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  // An unconditional store, so the loop vectorises.
  for (char& c : out) c = static_cast<char>(c + (IsAsciiUpper(c) ? 'a' - 'A' : 0));
  return out;
}

// `text` with ASCII letters upper-cased and every other byte kept.
inline std::string ToUpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c - (IsAsciiLower(c) ? 'a' - 'A' : 0));
  return out;
}

// Same length and the same bytes once ASCII letters are lower-cased.
constexpr bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// `text` begins with `prefix`, ignoring ASCII case.
constexpr bool StartsWithIgnoreCaseAscii(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsIgnoreCaseAscii(text.substr(0, prefix.size()), prefix);
}

// `text` without the bytes for which `is_trimmed(c)` is true at either end.
template <typename Predicate>
constexpr std::string_view TrimAsciiIf(std::string_view text, Predicate is_trimmed) {
  while (!text.empty() && is_trimmed(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_trimmed(text.back())) text.remove_suffix(1);
  return text;
}

// `text` without IsAsciiSpace bytes at either end.
constexpr std::string_view TrimAscii(std::string_view text) {
  return TrimAsciiIf(text, IsAsciiSpace);
}

// `text` without IsAsciiBlank bytes (SP, HT) at either end: HTTP's OWS.
constexpr std::string_view TrimAsciiBlank(std::string_view text) {
  return TrimAsciiIf(text, IsAsciiBlank);
}

}  // namespace plainsight
