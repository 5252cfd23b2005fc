// ParseHtml: everything the rest of plainsight needs from one HTML page, in
// one gumbo parse and one walk of the tree: title, visible text (whole and
// as blocks), links, canonical and base URLs, per-site selector fields, and
// schema.org items from JSON-LD and microdata.
//
// Input is UTF-8 (see charset.h). Broken HTML yields whatever gumbo
// recovers; nothing throws. Start tags nested deeper than kMaxHtmlNesting are
// dropped before parsing (their text is kept; see html_nesting.h).
//
// Thread-safe: no shared state. Selectors are read-only while matching, so
// one parsed set may serve many threads.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "extractors/html_nesting.h"
#include "extractors/script_data.h"
#include "extractors/selector.h"
#include "extractors/structured_data.h"

namespace plainsight {

struct PageLink {
  std::string href;  // raw attribute, as written (entities decoded)
  std::string rel;   // raw rel attribute, "" if none
};

struct ParsedPage {
  std::string title;  // <title>, whitespace collapsed and trimmed
  // Visible text: no script/style/noscript/template/head/select/svg content.
  // Block elements (p, div, li, h1-h6, tr, td, ...) and <br> end a line;
  // inline elements don't. Whitespace (and U+00A0) collapses to one space
  // within a line; no empty lines; lines joined by '\n'.
  std::string text;
  std::vector<PageLink> links;  // <a href>, <area href>, <link rel=next|prev|canonical>; document order
  std::string canonical;        // first <link rel=canonical href>, raw
  std::string base_href;        // first <base href>, raw
  // Field name -> visible text of the first matching element (a <meta>'s
  // content attribute). Fields that match nothing are absent.
  std::map<std::string, std::string> fields;
  std::vector<StructuredAdvert> structured;  // JSON-LD items, then microdata items
  // The text split at block boundaries: each block element's own text, in
  // order; a <br> inside a block is a '\n' within the block.
  std::vector<std::string> text_blocks;
  // Every <script> with text, in order; only filled on request (a site's
  // fields read script data, see script_data.h).
  std::vector<ScriptBlock> scripts;
};

struct FieldSelectorSpec {
  std::string name;
  std::string selector;
};

// Parses `html_utf8`. Field selectors that fail to parse are skipped (check
// them once with ValidateSelector when loading config).
ParsedPage ParseHtml(std::string_view html_utf8, const std::vector<FieldSelectorSpec>& fields = {});

// As above with selectors parsed once by the caller: the fast path for crawls.
// Without `want_text_blocks`, text_blocks is left empty: splitting the text
// into one string per block is a large share of the walk, and only the
// boilerplate learner reads them.
ParsedPage ParseHtml(std::string_view html_utf8,
                     const std::vector<std::pair<std::string, Selector>>& fields,
                     bool want_text_blocks = true, bool want_scripts = false);

// OK, or the InvalidArgument from Selector::Parse naming the bad selector.
Status ValidateSelector(std::string_view selector);

}  // namespace plainsight
