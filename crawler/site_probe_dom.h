// ProbeDom: one page as the site probe sees it: a flat list of its elements
// in document order, each with its tag, id, classes, attributes, parent and
// the range of the page's visible text it covers.
//
// The site probe (site_probe.h) proposes link patterns and field selectors
// from a few sample pages; it needs to ask "which elements hold this text",
// "what is this link's context" and "what does this selector match", which
// ParseHtml (extractors/html_page.h) does not answer. Visible text follows
// ParseHtml's rules closely (block elements end a line, whitespace collapses,
// script/style/head/select text is hidden) but is only used to rank
// candidates: the values a proposal reports are read with ParseHtml itself.
//
// A ProbeDom owns its HTML and the gumbo tree over it; it is neither copied
// nor moved (hold it in a unique_ptr). Const methods are safe from any
// thread; nothing is shared between instances.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/script_data.h"
#include "extractors/selector.h"

namespace plainsight {

class GumboHolder;

struct DomElement {
  const GumboNode* node = nullptr;  // owned by the ProbeDom's gumbo tree
  int parent = -1;                  // index of the parent element; -1 for <html>
  int depth = 0;
  std::string tag;                  // lower case: "div", "h1", or a custom tag as written
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case
  bool visible = true;              // not inside head, script, style, template, select...
  std::size_t text_begin = 0;       // [text_begin, text_end) of ProbeDom::text()
  std::size_t text_end = 0;
};

class ProbeDom {
 public:
  // Pages larger than this are cut before parsing, and start tags nested
  // deeper than kMaxHtmlNesting are dropped (their text kept) by ParseHtml's
  // own limiter (extractors/html_nesting.h): the probe reads pages of sites
  // not yet known, and gumbo's cost grows with hostile markup.
  static constexpr std::size_t kMaxHtmlBytes = 4u << 20;

  explicit ProbeDom(std::string html_utf8);
  ~ProbeDom();
  ProbeDom(const ProbeDom&) = delete;
  ProbeDom& operator=(const ProbeDom&) = delete;

  const std::vector<DomElement>& elements() const { return elements_; }
  // The page's visible text: lines end at block boundaries, whitespace
  // collapsed to one space.
  const std::string& text() const { return text_; }
  // Element `i`'s visible text, trimmed.
  std::string_view TextOf(std::size_t i) const;
  // The attribute's value, "" if the element has none.
  std::string_view Attribute(std::size_t i, std::string_view name) const;
  // Whether element `i` is `ancestor` or inside it.
  bool IsInside(std::size_t i, std::size_t ancestor) const;

  const std::string& title() const { return title_; }          // <title>, collapsed
  const std::string& base_href() const { return base_href_; }  // first <base href>, raw
  const std::vector<ScriptBlock>& scripts() const { return scripts_; }
  const std::string& html() const { return html_; }

  // Indices of the elements `selector` matches, in document order.
  std::vector<std::size_t> Select(const Selector& selector) const;

 private:
  class Builder;

  std::string html_;
  std::unique_ptr<GumboHolder> gumbo_;
  std::vector<DomElement> elements_;
  std::string text_;
  std::string title_;
  std::string base_href_;
  std::vector<ScriptBlock> scripts_;
};

}  // namespace plainsight
