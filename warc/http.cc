#include "warc/http.h"

#include <algorithm>

#include "core/strings.h"

namespace plainsight {
namespace {

// Splits on LF, dropping a CR before it; blank lines are kept as "".
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = eol + 1;
  }
  return lines;
}

// The lines of the last non-empty header block.
std::vector<std::string_view> LastBlock(std::string_view text) {
  std::vector<std::string_view> block;
  bool block_ended = false;
  for (std::string_view line : Lines(text)) {
    if (line.empty()) {
      block_ended = !block.empty();
      continue;
    }
    if (block_ended) {
      block.clear();
      block_ended = false;
    }
    block.push_back(line);
  }
  return block;
}

}  // namespace

StoredResponseHeaders HeadersForStoredPayload(std::string_view headers, std::uint64_t payload_size,
                                              bool content_decoded) {
  StoredResponseHeaders stored;
  std::vector<std::string_view> lines = LastBlock(headers);
  bool length_renamed = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    size_t colon = line.find(':');
    if (i == 0 || colon == std::string_view::npos) {  // status line, or not a field
      stored.headers.append(line).append("\r\n");
      continue;
    }
    std::string_view name = TrimAsciiBlank(line.substr(0, colon));
    std::string_view value = TrimAsciiBlank(line.substr(colon + 1));
    bool rename = false;
    if (EqualsIgnoreCaseAscii(name, "Transfer-Encoding")) {
      rename = true;
    } else if (EqualsIgnoreCaseAscii(name, "Content-Encoding")) {
      rename = content_decoded && !EqualsIgnoreCaseAscii(value, "identity");
    } else if (EqualsIgnoreCaseAscii(name, "Content-Length")) {
      rename = value != std::to_string(payload_size);
      length_renamed = length_renamed || rename;
    }
    if (rename) {
      stored.headers.append(kRenamedHeaderPrefix);
      stored.renamed.emplace_back(name);
    }
    stored.headers.append(line).append("\r\n");
  }
  if (length_renamed) {
    stored.headers += "Content-Length: " + std::to_string(payload_size) + "\r\n";
  }
  stored.headers += "\r\n";
  return stored;
}

std::string RequestHeadersForRecord(std::string_view headers, std::string_view target_uri) {
  std::string out;
  for (std::string_view line : LastBlock(headers)) out.append(line).append("\r\n");
  if (out.empty()) {
    std::string_view rest = target_uri;
    size_t scheme = rest.find("://");
    if (scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
    size_t slash = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, slash);
    std::string path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    if (path.front() != '/') path.insert(0, "/");
    size_t fragment = path.find('#');
    if (fragment != std::string::npos) path.resize(fragment);
    out = "GET " + path + " HTTP/1.1\r\nHost: " + std::string(host) + "\r\n";
  }
  out += "\r\n";
  return out;
}

}  // namespace plainsight
