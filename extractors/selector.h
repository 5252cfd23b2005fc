// Selector: the small CSS selector subset that site configs use to name
// advert fields ("h1.ad-title", "div.description > p", "span[itemprop=name]").
//
// Supported: tag, *, .class, #id, [attr], [attr=value] (value bare, 'single'
// or "double" quoted), any number of these in one compound (tag.a.b#id[x]),
// the descendant (space) and child (>) combinators, and comma groups.
// Pseudo-classes, sibling combinators and other attribute operators are
// rejected with InvalidArgument so a typo in config is caught at load time.
//
// Parse once, then Matches() from any number of threads: a Selector is an
// immutable value after Parse. Tag and attribute names match
// case-insensitively (gumbo lower-cases them); class, id and attribute values
// match exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

// Declared here so callers need not include <gumbo.h>; same as gumbo's own
// typedef, which C++ allows to repeat.
typedef struct GumboInternalNode GumboNode;

namespace plainsight {

class Selector {
 public:
  // Returns InvalidArgument 'bad selector "TEXT": REASON at column N' when
  // the text is outside the supported subset.
  static Result<Selector> Parse(std::string_view text);

  // True if `node` is an element that matches any group of the selector.
  // Null and non-element nodes never match.
  bool Matches(const GumboNode* node) const;

  // The text it was parsed from.
  const std::string& text() const { return text_; }

 private:
  friend class SelectorParser;

  struct AttributeTest {
    std::string name;  // lower case
    std::string value;
    bool has_value = false;
  };
  enum class Combinator { kNone, kDescendant, kChild };
  struct Compound {
    int tag = -1;          // GumboTag, or -1 for any tag
    std::string tag_name;  // lower case; set when tag is GUMBO_TAG_UNKNOWN
    std::string id;
    std::vector<std::string> classes;
    std::vector<AttributeTest> attributes;
    Combinator combinator = Combinator::kNone;  // how it relates to the compound on its left
  };
  // One comma-separated alternative: compounds left to right.
  using Complex = std::vector<Compound>;

  Selector() = default;

  static bool MatchesCompound(const Compound& compound, const GumboNode* node);
  // Whether `node` matches compounds [0, last] of `complex`, compound `last`
  // being matched by `node` itself.
  static bool MatchesUpTo(const Complex& complex, std::size_t last, const GumboNode* node);

  std::string text_;
  std::vector<Complex> groups_;
};

}  // namespace plainsight
