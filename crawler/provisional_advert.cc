#include "crawler/provisional_advert.h"

#include <utility>

#include "store/meta_keys.h"

namespace plainsight {

const char* const kProvisionalPrefix = meta_keys::kProvisional;

std::string ProvisionalKey(std::string_view advert_id) {
  std::string key = kProvisionalPrefix;
  key += advert_id;
  return key;
}

// "site\ncontent type\ntoday\nbody": the first three never hold a newline
// (site names and dates are config/our own; header values are unfolded).
std::string EncodeProvisionalPage(const ProvisionalPage& page) {
  std::string out;
  out.reserve(page.site.size() + page.content_type.size() + page.today.size() + page.body.size() +
              3);
  for (const std::string* field : {&page.site, &page.content_type, &page.today}) {
    for (char c : *field) out.push_back(c == '\n' ? ' ' : c);
    out.push_back('\n');
  }
  out += page.body;
  return out;
}

bool DecodeProvisionalPage(std::string_view bytes, ProvisionalPage* page) {
  std::string* fields[] = {&page->site, &page->content_type, &page->today};
  for (std::string* field : fields) {
    size_t end = bytes.find('\n');
    if (end == std::string_view::npos) return false;
    field->assign(bytes.substr(0, end));
    bytes.remove_prefix(end + 1);
  }
  page->body.assign(bytes);
  return true;
}

void SetExtractedContent(AdvertExtraction x, AdvertRecord* advert) {
  advert->title = std::move(x.title);
  advert->text = std::move(x.text);
  advert->location = std::move(x.location);
  advert->posted = std::move(x.posted);
  advert->phones.clear();
  for (ExtractedPhone& p : x.phones) advert->phones.push_back(std::move(p.e164));
  advert->emails.clear();
  for (ExtractedEmail& e : x.emails) advert->emails.push_back(std::move(e.email));
  advert->handles.clear();
  for (ExtractedHandle& h : x.handles) advert->handles.push_back(std::move(h.handle));
  advert->company = std::move(x.company);
  advert->postcodes = std::move(x.postcodes);
  advert->addresses = std::move(x.addresses);
  advert->towns = std::move(x.towns);
  advert->indicators.clear();
  for (IndicatorHit& hit : x.indicators) {
    advert->indicators.push_back({hit.id, hit.category, hit.weight, std::move(hit.match)});
  }
  advert->pay.clear();
  for (ExtractedPay& p : x.pay) advert->pay.push_back(MovePayFields<PayRecord>(std::move(p)));
}

}  // namespace plainsight
