#include "crawler/advert_images.h"

#include <cstdlib>
#include <map>

#include "core/strings.h"

namespace plainsight {
namespace {

bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// &amp; &quot; &#38; &#x26; ...: enough for URLs in attributes.
std::string DecodeReferences(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      out += value[i];
      continue;
    }
    const size_t semi = value.find(';', i);
    if (semi == std::string_view::npos || semi - i > 8) {
      out += '&';
      continue;
    }
    const std::string name(value.substr(i + 1, semi - i - 1));
    long code = -1;
    if (name == "amp") code = '&';
    else if (name == "quot") code = '"';
    else if (name == "apos" || name == "#39") code = '\'';
    else if (name == "lt") code = '<';
    else if (name == "gt") code = '>';
    else if (name.size() > 2 && (name[1] == 'x' || name[1] == 'X') && name[0] == '#')
      code = std::strtol(name.c_str() + 2, nullptr, 16);
    else if (name.size() > 1 && name[0] == '#')
      code = std::strtol(name.c_str() + 1, nullptr, 10);
    if (code <= 0 || code > 0x7f) {
      out += '&';
      continue;
    }
    out += static_cast<char>(code);
    i = semi;
  }
  return out;
}

// Attributes of the tag whose name ends at `pos`, lower-cased names; `pos`
// is left after the tag's '>'.
std::map<std::string, std::string> ReadAttributes(std::string_view html, size_t* pos) {
  std::map<std::string, std::string> attributes;
  size_t i = *pos;
  while (i < html.size()) {
    while (i < html.size() && (IsSpaceChar(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size() || html[i] == '>') break;
    const size_t name_start = i;
    while (i < html.size() && !IsSpaceChar(html[i]) && html[i] != '=' && html[i] != '>' &&
           html[i] != '/')
      ++i;
    std::string name = ToLowerAscii(std::string(html.substr(name_start, i - name_start)));
    while (i < html.size() && IsSpaceChar(html[i])) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && IsSpaceChar(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i++];
        const size_t end = html.find(quote, i);
        const size_t stop = end == std::string_view::npos ? html.size() : end;
        value = DecodeReferences(html.substr(i, stop - i));
        i = stop == html.size() ? stop : stop + 1;
      } else {
        const size_t start = i;
        while (i < html.size() && !IsSpaceChar(html[i]) && html[i] != '>') ++i;
        value = DecodeReferences(html.substr(start, i - start));
      }
    }
    if (!name.empty()) attributes.emplace(std::move(name), std::move(value));
  }
  *pos = i < html.size() ? i + 1 : i;
  return attributes;
}

std::string Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpaceChar(s[b])) ++b;
  while (e > b && IsSpaceChar(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool IsDataUrl(const std::string& url) {
  return url.size() >= 5 && ToLowerAscii(url.substr(0, 5)) == "data:";
}

// True when html[pos..] starts with `<name` followed by a space, '/' or '>'.
bool TagAt(std::string_view html, size_t pos, std::string_view name) {
  if (pos + 1 + name.size() >= html.size()) return false;
  for (size_t k = 0; k < name.size(); ++k) {
    const char c = html[pos + 1 + k];
    if ((c | 0x20) != name[k]) return false;
  }
  const char after = html[pos + 1 + name.size()];
  return IsSpaceChar(after) || after == '/' || after == '>';
}

}  // namespace

std::string BestSrcsetCandidate(std::string_view srcset) {
  std::string best;
  double best_score = -1;
  size_t i = 0;
  while (i < srcset.size()) {
    while (i < srcset.size() && (IsSpaceChar(srcset[i]) || srcset[i] == ',')) ++i;
    const size_t url_start = i;
    while (i < srcset.size() && !IsSpaceChar(srcset[i])) ++i;
    std::string url(srcset.substr(url_start, i - url_start));
    // A URL may end in commas that separate candidates (HTML's srcset
    // rules): the candidate then has no descriptor.
    const bool ended = !url.empty() && url.back() == ',';
    while (!url.empty() && url.back() == ',') url.pop_back();
    const size_t end = ended ? i - 1 : srcset.find(',', i);
    const std::string descriptor =
        Trimmed(srcset.substr(i, (end == std::string_view::npos ? srcset.size() : end) - i));
    i = end == std::string_view::npos ? srcset.size() : end + 1;
    if (url.empty()) continue;
    // Widths and densities are not comparable with each other; a page uses
    // one kind. No descriptor means 1x.
    double score = 1;
    if (!descriptor.empty()) {
      const char unit = descriptor.back();
      score = std::strtod(descriptor.c_str(), nullptr);
      if (unit != 'w' && unit != 'x') score = 0;
    }
    if (score > best_score) {
      best_score = score;
      best = url;
    }
  }
  return best;
}

std::vector<std::string> FindImageUrls(std::string_view html) {
  std::vector<std::string> urls;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const bool img = TagAt(html, pos, "img");
    const bool meta = !img && TagAt(html, pos, "meta");
    if (!img && !meta) {
      ++pos;
      continue;
    }
    size_t after = pos + (img ? 4 : 5);
    auto attributes = ReadAttributes(html, &after);
    pos = after;
    std::string url;
    if (meta) {
      auto property = attributes.find("property");
      if (property == attributes.end()) property = attributes.find("name");
      if (property == attributes.end() || ToLowerAscii(property->second) != "og:image") continue;
      url = Trimmed(attributes["content"]);
    } else {
      auto srcset = attributes.find("srcset");
      if (srcset == attributes.end()) srcset = attributes.find("data-srcset");
      if (srcset != attributes.end()) url = BestSrcsetCandidate(srcset->second);
      for (const char* lazy : {"data-src", "data-lazy-src", "data-original", "src"}) {
        if (!url.empty() && !IsDataUrl(url)) break;
        auto it = attributes.find(lazy);
        if (it != attributes.end()) url = Trimmed(it->second);
      }
    }
    if (url.empty() || IsDataUrl(url)) continue;
    urls.push_back(std::move(url));
  }
  return urls;
}

}  // namespace plainsight
