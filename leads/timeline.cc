#include "leads/timeline.h"

#include <algorithm>
#include <set>

#include "core/dates.h"
#include "leads/full_address.h"

namespace plainsight {
namespace {

// Whether advert `a` carries `value` as correlation reads it: a lead's
// address is a full address ("STREET, WHERE", full_address.h), which the
// store indexes by its street alone; the rest are as indexed.
bool Carries(const AdvertRecord& a, EntityType type, const std::string& value) {
  if (type != EntityType::kAddress) return true;
  const std::vector<std::string> full = FullAddresses(a.addresses, a.postcodes, a.towns);
  return std::find(full.begin(), full.end(), value) != full.end();
}

Status AddTimeline(const Store& store, EntityType type, const std::string& value,
                   std::vector<EntityTimeline>* out) {
  auto ids = store.AdvertIdsForEntity(type, type == EntityType::kAddress ? StreetOf(value) : value);
  if (!ids.ok()) return ids.status();
  EntityTimeline t;
  t.type = EntityTypeName(type);
  t.value = value;
  std::set<std::string> towns, sites;
  bool any = false;
  for (const std::string& id : *ids) {
    auto advert = store.GetAdvert(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value() || !Carries(**advert, type, value)) continue;
    const AdvertRecord& a = **advert;
    t.first_seen = any ? std::min(t.first_seen, a.first_seen) : a.first_seen;
    t.last_seen = any ? std::max(t.last_seen, a.last_seen) : a.last_seen;
    any = true;
    ++t.adverts_per_day[UtcDay(a.first_seen)];
    towns.insert(a.towns.begin(), a.towns.end());
    sites.insert(a.site);
  }
  if (!any) return Status::OK();
  t.towns.assign(towns.begin(), towns.end());
  t.sites.assign(sites.begin(), sites.end());
  out->push_back(std::move(t));
  return Status::OK();
}

}  // namespace

std::string UtcDay(std::int64_t unix_seconds) { return UtcCivilDay(unix_seconds).Iso(); }

Result<std::vector<EntityTimeline>> BuildTimelines(const Store& store, const LeadRecord& lead) {
  std::vector<EntityTimeline> out;
  const struct {
    EntityType type;
    const std::vector<std::string>* values;
  } kLists[] = {{EntityType::kPhone, &lead.phones},
                {EntityType::kEmail, &lead.emails},
                {EntityType::kPostcode, &lead.postcodes},
                {EntityType::kAddress, &lead.addresses},
                {EntityType::kHandle, &lead.handles}};
  for (const auto& list : kLists) {
    for (const std::string& value : *list.values) {
      Status s = AddTimeline(store, list.type, value, &out);
      if (!s.ok()) return s;
    }
  }
  return out;
}

}  // namespace plainsight
