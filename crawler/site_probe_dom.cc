#include "crawler/site_probe_dom.h"

#include <gumbo.h>

#include <array>

#include "core/strings.h"
#include "extractors/gumbo_holder.h"

namespace plainsight {
namespace {

constexpr std::size_t kMaxNesting = 1024;  // as extractors/html_page.h kMaxHtmlNesting

using TagTable = std::array<bool, GUMBO_TAG_LAST + 1>;

constexpr TagTable MakeTable(std::initializer_list<GumboTag> tags) {
  TagTable table{};
  for (GumboTag tag : tags) table[tag] = true;
  return table;
}

// As extractors/html_page.cc: elements that end a line of text.
constexpr TagTable kBlockTags = MakeTable({
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

// As extractors/html_page.cc: elements whose text a reader does not see.
constexpr TagTable kHiddenTags = MakeTable({
    GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_TITLE, GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST, GUMBO_TAG_SVG, GUMBO_TAG_IFRAME,
    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// Elements that hold no lasting depth: void, or closed by their next sibling.
constexpr TagTable kFlatTags = MakeTable({
    GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_HR,
    GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_LINK, GUMBO_TAG_META, GUMBO_TAG_PARAM,
    GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR, GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_DT,
    GUMBO_TAG_DD, GUMBO_TAG_OPTION, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_HTML,
    GUMBO_TAG_HEAD, GUMBO_TAG_BODY,
});

// Elements whose content is text up to their end tag.
constexpr TagTable kRawTextTags = MakeTable({
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE, GUMBO_TAG_XMP,
    GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// Gumbo's tree building grows with the square of nesting depth, and hostile
// pages nest 100k deep. As ParseHtml does (extractors/html_page.cc, whose
// limiter is not exported), start tags deeper than kMaxHtmlNesting are
// dropped with as many end tags, their text kept. Approximate on purpose:
// it tracks depth, not the tree.
std::string LimitNesting(std::string html) {
  std::size_t depth = 0;
  std::size_t excess = 0;
  std::string out;
  std::size_t copied = 0;
  bool rewritten = false;
  auto drop = [&](std::size_t begin, std::size_t end) {
    if (!rewritten) out.reserve(html.size());
    rewritten = true;
    out.append(html, copied, begin - copied);
    copied = end;
  };
  std::size_t pos = 0;
  const std::size_t n = html.size();
  while ((pos = html.find('<', pos)) != std::string::npos) {
    const std::size_t start = pos++;
    if (pos >= n) break;
    if (html[pos] == '!' || html[pos] == '?') {
      bool comment = html.compare(pos, 3, "!--") == 0;
      std::size_t close = comment ? html.find("-->", pos) : html.find('>', pos);
      if (close == std::string::npos) break;
      pos = close + 1;
      continue;
    }
    const bool end_tag = html[pos] == '/';
    if (end_tag) ++pos;
    if (pos >= n || !IsAsciiAlpha(html[pos])) continue;
    std::size_t name_start = pos;
    while (pos < n && !IsAsciiSpace(html[pos]) && html[pos] != '/' && html[pos] != '>') ++pos;
    GumboTag tag = gumbo_tagn_enum(html.data() + name_start,
                                   static_cast<unsigned int>(pos - name_start));
    std::size_t close = html.find('>', pos);
    if (close == std::string::npos) break;
    const bool self_closing = close > 0 && html[close - 1] == '/';
    pos = close + 1;
    if (end_tag) {
      if (kFlatTags[tag]) continue;
      if (excess > 0) {
        --excess;
        drop(start, pos);
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    if (kRawTextTags[tag]) {
      std::string end = "</" + std::string(gumbo_normalized_tagname(tag));
      std::size_t at = pos;
      while ((at = html.find("</", at)) != std::string::npos) {
        if (StartsWithIgnoreCaseAscii(std::string_view(html).substr(at), end)) break;
        at += 2;
      }
      pos = at == std::string::npos ? n : at;
      continue;
    }
    if (kFlatTags[tag] || self_closing) continue;
    if (depth >= kMaxNesting) {
      ++excess;
      drop(start, pos);
    } else {
      ++depth;
    }
  }
  if (!rewritten) return html;
  out.append(html, copied, std::string::npos);
  return out;
}

bool IsText(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

std::string TagName(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece name = element.original_tag;
  gumbo_tag_from_original_text(&name);
  return ToLowerAscii(std::string_view(name.data, name.length));
}

std::vector<std::string> SplitClasses(std::string_view value) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsAsciiSpace(value[i])) ++i;
    std::size_t start = i;
    while (i < value.size() && !IsAsciiSpace(value[i])) ++i;
    if (i > start) out.emplace_back(value.substr(start, i - start));
  }
  return out;
}

// Appends text with whitespace collapsed and line breaks at block edges.
class TextBuilder {
 public:
  explicit TextBuilder(std::string* out) : out_(out) {}

  void Append(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (IsAsciiSpace(c)) {
        pending_space_ = true;
        continue;
      }
      // U+00A0 (no-break space) is a space too.
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
          static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        pending_space_ = true;
        ++i;
        continue;
      }
      if (!out_->empty()) {
        if (pending_break_) {
          out_->push_back('\n');
        } else if (pending_space_) {
          out_->push_back(' ');
        }
      }
      pending_break_ = false;
      pending_space_ = false;
      out_->push_back(c);
    }
  }
  void Break() { pending_break_ = true; }

 private:
  std::string* out_;
  bool pending_break_ = false;
  bool pending_space_ = false;
};

}  // namespace

class ProbeDom::Builder {
 public:
  explicit Builder(ProbeDom* dom) : dom_(dom), text_(&dom->text_), title_(&dom->title_) {}

  bool Enter(const GumboNode* node) {
    if (IsText(node)) {
      if (in_title_ > 0) {
        title_.Append(node->v.text.text);
      } else if (hidden_ == 0) {
        text_.Append(node->v.text.text);
      }
      return false;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (!IsElement(node)) return false;
    const GumboElement& element = node->v.element;
    GumboTag tag = element.tag;
    if (kBlockTags[tag]) text_.Break();
    if (tag == GUMBO_TAG_BR) text_.Break();

    DomElement record;
    record.node = node;
    record.parent = stack_.empty() ? -1 : stack_.back();
    record.depth = static_cast<int>(stack_.size());
    record.tag = TagName(node);
    for (unsigned int i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      std::string name = attribute->name;
      if (name == "id") record.id = attribute->value;
      if (name == "class") record.classes = SplitClasses(attribute->value);
      record.attributes.emplace_back(std::move(name), attribute->value);
    }
    record.visible = hidden_ == 0 && !kHiddenTags[tag];
    record.text_begin = dom_->text_.size();
    stack_.push_back(static_cast<int>(dom_->elements_.size()));
    dom_->elements_.push_back(std::move(record));

    if (kHiddenTags[tag]) ++hidden_;
    if (tag == GUMBO_TAG_TITLE && element.tag_namespace == GUMBO_NAMESPACE_HTML &&
        dom_->title_.empty()) {
      ++in_title_;
    }
    if (tag == GUMBO_TAG_BASE && dom_->base_href_.empty()) {
      if (const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href")) {
        dom_->base_href_ = href->value;
      }
    }
    if (tag == GUMBO_TAG_SCRIPT) NoteScript(node);
    return tag != GUMBO_TAG_TEMPLATE;
  }

  void Leave(const GumboNode* node) {
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (kHiddenTags[tag]) --hidden_;
    if (tag == GUMBO_TAG_TITLE && in_title_ > 0) --in_title_;
    if (!stack_.empty()) {
      dom_->elements_[static_cast<std::size_t>(stack_.back())].text_end = dom_->text_.size();
      stack_.pop_back();
    }
    if (kBlockTags[tag]) text_.Break();
  }

 private:
  void NoteScript(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    if (children.length == 0) return;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (!IsText(child)) return;
    const GumboAttribute* id = gumbo_get_attribute(&node->v.element.attributes, "id");
    const GumboAttribute* type = gumbo_get_attribute(&node->v.element.attributes, "type");
    dom_->scripts_.push_back({id == nullptr ? "" : id->value, type == nullptr ? "" : type->value,
                              child->v.text.text});
  }

  ProbeDom* dom_;
  TextBuilder text_;
  TextBuilder title_;
  std::vector<int> stack_;
  int hidden_ = 0;
  int in_title_ = 0;
};

ProbeDom::ProbeDom(std::string html_utf8) : html_(std::move(html_utf8)) {
  if (html_.size() > kMaxHtmlBytes) html_.resize(kMaxHtmlBytes);
  html_ = LimitNesting(std::move(html_));
  gumbo_ = std::make_unique<GumboHolder>(html_);
  Builder builder(this);
  WalkTree(gumbo_->document(), builder);
}

ProbeDom::~ProbeDom() = default;

std::string_view ProbeDom::TextOf(std::size_t i) const {
  const DomElement& e = elements_[i];
  return TrimAscii(std::string_view(text_).substr(e.text_begin, e.text_end - e.text_begin));
}

std::string_view ProbeDom::Attribute(std::size_t i, std::string_view name) const {
  for (const auto& [key, value] : elements_[i].attributes) {
    if (key == name) return value;
  }
  return {};
}

bool ProbeDom::IsInside(std::size_t i, std::size_t ancestor) const {
  for (int at = static_cast<int>(i); at >= 0; at = elements_[static_cast<std::size_t>(at)].parent) {
    if (static_cast<std::size_t>(at) == ancestor) return true;
  }
  return false;
}

std::vector<std::size_t> ProbeDom::Select(const Selector& selector) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < elements_.size(); ++i) {
    if (selector.Matches(elements_[i].node)) out.push_back(i);
  }
  return out;
}

}  // namespace plainsight
