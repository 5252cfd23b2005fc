// Tests for crawler/url.h: normalisation (RFC 3986 section 6.2.2),
// resolution (RFC 3986 section 5.4 examples), rejects and query stripping.
#include "crawler/url.h"

#include <catch2/catch.hpp>

#include <string>

namespace plainsight {
namespace {

struct NormalizeCase {
  const char* input;
  const char* expected;
};

void CheckNormalizes(const NormalizeCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    INFO("input: " << cases[i].input);
    std::optional<std::string> got = NormalizeUrl(cases[i].input);
    REQUIRE(got.has_value());
    CHECK(*got == cases[i].expected);
  }
}

TEST_CASE("Url_Normalize_SchemeAndHostLowerCased") {
  static const NormalizeCase kCases[] = {
      {"HTTP://Example.ORG/Path", "http://example.org/Path"},
      {"HtTpS://WWW.EXAMPLE.COM/", "https://www.example.com/"},
      {"http://[2001:DB8::1]/a", "http://[2001:db8::1]/a"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Normalize_DefaultPortRemovedOtherPortKept") {
  static const NormalizeCase kCases[] = {
      {"http://example.org:80/a", "http://example.org/a"},
      {"https://example.org:443/a", "https://example.org/a"},
      {"http://example.org:443/a", "http://example.org:443/a"},
      {"https://example.org:80/a", "https://example.org:80/a"},
      {"http://example.org:8080/a", "http://example.org:8080/a"},
      {"http://example.org:/a", "http://example.org/a"},
      {"http://[::1]:8080/", "http://[::1]:8080/"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Normalize_FragmentDroppedAndEmptyPathIsSlash") {
  static const NormalizeCase kCases[] = {
      {"http://example.org", "http://example.org/"},
      {"http://example.org#top", "http://example.org/"},
      {"http://example.org/a#top", "http://example.org/a"},
      {"http://example.org/a?b=1#top", "http://example.org/a?b=1"},
      {"http://example.org?b=1", "http://example.org/?b=1"},
      {"http://example.org/a?", "http://example.org/a"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Normalize_DotSegmentsRemoved") {
  static const NormalizeCase kCases[] = {
      {"http://example.org/a/./b", "http://example.org/a/b"},
      {"http://example.org/a/../b", "http://example.org/b"},
      {"http://example.org/../../b", "http://example.org/b"},
      {"http://example.org/a/b/..", "http://example.org/a/"},
      {"http://example.org/a/.", "http://example.org/a/"},
      {"http://example.org/a/%2E%2E/b", "http://example.org/b"},
      {"http://example.org/a/.b/..c", "http://example.org/a/.b/..c"},
      {"http://example.org/a?x=/../y", "http://example.org/a?x=/../y"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Normalize_PercentEncodingCaseAndUnreservedDecoded") {
  static const NormalizeCase kCases[] = {
      {"http://example.org/%7euser", "http://example.org/~user"},
      {"http://example.org/a%2fb", "http://example.org/a%2Fb"},
      {"http://example.org/%41%62%2D%5F", "http://example.org/Ab-_"},
      {"http://example.org/a%zz", "http://example.org/a%25zz"},
      {"http://example.org/a%", "http://example.org/a%25"},
      {"http://example.org/a b", "http://example.org/a%20b"},
      {"http://example.org/caf\xC3\xA9", "http://example.org/caf%C3%A9"},
      {"http://example.org/?q=a%3db&r=%7e", "http://example.org/?q=a%3Db&r=~"},
      {"http://example.org/a;p=1/b,c!*$", "http://example.org/a;p=1/b,c!*$"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Normalize_UserInfoDropped") {
  static const NormalizeCase kCases[] = {
      {"http://user:secret@example.org/a", "http://example.org/a"},
      {"http://example.com@example.org/", "http://example.org/"},
  };
  CheckNormalizes(kCases, std::size(kCases));
}

TEST_CASE("Url_Parse_Components") {
  static const struct {
    const char* input;
    const char* scheme;
    const char* host;
    int port;
    const char* path;
    const char* query;
    const char* host_port;
    const char* origin;
    const char* path_and_query;
  } kCases[] = {
      {"https://Example.org/jobs/list?page=2", "https", "example.org", 443, "/jobs/list", "page=2",
       "example.org:443", "https://example.org", "/jobs/list?page=2"},
      {"http://example.com:8080", "http", "example.com", 8080, "/", "", "example.com:8080",
       "http://example.com:8080", "/"},
      {"http://[::1]/a", "http", "[::1]", 80, "/a", "", "[::1]:80", "http://[::1]", "/a"},
  };
  for (const auto& c : kCases) {
    INFO("input: " << c.input);
    std::optional<Url> url = ParseUrl(c.input);
    REQUIRE(url.has_value());
    CHECK(url->scheme == c.scheme);
    CHECK(url->host == c.host);
    CHECK(url->port == c.port);
    CHECK(url->path == c.path);
    CHECK(url->query == c.query);
    CHECK(url->HostPort() == c.host_port);
    CHECK(url->Origin() == c.origin);
    CHECK(url->PathAndQuery() == c.path_and_query);
  }
}

TEST_CASE("Url_Parse_RejectsNonHttpAndMalformed") {
  static const char* const kRejected[] = {
      "",
      "example.org/a",
      "ftp://example.org/",
      "javascript:alert(1)",
      "mailto:someone@example.org",
      "http:example.org",
      "http:/example.org",
      "http:///a",
      "http://:80/",
      "http://example.org:0/",
      "http://example.org:65536/",
      "http://example.org:8o/",
      "http://example.org:123456/",
      "http://exa mple.org/",
      "http://example.org\t/a",
      "http://example.org/a\nb",
      "http://example.org/a\x7F",
      "http://[::1/",
      "http://[zz::1]/",
      "http://[::1]x/",
      "http://ex\xC3\xA4mple.org/",
  };
  for (const char* input : kRejected) {
    INFO("input: " << input);
    CHECK_FALSE(ParseUrl(input).has_value());
  }
}

TEST_CASE("Url_Parse_RejectsOverLongUrl") {
  const std::string prefix = "http://example.org/";
  const std::string at_limit = prefix + std::string(kMaxUrlLength - prefix.size(), 'a');
  const std::string over_limit = at_limit + "a";
  static const struct {
    bool over;
    bool accepted;
  } kCases[] = {{false, true}, {true, false}};
  for (const auto& c : kCases) {
    const std::string& input = c.over ? over_limit : at_limit;
    CAPTURE(input.size());
    CHECK(ParseUrl(input).has_value() == c.accepted);
  }
}

// RFC 3986 section 5.4.1, base "http://a/b/c/d;p?q". Fragments are dropped
// and "g:h" is not http(s), so it is refused.
TEST_CASE("Url_Resolve_Rfc3986NormalExamples") {
  static const struct {
    const char* href;
    const char* expected;  // nullptr: refused
  } kCases[] = {
      {"g:h", nullptr},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g/"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q"},
      {"g#s", "http://a/b/c/g"},
      {"g?y#s", "http://a/b/c/g?y"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& c : kCases) {
    INFO("href: " << c.href);
    std::optional<std::string> got = ResolveUrl("http://a/b/c/d;p?q", c.href);
    if (c.expected == nullptr) {
      CHECK_FALSE(got.has_value());
    } else {
      REQUIRE(got.has_value());
      CHECK(*got == c.expected);
    }
  }
}

// RFC 3986 section 5.4.2, base "http://a/b/c/d;p?q". "http:g" takes the
// backward-compatible reading.
TEST_CASE("Url_Resolve_Rfc3986AbnormalExamples") {
  static const struct {
    const char* href;
    const char* expected;
  } kCases[] = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g"},
      {"g#s/../x", "http://a/b/c/g"},
      {"http:g", "http://a/b/c/g"},
  };
  for (const auto& c : kCases) {
    INFO("href: " << c.href);
    std::optional<std::string> got = ResolveUrl("http://a/b/c/d;p?q", c.href);
    REQUIRE(got.has_value());
    CHECK(*got == c.expected);
  }
}

TEST_CASE("Url_Resolve_AbsoluteWhitespaceAndSchemes") {
  static const struct {
    const char* base;
    const char* href;
    const char* expected;  // nullptr: refused
  } kCases[] = {
      {"http://example.org/a/b", "HTTPS://Example.COM:443/x#y", "https://example.com/x"},
      {"https://example.org/a/b", "//example.com/x", "https://example.com/x"},
      {"http://example.org/a/b", "  c?d=1 \n", "http://example.org/a/c?d=1"},
      {"http://example.org/a/b", "/ads/\n123", "http://example.org/ads/123"},
      {"https://example.org/a/b", "http:g", nullptr},  // other scheme: absolute, no host
      {"http://example.org:8080/a/", "b", "http://example.org:8080/a/b"},
      {"http://example.org/a/", "%7Euser/caf\xC3\xA9", "http://example.org/a/~user/caf%C3%A9"},
      {"http://example.org/", "javascript:void(0)", nullptr},
      {"http://example.org/", "JavaScript:void(0)", nullptr},
      {"http://example.org/", "mailto:someone@example.org", nullptr},
      {"http://example.org/", "tel:07700900123", nullptr},
      {"http://example.org/", "data:text/plain,hi", nullptr},
      {"http://example.org/", "ftp://example.org/x", nullptr},
      {"http://example.org/", "http://bad host/", nullptr},
      {"not a url", "g", nullptr},
  };
  for (const auto& c : kCases) {
    INFO("base: " << c.base << " href: " << c.href);
    std::optional<std::string> got = ResolveUrl(c.base, c.href);
    if (c.expected == nullptr) {
      CHECK_FALSE(got.has_value());
    } else {
      REQUIRE(got.has_value());
      CHECK(*got == c.expected);
    }
  }
}

TEST_CASE("Url_StripQueryParams_ExactAndPrefixNames") {
  const std::vector<std::string> names = {"utm_*", "fbclid", "sid"};
  static const struct {
    const char* input;
    const char* expected;
  } kCases[] = {
      {"http://example.org/a", "http://example.org/a"},
      {"http://example.org/a?utm_source=x", "http://example.org/a"},
      {"http://example.org/a?id=7&utm_source=x&utm_medium=y&page=2",
       "http://example.org/a?id=7&page=2"},
      {"http://example.org/a?fbclid=abc&b=2&a=1", "http://example.org/a?b=2&a=1"},
      {"http://example.org/a?sidebar=1&sid=9", "http://example.org/a?sidebar=1"},
      {"http://example.org/a?SID=9", "http://example.org/a?SID=9"},
      {"http://example.org/a?utm=1", "http://example.org/a?utm=1"},
      {"http://example.org/a?a=1&&sid&b", "http://example.org/a?a=1&b"},
  };
  for (const auto& c : kCases) {
    INFO("input: " << c.input);
    CHECK(StripQueryParams(c.input, names) == c.expected);
  }
}

TEST_CASE("Url_IsSameSite_HostCaseInsensitiveAndPort") {
  static const struct {
    const char* a;
    const char* b;
    bool same;
  } kCases[] = {
      {"http://example.org/a", "http://EXAMPLE.org/b?c", true},
      {"http://example.org/", "https://example.org/", false},
      {"http://example.org/", "http://example.org:8080/", false},
      {"http://example.org/", "http://www.example.org/", false},
      {"https://example.org/", "https://example.org:443/x", true},
  };
  for (const auto& c : kCases) {
    INFO(c.a << " vs " << c.b);
    std::optional<Url> a = ParseUrl(c.a);
    std::optional<Url> b = ParseUrl(c.b);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(IsSameSite(*a, *b) == c.same);
  }
}

TEST_CASE("Url_Normalize_Idempotent") {
  static const char* const kInputs[] = {
      "HTTP://Example.ORG:80/a/./b/../%7ec/d%2f?x=%41&y=a b#f",
      "https://example.org/caf\xC3\xA9/%zz",
      "http://[::1]:8080/a/..",
  };
  for (const char* input : kInputs) {
    INFO("input: " << input);
    std::optional<std::string> once = NormalizeUrl(input);
    REQUIRE(once.has_value());
    std::optional<std::string> twice = NormalizeUrl(*once);
    REQUIRE(twice.has_value());
    CHECK(*twice == *once);
  }
}

}  // namespace
}  // namespace plainsight
