// Advert text is hostile input: everything bound for HTML, SVG or GraphML
// goes through EscapeMarkup, and only http(s) URLs become links.
#include <catch2/catch.hpp>

#include "report/markup_escape.h"

namespace plainsight {
namespace {

TEST_CASE("Markup_Escape_SpecialCharactersAndXmlControls") {
  static const struct {
    std::string text;
    std::string escaped;
  } kCases[] = {
      {"plain text", "plain text"},
      {"<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"quoted\"", "&quot;quoted&quot;"},
      {"bell\x07 and nul", "bell and nul"},
      {std::string("nul\0here", 8), "nulhere"},
      {"tab\tand\nnewline", "tab\tand\nnewline"},
      {"caf\xc3\xa9", "caf\xc3\xa9"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    CHECK(EscapeMarkup(c.text) == c.escaped);
  }
}

TEST_CASE("Markup_SafeLinkHref_OnlyHttpAndHttps") {
  static const struct {
    const char* url;
    const char* href;
  } kCases[] = {
      {"https://jobs.example.com/job/7", "https://jobs.example.com/job/7"},
      {"HTTP://jobs.example.com/a?b=1&c=2", "HTTP://jobs.example.com/a?b=1&amp;c=2"},
      {"https://x.example.org/\"onmouseover=\"", "https://x.example.org/&quot;onmouseover=&quot;"},
      {"javascript:alert(1)", ""},
      {"data:text/html,<script>", ""},
      {"/relative/path", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.url);
    CHECK(SafeLinkHref(c.url) == c.href);
  }
}

}  // namespace
}  // namespace plainsight
