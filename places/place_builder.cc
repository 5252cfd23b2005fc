#include "places/place_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/sha256.h"
#include "core/strings.h"
#include "places/place_review.h"
#include "places/place_scorer.h"
#include "places/place_sightings.h"

namespace plainsight {
namespace {

// What one advert contributes to one place.
struct Contribution {
  PlaceSighting sighting;
  PlaceMention mention;
  std::string advertiser;  // first phone, e-mail or employer; else the advert itself
  std::vector<std::string> categories;
  std::vector<std::string> towns;
};

struct Gathered {
  PlaceSighting first;  // the place's identity, from its first sighting
  std::vector<Contribution> contributions;
};

std::string AdvertiserOf(const AdvertRecord& advert) {
  if (!advert.phones.empty()) return "phone:" + advert.phones.front();
  if (!advert.emails.empty()) return "email:" + advert.emails.front();
  if (!advert.company.empty()) return "company:" + ToLowerAscii(advert.company);
  return "advert:" + advert.id;
}

// "14 MILL ROAD" -> "14 Mill Road"; a landmark keeps the advert's own case.
std::string DisplayAddress(const PlaceSighting& sighting) {
  if (sighting.role == "pick-up") return sighting.address;
  std::string out;
  bool word_start = true;
  for (char c : sighting.address) {
    out.push_back(word_start ? c : AsciiLower(c));
    word_start = !IsAsciiAlnum(c);
  }
  return out;
}

// The town most of a place's adverts give it ("" when none does): the first
// advert may not say, where the others do.
std::string MostNamedTown(const std::vector<Contribution>& contributions) {
  std::map<std::string, std::size_t> counts;
  for (const Contribution& c : contributions) {
    if (!c.sighting.town.empty()) ++counts[c.sighting.town];
  }
  std::string best;
  std::size_t most = 0;
  for (const auto& [town, count] : counts) {
    if (count > most) {
      best = town;
      most = count;
    }
  }
  return best;
}

// Step 2: a site's own office or footer address.
void DropSiteAddresses(const std::map<std::string, std::size_t>& site_adverts,
                       const PlaceSettings& settings, std::map<std::string, Gathered>* places) {
  for (auto& [key, gathered] : *places) {
    std::map<std::string, std::size_t> per_site;
    for (const Contribution& c : gathered.contributions) ++per_site[c.mention.site];
    std::set<std::string> own;
    for (const auto& [site, count] : per_site) {
      const std::size_t total = site_adverts.at(site);
      if (count >= static_cast<std::size_t>(settings.site_address_min_adverts) &&
          static_cast<double>(count) >= settings.site_address_share * static_cast<double>(total)) {
        own.insert(site);
      }
    }
    if (own.empty()) continue;
    auto& list = gathered.contributions;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Contribution& c) { return own.count(c.mention.site) != 0; }),
               list.end());
  }
}

// Step 3: postcode-only adverts join the one full address at their postcode.
void AttachPostcodes(std::map<std::string, Gathered>* places) {
  std::map<std::string, std::vector<std::string>> addresses_at;  // postcode -> address keys
  for (const auto& [key, gathered] : *places) {
    if (!gathered.contributions.empty() && gathered.first.role != "pick-up" &&
        !gathered.first.postcode_only && !gathered.first.postcode.empty()) {
      addresses_at[gathered.first.postcode].push_back(key);
    }
  }
  for (auto it = places->begin(); it != places->end();) {
    const PlaceSighting& first = it->second.first;
    auto found = addresses_at.find(first.postcode);
    if (first.postcode_only && found != addresses_at.end() && found->second.size() == 1) {
      Gathered& target = (*places)[found->second.front()];
      for (Contribution& c : it->second.contributions) target.contributions.push_back(std::move(c));
      it = places->erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace

bool PlaceRanksBefore(const PlaceRecord& a, const PlaceRecord& b) {
  return a.score != b.score ? a.score > b.score : a.id < b.id;
}

Result<std::vector<PlaceRecord>> BuildPlaces(const Store& store, const Gazetteer* gazetteer,
                                             const PlaceSettings& settings, double lead_min_score) {
  std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> leads_of;
  Status s = store.ForEachLead([&](const LeadRecord& lead) {
    if (lead.score >= lead_min_score) {
      for (const std::string& advert : lead.advert_ids) leads_of[advert].emplace_back(lead.id, lead.score);
    }
    return true;
  });
  if (!s.ok()) return s;

  std::map<std::string, Gathered> gathered;
  std::map<std::string, std::size_t> site_adverts;
  s = store.ForEachAdvert([&](const AdvertRecord& advert) {
    ++site_adverts[advert.site];
    for (PlaceSighting& sighting : SightPlaces(advert, gazetteer)) {
      Contribution c;
      c.mention = {advert.id,      advert.kind,       advert.site,       sighting.role,
                   sighting.quote, sighting.time,     advert.title,      advert.first_seen,
                   advert.last_seen, sighting.postcode_only};
      c.advertiser = AdvertiserOf(advert);
      for (const IndicatorRecord& hit : advert.indicators) c.categories.push_back(hit.category);
      c.towns = advert.towns;
      Gathered& place = gathered[sighting.key];
      if (place.contributions.empty()) place.first = sighting;
      c.sighting = std::move(sighting);
      place.contributions.push_back(std::move(c));
    }
    return true;
  });
  if (!s.ok()) return s;

  DropSiteAddresses(site_adverts, settings, &gathered);
  AttachPostcodes(&gathered);

  auto reviews = AllPlaceReviews(store);
  if (!reviews.ok()) return reviews.status();

  std::vector<PlaceRecord> out;
  for (auto& [key, place_data] : gathered) {
    auto& contributions = place_data.contributions;
    if (contributions.empty()) continue;
    std::sort(contributions.begin(), contributions.end(), [](const Contribution& a, const Contribution& b) {
      return a.mention.first_seen != b.mention.first_seen ? a.mention.first_seen < b.mention.first_seen
                                                          : a.mention.advert_id < b.mention.advert_id;
    });
    PlaceRecord place;
    place.key = key;
    place.id = PlaceIdForKey(key);
    place.address = DisplayAddress(place_data.first);
    place.postcode = place_data.first.postcode;
    place.town = place_data.first.town;
    place.role = place_data.first.role == "pick-up" ? "pick-up" : "premises";
    PlaceFacts facts;
    std::set<std::string> advertisers, kinds, towns, times, leads_seen;
    std::set<std::string> adverts;
    place.first_seen = contributions.front().mention.first_seen;
    for (const Contribution& c : contributions) {
      if (!adverts.insert(c.mention.advert_id).second) continue;
      place.mentions.push_back(c.mention);
      advertisers.insert(c.advertiser);
      kinds.insert(c.mention.kind);
      if (!c.mention.time.empty()) times.insert(c.mention.time);
      for (const std::string& town : c.towns) towns.insert(town);
      for (const std::string& category : c.categories) facts.indicator_categories.insert(category);
      place.first_seen = std::min(place.first_seen, c.mention.first_seen);
      place.last_seen = std::max(place.last_seen, c.mention.last_seen);
      auto lead = leads_of.find(c.mention.advert_id);
      if (lead == leads_of.end()) continue;
      for (const auto& [id, score] : lead->second) {
        if (leads_seen.insert(id).second) facts.leads.emplace_back(id, score);
      }
    }
    place.advert_ids.assign(adverts.begin(), adverts.end());
    place.kinds.assign(kinds.begin(), kinds.end());
    place.towns.assign(towns.begin(), towns.end());
    place.times.assign(times.begin(), times.end());
    for (const auto& lead : facts.leads) place.lead_ids.push_back(lead.first);
    if (place.town.empty()) place.town = MostNamedTown(contributions);
    if (place.town.empty() && place.towns.size() == 1) place.town = place.towns.front();
    facts.advertisers = advertisers.size();
    ScorePlace(facts, settings, &place);
    auto decisions = reviews->find(place.id);
    place.status = PlaceStatus(place, decisions == reviews->end() ? std::vector<PlaceDecision>{}
                                                                  : decisions->second);
    out.push_back(std::move(place));
  }
  std::sort(out.begin(), out.end(), PlaceRanksBefore);
  return out;
}

std::vector<PlaceRecord> SelectPlaces(const std::vector<PlaceRecord>& places, const PlaceFilter& filter) {
  std::vector<PlaceRecord> out;
  for (const PlaceRecord& place : places) {
    if (place.score < filter.min_score) continue;
    if (filter.since > 0 && place.last_seen < filter.since) continue;
    if (!filter.kind.empty() &&
        std::find(place.kinds.begin(), place.kinds.end(), filter.kind) == place.kinds.end()) {
      continue;
    }
    if (!filter.town.empty()) {
      bool in_town = EqualsIgnoreCaseAscii(place.town, filter.town);
      for (const std::string& town : place.towns) in_town = in_town || EqualsIgnoreCaseAscii(town, filter.town);
      if (!in_town) continue;
    }
    out.push_back(place);
    if (filter.limit != 0 && out.size() >= filter.limit) break;
  }
  return out;
}

std::string PlaceWhere(const PlaceRecord& place) {
  std::string where = place.address;
  for (const std::string* part : {&place.postcode, &place.town}) {
    if (!part->empty()) where += (where.empty() ? "" : ", ") + *part;
  }
  return where;
}

std::string PlaceIdForKey(const std::string& key) { return "P-" + Sha256Hex(key).substr(0, 12); }

}  // namespace plainsight
