// ParseHtml: visible text, blocks, title, links, fields, nesting limits.
#include "extractors/charset.h"
#include "extractors/html_page.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace plainsight {
namespace {

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string Repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_CASE("HtmlPage_VisibleText_HiddenElementsBlocksAndInline", "[html_page]") {
  static const struct {
    const char* rule;
    const char* html;
    const char* text;
  } kCases[] = {
      {"script and style removed",
       "<html><head><title>T</title><style>p{color:red}</style></head><body><p>Hello</p>"
       "<script>var x = 1;</script><p>World</p></body></html>",
       "Hello\nWorld"},
      {"block elements break lines", "<div>One</div><div>Two<p>Three</p>Four</div>",
       "One\nTwo\nThree\nFour"},
      {"inline elements do not", "<p>Call <b>Anna</b> on <a href='#'>07700 900123</a></p>",
       "Call Anna on 07700 900123"},
      {"nested inline joins words", "<p><span>Rel<em>ax</em>ing</span> <i><u>evenings</u></i></p>",
       "Relaxing evenings"},
      {"entities decoded, nbsp is a space", "<p>Pay &pound;8.50&nbsp;per hour &amp; tips</p>",
       "Pay \xC2\xA3" "8.50 per hour & tips"},
      {"br breaks a line", "<p>Line one<br>Line two</p>", "Line one\nLine two"},
      {"whitespace collapsed", "<p>  lots   of\n\t space  </p>\n\n<p> next </p>", "lots of space\nnext"},
      {"noscript and template hidden",
       "<p>A</p><noscript>Enable JS</noscript><template><p>T</p></template><p>B</p>", "A\nB"},
      {"table cells and rows break", "<table><tr><td>Pay</td><td>9.50</td></tr><tr><td>Hours</td></tr></table>",
       "Pay\n9.50\nHours"},
      {"select lists hidden", "<p>Region</p><select><option>Kent</option></select>", "Region"},
      {"headings and list items", "<h1>Massage</h1><ul><li>Calm</li><li>Quiet</li></ul>",
       "Massage\nCalm\nQuiet"},
      {"comments dropped", "<p>a<!-- hidden -->b</p>", "ab"},
      {"text outside any element", "plain words", "plain words"},
      {"empty document", "", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    CAPTURE(c.html);
    CHECK(ParseHtml(c.html).text == c.text);
  }
}

TEST_CASE("HtmlPage_TextBlocks_EachBlockElementsOwnText", "[html_page]") {
  static const struct {
    const char* html;
    const char* blocks;  // joined with '|'
  } kCases[] = {
      {"<div>Hello <b>world</b><p>Para</p>tail</div>", "Hello world|Para|tail"},
      {"<p>a<br>b</p><p>c</p>", "a\nb|c"},
      {"<footer>Terms</footer>", "Terms"},
      {"<div><div></div></div>", ""},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.html);
    ParsedPage page = ParseHtml(c.html);
    CHECK(Join(page.text_blocks, "|") == c.blocks);
    // The blocks are the text, cut at block boundaries.
    CHECK(Join(page.text_blocks, "\n") == page.text);
  }
}

TEST_CASE("HtmlPage_Title_TrimmedAndCollapsed", "[html_page]") {
  static const struct {
    const char* html;
    const char* title;
  } kCases[] = {
      {"<title>  Massage   therapist \n</title>", "Massage therapist"},
      {"<head><title>Jobs &amp; shifts</title></head><body><h1>x</h1></body>", "Jobs & shifts"},
      {"<title>First</title><title>Second</title>", "First"},
      {"<svg><title>Icon</title></svg>", ""},
      {"<p>no title</p>", ""},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.html);
    CHECK(ParseHtml(c.html).title == c.title);
  }
}

TEST_CASE("HtmlPage_Links_AnchorsCanonicalAndBase", "[html_page]") {
  ParsedPage page = ParseHtml(
      "<html><head><base href='/root/'><base href='/second/'>"
      "<link rel=canonical href='https://example.org/ad/1'>"
      "<link rel=next href='?page=2'><link rel=stylesheet href=s.css></head>"
      "<body><a href='/a?x=1&amp;y=2'>A</a><a>no href</a>"
      "<a href='mailto:anna@example.org' rel='nofollow'>mail</a>"
      "<map><area href='/area'></map></body></html>");
  static const struct {
    const char* href;
    const char* rel;
  } kLinks[] = {
      {"https://example.org/ad/1", "canonical"},
      {"?page=2", "next"},
      {"/a?x=1&y=2", ""},
      {"mailto:anna@example.org", "nofollow"},
      {"/area", ""},
  };
  REQUIRE(page.links.size() == std::size(kLinks));
  for (std::size_t i = 0; i < std::size(kLinks); ++i) {
    CAPTURE(i);
    CHECK(page.links[i].href == kLinks[i].href);
    CHECK(page.links[i].rel == kLinks[i].rel);
  }
  CHECK(page.canonical == "https://example.org/ad/1");
  CHECK(page.base_href == "/root/");
}

TEST_CASE("HtmlPage_Fields_FirstMatchVisibleText", "[html_page]") {
  const char* html =
      "<html><head><meta property='og:title' content=' Shared   title '></head><body>"
      "<h1 class='ad-title big'>Relaxing <b>evenings</b></h1>"
      "<h1 class='ad-title'>Second</h1>"
      "<div class=description><p>Para one.</p><p>Para two.</p><script>x()</script></div>"
      "<span class=location>Northampton</span></body></html>";
  std::vector<FieldSelectorSpec> specs = {
      {"title", "h1.ad-title"},       {"body", "div.description"},
      {"location", "span.location"},  {"og", "meta[property='og:title']"},
      {"missing", "p.nope"},          {"broken", "div >"},
  };
  static const struct {
    const char* field;
    const char* value;  // nullptr: absent
  } kCases[] = {
      {"title", "Relaxing evenings"},
      {"body", "Para one.\nPara two."},
      {"location", "Northampton"},
      {"og", "Shared title"},
      {"missing", nullptr},
      {"broken", nullptr},
  };
  ParsedPage page = ParseHtml(html, specs);
  for (const auto& c : kCases) {
    CAPTURE(c.field);
    auto it = page.fields.find(c.field);
    if (c.value == nullptr) {
      CHECK(it == page.fields.end());
    } else {
      REQUIRE(it != page.fields.end());
      CHECK(it->second == c.value);
    }
  }

  // Pre-parsed selectors give the same answer.
  std::vector<std::pair<std::string, Selector>> parsed;
  parsed.emplace_back("title", Selector::Parse("h1.ad-title").value());
  CHECK(ParseHtml(html, parsed).fields.at("title") == "Relaxing evenings");
}

TEST_CASE("HtmlPage_ValidateSelector_NamesTheBadSelector", "[html_page]") {
  static const struct {
    const char* selector;
    const char* error;  // "" for OK
  } kCases[] = {
      {"h1.ad-title", ""},
      {"div.description > p, span[itemprop=name]", ""},
      {"div >", "bad selector \"div >\": expected a selector after '>' at column 6"},
      {"a:first-child", "bad selector \"a:first-child\": unsupported character ':' at column 2"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.selector);
    Status status = ValidateSelector(c.selector);
    CHECK(status.ok() == (c.error[0] == '\0'));
    CHECK(status.message() == c.error);
    if (!status.ok()) CHECK(status.IsInvalidArgument());
  }
}

TEST_CASE("HtmlPage_DeepNesting_NoCrashAndTextKept", "[html_page]") {
  static const struct {
    const char* rule;
    std::string html;
    const char* text;
  } kCases[] = {
      {"200k unclosed divs", Repeat("<div>", 200000) + "deep", "deep"},
      {"200k closed divs then more",
       Repeat("<div>", 200000) + "inner" + Repeat("</div>", 200000) + "<p>after</p>",
       "inner\nafter"},
      {"200k nested spans", "<p>" + Repeat("<span>", 200000) + "words", "words"},
      {"200k nested inline pairs", Repeat("<i><b>", 100000) + "styled", "styled"},
      {"within the limit: unchanged",
       Repeat("<div>", 1000) + "x" + Repeat("</div>", 1000) + "<p>y</p>", "x\ny"},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    auto start = std::chrono::steady_clock::now();
    ParsedPage page = ParseHtml(c.html);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(page.text == c.text);
    // Unlimited, gumbo needs minutes for these; a generous bound for Debug.
    CHECK(seconds < 10.0);
  }
}

// HTML's numeric character references: out of range is U+FFFD (WHATWG
// "numeric character reference end state"), even when the number overflows
// gumbo's int and gumbo itself emits a lone byte.
TEST_CASE("HtmlPage_NumericReferenceOutOfRange_ValidUtf8Text", "[html_page]") {
  static const struct {
    const char* html;
    const char* text;
  } kCases[] = {
      {"<p>a &#x41; b", "a A b"},
      {"<p>x&#x110000;y", "x\xEF\xBF\xBDy"},
      {"<p>x&#xD800;y", "x\xEF\xBF\xBDy"},
      {"<p>unclosed &#xD800abeAl", nullptr},
      {"<p>&#99999999999999;", nullptr},
      {"<title>t&#xFFFFFFFFF;</title><p>b", nullptr},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.html);
    ParsedPage page = ParseHtml(c.html);
    CHECK(IsValidUtf8(page.text));
    CHECK(IsValidUtf8(page.title));
    if (c.text != nullptr) CHECK(page.text == c.text);
  }
}

TEST_CASE("HtmlPage_BrokenHtml_RecoversText", "[html_page]") {
  static const struct {
    const char* html;
    const char* text;
  } kCases[] = {
      {"<p>unclosed <b>bold <div>x", "unclosed bold\nx"},
      {"<p>a</b></i></div>b", "ab"},
      {"<<<>>> <p>text", "<<<>>>\ntext"},
      {"<a href='x", ""},
      {"<script>never closed <p>", ""},
      {"<div attr=\"a > b\">in</div>", "in"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.html);
    CHECK(ParseHtml(c.html).text == c.text);
  }
}

}  // namespace
}  // namespace plainsight
