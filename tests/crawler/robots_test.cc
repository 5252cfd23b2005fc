// Tests for crawler/robots_parser.h and crawler/robots_rules.h, named after
// the RFC 9309 section they check, as google/robotstxt's robots_test.cc does.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "crawler/robots_parser.h"
#include "crawler/robots_rules.h"

namespace plainsight {
namespace {

constexpr const char* kAgent = "plainsight/1.0 (+https://example.org/crawler)";

struct AllowedCase {
  const char* body;
  const char* path;
  bool allowed;
};

void CheckAllowed(const AllowedCase* cases, size_t count, const char* agent = kAgent) {
  for (size_t i = 0; i < count; ++i) {
    INFO("row " << i << " agent: " << agent << "\nbody:\n" << cases[i].body
                << "\npath: " << cases[i].path);
    CHECK(RobotsRules::Parse(cases[i].body, agent).Allowed(cases[i].path) == cases[i].allowed);
  }
}

// Records every callback as one line of text, to assert on parser output.
class RecordingHandler : public RobotsParseHandler {
 public:
  void HandleRobotsStart() override { events.push_back("start"); }
  void HandleRobotsEnd() override { events.push_back("end"); }
  void HandleUserAgent(int line, std::string_view value) override {
    Add(line, "user-agent", value);
  }
  void HandleAllow(int line, std::string_view value) override { Add(line, "allow", value); }
  void HandleDisallow(int line, std::string_view value) override { Add(line, "disallow", value); }
  void HandleSitemap(int line, std::string_view value) override { Add(line, "sitemap", value); }
  void HandleCrawlDelay(int line, std::string_view value) override {
    Add(line, "crawl-delay", value);
  }
  void HandleUnknownAction(int line, std::string_view action, std::string_view value) override {
    Add(line, "unknown(" + std::string(action) + ")", value);
  }

  std::vector<std::string> events;

 private:
  void Add(int line, const std::string& what, std::string_view value) {
    events.push_back(std::to_string(line) + " " + what + "=" + std::string(value));
  }
};

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// RFC 9309 section 2.1: records are "key: value" lines; '#' starts a
// comment; lines end in CR, LF or CRLF. A UTF-8 BOM may lead the file.
TEST_CASE("ID_2_1_LineSyntax_CommentsWhitespaceBomAndLineEnds") {
  static const struct {
    const char* body;
    const char* expected;
  } kCases[] = {
      {"User-agent: *\nDisallow: /a\n",
       "start\n1 user-agent=*\n2 disallow=/a\nend\n"},
      {"User-agent: *\r\nDisallow: /a\r\n\r\nAllow: /b",
       "start\n1 user-agent=*\n2 disallow=/a\n4 allow=/b\nend\n"},
      {"User-agent: *\rDisallow: /a\rAllow: /b\r",
       "start\n1 user-agent=*\n2 disallow=/a\n3 allow=/b\nend\n"},
      {"\xEF\xBB\xBFUser-agent: *\nDisallow: /a",
       "start\n1 user-agent=*\n2 disallow=/a\nend\n"},
      {"# whole-line comment\n  User-agent :  plainsight   # trailing comment\n\tDisallow:\t/a b \n",
       "start\n2 user-agent=plainsight\n3 disallow=/a b\nend\n"},
      {"USER-AGENT: *\ndisallow: /A\nALLOW: /B", "start\n1 user-agent=*\n2 disallow=/A\n3 allow=/B\nend\n"},
      {"Disallow:\n", "start\n1 disallow=\nend\n"},
      {"", "start\nend\n"},
      {"just some prose here\n:\nHost: example.org",
       "start\n3 unknown(Host)=example.org\nend\n"},
  };
  for (const auto& c : kCases) {
    INFO("body:\n" << c.body);
    RecordingHandler handler;
    ParseRobotsTxt(c.body, &handler);
    CHECK(Join(handler.events) == c.expected);
  }
}

// RFC 9309 section 2.1 leaves room for leniency (section 2.2 "Crawlers
// SHOULD ... be liberal"): a missing colon and frequent misspellings are
// read as google/robotstxt reads them.
TEST_CASE("ID_2_1_LineSyntax_MissingColonAndCommonTypos") {
  static const struct {
    const char* body;
    const char* expected;
  } kCases[] = {
      {"Disallow /x", "start\n1 disallow=/x\nend\n"},
      {"User-agent plainsight", "start\n1 user-agent=plainsight\nend\n"},
      {"Disallow /x /y", "start\nend\n"},
      {"dissallow: /x", "start\n1 disallow=/x\nend\n"},
      {"Dissalow: /x", "start\n1 disallow=/x\nend\n"},
      {"disalow: /x", "start\n1 disallow=/x\nend\n"},
      {"user agent: a", "start\n1 user-agent=a\nend\n"},
      {"useragent: a", "start\n1 user-agent=a\nend\n"},
      {"site-map: https://example.org/s.xml", "start\n1 sitemap=https://example.org/s.xml\nend\n"},
      {"crawldelay: 5", "start\n1 crawl-delay=5\nend\n"},
      {"Crawl-delay: 5", "start\n1 crawl-delay=5\nend\n"},
  };
  for (const auto& c : kCases) {
    INFO("body: " << c.body);
    RecordingHandler handler;
    ParseRobotsTxt(c.body, &handler);
    CHECK(Join(handler.events) == c.expected);
  }
}

// RFC 9309 section 2.1: a group is one or more user-agent lines followed by
// rules; every agent line of the group shares its rules.
TEST_CASE("ID_2_1_Groups_MultipleUserAgentLinesShareRules") {
  static const AllowedCase kCases[] = {
      {"User-agent: otherbot\nUser-agent: plainsight\nDisallow: /x\n", "/x", false},
      {"User-agent: plainsight\nUser-agent: otherbot\nDisallow: /x\n", "/x", false},
      {"User-agent: plainsight\n\nUser-agent: otherbot\nDisallow: /x\n", "/x", false},
      {"User-agent: plainsight\nUser-agent: *\nDisallow: /x\n", "/x", false},
      // A rule line closes the agent list: the next agent line opens a new group.
      {"User-agent: plainsight\nDisallow: /x\nUser-agent: otherbot\nDisallow: /y\n", "/y", true},
      {"User-agent: otherbot\nDisallow: /x\nUser-agent: plainsight\nDisallow: /y\n", "/x", true},
      {"User-agent: otherbot\nDisallow: /x\nUser-agent: plainsight\nDisallow: /y\n", "/y", false},
      // Rules before any user-agent line belong to no group.
      {"Disallow: /x\nUser-agent: plainsight\nDisallow: /y\n", "/x", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.1: the product token is matched case-insensitively;
// the crawler's token is its user-agent up to the first '/' or space.
TEST_CASE("ID_2_2_1_UserAgentLine_CaseInsensitiveProductToken") {
  static const struct {
    const char* agent;
    const char* body;
    bool allowed;
  } kCases[] = {
      {kAgent, "User-agent: plainsight\nDisallow: /", false},
      {kAgent, "User-agent: PlainSight\nDisallow: /", false},
      {kAgent, "User-agent: PLAINSIGHT/2.0\nDisallow: /", false},
      {kAgent, "User-agent: plainsight extra words\nDisallow: /", false},
      {"PlainSight", "User-agent: plainsight\nDisallow: /", false},
      {"plainsight test build", "User-agent: plainsight\nDisallow: /", false},
      {kAgent, "User-agent: plainsightx\nDisallow: /", true},
      {kAgent, "User-agent: plain\nDisallow: /", true},
      {kAgent, "User-agent: otherbot\nDisallow: /", true},
  };
  for (const auto& c : kCases) {
    INFO("agent: " << c.agent << "\nbody:\n" << c.body);
    CHECK(RobotsRules::Parse(c.body, c.agent).Allowed("/page") == c.allowed);
  }
}

// RFC 9309 section 2.2.1: several groups matching the crawler are merged.
TEST_CASE("ID_2_2_1_UserAgentLine_MergesMatchingGroups") {
  static const char* const kBody =
      "User-agent: plainsight\nDisallow: /a\n\n"
      "User-agent: otherbot\nDisallow: /b\n\n"
      "User-agent: PlainSight\nDisallow: /c\nAllow: /a/open\n\n"
      "User-agent: *\nDisallow: /d\n";
  static const AllowedCase kCases[] = {
      {kBody, "/a", false},      {kBody, "/c", false}, {kBody, "/a/open", true},
      {kBody, "/b", true},       {kBody, "/d", true},  {kBody, "/", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.1: with no group for the crawler, the "*" group(s)
// apply, merged like any other; a specific group, even an empty one,
// replaces "*" entirely.
TEST_CASE("ID_2_2_1_UserAgentLine_FallsBackToGlobalGroup") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /x\n", "/x", false},
      {"User-agent: *\nDisallow: /x\nUser-agent: *\nDisallow: /y\n", "/y", false},
      {"User-agent: otherbot\nDisallow: /\nUser-agent: *\nDisallow: /x\n", "/y", true},
      {"User-agent: otherbot\nDisallow: /\nUser-agent: *\nDisallow: /x\n", "/x", false},
      {"User-agent: *\nDisallow: /x\nUser-agent: plainsight\nDisallow: /y\n", "/x", true},
      {"User-agent: *\nDisallow: /\nUser-agent: plainsight\nAllow: /\n", "/x", true},
      {"User-agent: *\nDisallow: /\n\nUser-agent: plainsight\n", "/x", true},
      {"User-agent: * \nDisallow: /x\n", "/x", false},
      {"User-agent: *bot\nDisallow: /x\n", "/x", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.1: with neither a matching nor a "*" group, or no
// rules at all, everything is allowed.
TEST_CASE("ID_2_2_1_UserAgentLine_NoMatchingGroupAllowsAll") {
  static const AllowedCase kCases[] = {
      {"User-agent: otherbot\nDisallow: /\n", "/", true},
      {"", "/anything", true},
      {"# nothing but a comment\n", "/", true},
      {"Disallow: /\n", "/", true},
      {"<html><body>Not found</body></html>", "/", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: the most specific (longest, in octets) match wins.
TEST_CASE("ID_2_2_2_Rules_LongestMatchWins") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /ads\nAllow: /ads/public\n", "/ads/public/1", true},
      {"User-agent: *\nDisallow: /ads\nAllow: /ads/public\n", "/ads/private", false},
      {"User-agent: *\nAllow: /ads\nDisallow: /ads/private\n", "/ads/private/1", false},
      {"User-agent: *\nAllow: /ads\nDisallow: /ads/private\n", "/ads/other", true},
      {"User-agent: *\nDisallow: /\nAllow: /jobs\n", "/jobs?page=2", true},
      {"User-agent: *\nDisallow: /\nAllow: /jobs\n", "/contact", false},
      {"User-agent: *\nDisallow: /*.php\nAllow: /index.php\n", "/index.php", true},
      {"User-agent: *\nDisallow: /a/*/c\nAllow: /a/b\n", "/a/b/c", false},
      {"User-agent: *\nDisallow: /page\nAllow: /page$\n", "/page", true},
      {"User-agent: *\nDisallow: /page\nAllow: /page$\n", "/page2", false},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: equally specific Allow and Disallow: Allow wins.
TEST_CASE("ID_2_2_2_Rules_AllowWinsTie") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
      {"User-agent: *\nAllow: /page\nDisallow: /page\n", "/page", true},
      {"User-agent: *\nDisallow: /pa*\nAllow: /pag\n", "/page", true},
      {"User-agent: *\nDisallow: /\nAllow: /\n", "/x", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: an empty Disallow (or Allow) matches nothing.
TEST_CASE("ID_2_2_2_Rules_EmptyValueMatchesNothing") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow:\n", "/", true},
      {"User-agent: *\nDisallow:\n", "/anything", true},
      {"User-agent: *\nDisallow: /\nAllow:\n", "/x", false},
      {"User-agent: plainsight\nDisallow:\nUser-agent: *\nDisallow: /\n", "/x", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: percent-encoded unreserved octets equal their
// plain form, hex case does not matter, and non-ASCII rules are compared in
// their UTF-8 percent-encoded form.
TEST_CASE("ID_2_2_2_Rules_PercentEncodingEquivalence") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /%7Efoo\n", "/~foo/bar", false},
      {"User-agent: *\nDisallow: /~foo\n", "/%7Efoo/bar", false},
      {"User-agent: *\nDisallow: /~foo\n", "/%7efoo/bar", false},
      {"User-agent: *\nDisallow: /a%3cb\n", "/a%3Cb", false},
      {"User-agent: *\nDisallow: /caf\xC3\xA9\n", "/caf%C3%A9", false},
      {"User-agent: *\nDisallow: /caf%C3%A9\n", "/caf\xC3\xA9", false},
      {"User-agent: *\nDisallow: /caf%c3%a9\n", "/caf%C3%A9/menu", false},
      {"User-agent: *\nDisallow: /a%2Fb\n", "/a/b", true},
      {"User-agent: *\nDisallow: /foo bar\n", "/foo%20bar", false},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: "If a percent-encoded ASCII octet is encountered
// in the URI, it MUST be unencoded prior to comparison, unless it is a
// reserved character". Rule and URL are both brought to one normal form, so
// the encoding may sit on either side, in either hex case; the RFC's own
// example is "/foo/bar/%62%61%7A" matching "/foo/bar/baz".
TEST_CASE("ID_2_2_2_Rules_PercentEncodedUnreservedMatchesDecoded") {
  static const AllowedCase kCases[] = {
      // Encoded rule, plain URL.
      {"User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz", false},
      {"User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz/qux?x=1", false},
      {"User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "/foo/bar/bar", true},
      {"User-agent: *\nDisallow: /%41%5A%61%7A%30%39%2D%2E%5F%7E\n", "/AZaz09-._~", false},
      // Plain rule, encoded URL.
      {"User-agent: *\nDisallow: /foo/bar/baz\n", "/foo/bar/%62%61%7A", false},
      {"User-agent: *\nDisallow: /foo/bar/baz\n", "/foo/bar/%62%61%7A/qux", false},
      {"User-agent: *\nDisallow: /foo/bar/baz\n", "/foo/bar/%62%61%78", true},
      {"User-agent: *\nDisallow: /AZaz09-._~\n", "/%41%5A%61%7A%30%39%2D%2E%5F%7E", false},
      // Encoded on both sides, differently.
      {"User-agent: *\nDisallow: /foo/%62ar\n", "/foo/b%61r", false},
      // Lower- and upper-case hex are the same octet, on either side.
      {"User-agent: *\nDisallow: /foo/bar/%62%61%7a\n", "/foo/bar/baz", false},
      {"User-agent: *\nDisallow: /foo/bar/baz\n", "/foo/bar/%62%61%7a", false},
      {"User-agent: *\nDisallow: /foo/bar/%7a\n", "/foo/bar/%7A", false},
      {"User-agent: *\nDisallow: /foo/bar/%7A\n", "/foo/bar/%7a", false},
      // Still case-sensitive once decoded: %5A is 'Z', not 'z'.
      {"User-agent: *\nDisallow: /foo/bar/%5A\n", "/foo/bar/z", true},
      {"User-agent: *\nDisallow: /foo/bar/%5A\n", "/foo/bar/Z", false},
      // '*' and '$' keep their meaning around decoded octets.
      {"User-agent: *\nDisallow: /*/%62%61%7A$\n", "/foo/baz", false},
      {"User-agent: *\nDisallow: /*/%62%61%7A$\n", "/foo/baz/", true},
      {"User-agent: *\nDisallow: /*/baz$\n", "/foo/%62%61%7A", false},
      // The same rule written two ways is one rule: equal length, Allow wins.
      {"User-agent: *\nDisallow: /foo/bar/%62%61%7A\nAllow: /foo/bar/baz\n", "/foo/bar/baz", true},
      {"User-agent: *\nAllow: /foo/bar/%62%61%7A\nDisallow: /foo/bar/baz\n", "/foo/bar/baz", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2 with RFC 3986 section 2.2: a percent-encoded
// reserved character is not the character itself ("%2F" inside a segment
// is not a path separator), but its hex case still does not matter.
TEST_CASE("ID_2_2_2_Rules_PercentEncodedReservedStaysEncoded") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /a%2Fb\n", "/a/b", true},
      {"User-agent: *\nDisallow: /a/b\n", "/a%2Fb", true},
      {"User-agent: *\nDisallow: /a%2Fb\n", "/a%2Fb", false},
      {"User-agent: *\nDisallow: /a%2fb\n", "/a%2Fb", false},
      {"User-agent: *\nDisallow: /a%2Fb\n", "/a%2fb", false},
      {"User-agent: *\nDisallow: /a%2fb\n", "/a%2fb/c", false},
      {"User-agent: *\nDisallow: /search%3Fq=\n", "/search?q=x", true},
      {"User-agent: *\nDisallow: /search?q=\n", "/search%3Fq=x", true},
      // Encoded '*' and '$' are literal octets, not wildcard or anchor.
      {"User-agent: *\nDisallow: /a%2Ac\n", "/abc", true},
      {"User-agent: *\nDisallow: /a%2Ac\n", "/a%2Ac", false},
      {"User-agent: *\nDisallow: /a%24\n", "/a", true},
      {"User-agent: *\nDisallow: /a%24\n", "/a%24/b", false},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: rules with characters outside US-ASCII are
// compared in their UTF-8 percent-encoded form, as URLs carry them
// (the RFC's example: "/foo/bar/ツ" matches "/foo/bar/%E3%83%84").
TEST_CASE("ID_2_2_2_Rules_Utf8RuleMatchesPercentEncodedUrl") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/%E3%83%84", false},
      {"User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/%e3%83%84", false},
      {"User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/\xE3\x83\x84", false},
      {"User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/%E3%83%84", false},
      {"User-agent: *\nDisallow: /foo/bar/%e3%83%84\n", "/foo/bar/\xE3\x83\x84", false},
      {"User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/%E3%83%85", true},
      {"User-agent: *\nDisallow: /stra\xC3\x9F\x65*$\n", "/stra%C3%9Fe/1", false},
      {"User-agent: *\nDisallow: /\xC3\xA9t\xC3\xA9$\n", "/%C3%A9t%C3%A9", false},
      {"User-agent: *\nDisallow: /\xC3\xA9t\xC3\xA9$\n", "/%C3%A9t%C3%A9s", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2 does not say what a '%' that does not start a
// valid escape means; it is an ordinary octet on both sides ("%25" in
// normal form), so such rules match those URLs literally, and nothing reads
// past the end of a rule or path that stops right after the '%'.
TEST_CASE("ID_2_2_2_Rules_MalformedPercentEscapeComparedLiterally") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /a%G1\n", "/a%G1", false},
      {"User-agent: *\nDisallow: /a%G1\n", "/a%G1/b", false},
      {"User-agent: *\nDisallow: /a%G1\n", "/a%25G1", false},
      {"User-agent: *\nDisallow: /a%G1\n", "/aG1", true},
      {"User-agent: *\nDisallow: /a%G1\n", "/a%47%31", true},
      {"User-agent: *\nDisallow: /a%1\n", "/a%1", false},
      {"User-agent: *\nDisallow: /a%1\n", "/a%10", true},
      {"User-agent: *\nDisallow: /a%1G\n", "/a%1G", false},
      // A trailing '%', on the rule or on the path.
      {"User-agent: *\nDisallow: /a%\n", "/a%", false},
      {"User-agent: *\nDisallow: /a%\n", "/a%/b", false},
      {"User-agent: *\nDisallow: /a%\n", "/a", true},
      {"User-agent: *\nDisallow: /a%\n", "/a%41", true},
      {"User-agent: *\nDisallow: /a%$\n", "/a%", false},
      {"User-agent: *\nDisallow: /a%$\n", "/a%b", true},
      {"User-agent: *\nDisallow: /a%*\n", "/a%zz", false},
      {"User-agent: *\nDisallow: %\n", "/", true},
      {"User-agent: *\nDisallow: /a\n", "/a%", false},
      {"User-agent: *\nDisallow: /b\n", "/a%", true},
      {"User-agent: *\nDisallow: /b\n", "%", true},
      {"User-agent: *\nDisallow: /b\n", "/%", true},
      {"User-agent: *\nDisallow: /\n", "/%4", false},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.3: '*' matches any sequence of characters and a
// trailing '$' anchors the end of the path; otherwise rules are prefixes.
TEST_CASE("ID_2_2_3_SpecialCharacters_WildcardAndEndAnchor") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /*.pdf$\n", "/files/cv.pdf", false},
      {"User-agent: *\nDisallow: /*.pdf$\n", "/files/cv.pdf?x=1", true},
      {"User-agent: *\nDisallow: /*.pdf$\n", "/files/cv.pdf.html", true},
      {"User-agent: *\nDisallow: /*.pdf\n", "/files/cv.pdf.html", false},
      {"User-agent: *\nDisallow: /*?sort=\n", "/ads?sort=price", false},
      {"User-agent: *\nDisallow: /*?sort=\n", "/ads?page=2", true},
      {"User-agent: *\nDisallow: /a*b*c\n", "/a-x-b-y-c-z", false},
      {"User-agent: *\nDisallow: /a*b*c\n", "/a-x-c-y-b", true},
      {"User-agent: *\nDisallow: /a**c$\n", "/abbbc", false},
      {"User-agent: *\nDisallow: /a*c$\n", "/acbc", false},
      {"User-agent: *\nDisallow: /a*c$\n", "/acbcd", true},
      {"User-agent: *\nDisallow: *\n", "/anything", false},
      {"User-agent: *\nDisallow: /$\n", "/", false},
      {"User-agent: *\nDisallow: /$\n", "/x", true},
      {"User-agent: *\nDisallow: /a$b\n", "/a$b/c", false},
      {"User-agent: *\nDisallow: /fish\n", "/Fish", true},
      {"User-agent: *\nDisallow: /fish\n", "/fish.html", false},
      {"User-agent: *\nDisallow: /fish/\n", "/fish", true},
      {"User-agent: *\nDisallow: fish\n", "/fish", true},
  };
  CheckAllowed(kCases, std::size(kCases));
}

// RFC 9309 section 2.2.2: "/robots.txt" is implicitly allowed.
TEST_CASE("ID_2_2_2_Rules_RobotsTxtAlwaysAllowed") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /\n", "/robots.txt", true},
      {"User-agent: *\nDisallow: /robots.txt\n", "/robots.txt", true},
      {"User-agent: *\nDisallow: /\n", "/robots.txt?x=1", true},
      {"User-agent: *\nDisallow: /\n", "/robots.txt.bak", false},
      {"User-agent: *\nDisallow: /\n", "/x/robots.txt", false},
  };
  CheckAllowed(kCases, std::size(kCases));
  CHECK(RobotsRules::DisallowAll().Allowed("/robots.txt"));
}

// RFC 9309 section 2.2.4: other records such as Crawl-delay may be
// interpreted; the delay comes from the group that applies.
TEST_CASE("ID_2_2_4_OtherRecords_CrawlDelayFromApplicableGroup") {
  static const struct {
    const char* body;
    double expected;  // < 0: no delay
  } kCases[] = {
      {"User-agent: *\nCrawl-delay: 5\n", 5},
      {"User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n", 2.5},
      {"User-agent: plainsight\nCrawl-delay: 3\nUser-agent: *\nCrawl-delay: 10\n", 3},
      {"User-agent: *\nCrawl-delay: 10\n\nUser-agent: plainsight\nDisallow: /x\n", -1},
      {"User-agent: otherbot\nCrawl-delay: 10\nDisallow: /x\n", -1},
      {"User-agent: plainsight\nCrawl-delay: 3\nDisallow: /\nUser-agent: PlainSight\nCrawl-delay: 7\nDisallow: /y\n", 7},
      {"User-agent: *\nCrawl-delay: soon\n", -1},
      {"User-agent: *\nCrawl-delay: -4\n", -1},
      {"User-agent: *\nCrawl-delay:\n", -1},
      {"Crawl-delay: 9\n", -1},
  };
  for (const auto& c : kCases) {
    INFO("body:\n" << c.body);
    std::optional<double> delay = RobotsRules::Parse(c.body, kAgent).crawl_delay_seconds();
    if (c.expected < 0) {
      CHECK_FALSE(delay.has_value());
    } else {
      REQUIRE(delay.has_value());
      CHECK(*delay == Approx(c.expected));
    }
  }
}

// RFC 9309 section 2.2.4: Sitemap records are global, wherever they sit.
TEST_CASE("ID_2_2_4_OtherRecords_SitemapsFromAnywhere") {
  static const struct {
    const char* body;
    std::vector<std::string> expected;
  } kCases[] = {
      {"Sitemap: https://example.org/s1.xml\nUser-agent: otherbot\nDisallow: /\n"
       "Sitemap: https://example.org/s2.xml\nUser-agent: *\nsitemap:https://example.org/s3.xml",
       {"https://example.org/s1.xml", "https://example.org/s2.xml", "https://example.org/s3.xml"}},
      {"User-agent: *\nDisallow: /\n", {}},
      {"Sitemap:\nSitemap: https://example.com/a.xml # comment\n", {"https://example.com/a.xml"}},
  };
  for (const auto& c : kCases) {
    INFO("body:\n" << c.body);
    CHECK(RobotsRules::Parse(c.body, kAgent).sitemaps() == c.expected);
  }
}

// RFC 9309 sections 2.3.1.3 and 2.3.1.4: a missing robots.txt allows all,
// an unreachable one disallows all.
TEST_CASE("ID_2_3_1_AccessResults_AllowAllAndDisallowAll") {
  static const struct {
    bool disallow_all;
    const char* path;
    bool allowed;
  } kCases[] = {
      {false, "/", true}, {false, "/private/x?y=1", true},
      {true, "/", false}, {true, "/private/x?y=1", false},
  };
  for (const auto& c : kCases) {
    INFO("disallow_all: " << c.disallow_all << " path: " << c.path);
    const RobotsRules rules = c.disallow_all ? RobotsRules::DisallowAll() : RobotsRules::AllowAll();
    CHECK(rules.Allowed(c.path) == c.allowed);
    CHECK_FALSE(rules.crawl_delay_seconds().has_value());
    CHECK(rules.sitemaps().empty());
  }
}

// RFC 9309 section 2.5: at least 500 KiB must be parsed; we parse exactly
// that much, so rules beyond it are ignored, and a line cut by the limit is
// dropped rather than read as a shorter (broader) rule.
TEST_CASE("ID_2_5_Limits_RulesAfter500KiBIgnored") {
  const std::string head = "User-agent: *\nDisallow: /early\n";
  std::string padded = head;
  while (padded.size() < kMaxRobotsBodyBytes - 100) padded += "# padding padding padding\n";
  const std::string within = padded + "Disallow: /within\n";
  std::string at_limit = padded;
  at_limit.resize(kMaxRobotsBodyBytes - 12, '#');
  at_limit += "\nDisallow: /straddling-the-limit\n";  // starts inside, ends outside
  std::string beyond = padded;
  beyond.resize(kMaxRobotsBodyBytes, '#');
  beyond += "\nDisallow: /late\n";

  static const struct {
    int body;  // 0 within, 1 at_limit, 2 beyond
    const char* path;
    bool allowed;
  } kCases[] = {
      {0, "/early", false}, {0, "/within", false},
      {1, "/early", false}, {1, "/straddling-the-limit", true}, {1, "/strad", true},
      {2, "/early", false}, {2, "/late", true},
  };
  const std::string* bodies[] = {&within, &at_limit, &beyond};
  for (const auto& c : kCases) {
    const std::string& body = *bodies[c.body];
    INFO("body " << c.body << " size " << body.size() << " path " << c.path);
    CHECK(RobotsRules::Parse(body, kAgent).Allowed(c.path) == c.allowed);
  }
}

// Allowed() takes what Url::PathAndQuery() produces; an empty path is "/".
TEST_CASE("ID_2_2_2_Rules_QueryIsPartOfThePath") {
  static const AllowedCase kCases[] = {
      {"User-agent: *\nDisallow: /search?q=\n", "/search?q=rooms", false},
      {"User-agent: *\nDisallow: /search?q=\n", "/search", true},
      {"User-agent: *\nDisallow: /$\n", "", false},
  };
  CheckAllowed(kCases, std::size(kCases));
}

}  // namespace
}  // namespace plainsight
