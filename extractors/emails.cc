#include "extractors/emails.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "core/strings.h"
#include "extractors/email_search.h"
#include "extractors/text_normalize.h"

namespace plainsight {
namespace {

// Top-level domains accepted after a spelled-out "dot". Plain addresses
// accept any alphabetic TLD.
bool IsKnownTld(std::string_view tld) {
  static constexpr std::array<std::string_view, 40> kTlds = {
      "com", "org", "net", "uk", "co", "io",    "info",   "biz", "me", "eu", "de", "fr", "pl", "ro",
      "lt",  "lv",  "bg",  "es", "it", "nl",    "ie",     "ru",  "ua", "cz", "sk", "hu", "gr", "pt",
      "in",  "cn",  "au",  "ca", "us", "email", "online", "xyz", "vn", "al", "ng", "br"};
  return std::find(kTlds.begin(), kTlds.end(), tld) != kTlds.end();
}

// A dot written to hide an address: spelled ("dot"), bracketed, or spaced
// on both sides. One space on one side ("jobs@example. ie") is how scraped
// and hastily typed text looks (on the real adverts, 100 agency addresses
// were flagged as obscured for it), not an attempt to hide anything.
bool IsHidingDot(std::string_view dot) {
  if (dot == ".") return false;
  for (char c : dot) {
    if (c != '.' && c != ' ' && c != '\t' && c != '\n' && c != '\r') return true;  // dot, brackets
  }
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return space(dot.front()) && space(dot.back());
}

// "visit our homepage at www.example.co.uk", "find us at example.org":
// a website named after a spelled "at", not an e-mail. Only with real dots
// (an address obscured to hide it spells its dots too) and only where the
// domain is a web host or the word before "at" points at a place online.
bool IsWebsiteAfterSpelledAt(std::string_view local, const std::vector<std::string>& labels,
                             const std::vector<bool>& spelled_dots) {
  // Only the dots between the labels kept (a trailing word after ". " was
  // dropped with its dot).
  for (size_t k = 0; k + 1 < labels.size() && k < spelled_dots.size(); ++k) {
    if (spelled_dots[k]) return false;
  }
  if (!labels.empty() && labels.front() == "www") return true;
  static constexpr std::array<std::string_view, 14> kPlaceWords = {
      "us",   "homepage", "website", "site",  "web",   "webpage", "online",
      "page", "here",     "visit",   "based", "found", "located", "blog"};
  const std::string word = ToLowerAscii(local);
  return std::find(kPlaceWords.begin(), kPlaceWords.end(), word) != kPlaceWords.end();
}

}  // namespace

std::vector<EmailMatch> FindEmails(std::string_view text) {
  return FindEmails(text, NormalizeForMatching(text));
}

std::vector<EmailMatch> FindEmails(std::string_view text, const NormalizedText& norm) {
  // Spaced and spelled dots first, so splitting takes "org. call" as one dot.
  static const RE2 kDot(
      R"((?i)\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+\.\s*|\s*\.\s+|\s+dot\s+|\.)");

  std::vector<EmailMatch> out;
  std::unordered_set<std::string> seen;
  // The address pattern (email_search.h), tried only where it can match.
  EmailSearch search(norm.text);
  size_t pos = 0;
  re2::StringPiece groups[3];
  while (pos < norm.text.size() && search.Match(pos, groups, 3)) {
    const size_t begin = static_cast<size_t>(groups[0].data() - norm.text.data());
    size_t end = begin + groups[0].size();
    pos = end;

    const std::string_view local(groups[1].data(), groups[1].size());
    const std::string_view at(
        groups[1].data() + groups[1].size(),
        static_cast<size_t>(groups[2].data() - groups[1].data()) - groups[1].size());
    // Split the domain into labels at each "dot", remembering where each ends.
    std::vector<std::string> labels;
    std::vector<size_t> label_ends;
    std::vector<bool> spelled_dots;  // spelled_dots[k]: the dot after labels[k]
    std::vector<bool> hiding_dots;   // hiding_dots[k]: that dot was written to hide it
    re2::StringPiece domain = groups[2];
    re2::StringPiece dot;
    while (true) {
      re2::StringPiece rest = domain;
      if (!kDot.Match(rest, 0, rest.size(), RE2::UNANCHORED, &dot, 1)) {
        labels.push_back(ToLowerAscii(std::string_view(domain.data(), domain.size())));
        label_ends.push_back(static_cast<size_t>(domain.data() + domain.size() - norm.text.data()));
        break;
      }
      const size_t label_len = static_cast<size_t>(dot.data() - domain.data());
      labels.push_back(ToLowerAscii(std::string_view(domain.data(), label_len)));
      label_ends.push_back(static_cast<size_t>(dot.data() - norm.text.data()));
      spelled_dots.push_back(dot != ".");
      hiding_dots.push_back(IsHidingDot(std::string_view(dot.data(), dot.size())));
      domain.remove_prefix(label_len + dot.size());
    }
    // Drop trailing words joined by a spaced or spelled dot that are not a
    // TLD ("anna@example.org . Call me").
    while (labels.size() > 2 && spelled_dots[labels.size() - 2] && !IsKnownTld(labels.back())) {
      labels.pop_back();
      label_ends.pop_back();
    }
    end = label_ends.back();
    pos = end;
    bool obfuscated = at != "@";
    for (size_t k = 0; k + 1 < labels.size(); ++k) obfuscated = obfuscated || hiding_dots[k];
    if (obfuscated && !IsKnownTld(labels.back())) continue;
    if (at != "@" && IsWebsiteAfterSpelledAt(local, labels, spelled_dots)) continue;
    std::string email = ToLowerAscii(local) + "@";
    for (size_t k = 0; k < labels.size(); ++k) {
      if (k > 0) email += '.';
      email += labels[k];
    }
    if (!seen.insert(email).second) continue;
    EmailMatch match;
    match.email = std::move(email);
    match.match = std::string(norm.OriginalSpan(text, begin, end));
    match.offset = norm.ToOriginal(begin);
    match.obfuscated = obfuscated;
    out.push_back(std::move(match));
  }
  return out;
}

}  // namespace plainsight
