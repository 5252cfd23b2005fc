// What the HTML readers (ParseHtml here, the site probe's ProbeDom in
// crawler/) agree on about gumbo's tags and nodes: which elements end a line
// of text, which hide their text from a reader, and which node kinds hold
// text or children. Kept in one place so the probe ranks candidates by the
// same visible text that ParseHtml later reads.
//
// Constants and pure functions only; safe from any thread.
#pragma once

#include <gumbo.h>

#include <array>
#include <initializer_list>

namespace plainsight {

// One flag per gumbo tag, indexed by GumboTag (GUMBO_TAG_UNKNOWN included).
using GumboTagTable = std::array<bool, GUMBO_TAG_LAST + 1>;

constexpr GumboTagTable MakeGumboTagTable(std::initializer_list<GumboTag> tags) {
  GumboTagTable table{};
  for (GumboTag tag : tags) table[tag] = true;
  return table;
}

// Elements whose start and end end a block of text.
inline constexpr GumboTagTable kBlockTags = MakeGumboTagTable({
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,
    GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
    GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
    GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
    GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_HR,
    GUMBO_TAG_HTML, GUMBO_TAG_LEGEND, GUMBO_TAG_LI, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,
    GUMBO_TAG_MENU, GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_OPTION, GUMBO_TAG_P, GUMBO_TAG_PRE,
    GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_TD,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TR,
    GUMBO_TAG_UL, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT,
});

// Elements whose text a reader doesn't see as page text. Select lists are
// hidden too: a county drop-down would otherwise read as a location.
inline constexpr GumboTagTable kHiddenTags = MakeGumboTagTable({
    GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_TITLE, GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST, GUMBO_TAG_SVG, GUMBO_TAG_IFRAME,
    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// A node whose content is text (v.text).
inline bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// A node with a tag, attributes and children (v.element).
inline bool IsElementNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

}  // namespace plainsight
