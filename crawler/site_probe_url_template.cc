#include "crawler/site_probe_url_template.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/regex_escape.h"
#include "core/strings.h"
#include "crawler/url.h"

namespace plainsight {
namespace {

enum class CharClass { kDigit, kLetter, kOther };

CharClass ClassOf(char c) {
  if (IsAsciiDigit(c)) return CharClass::kDigit;
  if (IsAsciiAlpha(c)) return CharClass::kLetter;
  return CharClass::kOther;
}

// Whether position `k` of `value` falls between two tokens (digit runs,
// letter runs and single other characters are tokens).
bool IsTokenBoundary(std::string_view value, std::size_t k) {
  if (k == 0 || k >= value.size()) return true;
  CharClass left = ClassOf(value[k - 1]);
  CharClass right = ClassOf(value[k]);
  return left != right || left == CharClass::kOther;
}

bool AllOf(const std::vector<std::string>& values, bool (*test)(char)) {
  for (const std::string& v : values) {
    for (char c : v) {
      if (!test(c)) return false;
    }
  }
  return true;
}

bool IsSlugChar(char c) { return IsAsciiLower(c) || IsAsciiDigit(c) || c == '-'; }
bool IsMixedSlugChar(char c) { return IsSlugChar(c) || IsAsciiUpper(c); }
bool IsWordChar(char c) { return IsMixedSlugChar(c) || c == '_' || c == '.'; }
bool IsUrlWordChar(char c) { return IsWordChar(c) || c == '~' || c == '%'; }

// The class for values that have no common shape beyond their characters.
std::string CharacterClass(const std::vector<std::string>& values, bool in_query,
                           std::string* display) {
  if (AllOf(values, IsAsciiDigit)) {
    *display = "{n}";
    return "\\d";
  }
  *display = "{slug}";
  if (AllOf(values, IsSlugChar)) return "[a-z0-9-]";
  if (AllOf(values, IsMixedSlugChar)) return "[A-Za-z0-9-]";
  *display = "{x}";
  if (AllOf(values, IsWordChar)) return "[A-Za-z0-9_.-]";
  if (AllOf(values, IsUrlWordChar)) return "[A-Za-z0-9_.~%-]";
  return in_query ? "[^&#]" : "[^/?#]";
}

// "\d+" or "\d*" for the class over `values`.
std::string Repeated(const std::vector<std::string>& values, bool in_query, std::string* display) {
  bool any_empty = std::any_of(values.begin(), values.end(),
                               [](const std::string& v) { return v.empty(); });
  std::vector<std::string> non_empty;
  for (const std::string& v : values) {
    if (!v.empty()) non_empty.push_back(v);
  }
  if (non_empty.empty()) {
    *display = "";
    return "";
  }
  return CharacterClass(non_empty, in_query, display) + (any_empty ? "*" : "+");
}

// Values that all start (or end) with a digit run and a separator: an id
// joined to a slug, "48213-warehouse-operative" or "amber-22".
bool SplitIdAndSlug(const std::vector<std::string>& values, bool id_first, char* separator,
                    std::vector<std::string>* rests) {
  char sep = '\0';
  rests->clear();
  for (const std::string& v : values) {
    std::size_t digits = 0;
    if (id_first) {
      while (digits < v.size() && IsAsciiDigit(v[digits])) ++digits;
    } else {
      while (digits < v.size() && IsAsciiDigit(v[v.size() - 1 - digits])) ++digits;
    }
    if (digits == 0 || digits + 1 >= v.size()) return false;
    char c = id_first ? v[digits] : v[v.size() - 1 - digits];
    if (c != '-' && c != '_') return false;
    if (sep != '\0' && c != sep) return false;
    sep = c;
    rests->push_back(id_first ? v.substr(digits + 1) : v.substr(0, v.size() - digits - 1));
  }
  *separator = sep;
  return true;
}

std::string MiddleRegex(const std::vector<std::string>& middles, bool in_query,
                        std::string* display) {
  char sep = '\0';
  std::vector<std::string> rests;
  std::string rest_display;
  if (!AllOf(middles, IsAsciiDigit)) {
    if (SplitIdAndSlug(middles, true, &sep, &rests)) {
      std::string rest = Repeated(rests, in_query, &rest_display);
      *display = "{id}" + std::string(1, sep) + rest_display;
      return "\\d+" + EscapeRegex(std::string(1, sep)) + rest;
    }
    if (SplitIdAndSlug(middles, false, &sep, &rests)) {
      std::string rest = Repeated(rests, in_query, &rest_display);
      *display = rest_display + std::string(1, sep) + "{id}";
      return rest + EscapeRegex(std::string(1, sep)) + "\\d+";
    }
  }
  std::string regex = Repeated(middles, in_query, display);
  if (*display == "{n}") *display = "{id}";
  return regex;
}

TemplatePart PartOver(const std::vector<std::string>& all, bool in_query) {
  std::set<std::string> distinct(all.begin(), all.end());
  TemplatePart part;
  if (distinct.size() <= 1) {
    part.literal = true;
    part.display = distinct.empty() ? "" : *distinct.begin();
    part.regex = EscapeRegex(part.display);
    return part;
  }
  part.literal = false;
  part.regex = GeneraliseValues(std::vector<std::string>(distinct.begin(), distinct.end()),
                                in_query, &part.display);
  return part;
}

}  // namespace

std::string UrlParts::Skeleton() const {
  std::string key = std::to_string(segments.size());
  for (std::size_t i = 0; i < query.size(); ++i) {
    key += i == 0 ? "?" : "&";
    key += query[i].first;
    if (query_has_value[i]) key += "=";
  }
  return key;
}

std::optional<UrlParts> SplitUrl(std::string_view url) {
  std::optional<Url> parsed = ParseUrl(url);
  if (!parsed) return std::nullopt;
  UrlParts parts;
  parts.origin = parsed->Origin();
  std::string_view path = parsed->path;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    std::size_t slash = path.find('/');
    parts.segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  std::string_view query = parsed->query;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view item = query.substr(0, amp);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      parts.query.emplace_back(std::string(item), "");
      parts.query_has_value.push_back(false);
    } else {
      parts.query.emplace_back(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
      parts.query_has_value.push_back(true);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return parts;
}

bool HasDigit(std::string_view value) {
  return std::any_of(value.begin(), value.end(), IsAsciiDigit);
}

std::string GeneraliseValues(const std::vector<std::string>& values, bool in_query,
                             std::string* display) {
  std::string unused;
  if (display == nullptr) display = &unused;
  if (values.empty()) return "";
  std::size_t shortest = values.front().size();
  for (const std::string& v : values) shortest = std::min(shortest, v.size());

  // The literal prefix and suffix every value shares, cut back to token
  // boundaries and never holding a digit (digits are what varies). A shared
  // word is content, not structure, however many values share it (every
  // advert on a first listing page may be in one town: "...-northampton"),
  // so a prefix stays only before a digit run ("AM52001") and a suffix only
  // as a file extension (".html").
  std::size_t prefix = 0;
  while (prefix < shortest &&
         std::all_of(values.begin(), values.end(),
                     [&](const std::string& v) { return v[prefix] == values.front()[prefix]; })) {
    ++prefix;
  }
  auto prefix_ok = [&](std::size_t k) {
    if (k == 0) return true;
    for (const std::string& v : values) {
      if (!IsTokenBoundary(v, k)) return false;
    }
    std::string_view p = std::string_view(values.front()).substr(0, k);
    if (HasDigit(p)) return false;
    for (const std::string& v : values) {
      if (k >= v.size() || !IsAsciiDigit(v[k])) return false;
    }
    return true;
  };
  while (prefix > 0 && !prefix_ok(prefix)) --prefix;

  std::size_t suffix = 0;
  while (suffix < shortest - prefix &&
         std::all_of(values.begin(), values.end(), [&](const std::string& v) {
           return v[v.size() - 1 - suffix] == values.front()[values.front().size() - 1 - suffix];
         })) {
    ++suffix;
  }
  auto suffix_ok = [&](std::size_t k) {
    if (k == 0) return true;
    for (const std::string& v : values) {
      if (!IsTokenBoundary(v, v.size() - k)) return false;
    }
    const std::string& first = values.front();
    std::string_view s = std::string_view(first).substr(first.size() - k);
    return !HasDigit(s) && s.front() == '.';
  };
  while (suffix > 0 && !suffix_ok(suffix)) --suffix;

  std::vector<std::string> middles;
  middles.reserve(values.size());
  for (const std::string& v : values) middles.push_back(v.substr(prefix, v.size() - prefix - suffix));
  std::string middle_display;
  std::string middle = MiddleRegex(middles, in_query, &middle_display);
  const std::string& first = values.front();
  std::string head = first.substr(0, prefix);
  std::string tail = first.substr(first.size() - suffix);
  *display = head + middle_display + tail;
  return EscapeRegex(head) + middle + EscapeRegex(tail);
}

UrlTemplate InduceTemplate(const std::vector<UrlParts>& urls) {
  UrlTemplate out;
  if (urls.empty()) return out;
  const UrlParts& first = urls.front();
  out.origin = first.origin;
  for (std::size_t i = 0; i < first.segments.size(); ++i) {
    std::vector<std::string> values;
    for (const UrlParts& u : urls) {
      if (i < u.segments.size()) values.push_back(u.segments[i]);
    }
    out.segments.push_back(PartOver(values, false));
  }
  for (std::size_t i = 0; i < first.query.size(); ++i) {
    out.query_names.push_back(first.query[i].first);
    out.query_has_value.push_back(first.query_has_value[i]);
    std::vector<std::string> values;
    for (const UrlParts& u : urls) {
      if (i < u.query.size()) values.push_back(u.query[i].second);
    }
    out.query_values.push_back(PartOver(values, true));
  }
  return out;
}

std::string UrlTemplate::Regex() const {
  std::string out = "^" + EscapeRegex(origin);
  for (const TemplatePart& part : segments) out += "/" + part.regex;
  for (std::size_t i = 0; i < query_names.size(); ++i) {
    out += i == 0 ? "\\?" : "&";
    out += EscapeRegex(query_names[i]);
    if (query_has_value[i]) out += "=" + query_values[i].regex;
  }
  return out + "$";
}

std::string UrlTemplate::Display() const {
  std::string out;
  for (const TemplatePart& part : segments) out += "/" + part.display;
  for (std::size_t i = 0; i < query_names.size(); ++i) {
    out += i == 0 ? "?" : "&";
    out += query_names[i];
    if (query_has_value[i]) out += "=" + query_values[i].display;
  }
  return out;
}

int UrlTemplate::VariableParts() const {
  int n = 0;
  for (const TemplatePart& part : segments) n += part.literal ? 0 : 1;
  for (const TemplatePart& part : query_values) n += part.literal ? 0 : 1;
  return n;
}

}  // namespace plainsight
