// URL templates for the site probe: a set of URLs that share one shape
// ("/job/48213-warehouse-operative.html", "/job/48214-forklift-driver.html")
// written as one anchored RE2 over the full URL
// ('^http://jobs\.example\.org/job/\d+-[a-z0-9-]+\.html$').
//
// A URL is split into its origin, its path segments and its query
// parameters (in order). URLs share a skeleton when they have as many
// segments and the same parameter names in the same order. Over URLs of one
// skeleton, each position holding one value stays literal (escaped for
// RE2); a position holding several values becomes the narrowest class that
// covers all of them, keeping a literal prefix they share before an id and
// a shared file extension ("AM52001", "AM52002" -> AM\d+; "amber-22.html"
// -> [a-z0-9-]+-\d+\.html), but never a shared word: every advert on a
// first listing page may be in one town ("...-northampton").
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plainsight {

struct UrlParts {
  std::string origin;                 // "http://host[:port]"
  std::vector<std::string> segments;  // path split at '/'; a trailing '/' gives a last ""
  std::vector<std::pair<std::string, std::string>> query;  // name, value; in order
  std::vector<bool> query_has_value;  // "a=" or "a=1" vs a bare "a"
  // Segment count and parameter names: URLs with equal skeletons can share
  // a template.
  std::string Skeleton() const;
};

// Splits a normalised absolute URL; nullopt if it does not parse.
std::optional<UrlParts> SplitUrl(std::string_view url);

// One position of a template.
struct TemplatePart {
  bool literal = true;
  std::string regex;    // escaped literal or a class ("\d+", "[a-z0-9-]+")
  std::string display;  // for people: the literal, or "{id}", "{slug}", "{id}-{slug}"
};

struct UrlTemplate {
  std::string origin;
  std::vector<TemplatePart> segments;
  std::vector<std::string> query_names;
  std::vector<bool> query_has_value;
  std::vector<TemplatePart> query_values;

  // '^' + escaped origin + path + query + '$'.
  std::string Regex() const;
  // "/job/{id}-{slug}.html"
  std::string Display() const;
  // Positions that are not literal.
  int VariableParts() const;
};

// The template over `urls`, which must share one skeleton (callers group
// them by UrlParts::Skeleton first). Empty input gives an empty template.
UrlTemplate InduceTemplate(const std::vector<UrlParts>& urls);

// The regex (no anchors) covering every value in `values` (at least two
// distinct ones) at one position; `in_query` widens the fallback class to
// anything but '&' and '#'. `display` receives a name for the class.
std::string GeneraliseValues(const std::vector<std::string>& values, bool in_query,
                             std::string* display);

// Whether `value` contains an ASCII digit.
bool HasDigit(std::string_view value);

}  // namespace plainsight
