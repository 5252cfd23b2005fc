#include "extractors/selector.h"

#include <gumbo.h>

#include <cstring>
#include <string>
#include <utility>

#include "core/strings.h"
#include "extractors/html_tags.h"
#include "extractors/html_tokens.h"

namespace plainsight {

namespace {

bool IsNameChar(char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// True if the whitespace-separated list `tokens` contains `token`.
bool HasToken(std::string_view tokens, std::string_view token) {
  return AnyHtmlToken(tokens, [&](std::string_view t) { return t == token; });
}

bool IsElement(const GumboNode* node) { return node != nullptr && IsElementNode(node); }

// Outcome of matching part of a selector, after WebKit's SelectorChecker:
// kFailsCompletely means no ancestor further up can help, which keeps
// descendant chains linear in the depth instead of exponential.
enum class Match { kMatches, kFailsLocally, kFailsCompletely };

}  // namespace

// Recursive descent over the selector text; one instance per Parse call.
class SelectorParser {
 public:
  explicit SelectorParser(std::string_view text) : text_(text) {}

  Result<Selector> Run() {
    Selector selector;
    selector.text_ = std::string(text_);
    SkipSpaces();
    if (AtEnd()) return Error("empty selector");
    char after = '\0';  // the separator just consumed: '\0', ',' or '>'
    Selector::Complex complex;
    Selector::Combinator combinator = Selector::Combinator::kNone;
    while (true) {
      Selector::Compound compound;
      std::size_t start = pos_;
      Status status = ParseCompound(&compound);
      if (!status.ok()) return status;
      if (pos_ == start) return EmptyCompoundError(after);
      compound.combinator = complex.empty() ? Selector::Combinator::kNone : combinator;
      complex.push_back(std::move(compound));

      bool spaced = SkipSpaces();
      if (AtEnd() || Peek() == ',') {
        selector.groups_.push_back(std::move(complex));
        complex.clear();
        if (AtEnd()) break;
        ++pos_;
        SkipSpaces();
        after = ',';
      } else if (Peek() == '>') {
        ++pos_;
        SkipSpaces();
        combinator = Selector::Combinator::kChild;
        after = '>';
      } else if (spaced) {
        combinator = Selector::Combinator::kDescendant;
        after = ' ';
      } else {
        return Unsupported();
      }
    }
    return selector;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  // Skips whitespace; returns whether there was any.
  bool SkipSpaces() {
    std::size_t start = pos_;
    while (!AtEnd() && IsAsciiSpace(Peek())) ++pos_;
    return pos_ != start;
  }

  std::string_view ReadName() {
    std::size_t start = pos_;
    while (!AtEnd() && IsNameChar(Peek())) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  Status Error(std::string_view reason) const { return ErrorAt(reason, pos_); }
  Status ErrorAt(std::string_view reason, std::size_t pos) const {
    return Status::InvalidArgument("bad selector \"" + std::string(text_) + "\": " +
                                   std::string(reason) + " at column " + std::to_string(pos + 1));
  }
  Status Unsupported() const {
    return Error(std::string("unsupported character '") + Peek() + "'");
  }

  Status EmptyCompoundError(char after) const {
    if (after == '>') return Error("expected a selector after '>'");
    if (after == ',') return Error("expected a selector after ','");
    if (AtEnd()) return Error("empty selector");
    if (Peek() == '>') return Error("expected a selector before '>'");
    if (Peek() == ',') return Error("expected a selector before ','");
    return Unsupported();
  }

  Status ParseCompound(Selector::Compound* compound) {
    if (!AtEnd() && Peek() == '*') {
      ++pos_;
    } else if (!AtEnd() && IsNameChar(Peek())) {
      std::string name = ToLowerAscii(ReadName());
      GumboTag tag = gumbo_tag_enum(name.c_str());
      compound->tag = static_cast<int>(tag);
      if (tag == GUMBO_TAG_UNKNOWN) compound->tag_name = std::move(name);
    }
    while (!AtEnd()) {
      char c = Peek();
      std::size_t at = pos_;
      if (c == '.' || c == '#') {
        ++pos_;
        std::string_view name = ReadName();
        if (name.empty()) {
          return ErrorAt(c == '.' ? "expected a class name after '.'" : "expected an id after '#'",
                         at);
        }
        if (c == '.') {
          compound->classes.emplace_back(name);
        } else {
          compound->id = std::string(name);
        }
      } else if (c == '[') {
        Status status = ParseAttribute(compound);
        if (!status.ok()) return status;
      } else {
        break;
      }
    }
    return Status::OK();
  }

  // At '['.
  Status ParseAttribute(Selector::Compound* compound) {
    std::size_t open = pos_;
    ++pos_;
    SkipSpaces();
    Selector::AttributeTest test;
    test.name = ToLowerAscii(ReadName());
    if (test.name.empty()) return ErrorAt("expected an attribute name after '['", open);
    SkipSpaces();
    if (AtEnd()) return ErrorAt("missing ']' for '['", open);
    if (Peek() == '=') {
      ++pos_;
      SkipSpaces();
      test.has_value = true;
      if (!AtEnd() && (Peek() == '"' || Peek() == '\'')) {
        std::size_t quote = pos_;
        std::size_t close = text_.find(Peek(), pos_ + 1);
        if (close == std::string_view::npos) return ErrorAt("unterminated quoted value", quote);
        test.value = std::string(text_.substr(quote + 1, close - quote - 1));
        pos_ = close + 1;
      } else {
        std::string_view value = ReadName();
        if (value.empty()) return Error("expected a value after '='");
        test.value = std::string(value);
      }
      SkipSpaces();
    }
    if (AtEnd()) return ErrorAt("missing ']' for '['", open);
    if (Peek() != ']') return Error(test.has_value ? "expected ']'" : "expected '=' or ']'");
    ++pos_;
    compound->attributes.push_back(std::move(test));
    return Status::OK();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

Result<Selector> Selector::Parse(std::string_view text) { return SelectorParser(text).Run(); }

bool Selector::Matches(const GumboNode* node) const {
  if (!IsElement(node)) return false;
  for (const Complex& complex : groups_) {
    if (MatchesUpTo(complex, complex.size() - 1, node)) return true;
  }
  return false;
}

bool Selector::MatchesCompound(const Compound& compound, const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (compound.tag >= 0) {
    if (static_cast<int>(element.tag) != compound.tag) return false;
    if (element.tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece name = element.original_tag;
      gumbo_tag_from_original_text(&name);
      if (!EqualsIgnoreCaseAscii(std::string_view(name.data, name.length), compound.tag_name)) {
        return false;
      }
    }
  }
  if (!compound.id.empty()) {
    const GumboAttribute* id = gumbo_get_attribute(&element.attributes, "id");
    if (id == nullptr || compound.id != id->value) return false;
  }
  if (!compound.classes.empty()) {
    const GumboAttribute* classes = gumbo_get_attribute(&element.attributes, "class");
    if (classes == nullptr) return false;
    for (const std::string& name : compound.classes) {
      if (!HasToken(classes->value, name)) return false;
    }
  }
  for (const AttributeTest& test : compound.attributes) {
    const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, test.name.c_str());
    if (attribute == nullptr) return false;
    if (test.has_value && test.value != attribute->value) return false;
  }
  return true;
}

namespace {

// Free-function form so the recursion can return the three-way Match.
template <typename MatchCompound, typename Complex>
Match MatchFrom(const Complex& complex, std::size_t last, const GumboNode* node,
                const MatchCompound& match_compound) {
  if (!match_compound(complex[last], node)) return Match::kFailsLocally;
  if (last == 0) return Match::kMatches;
  const GumboNode* parent = node->parent;
  if (complex[last].combinator == decltype(complex[last].combinator)::kChild) {
    if (!IsElement(parent)) return Match::kFailsCompletely;
    return MatchFrom(complex, last - 1, parent, match_compound);
  }
  for (const GumboNode* ancestor = parent; IsElement(ancestor); ancestor = ancestor->parent) {
    Match match = MatchFrom(complex, last - 1, ancestor, match_compound);
    if (match != Match::kFailsLocally) return match;
  }
  return Match::kFailsCompletely;
}

}  // namespace

bool Selector::MatchesUpTo(const Complex& complex, std::size_t last, const GumboNode* node) {
  return MatchFrom(complex, last, node, MatchesCompound) == Match::kMatches;
}

}  // namespace plainsight
