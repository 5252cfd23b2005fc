#include "leads/template_diff.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "core/strings.h"

namespace plainsight {
namespace {

struct Token {
  size_t begin = 0;  // byte range in the original text
  size_t end = 0;
  bool space_before = false;
  bool is_word = false;
  int id = 0;  // equal ids <=> equal tokens, ASCII case ignored
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// ASCII whitespace including \v, as this file always split on.
bool IsSpace(unsigned char c) { return IsAsciiSpace(static_cast<char>(c)) || c == '\v'; }

// Interns lower-cased token text so that comparing tokens is comparing ints.
class TokenIds {
 public:
  int Intern(std::string_view text) {
    std::string key(text);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    auto [it, inserted] = ids_.try_emplace(std::move(key), static_cast<int>(ids_.size()));
    return it->second;
  }

 private:
  std::unordered_map<std::string, int> ids_;
};

std::vector<Token> Tokenize(const std::string& text, size_t max_tokens, TokenIds& ids) {
  std::vector<Token> tokens;
  bool space = false;
  size_t i = 0;
  while (i < text.size() && tokens.size() < max_tokens) {
    auto c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    t.is_word = IsWordByte(c);
    if (t.is_word) {
      while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    } else {
      ++i;  // punctuation is always ASCII here: every byte >= 0x80 is a word byte
    }
    t.end = i;
    t.id = ids.Intern(std::string_view(text).substr(t.begin, t.end - t.begin));
    tokens.push_back(t);
    space = false;
  }
  return tokens;
}

// For each token of `base`, the index of the token of `other` it is paired
// with by a longest common subsequence, or -1.
std::vector<long> AlignToBase(const std::vector<Token>& base, const std::vector<Token>& other) {
  const size_t n = base.size();
  const size_t m = other.size();
  // suffix[i][j] = LCS length of base[i..] and other[j..]; row-major, width m+1.
  std::vector<std::uint16_t> suffix((n + 1) * (m + 1), 0);
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      suffix[at(i, j)] = base[i].id == other[j].id
                             ? static_cast<std::uint16_t>(suffix[at(i + 1, j + 1)] + 1)
                             : std::max(suffix[at(i + 1, j)], suffix[at(i, j + 1)]);
    }
  }
  std::vector<long> match(n, -1);
  size_t i = 0;
  size_t j = 0;
  while (i < n && j < m) {
    if (base[i].id == other[j].id) {
      match[i++] = static_cast<long>(j++);
    } else if (suffix[at(i + 1, j)] >= suffix[at(i, j + 1)]) {
      ++i;
    } else {
      ++j;
    }
  }
  return match;
}

// The wording of tokens [first, last) of `text`, as written.
std::string Span(const std::string& text, const std::vector<Token>& tokens, size_t first,
                 size_t last) {
  if (first >= last) return "";
  return text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

}  // namespace

AdvertTemplate BuildTemplate(const std::vector<std::string>& texts, size_t max_words) {
  AdvertTemplate result;
  if (texts.empty()) return result;
  // The LCS table takes 2 * max_words^2 bytes per text.
  max_words = std::min<size_t>(max_words, 2000);

  TokenIds ids;
  std::vector<std::vector<Token>> tokens;
  tokens.reserve(texts.size());
  for (const std::string& text : texts) tokens.push_back(Tokenize(text, max_words, ids));
  const std::vector<Token>& base = tokens[0];

  // matches[t][i]: index in text t of base token i, or -1.
  std::vector<std::vector<long>> matches(texts.size());
  matches[0].resize(base.size());
  for (size_t i = 0; i < base.size(); ++i) matches[0][i] = static_cast<long>(i);
  for (size_t t = 1; t < texts.size(); ++t) matches[t] = AlignToBase(base, tokens[t]);

  std::vector<size_t> fixed;
  for (size_t i = 0; i < base.size(); ++i) {
    bool everywhere = true;
    for (size_t t = 1; t < texts.size() && everywhere; ++t) everywhere = matches[t][i] >= 0;
    if (everywhere) fixed.push_back(i);
  }

  size_t fixed_words = 0;
  // Walk the gaps before each fixed token and after the last one; in each,
  // text t's tokens run from just after its previous fixed match up to its
  // next one (a virtual boundary at either end of every text).
  std::vector<long> previous(texts.size(), -1);
  for (size_t f = 0; f <= fixed.size(); ++f) {
    const bool at_end = f == fixed.size();
    TemplateSlot slot;
    bool any = false;
    for (size_t t = 0; t < texts.size(); ++t) {
      const long next = at_end ? static_cast<long>(tokens[t].size()) : matches[t][fixed[f]];
      const auto first = static_cast<size_t>(previous[t] + 1);
      const auto last = static_cast<size_t>(next);
      std::string value = Span(texts[t], tokens[t], first, last);
      any |= !value.empty();
      if (std::find(slot.values.begin(), slot.values.end(), value) == slot.values.end()) {
        slot.values.push_back(std::move(value));
      }
      previous[t] = next;
    }
    if (any) {
      const size_t base_first = f == 0 ? 0 : fixed[f - 1] + 1;
      const size_t base_last = at_end ? base.size() : fixed[f];
      // Keep the base text's spacing; an empty base span gets a space.
      const bool space = base_first < base_last ? base[base_first].space_before : true;
      if (space && !result.text.empty()) result.text += ' ';
      result.slots.push_back(std::move(slot));
      result.text += "{" + std::to_string(result.slots.size()) + "}";
    }
    if (at_end) break;
    const Token& token = base[fixed[f]];
    if (token.space_before && !result.text.empty()) result.text += ' ';
    result.text += texts[0].substr(token.begin, token.end - token.begin);
    if (token.is_word) ++fixed_words;
  }

  const size_t template_words = fixed_words + result.slots.size();
  result.shared_fraction =
      template_words == 0 ? 0.0
                          : static_cast<double>(fixed_words) / static_cast<double>(template_words);
  return result;
}

}  // namespace plainsight
