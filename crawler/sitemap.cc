#include "crawler/sitemap.h"

#include <algorithm>

namespace plainsight {
namespace {

std::string DecodeXmlEntities(std::string_view text) {
  static const struct {
    std::string_view entity;
    char c;
  } kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& e : kEntities) {
        if (text.substr(i, e.entity.size()) == e.entity) {
          out.push_back(e.c);
          i += e.entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i]);
  }
  size_t begin = out.find_first_not_of(" \t\r\n");
  size_t end = out.find_last_not_of(" \t\r\n");
  return begin == std::string::npos ? std::string() : out.substr(begin, end - begin + 1);
}

}  // namespace

SitemapUrls ParseSitemap(std::string_view xml) {
  constexpr size_t kMaxBytes = size_t{50} * 1024 * 1024;
  xml = xml.substr(0, std::min(xml.size(), kMaxBytes));
  SitemapUrls urls;
  bool in_index_entry = false;
  size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    if (xml.compare(pos, 8, "<sitemap") == 0 && (xml.size() > pos + 8) &&
        (xml[pos + 8] == '>' || xml[pos + 8] == ' ')) {
      in_index_entry = true;
    } else if (xml.compare(pos, 5, "<url>") == 0 || xml.compare(pos, 5, "<url ") == 0) {
      in_index_entry = false;
    } else if (xml.compare(pos, 5, "<loc>") == 0) {
      size_t end = xml.find("</loc>", pos + 5);
      if (end == std::string_view::npos) break;
      std::string loc = DecodeXmlEntities(xml.substr(pos + 5, end - pos - 5));
      if (!loc.empty()) (in_index_entry ? urls.sitemaps : urls.pages).push_back(std::move(loc));
      pos = end;
    }
    ++pos;
  }
  return urls;
}

}  // namespace plainsight
