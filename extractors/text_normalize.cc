#include "extractors/text_normalize.h"

#include <utf8proc.h>

#include <cstdint>

#include "core/strings.h"

namespace plainsight {
namespace {

bool IsDropped(int32_t cp) {
  return cp == 0x00AD ||                    // soft hyphen
         (cp >= 0x200B && cp <= 0x200F) ||  // zero-width space/joiners, marks
         cp == 0x2060 || cp == 0xFEFF ||    // word joiner, BOM
         cp == 0xFE0E || cp == 0xFE0F ||    // text/emoji presentation selectors
         cp == 0x20E3;                      // combining enclosing keycap
}

bool IsLineBreak(int32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

// The ASCII members of IsSpace (Unicode's White_Space): core's IsAsciiSpace
// and \v.
constexpr bool IsAsciiWhiteSpace(utf8proc_uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
}

// ASCII other than whitespace: maps byte for byte.
constexpr bool IsPlainAscii(utf8proc_uint8_t c) { return c < 0x80 && !IsAsciiWhiteSpace(c); }

// Byte classes for the fast path, by table: it runs for every byte.
enum ByteClass : uint8_t { kPlain, kLoneSpace, kOther };

struct ByteClasses {
  ByteClass of[256];
};

constexpr ByteClasses MakeByteClasses() {
  ByteClasses classes{};
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<utf8proc_uint8_t>(c);
    classes.of[c] = IsPlainAscii(byte) ? kPlain : (c == ' ' || c == '\n') ? kLoneSpace : kOther;
  }
  return classes;
}

constexpr ByteClasses kByteClasses = MakeByteClasses();

bool IsSpace(int32_t cp) {
  if (cp == ' ' || cp == '\t' || IsLineBreak(cp)) return true;
  if (cp < 0x80) return false;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool IsDash(int32_t cp) { return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63; }

// Dingbat circled digits ❶..❿, ➀..➉, ➊..➓ have no compatibility mapping.
int DingbatDigit(int32_t cp) {
  for (int32_t base : {0x2776, 0x2780, 0x278A}) {
    if (cp >= base && cp < base + 10) return static_cast<int>(cp - base + 1);
  }
  return -1;
}

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) {}

  void Append(std::string_view bytes, size_t origin) {
    out_->text.append(bytes);
    out_->original_offset.insert(out_->original_offset.end(), bytes.size(), origin);
  }

  // original[begin, end) copied as is; each byte maps to itself.
  void AppendIdentity(std::string_view original, size_t begin, size_t end) {
    out_->text.append(original.data() + begin, end - begin);
    // One resize and a plain loop: push_back per byte was most of the cost.
    std::vector<size_t>& offsets = out_->original_offset;
    const size_t at = offsets.size();
    offsets.resize(at + (end - begin));
    size_t* dst = offsets.data() + at;
    for (size_t i = begin; i < end; ++i) *dst++ = i;
  }

  void AppendCodePoint(int32_t cp, size_t origin) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
    Append(std::string_view(reinterpret_cast<const char*>(buf), static_cast<size_t>(n)), origin);
  }

  // NFKC of one code point; falls back to the code point itself.
  void AppendFolded(int32_t cp, size_t origin) {
    utf8proc_int32_t buf[32];
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE);
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, options, &boundclass);
    if (n > 0 && n <= 32) n = utf8proc_normalize_utf32(buf, n, options);
    if (n <= 0 || n > 32) {
      AppendCodePoint(cp, origin);
      return;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      int32_t folded = buf[i];
      if (IsDash(folded)) folded = '-';
      AppendCodePoint(folded, origin);
    }
  }

 private:
  NormalizedText* out_;
};

}  // namespace

size_t NormalizedText::ToOriginal(size_t normalized_offset) const {
  if (original_offset.empty()) return 0;
  if (normalized_offset >= original_offset.size()) return original_offset.back();
  return original_offset[normalized_offset];
}

std::string_view NormalizedText::OriginalSpan(std::string_view original, size_t begin,
                                              size_t end) const {
  size_t b = ToOriginal(begin);
  size_t e = ToOriginal(end);
  if (b > original.size()) b = original.size();
  if (e > original.size()) e = original.size();
  if (e < b) e = b;
  return original.substr(b, e - b);
}

NormalizedText NormalizeForMatching(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.original_offset.reserve(original.size() + 1);
  Builder builder(&out);

  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(original.data());
  size_t pos = 0;
  size_t space_start = 0;
  bool in_space = false;
  bool space_has_break = false;
  auto flush_space = [&] {
    if (!in_space) return;
    builder.Append(space_has_break ? "\n" : " ", space_start);
    in_space = false;
    space_has_break = false;
  };

  while (pos < original.size()) {
    // Fast path: a run of printable-or-control ASCII other than whitespace
    // maps byte for byte, which is nearly all of a typical page.
    if (kByteClasses.of[bytes[pos]] == kPlain) {
      const size_t n = original.size();
      size_t end = pos + 1;
      while (end < n) {
        const ByteClass c = kByteClasses.of[bytes[end]];
        if (c == kPlain) {
          ++end;
        } else if (c == kLoneSpace && end + 1 < n && kByteClasses.of[bytes[end + 1]] == kPlain) {
          // A lone ' ' or '\n' between plain bytes is a space run that
          // folds to itself.
          end += 2;
        } else {
          break;
        }
      }
      flush_space();
      builder.AppendIdentity(original, pos, end);
      pos = end;
      continue;
    }
    int32_t cp = 0;
    utf8proc_ssize_t len;
    if (bytes[pos] < 0x80) {
      cp = bytes[pos];
      len = 1;
    } else {
      len =
          utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(original.size() - pos), &cp);
    }
    if (len <= 0) {  // invalid UTF-8: pass the byte through untouched
      flush_space();
      builder.Append(original.substr(pos, 1), pos);
      ++pos;
      continue;
    }
    const size_t here = pos;
    pos += static_cast<size_t>(len);

    if (IsSpace(cp)) {
      if (!in_space) {
        in_space = true;
        space_start = here;
      }
      if (IsLineBreak(cp)) space_has_break = true;
      continue;
    }
    if (IsDropped(cp)) continue;  // keeps a space run open across it
    flush_space();
    if (cp < 0x80) {
      builder.Append(original.substr(here, 1), here);
    } else if (IsDash(cp)) {
      builder.Append("-", here);
    } else if (int digit = DingbatDigit(cp); digit > 0) {
      builder.Append(digit == 10 ? "10" : std::string(1, static_cast<char>('0' + digit)), here);
    } else {
      builder.AppendFolded(cp, here);
    }
  }
  flush_space();
  out.original_offset.push_back(original.size());
  return out;
}


}  // namespace plainsight
