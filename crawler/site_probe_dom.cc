#include "crawler/site_probe_dom.h"

#include <gumbo.h>

#include "core/strings.h"
#include "extractors/gumbo_holder.h"
#include "extractors/html_nesting.h"
#include "extractors/html_tags.h"
#include "extractors/html_tokens.h"

namespace plainsight {
namespace {

std::string TagName(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece name = element.original_tag;
  gumbo_tag_from_original_text(&name);
  return ToLowerAscii(std::string_view(name.data, name.length));
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
    if (IsTextNode(node)) {
      if (in_title_ > 0) {
        title_.Append(node->v.text.text);
      } else if (hidden_ == 0) {
        text_.Append(node->v.text.text);
      }
      return false;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (!IsElementNode(node)) return false;
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
      if (name == "class") record.classes = SplitHtmlTokens(attribute->value);
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
    if (!IsElementNode(node)) return;
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
    if (!IsTextNode(child)) return;
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
  std::string limited;
  if (LimitHtmlNesting(html_, &limited).data() != html_.data()) html_ = std::move(limited);
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
