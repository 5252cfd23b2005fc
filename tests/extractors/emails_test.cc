#include "extractors/emails.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

// FindEmails finds exactly `email` in `text`, or nothing when `email` is
// nullptr. Returns what it found.
std::vector<EmailMatch> CheckFindsEmail(const char* text, const char* email) {
  INFO(text);
  std::vector<EmailMatch> found = FindEmails(text);
  if (email == nullptr) {
    CHECK(found.empty());
  } else {
    REQUIRE(found.size() == 1);
    CHECK(found[0].email == email);
  }
  return found;
}

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
      // One space after a plain dot (scraped text) hides nothing.
      {"jobs@example. ie", "jobs@example.ie", false},
      {"Apply to jobs@recruit. example.com today", "jobs@recruit.example.com", false},
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
    const std::vector<EmailMatch> found = CheckFindsEmail(c.text, c.email);
    if (c.email == nullptr) continue;
    INFO(c.text);
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

// Issue 12: "visit our homepage at www.example.co.uk" was read as the
// e-mail homepage@www.example.co.uk (and as an obscured contact). A website
// after a spelled "at" is not an e-mail; an address spelled out to hide it
// still is.
TEST_CASE("Emails_WebsiteAfterSpelledAt_NotAnEmail_SpelledAddressStillIs", "[emails]") {
  static const struct {
    const char* text;
    const char* email;  // nullptr: no e-mail
  } kCases[] = {
      {"visit our homepage at www.example.co.uk", nullptr},
      {"Visit our Homepage at www.example.org for more", nullptr},
      {"Apply online at www.careers.example.com today", nullptr},
      {"visit us at example.co.uk", nullptr},
      {"Find us at example.org", nullptr},
      {"find us at www.example.com/jobs", nullptr},
      {"see our website at example.com", nullptr},
      {"more on our site at example.org", nullptr},
      {"we are based at example.org", nullptr},
      {"full details here at example.com", nullptr},
      {"read our blog at example.org", nullptr},
      {"Katie at www.example.co.uk", nullptr},
      // The sentence goes on after the website's full stop.
      {"visit our homepage at www.example.com. We are hiring", nullptr},
      {"find us at example.org. Apply today", nullptr},
      {"anna at gmail dot com", "anna@gmail.com"},
      {"anna at example dot org", "anna@example.org"},
      {"jobs at example dot co dot uk", "jobs@example.co.uk"},
      {"info (at) example (dot) com", "info@example.com"},
      {"anna at example.org", "anna@example.org"},
      {"us at example dot com", "us@example.com"},
      {"homepage@example.org", "homepage@example.org"},
      {"write to www@example.org", "www@example.org"},
      {"email katie at example.co.uk", "katie@example.co.uk"},
  };
  for (const auto& c : kCases) CheckFindsEmail(c.text, c.email);
}

}  // namespace
}  // namespace plainsight
