#include "extractors/charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "core/strings.h"

namespace plainsight {

namespace {

constexpr std::size_t kMetaScanBytes = 4096;
constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// RAII for an iconv_t conversion descriptor.
class IconvHandle {
 public:
  IconvHandle(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  IconvHandle(IconvHandle&& other) noexcept : cd_(std::exchange(other.cd_, Invalid())) {}
  IconvHandle& operator=(IconvHandle&& other) noexcept {
    std::swap(cd_, other.cd_);
    return *this;
  }

  bool ok() const { return cd_ != Invalid(); }
  iconv_t get() const { return cd_; }

 private:
  // iconv_open reports failure as (iconv_t)-1.
  static iconv_t Invalid() {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the iconv API's own sentinel
    return reinterpret_cast<iconv_t>(~std::uintptr_t{0});
  }

  iconv_t cd_;
};

std::string NormalizeLabel(std::string_view label) {
  return ToLowerAscii(
      TrimAsciiIf(label, [](char c) { return IsAsciiSpace(c) || c == '"' || c == '\''; }));
}

bool IconvKnows(const std::string& name) { return IconvHandle("UTF-8", name.c_str()).ok(); }

// Maps a charset label to the name we decode with, or "" if unknown.
std::string CanonicalCharset(std::string_view raw_label) {
  static const struct {
    const char* label;
    const char* name;
  } kAliases[] = {
      {"utf-8", "utf-8"},
      {"utf8", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"},
      {"x-unicode20utf8", "utf-8"},
      {"windows-1252", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"iso88591", "windows-1252"},
      {"iso_8859-1:1987", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"cp819", "windows-1252"},
      {"ibm819", "windows-1252"},
      {"csisolatin1", "windows-1252"},
      {"iso-ir-100", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"x-user-defined", "windows-1252"},
      {"utf-16", "utf-16le"},
      {"utf-16le", "utf-16le"},
      {"unicode", "utf-16le"},
      {"ucs-2", "utf-16le"},
      {"utf-16be", "utf-16be"},
      {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"gb2312", "gbk"},
      {"x-gbk", "gbk"},
      {"sjis", "shift_jis"},
  };
  std::string label = NormalizeLabel(raw_label);
  if (label.empty()) return "";
  for (const auto& alias : kAliases) {
    if (label == alias.label) return alias.name;
  }
  return IconvKnows(label) ? label : "";
}

// The charset= parameter of a Content-Type header value, raw.
std::string_view CharsetParameter(std::string_view value) {
  for (std::size_t i = 0; i + 8 <= value.size(); ++i) {
    static constexpr std::string_view kName = "charset=";
    if (!StartsWithIgnoreCaseAscii(value.substr(i), kName)) continue;
    std::size_t start = i + kName.size();
    std::size_t end = start;
    if (end < value.size() && (value[end] == '"' || value[end] == '\'')) {
      char quote = value[end];
      std::size_t close = value.find(quote, end + 1);
      return value.substr(end + 1,
                          (close == std::string_view::npos ? value.size() : close) - end - 1);
    }
    while (end < value.size() && value[end] != ';' && !IsAsciiSpace(value[end]) &&
           value[end] != '"' && value[end] != '\'') {
      ++end;
    }
    return value.substr(start, end - start);
  }
  return {};
}

// Parses the attributes of one tag starting just after its name; sets *end
// to just past the '>'. Calls `attribute(name_lower, value)` for each.
template <typename OnAttribute>
void ScanAttributes(std::string_view text, std::size_t pos, std::size_t* end,
                    const OnAttribute& attribute) {
  while (pos < text.size()) {
    while (pos < text.size() && (IsAsciiSpace(text[pos]) || text[pos] == '/')) ++pos;
    if (pos >= text.size() || text[pos] == '>') break;
    std::size_t name_start = pos;
    while (pos < text.size() && !IsAsciiSpace(text[pos]) && text[pos] != '=' && text[pos] != '>' &&
           text[pos] != '/') {
      ++pos;
    }
    std::string name = NormalizeLabel(text.substr(name_start, pos - name_start));
    while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
    std::string_view value;
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
      if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
        std::size_t close = text.find(text[pos], pos + 1);
        if (close == std::string_view::npos) close = text.size();
        value = text.substr(pos + 1, close - pos - 1);
        pos = close + 1;
      } else {
        std::size_t start = pos;
        while (pos < text.size() && !IsAsciiSpace(text[pos]) && text[pos] != '>') ++pos;
        value = text.substr(start, pos - start);
      }
    }
    attribute(name, value);
  }
  *end = pos;
}

// The charset label declared by a <meta> in the first 4 KiB, raw, or "".
std::string_view MetaCharset(std::string_view body) {
  std::string_view head = body.substr(0, kMetaScanBytes);
  std::size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.compare(pos, 4, "<!--") == 0) {
      std::size_t close = head.find("-->", pos + 4);
      if (close == std::string_view::npos) return {};
      pos = close + 3;
      continue;
    }
    if (!StartsWithIgnoreCaseAscii(head.substr(pos), "<meta") || pos + 5 >= head.size() ||
        !(IsAsciiSpace(head[pos + 5]) || head[pos + 5] == '/')) {
      ++pos;
      continue;
    }
    std::string_view charset, content;
    ScanAttributes(head, pos + 5, &pos, [&](const std::string& name, std::string_view value) {
      if (name == "charset" && charset.empty()) charset = value;
      if (name == "content" && content.empty()) content = value;
    });
    if (!charset.empty()) return charset;
    std::string_view from_content = CharsetParameter(content);
    if (!from_content.empty()) return from_content;
  }
  return {};
}

void AppendCodePoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string DecodeWindows1252(std::string_view body) {
  // Bytes 0x80-0x9F per the WHATWG index; the rest equal their code point.
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(body.size() + body.size() / 8);
  for (char c : body) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      AppendCodePoint(kHigh[b - 0x80], &out);
    } else {
      AppendCodePoint(b, &out);
    }
  }
  return out;
}

// Converts with iconv; invalid input becomes U+FFFD. `unit` is the code unit
// size to skip past a bad sequence (2 for UTF-16). Returns false if iconv
// does not know `charset`.
bool DecodeWithIconv(std::string_view body, const std::string& charset, std::size_t unit,
                     std::string* out) {
  IconvHandle handle("UTF-8", charset.c_str());
  if (!handle.ok()) return false;
  out->assign(body.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(body.data());  // iconv's API is not const-correct
  std::size_t in_left = body.size();
  std::size_t used = 0;
  bool flushing = false;  // input consumed; emit any pending shift state
  while (true) {
    char* dest = out->data() + used;
    std::size_t dest_left = out->size() - used;
    std::size_t rc = flushing ? iconv(handle.get(), nullptr, nullptr, &dest, &dest_left)
                              : iconv(handle.get(), &in, &in_left, &dest, &dest_left);
    used = out->size() - dest_left;
    if (rc != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;
      continue;
    }
    if (errno == E2BIG) {
      out->resize(out->size() * 2);
      continue;
    }
    if (flushing) break;
    if (out->size() - used < 3) out->resize(out->size() * 2 + 3);
    out->replace(used, 3, kReplacement, 3);
    used += 3;
    if (errno == EILSEQ && in_left > 0) {
      std::size_t skip = in_left < unit ? in_left : unit;
      in += skip;
      in_left -= skip;
    } else {  // EINVAL: a truncated sequence at the end
      flushing = true;
    }
  }
  out->resize(used);
  return true;
}

std::size_t BomLength(std::string_view body, std::string* charset) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    *charset = "utf-8";
    return 3;
  }
  if (body.substr(0, 2) == "\xFF\xFE") {
    *charset = "utf-16le";
    return 2;
  }
  if (body.substr(0, 2) == "\xFE\xFF") {
    *charset = "utf-16be";
    return 2;
  }
  return 0;
}

}  // namespace

namespace {

// The first byte at or after `i` that is not ASCII, or n; eight bytes at a
// time, since markup is nearly all ASCII.
std::size_t SkipAscii(const unsigned char* bytes, std::size_t i, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    std::uint64_t x;
    std::memcpy(&x, bytes + i, 8);
    if ((x & kHigh) != 0) break;
    i += 8;
  }
  while (i < n && bytes[i] < 0x80) ++i;
  return i;
}

// At a non-ASCII byte bytes[i]: true if a valid UTF-8 sequence starts
// there; either way *len is its length, or that of the maximal invalid
// subpart (the bytes one U+FFFD replaces).
bool ValidSequenceAt(const unsigned char* bytes, std::size_t i, std::size_t n,
                     std::size_t* len) {
  const unsigned char b = bytes[i];
  std::size_t need = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lower = 0xA0;
    if (b == 0xED) upper = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lower = 0x90;
    if (b == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  }
  *len = 1;
  if (need == 0) return false;
  while (*len <= need && i + *len < n) {
    const unsigned char c = bytes[i + *len];
    const unsigned char lo = *len == 1 ? lower : 0x80, hi = *len == 1 ? upper : 0xBF;
    if (c < lo || c > hi) break;
    ++*len;
  }
  return *len == need + 1;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = SkipAscii(bytes, 0, n);
  while (i < n) {
    std::size_t len = 0;
    if (!ValidSequenceAt(bytes, i, n, &len)) return false;
    i = SkipAscii(bytes, i + len, n);
  }
  return true;
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  std::size_t i = 0;
  std::size_t copied = 0;  // text[copied, i) is valid and not yet appended
  while (i < n) {
    if (bytes[i] < 0x80) {
      i = SkipAscii(bytes, i + 1, n);
      continue;
    }
    std::size_t len = 0;
    if (ValidSequenceAt(bytes, i, n, &len)) {
      i += len;
      continue;
    }
    // Invalid: replace the maximal subpart text[i, i + len) with one U+FFFD.
    out.append(text.data() + copied, i - copied);
    out.append(kReplacement, 3);
    i += len;
    copied = i;
  }
  out.append(text.data() + copied, n - copied);
  return out;
}

std::string ToUtf8(std::string_view body, std::string_view content_type_header,
                   std::string* charset) {
  // A byte order mark is unambiguous, so it wins even over the header, as in
  // browsers (a server's default "charset=ISO-8859-1" is often wrong).
  std::string name;
  std::size_t bom = BomLength(body, &name);
  if (bom == 0) name = CanonicalCharset(CharsetParameter(content_type_header));
  if (name.empty()) {
    name = CanonicalCharset(MetaCharset(body));
    // A <meta> can't truthfully declare UTF-16: the bytes that spelled it
    // were ASCII.
    if (name == "utf-16le" || name == "utf-16be") name = "utf-8";
  }
  if (name.empty()) name = "utf-8";
  body.remove_prefix(bom);

  std::string out;
  if (name == "windows-1252") {
    out = DecodeWindows1252(body);
  } else if (name == "utf-8") {
    out = SanitizeUtf8(body);
  } else {
    std::size_t unit = (name == "utf-16le" || name == "utf-16be") ? 2 : 1;
    if (!DecodeWithIconv(body, name, unit, &out)) {
      name = "utf-8";
      out = SanitizeUtf8(body);
    }
  }
  if (charset != nullptr) *charset = name;
  return out;
}

}  // namespace plainsight
