// The robots.txt rules that apply to one crawler (RFC 9309).
//
//   RobotsRules rules = RobotsRules::Parse(body, "plainsight/1.0 (+https://...)");
//   if (rules.Allowed(url.PathAndQuery())) { ... fetch ... }
//
// Parse picks the groups for the crawler's product token (the user-agent up
// to the first '/' or space, compared case-insensitively); several matching
// groups are merged (section 2.2.1); with none, the "*" groups apply; with
// neither, everything is allowed. Matching follows section 2.2.2/2.2.3: the
// longest matching rule wins, Allow wins a tie, '*' matches any run of
// characters, a trailing '$' anchors the end, and percent-encoding is
// compared in normal form (NormalizePercentEncoding in url.h), applied to
// each rule once by Parse and to the path by Allowed: escaped unreserved
// characters are decoded ("/%62%61%7A" is "/baz"), other escapes keep their
// octet with upper-case hex ("%2f" is "%2F", neither is "/"), raw UTF-8
// equals its %-encoding, and a '%' that starts no valid escape ("%G1", a
// trailing "%") is an ordinary octet on both sides. Rule length, for the
// longest match, is counted in that normal form, so one rule written two
// ways is the same length. "/robots.txt" is always allowed.
//
// Which body to parse is the fetcher's business (section 2.3.1): use
// AllowAll() for a 4xx, DisallowAll() for a 5xx or an unreachable server.
//
// A RobotsRules is an immutable value once built: copy it freely and call
// its const methods from any number of threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

class RobotsRules {
 public:
  // For a missing robots.txt (4xx, RFC 9309 section 2.3.1.3).
  static RobotsRules AllowAll();
  // For a 5xx or unreachable robots.txt (RFC 9309 section 2.3.1.4).
  static RobotsRules DisallowAll();
  // `user_agent` is the full User-Agent header; only its product token is used.
  static RobotsRules Parse(std::string_view body, std::string_view user_agent);

  // `path_and_query` is like "/a/b?c=d"; empty means "/". Does not allocate
  // unless the path needs percent-encoding normalisation.
  bool Allowed(std::string_view path_and_query) const;

  // The Crawl-delay of the applicable group(s); the largest if several.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_seconds_; }
  // Every Sitemap line in the file, whatever group it sits in, in file order.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  // One Allow or Disallow line, pattern in percent-normal form.
  struct Rule {
    std::string pattern;  // without the trailing '$' when anchored
    bool allow = false;
    bool has_wildcard = false;  // contains '*'
    bool anchored = false;      // ended with '$'
    size_t priority = 0;        // octets in the normal-form rule, '$' included
  };

  static bool Matches(const Rule& rule, std::string_view path);

  // Longest pattern first, Allow before Disallow on equal length, so the
  // first match is the answer.
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_seconds_;
  std::vector<std::string> sitemaps_;
};

}  // namespace plainsight
