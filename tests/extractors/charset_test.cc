// ToUtf8: charset from header, BOM or <meta>; windows-1252 and friends
// decoded; anything invalid becomes U+FFFD.
#include "extractors/charset.h"

#include <catch2/catch.hpp>

#include <string>

namespace plainsight {
namespace {

#define REPL "\xEF\xBF\xBD"  // U+FFFD in UTF-8

TEST_CASE("Charset_Detection_HeaderBomMetaDefault", "[charset]") {
  static const struct {
    const char* rule;
    std::string body;
    const char* content_type;
    const char* utf8;
    const char* charset;
  } kCases[] = {
      {"header windows-1252: smart quotes and pound", "\x93Hi\x94 \xA3" "5",
       "text/html; charset=windows-1252", "\xE2\x80\x9CHi\xE2\x80\x9D \xC2\xA3" "5", "windows-1252"},
      {"header ISO-8859-1 decodes as windows-1252", "\x93" "caf\xE9\x94",
       "text/html; charset=\"ISO-8859-1\"", "\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D", "windows-1252"},
      {"header latin1 label, euro at 0x80", "\x80" "10", "text/html;charset=latin1",
       "\xE2\x82\xAC" "10", "windows-1252"},
      {"header us-ascii also windows-1252", "\xA3", "text/html; charset=us-ascii", "\xC2\xA3",
       "windows-1252"},
      {"meta charset", "<html><head><meta charset=\"windows-1252\"></head><body>\xA3" "8.50",
       "text/html", "<html><head><meta charset=\"windows-1252\"></head><body>\xC2\xA3" "8.50",
       "windows-1252"},
      {"meta http-equiv content", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xA3",
       "", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xC2\xA3",
       "windows-1252"},
      {"meta in a comment ignored", "<!-- <meta charset=windows-1252> -->\xC2\xA3", "",
       "<!-- <meta charset=windows-1252> -->\xC2\xA3", "utf-8"},
      {"meta beyond 4 KiB ignored", std::string(5000, ' ') + "<meta charset=windows-1252>\xA3", "",
       "", "utf-8"},  // text checked separately below
      {"meta declaring utf-16 means utf-8", "<meta charset=utf-16>\xC2\xA3", "",
       "<meta charset=utf-16>\xC2\xA3", "utf-8"},
      {"header wins over meta", "<meta charset=windows-1252>\xC2\xA3",
       "text/html; charset=UTF-8", "<meta charset=windows-1252>\xC2\xA3", "utf-8"},
      {"utf-8 BOM dropped", "\xEF\xBB\xBF<p>\xC2\xA3", "", "<p>\xC2\xA3", "utf-8"},
      {"utf-8 BOM wins over a wrong header", "\xEF\xBB\xBF\xC2\xA3", "text/html; charset=iso-8859-1",
       "\xC2\xA3", "utf-8"},
      {"utf-16le BOM via iconv", std::string("\xFF\xFE<\0p\0>\0\xA3\0", 10), "", "<p>\xC2\xA3",
       "utf-16le"},
      {"utf-16be BOM via iconv", std::string("\xFE\xFF\0<\0p\0>\0\xA3", 10), "", "<p>\xC2\xA3",
       "utf-16be"},
      {"iso-8859-15 via iconv: euro at 0xA4", "\xA4" "5", "text/html; charset=ISO-8859-15",
       "\xE2\x82\xAC" "5", "iso-8859-15"},
      {"unknown charset falls back to utf-8", "\xC2\xA3", "text/html; charset=x-nonsense",
       "\xC2\xA3", "utf-8"},
      {"no declaration: utf-8", "caf\xC3\xA9", "text/html", "caf\xC3\xA9", "utf-8"},
      {"windows-1252 undefined byte kept as C1 control", "\x81", "text/html; charset=cp1252",
       "\xC2\x81", "windows-1252"},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    std::string charset;
    std::string out = ToUtf8(c.body, c.content_type, &charset);
    CHECK(charset == c.charset);
    if (c.utf8[0] != '\0') CHECK(out == c.utf8);
  }
  // The 4 KiB case: the pound sign is not valid UTF-8 on its own.
  std::string far = std::string(5000, ' ') + "<meta charset=windows-1252>\xA3";
  CHECK(ToUtf8(far, "") == std::string(5000, ' ') + "<meta charset=windows-1252>" REPL);
  // The charset out-parameter is optional.
  CHECK(ToUtf8("\xA3", "text/html; charset=windows-1252") == "\xC2\xA3");
}

TEST_CASE("Charset_InvalidUtf8_BecomesReplacementCharacter", "[charset]") {
  static const struct {
    const char* rule;
    std::string in;
    const char* out;
  } kCases[] = {
      {"valid text unchanged", "Relaxing evenings \xE2\x80\x94 \xF0\x9F\x98\x80", "Relaxing evenings \xE2\x80\x94 \xF0\x9F\x98\x80"},
      {"stray continuation byte", "a\x80z", "a" REPL "z"},
      {"invalid lead byte", "a\xFFz", "a" REPL "z"},
      {"lead byte then ASCII", "\xC3(", REPL "("},
      {"truncated sequence at the end is one U+FFFD", "c\xE2\x82", "c" REPL},
      {"overlong encoding", "\xC0\xAF", REPL REPL},
      {"surrogate", "\xED\xA0\x80", REPL REPL REPL},
      {"above U+10FFFF", "\xF4\x90\x80\x80", REPL REPL REPL REPL},
      {"NUL byte kept", std::string("a\0b", 3), ""},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    std::string expected = c.out[0] == '\0' ? c.in : std::string(c.out);
    CHECK(SanitizeUtf8(c.in) == expected);
    CHECK(IsValidUtf8(c.in) == (expected == c.in));
    CHECK(ToUtf8(c.in, "text/html; charset=utf-8") == expected);
  }
}

TEST_CASE("Charset_InvalidInIconvCharset_BecomesReplacementCharacter", "[charset]") {
  static const struct {
    const char* rule;
    std::string in;
    const char* content_type;
    const char* out;
  } kCases[] = {
      {"unpaired utf-16 surrogate", std::string("\xFF\xFE" "a\0\x00\xD8" "b\0", 8), "",
       "a" REPL "b"},
      {"odd trailing byte in utf-16", std::string("\xFF\xFE" "a\0b", 5), "", "a" REPL},
      {"invalid shift_jis byte", "a\x80z", "text/html; charset=shift_jis", "a" REPL "z"},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    CHECK(ToUtf8(c.in, c.content_type) == c.out);
  }
}

}  // namespace
}  // namespace plainsight
