#include "crawler/site_probe_pagination.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/regex_escape.h"
#include "core/strings.h"
#include "crawler/site_probe_url_template.h"

namespace plainsight {
namespace {

// Lower-case letters, digits and single spaces of `text`; arrows, quotes
// and other symbols dropped ("Next &rsaquo;" -> "next").
std::string Words(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (IsAsciiAlnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += AsciiLower(c);
    } else {
      space = true;
    }
  }
  return out;
}

// Without SP, HT and LF at either end; unlike TrimAscii, a CR or FF is kept
// (as this file always did; gumbo turns CRs into LFs, so only a FF differs).
std::string Trimmed(std::string_view text) {
  return std::string(
      TrimAsciiIf(text, [](char c) { return IsAsciiSpace(c) && c != '\r' && c != '\f'; }));
}

bool HasRelToken(const std::string& rel, const std::string& token) {
  std::size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && rel[i] == ' ') ++i;
    std::size_t start = i;
    while (i < rel.size() && rel[i] != ' ') ++i;
    if (rel.compare(start, i - start, token) == 0) return true;
  }
  return false;
}

bool SaysNext(const ListingLink& link) {
  if (HasRelToken(link.rel, "next")) return true;
  static const std::set<std::string> words = {"next", "next page", "older", "older posts",
                                              "more results", "next results", "more listings",
                                              "older adverts", "next ads"};
  static const std::set<std::string> symbols = {"›", "»", ">", ">>", "→", "›››", "»»"};
  std::string w = Words(link.text);
  if (words.count(w) != 0 || w.rfind("next ", 0) == 0) return true;
  return symbols.count(Trimmed(link.text)) != 0;
}

bool SaysPrevious(const ListingLink& link) {
  if (HasRelToken(link.rel, "prev") || HasRelToken(link.rel, "previous")) return true;
  static const std::set<std::string> words = {"prev", "previous", "previous page", "newer",
                                              "newer posts", "back"};
  static const std::set<std::string> symbols = {"‹", "«", "<", "<<", "←"};
  std::string w = Words(link.text);
  if (words.count(w) != 0 || w.rfind("previous ", 0) == 0 || w.rfind("prev ", 0) == 0) return true;
  return symbols.count(Trimmed(link.text)) != 0;
}

// The page number an anchor's whole text gives, or 0.
int PageNumber(const ListingLink& link) {
  std::string text = Trimmed(link.text);
  if (text.empty() || text.size() > 4) return 0;
  if (!std::all_of(text.begin(), text.end(), IsAsciiDigit)) return 0;
  return std::stoi(text);
}

// The URL after the origin with each digit run replaced by '#'.
std::string DigitShape(const std::string& url, const std::string& origin) {
  std::string rest = url.substr(std::min(origin.size(), url.size()));
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (IsAsciiDigit(rest[i])) {
      out += '#';
      while (i + 1 < rest.size() && IsAsciiDigit(rest[i + 1])) ++i;
    } else {
      out += rest[i];
    }
  }
  return out;
}

// `rest` split into alternating runs; digit runs at odd positions when
// `starts_with_text` (a leading "" keeps the alternation).
std::vector<std::string> Runs(const std::string& rest) {
  std::vector<std::string> runs(1);
  for (char c : rest) {
    bool digit = IsAsciiDigit(c);
    bool in_digits = runs.size() % 2 == 0;
    if (digit != in_digits) runs.emplace_back();
    runs.back() += c;
  }
  return runs;
}

}  // namespace

PaginationGuess FindPagination(const std::vector<ListingLink>& links, const std::string& page_url,
                               const std::string& origin) {
  PaginationGuess out;
  struct Candidate {
    std::string url;
    int number = 0;
    bool next = false;
    bool previous = false;
  };
  std::vector<Candidate> candidates;
  for (const ListingLink& link : links) {
    if (link.url == page_url) continue;
    if (link.url.compare(0, origin.size(), origin) != 0) continue;
    if (link.url.size() > origin.size() && link.url[origin.size()] != '/') continue;
    Candidate c{link.url, PageNumber(link), SaysNext(link), SaysPrevious(link)};
    if (c.number > 0 || c.next || c.previous) candidates.push_back(c);
  }
  if (candidates.empty()) return out;

  // The shape of the next page, else the commonest shape of numbered links.
  std::string shape;
  std::string rel_next;
  for (const ListingLink& link : links) {
    if (link.url != page_url && HasRelToken(link.rel, "next") &&
        link.url.compare(0, origin.size(), origin) == 0) {
      rel_next = link.url;
      break;
    }
  }
  auto next_it = std::find_if(candidates.begin(), candidates.end(),
                              [](const Candidate& c) { return c.next; });
  if (!rel_next.empty()) {
    shape = DigitShape(rel_next, origin);
    out.next = rel_next;
    out.evidence.emplace_back("rel=next");
  } else if (next_it != candidates.end()) {
    shape = DigitShape(next_it->url, origin);
    out.next = next_it->url;
    out.evidence.emplace_back("a \"next\" link");
  } else {
    std::map<std::string, int> counts;
    for (const Candidate& c : candidates) {
      if (c.number > 0) ++counts[DigitShape(c.url, origin)];
    }
    for (const auto& [s, n] : counts) {
      if (n >= 2 && (shape.empty() || n > counts[shape])) shape = s;
    }
    if (shape.empty()) return out;
  }

  std::set<std::string> seen;
  int lowest = 0;
  int highest = 0;
  std::string lowest_url;
  for (const Candidate& c : candidates) {
    if (DigitShape(c.url, origin) != shape) continue;
    if (seen.insert(c.url).second) out.pages.push_back(c.url);
    if (c.number > 0) {
      if (lowest == 0 || c.number < lowest) {
        lowest = c.number;
        lowest_url = c.url;
      }
      highest = std::max(highest, c.number);
    }
  }
  if (highest > 0) {
    out.evidence.push_back(lowest == highest ? "page number " + std::to_string(lowest)
                                             : "page numbers " + std::to_string(lowest) + "-" +
                                                   std::to_string(highest));
  }
  if (out.next.empty()) out.next = lowest_url;
  return out;
}

std::optional<std::string> PaginationRegex(const std::vector<std::string>& pages,
                                           const std::string& origin, std::string* display) {
  if (pages.empty()) return std::nullopt;
  const std::string shape = DigitShape(pages.front(), origin);
  std::vector<std::vector<std::string>> runs;
  for (const std::string& page : pages) {
    if (DigitShape(page, origin) != shape) continue;
    runs.push_back(Runs(page.substr(origin.size())));
  }
  const std::size_t count = runs.front().size();
  std::vector<bool> varies(count, false);
  bool any = false;
  for (std::size_t i = 1; i < count; i += 2) {
    for (const auto& r : runs) {
      if (r[i] != runs.front()[i]) varies[i] = true;
    }
    any = any || varies[i];
  }
  // A lone next page: its last digit run is the page number.
  if (!any && count >= 2) varies[count % 2 == 0 ? count - 1 : count - 2] = true;
  std::string regex = "^" + EscapeRegex(origin);
  std::string shown;
  for (std::size_t i = 0; i < count; ++i) {
    if (varies[i]) {
      regex += "\\d+";
      shown += "{n}";
    } else {
      regex += EscapeRegex(runs.front()[i]);
      shown += runs.front()[i];
    }
  }
  if (display != nullptr) *display = shown;
  return regex + "$";
}

}  // namespace plainsight
