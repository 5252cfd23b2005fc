// Selector: each supported form matches the right elements, and each
// unsupported or malformed text fails with its exact message.
#include "extractors/selector.h"

#include <catch2/catch.hpp>

#include <string>

#include "extractors/gumbo_holder.h"

namespace plainsight {
namespace {

constexpr const char* kPage =
    "<html><body>"
    "<div id=d1 class='ad main'>"
    "<h1 id=h1 class='ad-title'>Title</h1>"
    "<p id=p1 class=body>text <span id=s1 class='loc x'>Leeds</span></p>"
    "<ul id=u1><li id=l1><a id=a1 href='/x' data-kind=phone>call</a></li></ul>"
    "</div>"
    "<section id=sec1><p id=p2 lang=en>two</p><custom-tag id=c1>c</custom-tag></section>"
    "</body></html>";

// Comma-separated ids of the elements `selector` matches, in document order.
std::string MatchingIds(const Selector& selector) {
  GumboHolder gumbo(kPage);
  struct Collector {
    const Selector& selector;
    std::string ids;
    bool Enter(const GumboNode* node) {
      if (selector.Matches(node)) {
        const GumboAttribute* id = gumbo_get_attribute(&node->v.element.attributes, "id");
        if (!ids.empty()) ids += ",";
        ids += id == nullptr ? "?" : id->value;
      }
      return true;
    }
    void Leave(const GumboNode*) {}
  } collector{selector, ""};
  WalkTree(gumbo.document(), collector);
  return collector.ids;
}

TEST_CASE("Selector_Forms_MatchExpectedElements", "[selector]") {
  static const struct {
    const char* selector;
    const char* ids;
  } kCases[] = {
      {"h1", "h1"},
      {"H1", "h1"},
      {"custom-tag", "c1"},
      {".body", "p1"},
      {"#s1", "s1"},
      {"p.body", "p1"},
      {"div#d1", "d1"},
      {"span#d1", ""},
      {".loc.x", "s1"},
      {".loc.y", ""},
      {"div.ad.main#d1", "d1"},
      {"div span", "s1"},
      {"div p span", "s1"},
      {"div > span", ""},
      {"p > span", "s1"},
      {"div > p", "p1"},
      {"div > ul a", "a1"},
      {"div ul > li > a", "a1"},
      {"section > p", "p2"},
      {"body > div > p > span", "s1"},
      {"[href]", "a1"},
      {"[data-kind=phone]", "a1"},
      {"a[data-kind='phone']", "a1"},
      {"[lang=\"en\"]", "p2"},
      {"[ lang = en ]", "p2"},
      {"[data-kind=email]", ""},
      {"[class='ad main']", "d1"},
      {"h1, section p", "h1,p2"},
      {"section p,h1", "h1,p2"},
      {"li *", "a1"},
      {"  h1  ", "h1"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.selector);
    Result<Selector> selector = Selector::Parse(c.selector);
    REQUIRE(selector.ok());
    CHECK(selector->text() == c.selector);
    CHECK(MatchingIds(*selector) == c.ids);
  }
}

TEST_CASE("Selector_Matches_NullAndTextNodesNeverMatch", "[selector]") {
  Selector any = Selector::Parse("*").value();
  CHECK_FALSE(any.Matches(nullptr));
  GumboHolder gumbo("<p>text</p>");
  CHECK_FALSE(any.Matches(gumbo.document()));  // the document node is not an element
}

TEST_CASE("Selector_Parse_InvalidSyntaxExactError", "[selector]") {
  static const struct {
    const char* selector;
    const char* reason;  // message after 'bad selector "TEXT": '
  } kCases[] = {
      {"", "empty selector at column 1"},
      {"   ", "empty selector at column 4"},
      {"div >", "expected a selector after '>' at column 6"},
      {"> p", "expected a selector before '>' at column 1"},
      {"a > > b", "expected a selector after '>' at column 5"},
      {"a,,b", "expected a selector after ',' at column 3"},
      {"a,", "expected a selector after ',' at column 3"},
      {", a", "expected a selector before ',' at column 1"},
      {"div.", "expected a class name after '.' at column 4"},
      {"#", "expected an id after '#' at column 1"},
      {"a:hover", "unsupported character ':' at column 2"},
      {"a + b", "unsupported character '+' at column 3"},
      {"a ~ b", "unsupported character '~' at column 3"},
      {"[", "expected an attribute name after '[' at column 1"},
      {"[href", "missing ']' for '[' at column 1"},
      {"[a='x]", "unterminated quoted value at column 4"},
      {"[a~=b]", "expected '=' or ']' at column 3"},
      {"[a=]", "expected a value after '=' at column 4"},
      {"[a=b c]", "expected ']' at column 6"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.selector);
    Result<Selector> selector = Selector::Parse(c.selector);
    REQUIRE_FALSE(selector.ok());
    CHECK(selector.status().IsInvalidArgument());
    CHECK(selector.status().message() ==
          std::string("bad selector \"") + c.selector + "\": " + c.reason);
  }
}

}  // namespace
}  // namespace plainsight
