#include "extractors/html_page.h"

#include <gumbo.h>

#include <string>
#include <utility>

#include "core/strings.h"
#include "extractors/charset.h"
#include "extractors/gumbo_holder.h"
#include "extractors/html_nesting.h"
#include "extractors/html_tags.h"
#include "extractors/html_tokens.h"

namespace plainsight {

namespace {

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

// Walks a tree producing its visible text.
class VisibleText {
 public:
  VisibleText(std::string* out, std::vector<std::size_t>* block_starts)
      : builder_(out, block_starts) {}

  bool Enter(const GumboNode* node) {
    if (IsTextNode(node)) {
      if (hidden_ == 0) builder_.Append(node->v.text.text);
      return false;
    }
    if (!IsElementNode(node)) return node->type == GUMBO_NODE_DOCUMENT;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) builder_.LineBreak();
    if (kBlockTags[tag]) builder_.BlockBreak();
    if (kHiddenTags[tag]) ++hidden_;
    return tag != GUMBO_TAG_TEMPLATE;  // template content is inert
  }

  void Leave(const GumboNode* node) {
    if (!IsElementNode(node)) return;
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

// Whether the rel list `tokens` holds `token`, in any case.
bool HasToken(std::string_view tokens, std::string_view token) {
  return AnyHtmlToken(tokens, [&](std::string_view t) { return EqualsIgnoreCaseAscii(t, token); });
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
    if (IsTextNode(child)) builder.Append(child->v.text.text);
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
    if (!IsElementNode(node)) return descend;
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
    if (IsTextNode(child)) json_ld_.push_back(child->v.text.text);
  }

  void NoteScript(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    if (children.length == 0) return;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (!IsTextNode(child)) return;
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
  std::string_view html = LimitHtmlNesting(html_utf8, &limited_storage);
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
