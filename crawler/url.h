// URL parsing, normalisation and resolution for the crawler.
//
// The crawler only follows http and https. Every URL it stores, dedupes or
// asks robots.txt about goes through ParseUrl first, so two spellings of the
// same page ("HTTP://Example.ORG:80/a/./b/%7euser#top" and
// "http://example.org/a/b/~user") become one string. Normalisation follows
// RFC 3986 section 6.2.2: scheme and host lower-cased, default port dropped,
// percent-encoding hex upper-cased, unreserved characters decoded, dot
// segments removed; the fragment is dropped because servers never see it.
//
// Limitations, chosen on purpose: hosts must be ASCII (no IDNA/punycode
// conversion), user-info ("user:pass@") is dropped, and an empty query
// ("/a?") is the same as no query.
//
// Every function here is pure: safe to call from any thread, no shared state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

struct Url {
  std::string scheme;  // lower-case "http" or "https"
  std::string host;    // lower-case; an IPv6 literal keeps its brackets
  int port = 0;        // explicit, or the scheme default (80 / 443)
  std::string path;    // starts with "/"; normalised as described above
  std::string query;   // without the "?"; empty if none

  // "http://host[:port]/path[?query]"; the port only if not the default.
  std::string ToString() const;
  // "host:port", always with the port: the key for per-server politeness.
  std::string HostPort() const;
  // "scheme://host[:port]"; the port only if not the default.
  std::string Origin() const;
  // "/path[?query]": what robots.txt rules are matched against.
  std::string PathAndQuery() const;
};

// The longest URL accepted, in bytes (browsers and servers rarely go past).
inline constexpr size_t kMaxUrlLength = 4096;

// Parses an absolute http/https URL. Returns nullopt for other schemes, an
// empty or malformed host, a bad port (0, > 65535, non-digits), ASCII control
// characters anywhere, or input longer than kMaxUrlLength.
std::optional<Url> ParseUrl(std::string_view absolute_url);

// ParseUrl(absolute_url)->ToString(), or nullopt if it does not parse.
std::optional<std::string> NormalizeUrl(std::string_view absolute_url);

// Resolves `href` (as found in an <a href>) against `base_url` following
// RFC 3986 section 5.2, then normalises. The fragment is dropped. Surrounding
// whitespace is trimmed and tabs/newlines inside are removed (as browsers do);
// nothing is decoded beyond normal percent-encoding normalisation. Returns
// nullopt for javascript:, mailto:, tel:, data: and any other non-http(s)
// scheme, and for anything that does not parse. "http:g" with the base's
// scheme is treated as relative (the RFC's backward-compatible reading).
std::optional<std::string> ResolveUrl(std::string_view base_url, std::string_view href);

// Removes query parameters whose name is listed in `names`, either exactly or
// by a prefix ending in '*' ("utm_*"). Name comparison is case-sensitive. The
// remaining parameters keep their order; empty parameters ("a=1&&b=2") are
// dropped; the "?" goes if nothing is left.
std::string StripQueryParams(std::string_view normalized_url,
                             const std::vector<std::string>& names);

// Same host (case-insensitive) and same port.
bool IsSameSite(const Url& a, const Url& b);

// The percent-encoding normalisation applied to paths and queries, exposed
// so robots.txt patterns compare equal to the paths they describe (RFC 9309
// section 2.2.2): "%xx" of an unreserved character is decoded, other "%xx"
// get upper-case hex, a '%' not followed by two hex digits becomes "%25",
// and bytes >= 0x80, spaces and the characters " < > \ ^ ` { | } are
// encoded. Everything else, including '*' and '$', is kept as is.
std::string NormalizePercentEncoding(std::string_view text);

// True if NormalizePercentEncoding(text) would change `text`. Cheap, does
// not allocate: lets hot paths skip the copy for already-normal input.
bool NeedsPercentNormalization(std::string_view text);

}  // namespace plainsight
