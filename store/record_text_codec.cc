// DecodeAdvertText: reads "title" and "text" out of an advert's JSON without
// building a document. Anything unexpected falls back to DecodeAdvert, so
// the fast path only has to be right, not complete.
#include "store/record_codec.h"

#include "store/json_scanner.h"

namespace plainsight {
namespace {

bool ScanTitleAndText(JsonScanner& s, std::string* title, std::string* text) {
  s.SkipSpace();
  if (!s.Eat('{')) return false;
  s.SkipSpace();
  if (s.Eat('}')) return true;
  std::string key;
  while (true) {
    s.SkipSpace();
    if (!s.String(&key)) return false;
    s.SkipSpace();
    if (!s.Eat(':')) return false;
    s.SkipSpace();
    std::string* out = key == "title" ? title : key == "text" ? text : nullptr;
    if (out != nullptr && s.Peek() == '"') {
      if (!s.String(out)) return false;
    } else if (!s.SkipValue(0)) {
      return false;
    }
    s.SkipSpace();
    if (s.Eat('}')) return true;
    if (!s.Eat(',')) return false;
  }
}

}  // namespace

Status DecodeAdvertText(std::string_view bytes, std::string* title, std::string* text) {
  title->clear();
  text->clear();
  JsonScanner scanner(bytes);
  if (ScanTitleAndText(scanner, title, text)) return Status::OK();
  AdvertRecord advert;
  Status s = DecodeAdvert(std::string(bytes), &advert);
  if (!s.ok()) return s;
  *title = std::move(advert.title);
  *text = std::move(advert.text);
  return Status::OK();
}

}  // namespace plainsight
