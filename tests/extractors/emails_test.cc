#include "extractors/emails.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

TEST_CASE("Emails_PlainAndSpelledOut_NormalisedLowerCase", "[emails]") {
  static const struct {
    const char* text;
    const char* email;  // nullptr: none
    bool obfuscated;
  } kCases[] = {
      {"Email anna@example.org for details", "anna@example.org", false},
      {"ANNA.Smith+ads@Example.COM", "anna.smith+ads@example.com", false},
      {"jobs@mail.example.co.uk.", "jobs@mail.example.co.uk", false},
      {"anna at example dot org", "anna@example.org", true},
      {"anna AT example DOT com", "anna@example.com", true},
      {"anna[at]example[dot]com", "anna@example.com", true},
      {"anna [at] example [dot] com", "anna@example.com", true},
      {"anna (at) example (dot) org", "anna@example.org", true},
      {"anna(at)example(dot)org", "anna@example.org", true},
      {"anna{at}example{dot}org", "anna@example.org", true},
      {"anna @ example . com", "anna@example.com", true},
      {"anna @example.com", "anna@example.com", true},
      {"anna@example dot org", "anna@example.org", true},
      {"anna at example.org", "anna@example.org", true},
      {"\xEF\xBD\x81nna@example.org", "anna@example.org", false},  // fullwidth a folded
      {"anna@example.org. Call me later", "anna@example.org", false},
      {"anna at example dot org dot Then call", "anna@example.org", true},
      {"see you at home. Call me", nullptr, false},
      {"meet me at the station dot matrix", nullptr, false},
      {"rates @ 100 per hour", nullptr, false},
      {"no email here, just companionship", nullptr, false},
      {"anna@localhost", nullptr, false},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<EmailMatch> found = FindEmails(c.text);
    if (c.email == nullptr) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].email == c.email);
    CHECK(found[0].obfuscated == c.obfuscated);
  }
}

TEST_CASE("Emails_Matches_OriginalSpanUniqueInOrder", "[emails]") {
  const std::string text =
      "Contact anna (at) example (dot) org or bea@example.com. Again: ANNA@EXAMPLE.ORG";
  const std::vector<EmailMatch> found = FindEmails(text);
  REQUIRE(found.size() == 2);
  static const struct {
    const char* email;
    const char* match;
  } kExpected[] = {
      {"anna@example.org", "anna (at) example (dot) org"},
      {"bea@example.com", "bea@example.com"},
  };
  for (size_t i = 0; i < 2; ++i) {
    INFO(i);
    CHECK(found[i].email == kExpected[i].email);
    CHECK(found[i].match == kExpected[i].match);
    CHECK(text.substr(found[i].offset, found[i].match.size()) == found[i].match);
  }
}

}  // namespace
}  // namespace plainsight
