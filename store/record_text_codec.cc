// DecodeAdvertText: reads "title" and "text" out of an advert's JSON without
// building a document. Anything unexpected falls back to DecodeAdvert, so
// the fast path only has to be right, not complete.
#include "store/record_codec.h"

namespace plainsight {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view in) : in_(in) {}

  bool Object(std::string* title, std::string* text) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return true;
    std::string key;
    while (true) {
      SkipSpace();
      if (!String(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      std::string* out = key == "title" ? title : key == "text" ? text : nullptr;
      if (out != nullptr && Peek() == '"') {
        if (!String(out)) return false;
      } else if (!SkipValue(0)) {
        return false;
      }
      SkipSpace();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
    }
  }

 private:
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

  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace

Status DecodeAdvertText(std::string_view bytes, std::string* title, std::string* text) {
  title->clear();
  text->clear();
  if (Scanner(bytes).Object(title, text)) return Status::OK();
  AdvertRecord advert;
  Status s = DecodeAdvert(std::string(bytes), &advert);
  if (!s.ok()) return s;
  *title = std::move(advert.title);
  *text = std::move(advert.text);
  return Status::OK();
}

}  // namespace plainsight
