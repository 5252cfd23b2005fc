// GumboHolder owns one GumboOutput (RAII around gumbo_parse/gumbo_destroy_output)
// and WalkTree visits a gumbo tree without recursion.
//
// Gumbo's tree points into the parsed buffer (original_tag, attribute
// original_value), so the caller keeps that buffer alive as long as the
// holder. A holder is move-only; it is not shared between threads (nothing in
// it is global, so separate holders on separate threads are fine).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace plainsight {

class GumboHolder {
 public:
  // Parses `html` (UTF-8). Never fails: gumbo recovers from any input.
  explicit GumboHolder(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    // Gumbo copies the stack of open elements into every recorded error,
    // which makes broken pages quadratic; nobody reads the errors.
    options.max_errors = 0;
    output_.reset(gumbo_parse_with_options(&options, html.data(), html.size()));
  }

  // The document node, or null if gumbo ran out of memory.
  const GumboNode* document() const { return output_ ? output_->document : nullptr; }

 private:
  struct DestroyOutput {
    void operator()(GumboOutput* output) const {
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  };

  std::unique_ptr<GumboOutput, DestroyOutput> output_;
};

// The children of a document, element or template node; null for others.
inline const GumboVector* ChildrenOf(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

// Visits `root` and its descendants in document order without recursion
// (hostile pages nest deeply). `visitor.Enter(node)` returns whether to visit
// the node's children; `visitor.Leave(node)` follows every Enter, after the
// children. Uses gumbo's parent / index_within_parent links, so no stack.
template <typename Visitor>
void WalkTree(const GumboNode* root, Visitor& visitor) {
  if (root == nullptr) return;
  const GumboNode* node = root;
  while (true) {
    if (visitor.Enter(node)) {
      const GumboVector* children = ChildrenOf(node);
      if (children != nullptr && children->length > 0) {
        node = static_cast<const GumboNode*>(children->data[0]);
        continue;
      }
    }
    // Leave this node and every ancestor that has no next sibling.
    while (true) {
      visitor.Leave(node);
      if (node == root) return;
      const GumboNode* parent = node->parent;
      const GumboVector* siblings = ChildrenOf(parent);
      std::size_t next = node->index_within_parent + 1;
      if (next < siblings->length) {
        node = static_cast<const GumboNode*>(siblings->data[next]);
        break;
      }
      node = parent;
    }
  }
}

}  // namespace plainsight
