#include "core/strings.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <string_view>

namespace plainsight {
namespace {

using namespace std::string_view_literals;

// The helpers are usable in constant expressions.
static_assert(IsAsciiSpace('\f') && !IsAsciiSpace('\v'));
static_assert(AsciiLower('Q') == 'q' && AsciiUpper('q') == 'Q');
static_assert(EqualsIgnoreCaseAscii("Content-Length", "content-LENGTH"));
static_assert(StartsWithIgnoreCaseAscii("HTTP/1.1 200", "http/"));
static_assert(TrimAscii(" \t x y \r\n") == "x y");
static_assert(TrimAsciiBlank(" \tx\r\n") == "x\r\n");

// Every byte, as the C library classifies it in the "C" locale (the
// process's locale here: nothing calls setlocale).
bool CIsSpace(unsigned char c) { return std::isspace(c) != 0; }

TEST_CASE("Strings_IsAsciiSpace_IsSpaceTabLfFfCrButNotVt") {
  static const struct {
    char c;
    bool space;
  } kCases[] = {
      {' ', true},   {'\t', true},  {'\n', true}, {'\r', true},    {'\f', true},
      {'\v', false}, {'\0', false}, {'x', false}, {'\xA0', false}, {'\xC2', false},
  };
  for (const auto& c : kCases) {
    CAPTURE(static_cast<int>(static_cast<unsigned char>(c.c)));
    CHECK(IsAsciiSpace(c.c) == c.space);
  }
  // Otherwise it agrees with std::isspace on every byte.
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    const auto u = static_cast<unsigned char>(b);
    CHECK(IsAsciiSpace(static_cast<char>(u)) == (CIsSpace(u) && u != '\v'));
  }
}

TEST_CASE("Strings_IsAsciiBlank_IsSpaceAndTabOnly") {
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    const auto c = static_cast<char>(b);
    CHECK(IsAsciiBlank(c) == (c == ' ' || c == '\t'));
  }
}

TEST_CASE("Strings_CharacterClasses_AgreeWithTheCLocaleOnEveryByte") {
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    const auto u = static_cast<unsigned char>(b);
    const auto c = static_cast<char>(u);
    CHECK(IsAsciiDigit(c) == (std::isdigit(u) != 0));
    CHECK(IsAsciiUpper(c) == (std::isupper(u) != 0));
    CHECK(IsAsciiLower(c) == (std::islower(u) != 0));
    CHECK(IsAsciiAlpha(c) == (std::isalpha(u) != 0));
    CHECK(IsAsciiAlnum(c) == (std::isalnum(u) != 0));
    CHECK(AsciiLower(c) == static_cast<char>(std::tolower(u)));
    CHECK(AsciiUpper(c) == static_cast<char>(std::toupper(u)));
  }
}

TEST_CASE("Strings_ToLowerAndUpperAscii_ChangeOnlyAsciiLetters") {
  static const struct {
    std::string_view text;
    std::string_view lower;
    std::string_view upper;
  } kCases[] = {
      {"", "", ""},
      {"Text/HTML; Charset=UTF-8", "text/html; charset=utf-8", "TEXT/HTML; CHARSET=UTF-8"},
      {"@[`{", "@[`{", "@[`{"},  // neighbours of the letters are not letters
      {"\xC3\x89t\xC3\xA9", "\xC3\x89t\xC3\xA9", "\xC3\x89T\xC3\xA9"},  // "Été": UTF-8 kept
      {"a\0B"sv, "a\0b"sv, "A\0B"sv},                                   // NUL is a byte
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    CHECK(ToLowerAscii(c.text) == c.lower);
    CHECK(ToUpperAscii(c.text) == c.upper);
  }
}

// Two strings and whether a comparison of them holds.
struct PairCase {
  std::string_view a;
  std::string_view b;
  bool holds;
};

// A text and what trimming it leaves.
struct TrimCase {
  std::string_view text;
  std::string_view trimmed;
};

// Checks `trim` on every case; the result must be a view into the text.
template <size_t N, typename Trim>
void CheckTrims(const TrimCase (&cases)[N], const Trim& trim) {
  for (const TrimCase& c : cases) {
    CAPTURE(c.text);
    const std::string_view trimmed = trim(c.text);
    CHECK(trimmed == c.trimmed);
    const bool inside =
        trimmed.empty() || (trimmed.data() >= c.text.data() &&
                            trimmed.data() + trimmed.size() <= c.text.data() + c.text.size());
    CHECK(inside);
  }
}

TEST_CASE("Strings_EqualsIgnoreCaseAscii_IgnoresOnlyAsciiCase") {
  static const PairCase kCases[] = {
      {"", "", true},
      {"Transfer-Encoding", "transfer-encoding", true},
      {"APPLICATION/LD+JSON", "application/ld+json", true},
      {"abc", "abcd", false},
      {"abc", "abd", false},
      {"[", "{", false},  // differ by 0x20 but are not letters
      {"@", "`", false},
      {"\xC3\x89", "\xC3\xA9", false},  // 'É' and 'é': not ASCII
  };
  for (const PairCase& c : kCases) {
    CAPTURE(c.a, c.b);
    CHECK(EqualsIgnoreCaseAscii(c.a, c.b) == c.holds);
    CHECK(EqualsIgnoreCaseAscii(c.b, c.a) == c.holds);
  }
}

TEST_CASE("Strings_StartsWithIgnoreCaseAscii_ComparesThePrefixIgnoringAsciiCase") {
  static const PairCase kCases[] = {
      // text, prefix
      {"", "", true},
      {"anything", "", true},
      {"", "a", false},
      {"HTTP/1.1 200 OK", "http/", true},
      {"ht", "http", false},
      {"<META charset=utf-8>", "<meta", true},
      {"User-Agent: *", "user-agent", true},
      {"Disallow: /", "allow", false},
      {"\xF0\x9F\x91\xBB snap", "\xF0\x9F\x91\xBB", true},
  };
  for (const PairCase& c : kCases) {
    CAPTURE(c.a, c.b);
    CHECK(StartsWithIgnoreCaseAscii(c.a, c.b) == c.holds);
  }
}

TEST_CASE("Strings_TrimAscii_StripsOnlyAsciiWhitespaceAtBothEnds") {
  static const TrimCase kCases[] = {
      {"", ""},
      {" \t\n\r\f", ""},
      {"x", "x"},
      {" \t\n\r\fx y\f\r\n\t ", "x y"},            // inner spaces stay
      {"\vx\v", "\vx\v"},                          // VT is not ASCII whitespace here
      {"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"},  // nor is U+00A0
      {"\0x\0"sv, "\0x\0"sv},
  };
  CheckTrims(kCases, [](std::string_view text) { return TrimAscii(text); });
}

TEST_CASE("Strings_TrimAsciiBlank_StripsOnlySpaceAndTab") {
  static const TrimCase kCases[] = {
      {"", ""},
      {" \t ", ""},
      {" \tvalue\t ", "value"},
      {"\r\n value \r\n", "\r\n value \r\n"},
      {" a b ", "a b"},
  };
  CheckTrims(kCases, [](std::string_view text) { return TrimAsciiBlank(text); });
}

TEST_CASE("Strings_TrimAsciiIf_StripsTheBytesThePredicateNamesAtBothEnds") {
  static const TrimCase kCases[] = {
      {"", ""},      {" \"utf-8\" ", "utf-8"}, {"'iso-8859-1'", "iso-8859-1"}, {"a\"b", "a\"b"},
      {"\"'\"", ""},
  };
  CheckTrims(kCases, [](std::string_view text) {
    return TrimAsciiIf(text, [](char c) { return IsAsciiSpace(c) || c == '"' || c == '\''; });
  });
}

}  // namespace
}  // namespace plainsight
