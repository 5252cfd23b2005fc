#include "extractors/email_search.h"

#include <algorithm>

#include "core/strings.h"

namespace plainsight {
namespace {

// Spaces are IsAsciiSpace, which is RE2's \s (no vertical tab).
bool IsOpenBracket(char c) { return c == '[' || c == '(' || c == '{' || c == '<'; }
bool IsCloseBracket(char c) { return c == ']' || c == ')' || c == '}' || c == '>'; }
bool IsWordChar(char c) { return IsAsciiAlnum(c) || c == '_'; }  // as RE2's \b

// A byte that may belong to a local part. Every non-ASCII byte counts, since
// case folding admits 'ſ' for s and the Kelvin sign for k; a wider run only
// costs tries.
bool IsLocalByte(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Length of the local-part character at text[i] (ASCII, or the two
// non-ASCII letters case folding admits: 'ſ' U+017F and the Kelvin sign
// U+212A), else 0.
size_t LocalCharLength(std::string_view text, size_t i) {
  if (static_cast<unsigned char>(text[i]) < 0x80) return IsLocalByte(text[i]) ? 1 : 0;
  if (text.compare(i, 2, "\xC5\xBF") == 0) return 2;
  if (text.compare(i, 3, "\xE2\x84\xAA") == 0) return 3;
  return 0;
}

// Groups 1 (local part) and 2 (domain) of a match text[begin, end), read off
// without RE2's submatch engine, which costs ten times its DFA here. The
// local part is the run of local-part characters from `begin`: the "at"
// after it starts with '@', a space or a bracket, none of which can be in
// it. The "at" is spaces, an optional opening bracket, spaces, "@" or "at",
// spaces, the closing bracket if one opened, spaces; the domain (which
// starts with a letter or digit) runs from there to the end of the match.
void SetGroups(std::string_view text, size_t begin, size_t end, re2::StringPiece* groups) {
  size_t pos = begin;
  while (pos < end) {
    const size_t length = LocalCharLength(text, pos);
    if (length == 0) break;
    pos += length;
  }
  groups[1] = re2::StringPiece(text.data() + begin, pos - begin);
  while (pos < end && IsAsciiSpace(text[pos])) ++pos;
  const bool bracket = pos < end && IsOpenBracket(text[pos]);
  if (bracket) {
    ++pos;
    while (pos < end && IsAsciiSpace(text[pos])) ++pos;
  }
  if (pos < end) pos += text[pos] == '@' ? size_t{1} : size_t{2};  // "@" or "at"
  while (pos < end && IsAsciiSpace(text[pos])) ++pos;
  if (bracket) {
    ++pos;
    while (pos < end && IsAsciiSpace(text[pos])) ++pos;
  }
  groups[2] = re2::StringPiece(text.data() + pos, end - pos);
}

// Where an anchored try can succeed: `\b[a-z0-9]`, or a lead byte that may
// be a folded letter.
bool MayStartAt(std::string_view text, size_t p) {
  if (static_cast<unsigned char>(text[p]) >= 0xC0) return true;
  return IsAsciiAlnum(text[p]) && (p == 0 || !IsWordChar(text[p - 1]));
}

// An "at" between local part and domain, and a "dot" between labels, in
// every accepted spelling; bare '@' and '.' come first.
#define PLAINSIGHT_AT R"((?:@|\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+@\s*|\s*@\s+|\s+at\s+))"
#define PLAINSIGHT_DOT \
  R"((?:\.|\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+\.\s*|\s*\.\s+|\s+dot\s+))"

}  // namespace

const RE2& EmailPattern() {
  static const RE2 kEmail(R"((?i)\b([a-z0-9][a-z0-9._%+\-]*))" PLAINSIGHT_AT
                          R"(((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)" PLAINSIGHT_DOT
                          R"()+[a-z]{2,})\b)");
  return kEmail;
}

#undef PLAINSIGHT_AT
#undef PLAINSIGHT_DOT

EmailSearch::EmailSearch(std::string_view text) : re_(EmailPattern()), text_(text) {
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    // An '@', or "at" spelled out between spaces or brackets.
    const bool spelled_at = AsciiLower(c) == 'a' && i > 0 && i + 2 < n &&
                            AsciiLower(text[i + 1]) == 't' &&
                            (IsAsciiSpace(text[i - 1]) || IsOpenBracket(text[i - 1])) &&
                            (IsAsciiSpace(text[i + 2]) || IsCloseBracket(text[i + 2]));
    if (c == '@' || spelled_at) ats_.push_back(i);
  }
}

bool EmailSearch::Match(size_t pos, re2::StringPiece* groups, int n) {
  const re2::StringPiece input(text_.data(), text_.size());
  // A match starting at or after pos has its "at" after pos.
  if (next_ > 0 && ats_[next_ - 1] >= pos) next_ = 0;
  while (next_ < ats_.size() && ats_[next_] < pos) ++next_;
  for (; next_ < ats_.size(); ++next_) {
    // The local part ends where the "at" begins: before its spaces and bracket.
    size_t local_end = ats_[next_];
    while (local_end > 0 && IsAsciiSpace(text_[local_end - 1])) --local_end;
    if (local_end > 0 && IsOpenBracket(text_[local_end - 1])) {
      --local_end;
      while (local_end > 0 && IsAsciiSpace(text_[local_end - 1])) --local_end;
    }
    size_t local_begin = local_end;
    while (local_begin > 0 && IsLocalByte(text_[local_begin - 1])) --local_begin;
    for (size_t p = std::max(local_begin, pos); p < local_end; ++p) {
      if (!MayStartAt(text_, p)) continue;
      if (n > 3) {
        if (re_.Match(input, p, text_.size(), RE2::ANCHOR_START, groups, n)) return true;
        continue;
      }
      // The whole match alone is the DFA's answer; the groups follow from it.
      if (!re_.Match(input, p, text_.size(), RE2::ANCHOR_START, groups, 1)) continue;
      if (n > 1) {
        re2::StringPiece all[3] = {groups[0]};
        const size_t begin = static_cast<size_t>(groups[0].data() - text_.data());
        SetGroups(text_, begin, begin + groups[0].size(), all);
        for (int i = 1; i < n; ++i) groups[i] = all[i];
      }
      return true;
    }
  }
  return false;
}

}  // namespace plainsight
