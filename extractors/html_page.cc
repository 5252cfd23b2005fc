#include "extractors/html_page.h"

#include <gumbo.h>

#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "core/strings.h"
#include "extractors/charset.h"
#include "extractors/gumbo_holder.h"

namespace plainsight {

namespace {

using TagTable = std::array<bool, GUMBO_TAG_LAST + 1>;

constexpr TagTable MakeTable(std::initializer_list<GumboTag> tags) {
  TagTable table{};
  for (GumboTag tag : tags) table[tag] = true;
  return table;
}

// Elements whose start and end end a block of text.
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

// Elements whose text a reader doesn't see as page text. Select lists are
// hidden too: a county drop-down would otherwise read as a location.
constexpr TagTable kHiddenTags = MakeTable({
    GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_TITLE, GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST, GUMBO_TAG_SVG, GUMBO_TAG_IFRAME,
    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// Elements that never contain elements, or that the parser closes when a
// sibling opens, so they add no lasting depth (see LimitNesting).
constexpr TagTable kFlatTags = MakeTable({
    GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BR,
    GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR, GUMBO_TAG_IMAGE, GUMBO_TAG_IMG,
    GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK, GUMBO_TAG_META, GUMBO_TAG_PARAM,
    GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR, GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_DT,
    GUMBO_TAG_DD, GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP, GUMBO_TAG_RB, GUMBO_TAG_RP, GUMBO_TAG_RT,
    GUMBO_TAG_RTC, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
    GUMBO_TAG_TFOOT, GUMBO_TAG_COLGROUP, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_HEAD,
    GUMBO_TAG_BODY, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,
    GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// Elements whose content the tokenizer reads as text up to the end tag.
constexpr TagTable kRawTextTags = MakeTable({
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE, GUMBO_TAG_XMP,
    GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

// ---------------------------------------------------------------------------
// Nesting limit, applied to the bytes before gumbo sees them.

// Returns the index just past the '>' that ends the tag whose attributes
// start at `pos`; *self_closing says whether it ended with "/>".
std::size_t SkipToTagEnd(std::string_view html, std::size_t pos, bool* self_closing) {
  char previous = '\0';  // last non-space character
  while (pos < html.size()) {
    char c = html[pos];
    if (c == '>') {
      *self_closing = previous == '/';
      return pos + 1;
    }
    if ((c == '"' || c == '\'') && previous == '=') {
      std::size_t close = html.find(c, pos + 1);
      if (close == std::string_view::npos) return html.size();
      pos = close + 1;
      previous = c;
      continue;
    }
    if (!IsAsciiSpace(c)) previous = c;
    ++pos;
  }
  return html.size();
}

// The index of the "</name" that ends a raw-text element, or html.size().
std::size_t FindEndTag(std::string_view html, std::size_t pos, std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    std::size_t after = pos + 2 + name.size();
    if (after <= html.size() && EqualsIgnoreCaseAscii(html.substr(pos + 2, name.size()), name) &&
        (after == html.size() || IsAsciiSpace(html[after]) || html[after] == '>' ||
         html[after] == '/')) {
      return pos;
    }
    pos += 2;
  }
  return html.size();
}

// Gumbo's tree builder rescans the stack of open elements for many start
// tags, so its cost grows with the square of nesting depth (200k nested
// <div>s take minutes). This tokenizes just enough to track an approximate
// depth, and drops start tags beyond kMaxHtmlNesting together with as many
// end tags. Returns `html` itself unless something was dropped, else a view
// of *storage.
std::string_view LimitNesting(std::string_view html, std::string* storage) {
  std::size_t depth = 0, excess = 0, foreign = 0;
  std::size_t copied = 0;
  bool rewritten = false;
  auto drop = [&](std::size_t begin, std::size_t end) {
    if (!rewritten) {
      storage->clear();
      storage->reserve(html.size());
      rewritten = true;
    }
    storage->append(html.data() + copied, begin - copied);
    copied = end;
  };
  const std::size_t n = html.size();
  std::size_t pos = 0;
  while (pos < n) {
    const void* found = std::memchr(html.data() + pos, '<', n - pos);
    if (found == nullptr) break;
    std::size_t start = static_cast<std::size_t>(static_cast<const char*>(found) - html.data());
    pos = start + 1;
    if (pos >= n) break;
    char c = html[pos];
    if (c == '!' || c == '?') {
      bool comment = html.compare(pos, 3, "!--") == 0;
      std::size_t close = comment ? html.find("-->", pos + 3) : html.find('>', pos);
      if (close == std::string_view::npos) break;
      pos = close + (comment ? 3 : 1);
      continue;
    }
    bool end_tag = c == '/';
    if (end_tag) {
      if (++pos >= n) break;
      if (!IsAsciiAlpha(html[pos])) {  // a bogus comment
        std::size_t close = html.find('>', pos);
        if (close == std::string_view::npos) break;
        pos = close + 1;
        continue;
      }
    } else if (!IsAsciiAlpha(c)) {
      continue;
    }
    std::size_t name_start = pos;
    while (pos < n && !IsAsciiSpace(html[pos]) && html[pos] != '/' && html[pos] != '>') ++pos;
    std::string_view name = html.substr(name_start, pos - name_start);
    GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
    bool self_closing = false;
    pos = SkipToTagEnd(html, pos, &self_closing);
    bool is_foreign_root = tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH;
    if (end_tag) {
      if (is_foreign_root && foreign > 0) --foreign;
      if (kFlatTags[tag]) continue;
      if (excess > 0) {
        --excess;
        drop(start, pos);
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    if (tag == GUMBO_TAG_PLAINTEXT) break;
    if (foreign == 0 && kRawTextTags[tag]) {
      pos = FindEndTag(html, pos, name);
      continue;
    }
    if (foreign > 0 && self_closing) continue;
    if (is_foreign_root && !self_closing) ++foreign;
    if (kFlatTags[tag]) continue;
    if (depth >= kMaxHtmlNesting) {
      ++excess;
      drop(start, pos);
    } else {
      ++depth;
    }
  }
  if (!rewritten) return html;
  storage->append(html.data() + copied, n - copied);
  return *storage;
}

// ---------------------------------------------------------------------------
// Visible text.

// Appends text with whitespace collapsed, one line per block or <br>.
class TextBuilder {
 public:
  // `block_starts`, if non-null, receives the offset in *out where each
  // block's text begins.
  TextBuilder(std::string* out, std::vector<std::size_t>* block_starts)
      : out_(out), block_starts_(block_starts) {}

  void Append(const char* text) {
    // gumbo 0.10 decodes a numeric reference that overflows an int
    // (&#xD800ABEA) to a lone byte: repair such text before it is used.
    std::string repaired;
    if (!IsValidUtf8(text)) {
      repaired = SanitizeUtf8(text);
      text = repaired.c_str();
    }
    const char* p = text;
    while (*p != '\0') {
      const char* run = p;
      while (true) {
        if (IsWordByte(p)) {
          ++p;
        } else if (p != run && *p == ' ' && IsWordByte(p + 1)) {
          // A lone ' ' inside a run collapses to itself: one Emit for the
          // whole run rather than one per word.
          p += 2;
        } else {
          break;
        }
      }
      if (p != run) Emit(run, static_cast<std::size_t>(p - run));
      std::size_t space;
      while ((space = SpaceLength(p)) != 0) {
        pending_space_ = true;
        p += space;
      }
    }
  }
  void LineBreak() {
    if (pending_ == Break::kNone) pending_ = Break::kLine;
  }
  void BlockBreak() { pending_ = Break::kBlock; }

 private:
  enum class Break { kNone, kLine, kBlock };

  // Neither whitespace nor the terminating NUL. Bytes above ' ' other than
  // U+00A0's lead byte are decided without SpaceLength.
  static bool IsWordByte(const char* p) {
    const auto c = static_cast<unsigned char>(*p);
    return (c > ' ' && c != 0xC2) || (c != '\0' && SpaceLength(p) == 0);
  }

  // Length of the whitespace character at p (ASCII or U+00A0), else 0.
  static std::size_t SpaceLength(const char* p) {
    if (IsAsciiSpace(*p)) return 1;
    if (p[0] == '\xC2' && p[1] == '\xA0') return 2;
    return 0;
  }

  void Emit(const char* text, std::size_t length) {
    if (pending_ != Break::kNone) {
      if (!out_->empty()) out_->push_back('\n');
      if (pending_ == Break::kBlock && block_starts_ != nullptr) {
        block_starts_->push_back(out_->size());
      }
      pending_ = Break::kNone;
    } else if (pending_space_) {
      out_->push_back(' ');
    }
    pending_space_ = false;
    out_->append(text, length);
  }

  std::string* out_;
  std::vector<std::size_t>* block_starts_;
  Break pending_ = Break::kBlock;
  bool pending_space_ = false;
};

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool IsText(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// Walks a tree producing its visible text.
class VisibleText {
 public:
  VisibleText(std::string* out, std::vector<std::size_t>* block_starts)
      : builder_(out, block_starts) {}

  bool Enter(const GumboNode* node) {
    if (IsText(node)) {
      if (hidden_ == 0) builder_.Append(node->v.text.text);
      return false;
    }
    if (!IsElement(node)) return node->type == GUMBO_NODE_DOCUMENT;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) builder_.LineBreak();
    if (kBlockTags[tag]) builder_.BlockBreak();
    if (kHiddenTags[tag]) ++hidden_;
    return tag != GUMBO_TAG_TEMPLATE;  // template content is inert
  }

  void Leave(const GumboNode* node) {
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (kHiddenTags[tag]) --hidden_;
    if (kBlockTags[tag]) builder_.BlockBreak();
  }

 private:
  TextBuilder builder_;
  std::size_t hidden_ = 0;
};

const char* AttributeValue(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? nullptr : attribute->value;
}

bool HasToken(std::string_view tokens, std::string_view token) {
  std::size_t i = 0;
  while (i < tokens.size()) {
    while (i < tokens.size() && IsAsciiSpace(tokens[i])) ++i;
    std::size_t start = i;
    while (i < tokens.size() && !IsAsciiSpace(tokens[i])) ++i;
    if (EqualsIgnoreCaseAscii(tokens.substr(start, i - start), token)) return true;
  }
  return false;
}

std::string CollapsedText(const GumboNode* node) {
  std::string out;
  VisibleText text(&out, nullptr);
  WalkTree(node, text);
  return out;
}

std::string CollapseSpaces(const char* text) {
  std::string out;
  TextBuilder builder(&out, nullptr);
  builder.Append(text);
  return out;
}

// <title> holds only text, and VisibleText would hide it.
std::string TitleText(const GumboNode* title) {
  std::string out;
  TextBuilder builder(&out, nullptr);
  const GumboVector& children = title->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (IsText(child)) builder.Append(child->v.text.text);
  }
  return out;
}

// The one walk over the page: text, links, fields and JSON-LD scripts.
class PageVisitor {
 public:
  PageVisitor(ParsedPage* page, std::vector<std::size_t>* block_starts,
              const std::vector<std::pair<std::string, Selector>>& fields, bool want_scripts)
      : page_(page), want_scripts_(want_scripts), text_(&page->text, block_starts), fields_(fields),
        field_found_(fields.size(), false), fields_left_(fields.size()) {}

  bool Enter(const GumboNode* node) {
    bool descend = text_.Enter(node);
    if (!IsElement(node)) return descend;
    if (fields_left_ > 0) MatchFields(node);
    switch (node->v.element.tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_AREA:
        AddLink(node);
        break;
      case GUMBO_TAG_LINK:
        if (const char* rel = AttributeValue(node, "rel")) {
          bool canonical = HasToken(rel, "canonical");
          if (canonical || HasToken(rel, "next") || HasToken(rel, "prev")) AddLink(node);
          const char* href = AttributeValue(node, "href");
          if (canonical && href != nullptr && page_->canonical.empty()) page_->canonical = href;
        }
        break;
      case GUMBO_TAG_BASE:
        if (const char* href = AttributeValue(node, "href")) {
          if (page_->base_href.empty()) page_->base_href = href;
        }
        break;
      case GUMBO_TAG_TITLE:
        if (page_->title.empty() && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
          page_->title = TitleText(node);
        }
        break;
      case GUMBO_TAG_SCRIPT:
        NoteJsonLd(node);
        if (want_scripts_) NoteScript(node);
        break;
      default:
        break;
    }
    return descend;
  }

  void Leave(const GumboNode* node) { text_.Leave(node); }

  const std::vector<const char*>& json_ld() const { return json_ld_; }

 private:
  void AddLink(const GumboNode* node) {
    const char* href = AttributeValue(node, "href");
    if (href == nullptr) return;
    const char* rel = AttributeValue(node, "rel");
    page_->links.push_back({href, rel == nullptr ? "" : rel});
  }

  void NoteJsonLd(const GumboNode* node) {
    const char* type = AttributeValue(node, "type");
    if (type == nullptr) return;
    if (!EqualsIgnoreCaseAscii(TrimAscii(type), "application/ld+json")) return;
    const GumboVector& children = node->v.element.children;
    if (children.length == 0) return;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (IsText(child)) json_ld_.push_back(child->v.text.text);
  }

  void NoteScript(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    if (children.length == 0) return;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (!IsText(child)) return;
    const char* id = AttributeValue(node, "id");
    const char* type = AttributeValue(node, "type");
    page_->scripts.push_back({id == nullptr ? "" : id, type == nullptr ? "" : type,
                              child->v.text.text});
  }

  void MatchFields(const GumboNode* node) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (field_found_[i] || !fields_[i].second.Matches(node)) continue;
      field_found_[i] = true;
      --fields_left_;
      std::string value;
      if (node->v.element.tag == GUMBO_TAG_META) {
        const char* content = AttributeValue(node, "content");
        value = content == nullptr ? "" : CollapseSpaces(content);
      } else {
        value = CollapsedText(node);
      }
      page_->fields[fields_[i].first] = std::move(value);
    }
  }

  ParsedPage* page_;
  bool want_scripts_;
  VisibleText text_;
  const std::vector<std::pair<std::string, Selector>>& fields_;
  std::vector<bool> field_found_;
  std::size_t fields_left_;
  std::vector<const char*> json_ld_;  // script text owned by the gumbo output
};

void SplitBlocks(const std::string& text, const std::vector<std::size_t>& starts,
                 std::vector<std::string>* blocks) {
  blocks->reserve(starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    // Each block but the last ends one byte before the next: the '\n'.
    std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
    blocks->emplace_back(text, starts[i], end - starts[i]);
  }
}

}  // namespace

ParsedPage ParseHtml(std::string_view html_utf8,
                     const std::vector<std::pair<std::string, Selector>>& fields,
                     bool want_text_blocks, bool want_scripts) {
  ParsedPage page;
  std::string limited_storage;
  std::string_view html = LimitNesting(html_utf8, &limited_storage);
  GumboHolder gumbo(html);
  if (gumbo.document() == nullptr) return page;

  // Visible text is usually well under a quarter of the markup.
  page.text.reserve(html.size() / 4);
  std::vector<std::size_t> block_starts;
  PageVisitor visitor(&page, want_text_blocks ? &block_starts : nullptr, fields, want_scripts);
  WalkTree(gumbo.document(), visitor);
  if (want_text_blocks) SplitBlocks(page.text, block_starts, &page.text_blocks);

  for (const char* script : visitor.json_ld()) AppendJsonLdItems(script, &page.structured);
  // Most pages have no microdata; a byte search is far cheaper than a walk.
  if (html.find("itemscope") != std::string_view::npos) {
    AppendMicrodataItems(gumbo.document(), &page.structured);
  }
  return page;
}

ParsedPage ParseHtml(std::string_view html_utf8, const std::vector<FieldSelectorSpec>& fields) {
  std::vector<std::pair<std::string, Selector>> parsed;
  parsed.reserve(fields.size());
  for (const FieldSelectorSpec& field : fields) {
    Result<Selector> selector = Selector::Parse(field.selector);
    if (selector.ok()) parsed.emplace_back(field.name, std::move(selector).value());
  }
  return ParseHtml(html_utf8, parsed);
}

Status ValidateSelector(std::string_view selector) { return Selector::Parse(selector).status(); }

}  // namespace plainsight
