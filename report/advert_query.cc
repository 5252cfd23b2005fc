#include "report/advert_query.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "core/strings.h"
#include "extractors/phones.h"
#include "extractors/postcodes.h"

namespace plainsight {
namespace {

Result<std::string> NormalizePhone(const std::string& typed, const std::string& region) {
  auto found = FindPhones(typed, region);
  if (found.empty()) return Status::InvalidArgument("phone: not a phone number: " + typed);
  return found.front().e164;
}

Result<std::string> NormalizePostcode(const std::string& typed) {
  auto found = FindPostcodes(typed);
  if (found.empty()) return Status::InvalidArgument("postcode: not a UK postcode: " + typed);
  return found.front().postcode;
}

// The (type, stored value) pairs the index is asked for.
Result<std::vector<std::pair<EntityType, std::string>>> Lookups(const AdvertQuery& q,
                                                                const std::string& region) {
  std::vector<std::pair<EntityType, std::string>> out;
  if (!q.phone.empty()) {
    auto phone = NormalizePhone(q.phone, region);
    if (!phone.ok()) return phone.status();
    out.emplace_back(EntityType::kPhone, *phone);
  }
  if (!q.email.empty()) out.emplace_back(EntityType::kEmail, ToLowerAscii(q.email));
  if (!q.postcode.empty()) {
    auto postcode = NormalizePostcode(q.postcode);
    if (!postcode.ok()) return postcode.status();
    out.emplace_back(EntityType::kPostcode, *postcode);
  }
  if (!q.handle.empty()) {
    auto handle = NormalizeHandle(q.handle, region);
    if (!handle.ok()) return handle.status();
    out.emplace_back(EntityType::kHandle, *handle);
  }
  return out;
}

}  // namespace

Result<std::string> NormalizeHandle(const std::string& typed, const std::string& region) {
  const size_t colon = typed.find(':');
  if (colon == std::string::npos || colon + 1 == typed.size()) {
    return Status::InvalidArgument(
        "handle: write SERVICE:NAME, e.g. whatsapp:+447700900123 or telegram:@name; got: " + typed);
  }
  const std::string service = ToLowerAscii(typed.substr(0, colon));
  std::string name = typed.substr(colon + 1);
  if (service != "whatsapp" && service != "telegram" && service != "snapchat" &&
      service != "signal") {
    return Status::InvalidArgument("handle: unknown service '" + service +
                                   "' (whatsapp, telegram, snapchat or signal)");
  }
  auto found = FindPhones(name, region);
  if (!found.empty() && (service == "whatsapp" || service == "signal")) {
    return service + ":" + found.front().e164;
  }
  if (service == "whatsapp") return Status::InvalidArgument("handle: not a phone number: " + name);
  name = ToLowerAscii(name);
  if (!name.empty() && name.front() == '@') name.erase(0, 1);
  return service + ":" + (service == "telegram" ? "@" : "") + name;
}

Result<std::vector<AdvertRecord>> FindAdverts(const Store& store, const AdvertQuery& query,
                                              const std::string& region) {
  std::unique_ptr<RE2> text_re;
  if (!query.text.empty()) {
    text_re = std::make_unique<RE2>(query.text, RE2::Quiet);
    if (!text_re->ok()) return Status::InvalidArgument("text: bad pattern: " + text_re->error());
  }
  auto lookups = Lookups(query, region);
  if (!lookups.ok()) return lookups.status();

  // Index lookups first; they narrow the scan to a handful of adverts.
  std::optional<std::set<std::string>> candidates;
  for (const auto& [type, value] : *lookups) {
    auto ids = store.AdvertIdsForEntity(type, value);
    if (!ids.ok()) return ids.status();
    std::set<std::string> found(ids->begin(), ids->end());
    if (candidates) {
      std::set<std::string> both;
      std::set_intersection(candidates->begin(), candidates->end(), found.begin(), found.end(),
                            std::inserter(both, both.begin()));
      found = std::move(both);
    }
    candidates = std::move(found);
  }

  auto keep = [&](const AdvertRecord& a) {
    if (!query.site.empty() && a.site != query.site) return false;
    if (query.since > 0 && a.last_seen < query.since) return false;
    if (!query.indicator.empty() &&
        std::none_of(a.indicators.begin(), a.indicators.end(),
                     [&](const IndicatorRecord& hit) { return hit.id == query.indicator; })) {
      return false;
    }
    return !text_re || RE2::PartialMatch(a.title, *text_re) || RE2::PartialMatch(a.text, *text_re);
  };
  std::vector<AdvertRecord> adverts;
  if (candidates) {
    for (const std::string& id : *candidates) {
      auto advert = store.GetAdvert(id);
      if (!advert.ok()) return advert.status();
      if (advert->has_value() && keep(**advert)) adverts.push_back(std::move(**advert));
    }
    return adverts;
  }
  Status s = store.ForEachAdvert([&](const AdvertRecord& a) {
    if (keep(a)) adverts.push_back(a);
    return true;
  });
  if (!s.ok()) return s;
  return adverts;
}

}  // namespace plainsight
