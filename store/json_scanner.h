// JsonScanner: a cursor over one JSON text that reads the few members a
// caller wants and skips the rest, building no document. Internal to the
// store's codecs (record_text_codec.cc, lead_brief_codec.cc): each falls back
// to the full nlohmann decoder when a scan fails, so a scanner method only
// has to be right when it returns true, never complete.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view in) : in_(in) {}

  char Peek() const { return at_ < in_.size() ? in_[at_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c || at_ >= in_.size()) return false;
    ++at_;
    return true;
  }
  void SkipSpace() {
    while (at_ < in_.size() &&
           (in_[at_] == ' ' || in_[at_] == '\n' || in_[at_] == '\r' || in_[at_] == '\t')) {
      ++at_;
    }
  }

  bool Hex4(std::uint32_t* v) {
    if (at_ + 4 > in_.size()) return false;
    *v = 0;
    for (size_t i = 0; i < 4; ++i) {
      const char c = in_[at_++];
      std::uint32_t d = 0;
      if (c >= '0' && c <= '9') {
        d = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      *v = *v * 16 + d;
    }
    return true;
  }

  static void AppendUtf8(std::uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  }

  // A JSON string at the cursor, unescaped into `out`.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    while (at_ < in_.size()) {
      const size_t run = in_.find_first_of("\"\\", at_);
      if (run == std::string_view::npos) return false;
      out->append(in_.data() + at_, run - at_);
      at_ = run + 1;
      if (in_[run] == '"') return true;
      if (at_ >= in_.size()) return false;
      const char e = in_[at_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(e); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xd800 && cp < 0xdc00) {  // a surrogate pair
            std::uint32_t low = 0;
            if (!Eat('\\') || !Eat('u') || !Hex4(&low) || low < 0xdc00 || low >= 0xe000) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          } else if (cp >= 0xdc00 && cp < 0xe000) {
            return false;
          }
          AppendUtf8(cp, out);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  bool SkipString() {
    if (!Eat('"')) return false;
    while (at_ < in_.size()) {
      const size_t run = in_.find_first_of("\"\\", at_);
      if (run == std::string_view::npos) return false;
      at_ = run + 1;
      if (in_[run] == '"') return true;
      ++at_;  // the escaped character (a \u's digits are plain characters)
    }
    return false;
  }

  bool SkipValue(int depth) {
    if (depth > 64) return false;
    const char c = Peek();
    if (c == '"') return SkipString();
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      SkipSpace();
      if (Eat(close)) return true;
      while (true) {
        SkipSpace();
        if (c == '{') {
          if (!SkipString()) return false;
          SkipSpace();
          if (!Eat(':')) return false;
          SkipSpace();
        }
        if (!SkipValue(depth + 1)) return false;
        SkipSpace();
        if (Eat(close)) return true;
        if (!Eat(',')) return false;
      }
    }
    // A number, true, false or null.
    const size_t start = at_;
    while (at_ < in_.size() && in_[at_] != ',' && in_[at_] != '}' && in_[at_] != ']' &&
           in_[at_] != ' ' && in_[at_] != '\n') {
      ++at_;
    }
    return at_ > start;
  }

  // A JSON integer at the cursor (no fraction or exponent).
  bool Int64(std::int64_t* out) {
    const size_t start = at_;
    bool negative = Eat('-');
    std::uint64_t v = 0;
    size_t digits = 0;
    while (at_ < in_.size() && in_[at_] >= '0' && in_[at_] <= '9' && digits < 18) {
      v = v * 10 + static_cast<std::uint64_t>(in_[at_++] - '0');
      ++digits;
    }
    if (digits == 0 || (at_ < in_.size() && (in_[at_] == '.' || in_[at_] == 'e' ||
                                              in_[at_] == 'E' || (in_[at_] >= '0' && in_[at_] <= '9')))) {
      at_ = start;
      return false;
    }
    *out = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    return true;
  }

  // A JSON array of strings at the cursor.
  bool StringArray(std::vector<std::string>* out) {
    out->clear();
    if (!Eat('[')) return false;
    SkipSpace();
    if (Eat(']')) return true;
    while (true) {
      SkipSpace();
      out->emplace_back();
      if (!String(&out->back())) return false;
      SkipSpace();
      if (Eat(']')) return true;
      if (!Eat(',')) return false;
    }
  }

  // An object's next key at the cursor: `{` or `,` is already eaten.
  bool Key(std::string* key) {
    SkipSpace();
    if (!String(key)) return false;
    SkipSpace();
    if (!Eat(':')) return false;
    SkipSpace();
    return true;
  }

  // After a member's value: true at `,` (more follow) or `}` (sets *done).
  bool NextMember(bool* done) {
    SkipSpace();
    if (Eat('}')) {
      *done = true;
      return true;
    }
    return Eat(',');
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
};


}  // namespace plainsight
