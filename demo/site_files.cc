#include "demo/site_files.h"

namespace plainsight::demo {

namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Every segment must be a plain name; the last may be empty ("dir/").
bool SafeSegments(std::string_view relative) {
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = relative.find('/', start);
    const std::string_view segment =
        relative.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    const bool last = slash == std::string_view::npos;
    if (segment == "." || segment == ".." || (segment.empty() && !last)) return false;
    if (last) return true;
    start = slash + 1;
  }
}

}  // namespace

std::string FileForTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') return "";
  if (target.find('\0') != std::string_view::npos || target.find('\\') != std::string_view::npos) {
    return "";
  }
  std::string file;
  for (char c : target.substr(1)) {
    if (c == '?') {
      file += "%3F";
    } else {
      file += c;
    }
  }
  if (!SafeSegments(file)) return "";
  if (file.empty() || file.back() == '/') file += "index.html";
  return file;
}

std::string ContentTypeFor(std::string_view file, std::string_view html_charset) {
  if (EndsWith(file, ".txt")) return "text/plain; charset=utf-8";
  if (EndsWith(file, ".xml")) return "application/xml; charset=utf-8";
  return "text/html; charset=" + std::string(html_charset);
}

}  // namespace plainsight::demo
