#include "tests/farm2/contact_scan.h"

#include <cctype>
#include <map>
#include <sstream>

namespace plainsight::farm2 {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits of the run starting at `at` ("+44 (0)7700 900123", "(01632) 960 555"),
// or "" if the run is not phone-like. Sets `end` past the run.
std::string DigitRun(const std::string& text, std::size_t at, std::size_t* end) {
  std::string digits;
  std::size_t i = at;
  const std::size_t limit = text.size();
  while (i < limit) {
    char c = text[i];
    if (IsDigit(c)) {
      digits += c;
    } else if (c == '+' && i == at) {
    } else if ((c == ' ' || c == '-' || c == '(' || c == ')') && i + 1 < limit &&
               (IsDigit(text[i + 1]) || text[i + 1] == '(' || text[i + 1] == ' ')) {
      if (c == ' ' && text[i + 1] == ' ') break;
    } else {
      break;
    }
    ++i;
    if (digits.size() >= 13) break;
  }
  *end = i;
  return digits;
}

std::string National(const std::string& digits) {
  if (digits.rfind("440", 0) == 0) return digits.substr(2);
  if (digits.rfind("44", 0) == 0) return "0" + digits.substr(2);
  return digits;
}

const std::map<std::string, char>& DigitWords() {
  static const std::map<std::string, char> kWords = {
      {"zero", '0'}, {"oh", '0'}, {"one", '1'}, {"two", '2'}, {"three", '3'}, {"four", '4'},
      {"five", '5'}, {"six", '6'}, {"seven", '7'}, {"eight", '8'}, {"nine", '9'}};
  return kWords;
}

std::string LowerWord(std::string word) {
  std::string out;
  for (char c : word)
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsLocalChar(char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool IsDomainChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

std::string TrimDots(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == '-')) s.pop_back();
  while (!s.empty() && s.front() == '.') s.erase(s.begin());
  return s;
}

}  // namespace

std::string PageText(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        text += ' ';
      }
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static const std::vector<std::pair<std::string, std::string>> kEntities = {
          {"&amp;", "&"},   {"&lt;", "<"},    {"&gt;", ">"},      {"&quot;", "\""},
          {"&middot;", " "}, {"&bull;", " "}, {"&ndash;", "-"},   {"&raquo;", " "},
          {"&laquo;", " "}, {"&rsaquo;", " "}, {"&copy;", " "}};
      bool decoded = false;
      for (const auto& [entity, value] : kEntities) {
        if (html.compare(i, entity.size(), entity) == 0) {
          text += value;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += c;
  }
  std::string collapsed;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  return collapsed;
}

std::vector<std::string> ScanPhones(const std::string& text) {
  std::vector<std::string> phones;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const bool starts = (c == '0' || (c == '+' && text.compare(i, 3, "+44") == 0) ||
                         (c == '(' && i + 1 < text.size() && text[i + 1] == '0')) &&
                        (i == 0 || !IsAlnum(text[i - 1]));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t end = i;
    std::string digits = DigitRun(text, i, &end);
    if (digits.size() >= 10) phones.push_back(National(digits));
    i = end > i ? end : i + 1;
  }
  // Numbers in words: runs of ten or more digit words.
  std::istringstream words(text);
  std::string word, run;
  auto flush = [&] {
    if (run.size() >= 10) phones.push_back(National(run));
    run.clear();
  };
  while (words >> word) {
    const std::string w = LowerWord(word);
    auto it = DigitWords().find(w);
    if (it != DigitWords().end()) {
      run += it->second;
    } else {
      flush();
    }
    if (!word.empty() && (word.back() == '.' || word.back() == ';')) flush();
  }
  flush();
  return phones;
}

std::vector<std::string> ScanEmails(const std::string& text) {
  std::vector<std::string> emails;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsLocalChar(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && IsDomainChar(text[end])) ++end;
    std::string local = TrimDots(text.substr(begin, at - begin));
    std::string domain = TrimDots(text.substr(at + 1, end - at - 1));
    if (!local.empty() && !domain.empty()) emails.push_back(local + "@" + domain);
  }
  // Spelled: "LOCAL at WORD dot WORD [dot WORD ...]".
  std::istringstream in(text);
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  for (std::size_t i = 1; i + 3 < tokens.size(); ++i) {
    if (LowerWord(tokens[i]) != "at" || tokens[i] != "at") continue;
    if (tokens[i + 2] != "dot") continue;
    std::string domain = tokens[i + 1];
    std::size_t j = i + 2;
    while (j + 1 < tokens.size() && tokens[j] == "dot") {
      domain += "." + tokens[j + 1];
      j += 2;
    }
    std::string local = TrimDots(tokens[i - 1]);
    domain = TrimDots(domain);
    while (!domain.empty() && !IsDomainChar(domain.back())) domain.pop_back();
    if (!local.empty()) emails.push_back(local + "@" + domain);
  }
  return emails;
}

bool IsExampleDomain(const std::string& email) {
  const std::string domain = email.substr(email.find('@') + 1);
  for (const std::string base : {"example.org", "example.com"}) {
    if (domain == base) return true;
    if (domain.size() > base.size() &&
        domain.compare(domain.size() - base.size() - 1, base.size() + 1, "." + base) == 0)
      return true;
  }
  return false;
}

}  // namespace plainsight::farm2
