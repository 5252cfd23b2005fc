#include "crawler/url.h"

#include <cstdint>

#include "core/strings.h"

namespace plainsight {

namespace {

// RFC 3986 section 2.3.
bool IsUnreserved(unsigned char c) {
  return IsAsciiAlnum(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Bytes that may not appear raw in a path or query (RFC 3986 section 2),
// apart from '%' itself and the controls ParseUrl rejects outright.
bool MustEncode(unsigned char c) {
  if (c >= 0x80 || c <= 0x20 || c == 0x7f) return true;
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '\\':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}':
      return true;
    default:
      return false;
  }
}

void AppendEncoded(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

int DefaultPort(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

// RFC 3986 section 5.2.4, on a path that starts with "/".
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto pop_last_segment = [&out] {
    const size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./") || in.starts_with("/./")) {
      in.remove_prefix(2);  // RFC 3986 5.2.4 steps A and B
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_last_segment();
    } else if (in == "/..") {
      in = "/";
      pop_last_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const size_t next = in.find('/', 1);
      const size_t take = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, take));
      in.remove_prefix(take);
    }
  }
  return out;
}

bool IsValidRegName(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '.' && c != '_') return false;
  }
  return true;
}

bool IsValidIpv6Literal(std::string_view inside_brackets) {
  if (inside_brackets.empty()) return false;
  for (char c : inside_brackets) {
    if (HexDigitValue(c) < 0 && c != ':' && c != '.') return false;
  }
  return true;
}

// Parses "1".."65535"; empty means the default port.
std::optional<int> ParsePort(std::string_view digits, int default_port) {
  if (digits.empty()) return default_port;
  if (digits.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

// Splits "host[:port]" or "[v6][:port]" into a lower-case host and a port.
bool ParseHostPort(std::string_view host_port, int default_port, Url* url) {
  std::string_view host;
  std::string_view port;
  if (host_port.starts_with('[')) {
    const size_t close = host_port.find(']');
    if (close == std::string_view::npos) return false;
    if (!IsValidIpv6Literal(host_port.substr(1, close - 1))) return false;
    host = host_port.substr(0, close + 1);
    std::string_view rest = host_port.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
    }
  } else {
    const size_t colon = host_port.rfind(':');
    host = host_port.substr(0, colon);
    if (colon != std::string_view::npos) port = host_port.substr(colon + 1);
    if (!IsValidRegName(host)) return false;
  }
  std::optional<int> port_number = ParsePort(port, default_port);
  if (!port_number) return false;
  url->host = ToLowerAscii(host);
  url->port = *port_number;
  return true;
}

// Returns the lower-cased scheme if `text` starts with "scheme:" (RFC 3986
// section 3.1), and sets *rest to what follows the colon.
std::optional<std::string> SplitScheme(std::string_view text, std::string_view* rest) {
  if (text.empty() || !IsAsciiAlpha(text[0])) return std::nullopt;
  size_t i = 1;
  while (i < text.size() &&
         (IsAsciiAlnum(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.')) {
    ++i;
  }
  if (i == text.size() || text[i] != ':') return std::nullopt;
  *rest = text.substr(i + 1);
  return ToLowerAscii(text.substr(0, i));
}

bool IsHrefWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string CleanHref(std::string_view href) {
  while (!href.empty() && IsHrefWhitespace(href.front())) href.remove_prefix(1);
  while (!href.empty() && IsHrefWhitespace(href.back())) href.remove_suffix(1);
  std::string out;
  out.reserve(href.size());
  for (char c : href) {
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

bool ParamNameListed(std::string_view name, const std::vector<std::string>& names) {
  for (const std::string& listed : names) {
    if (!listed.empty() && listed.back() == '*') {
      if (name.starts_with(std::string_view(listed).substr(0, listed.size() - 1))) return true;
    } else if (name == listed) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool NeedsPercentNormalization(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '%') {
      if (i + 2 >= text.size()) return true;
      const int hi = HexDigitValue(text[i + 1]);
      const int lo = HexDigitValue(text[i + 2]);
      if (hi < 0 || lo < 0) return true;
      if (IsUnreserved(static_cast<unsigned char>(hi * 16 + lo))) return true;
      if ((text[i + 1] >= 'a' && text[i + 1] <= 'f') ||
          (text[i + 2] >= 'a' && text[i + 2] <= 'f')) {
        return true;
      }
      i += 2;
    } else if (MustEncode(c)) {
      return true;
    }
  }
  return false;
}

std::string NormalizePercentEncoding(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '%') {
      const int hi = i + 2 < text.size() ? HexDigitValue(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? HexDigitValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        out.append("%25");
        continue;
      }
      const auto decoded = static_cast<unsigned char>(hi * 16 + lo);
      if (IsUnreserved(decoded)) {
        out.push_back(static_cast<char>(decoded));
      } else {
        AppendEncoded(decoded, &out);
      }
      i += 2;
    } else if (MustEncode(c)) {
      AppendEncoded(c, &out);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string Url::ToString() const {
  std::string out = Origin();
  out += path;
  if (!query.empty()) {
    out += '?';
    out += query;
  }
  return out;
}

std::string Url::HostPort() const { return host + ":" + std::to_string(port); }

std::string Url::Origin() const {
  std::string out = scheme + "://" + host;
  if (port != DefaultPort(scheme)) {
    out += ':';
    out += std::to_string(port);
  }
  return out;
}

std::string Url::PathAndQuery() const {
  if (query.empty()) return path;
  return path + "?" + query;
}

std::optional<Url> ParseUrl(std::string_view absolute_url) {
  if (absolute_url.size() > kMaxUrlLength) return std::nullopt;
  for (char c : absolute_url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return std::nullopt;
  }
  std::string_view rest;
  std::optional<std::string> scheme = SplitScheme(absolute_url, &rest);
  if (!scheme || (*scheme != "http" && *scheme != "https")) return std::nullopt;
  if (!rest.starts_with("//")) return std::nullopt;
  rest.remove_prefix(2);

  Url url;
  url.scheme = std::move(*scheme);
  const size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  // User-info is never needed to fetch a public advert and would leak into
  // logs and the store, so it is dropped.
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!ParseHostPort(authority, DefaultPort(url.scheme), &url)) return std::nullopt;

  rest = rest.substr(0, rest.find('#'));
  const size_t question = rest.find('?');
  std::string_view path = rest.substr(0, question);
  if (question != std::string_view::npos) {
    url.query = NormalizePercentEncoding(rest.substr(question + 1));
  }
  // Percent-encoding first, so "%2E%2E" counts as a dot segment
  // (RFC 3986 section 6.2.2 order).
  const std::string encoded_path = NormalizePercentEncoding(path);
  url.path = encoded_path.empty() ? "/" : RemoveDotSegments(encoded_path);
  if (url.path.empty()) url.path = "/";
  return url;
}

std::optional<std::string> NormalizeUrl(std::string_view absolute_url) {
  std::optional<Url> url = ParseUrl(absolute_url);
  if (!url) return std::nullopt;
  return url->ToString();
}

std::optional<std::string> ResolveUrl(std::string_view base_url, std::string_view href) {
  std::optional<Url> base = ParseUrl(base_url);
  if (!base) return std::nullopt;
  const std::string cleaned = CleanHref(href);
  std::string_view ref = cleaned;

  std::string_view after_scheme;
  if (std::optional<std::string> scheme = SplitScheme(ref, &after_scheme)) {
    if (*scheme != "http" && *scheme != "https") return std::nullopt;
    if (after_scheme.starts_with("//") || *scheme != base->scheme) return NormalizeUrl(ref);
    ref = after_scheme;  // "http:g": relative, RFC 3986 section 5.2.2 non-strict.
  }
  if (ref.starts_with("//")) return NormalizeUrl(base->scheme + ":" + std::string(ref));

  ref = ref.substr(0, ref.find('#'));
  const size_t question = ref.find('?');
  const std::string_view path = ref.substr(0, question);
  std::string target = base->Origin();
  if (path.empty()) {
    target += base->path;
  } else if (path.front() == '/') {
    target += path;
  } else {
    // Merge (RFC 3986 section 5.2.3): the base path up to its last '/'.
    target.append(base->path, 0, base->path.rfind('/') + 1);
    target += path;
  }
  if (question != std::string_view::npos) {
    target += ref.substr(question);
  } else if (path.empty() && !base->query.empty()) {
    target += '?';
    target += base->query;
  }
  return NormalizeUrl(target);
}

std::string StripQueryParams(std::string_view normalized_url,
                             const std::vector<std::string>& names) {
  const size_t question = normalized_url.find('?');
  if (question == std::string_view::npos) return std::string(normalized_url);
  const size_t hash = normalized_url.find('#', question);
  std::string_view query = normalized_url.substr(
      question + 1, hash == std::string_view::npos ? std::string_view::npos : hash - question - 1);
  std::string out(normalized_url.substr(0, question));
  char separator = '?';
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty() || ParamNameListed(param.substr(0, param.find('=')), names)) continue;
    out += separator;
    out += param;
    separator = '&';
  }
  if (hash != std::string_view::npos) out += normalized_url.substr(hash);
  return out;
}

bool IsSameSite(const Url& a, const Url& b) {
  return a.port == b.port && EqualsIgnoreCaseAscii(a.host, b.host);
}

}  // namespace plainsight
