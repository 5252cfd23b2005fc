#include "extractors/html_nesting.h"

#include <gumbo.h>

#include <cstring>

#include "core/strings.h"
#include "extractors/html_tags.h"

namespace plainsight {
namespace {

// Elements that never contain elements, or that the parser closes when a
// sibling opens, so they add no lasting depth (see LimitHtmlNesting).
constexpr GumboTagTable kFlatTags = MakeGumboTagTable({
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
constexpr GumboTagTable kRawTextTags = MakeGumboTagTable({
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE, GUMBO_TAG_XMP,
    GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
});

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

}  // namespace

std::string_view LimitHtmlNesting(std::string_view html, std::string* storage) {
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

}  // namespace plainsight
