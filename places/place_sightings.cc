#include "places/place_sightings.h"

#include <algorithm>
#include <set>

#include <re2/re2.h>

#include "core/strings.h"
#include "extractors/addresses.h"
#include "extractors/pickup_points.h"
#include "extractors/postcodes.h"

namespace plainsight {
namespace {

// How far before a mention to look for words that make it a job centre's or
// an estate's address: about one clause.
constexpr size_t kContextBefore = 80;

std::string_view Before(std::string_view text, size_t offset, size_t length) {
  size_t from = offset > length ? offset - length : 0;
  return text.substr(from, offset - from);
}

// Job centres: where people are sent to apply, not where they live or work.
bool NamesJobCentre(std::string_view context) {
  static const RE2 re(R"((?i)\bjob\s*cent(?:re|er)|\bjobcentre)");
  return RE2::PartialMatch(context, re);
}

// An estate or park named as a whole ("Brackmills Industrial Estate, NN4 7PB").
bool NamesEstate(std::string_view context) {
  static const RE2 re(
      R"((?i)\b(?:industrial|trading|business|enterprise|retail|distribution|technology|science)\s+(?:estate|park|centre|center)\b)");
  return RE2::PartialMatch(context, re);
}

// The advert's own words for a stored (normalised) address.
std::string QuoteFor(std::string_view text, const std::string& address) {
  for (const AddressMatch& match : FindStreetAddresses(text)) {
    if (match.address == address) return match.match;
  }
  return address;
}

std::string UpperKeyPart(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (IsAsciiAlnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      out.push_back(AsciiUpper(c));
      space = false;
    } else {
      space = true;
    }
  }
  // "the Tesco car park" and "Tesco car park" are one place.
  if (out.rfind("THE ", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace

bool OffersAccommodation(const AdvertRecord& advert) {
  if (advert.kind != "jobs") return false;
  return std::any_of(advert.indicators.begin(), advert.indicators.end(),
                     [](const IndicatorRecord& hit) {
                       return hit.category == "living_and_working_same_address" ||
                              hit.id == "jobs.accommodation_provided" ||
                              hit.id == "jobs.shared_accommodation" || hit.id == "jobs.live_on_site";
                     });
}

std::vector<PlaceSighting> SightPlaces(const AdvertRecord& advert, const Gazetteer* gazetteer) {
  std::vector<PlaceSighting> out;
  const std::string_view text = advert.text;
  const std::string premises_role =
      advert.kind == "adult" ? "incall" : (OffersAccommodation(advert) ? "accommodation" : "premises");

  std::set<std::string> postcodes(advert.postcodes.begin(), advert.postcodes.end());
  std::set<std::string> towns(advert.towns.begin(), advert.towns.end());
  std::set<std::string> keys;
  std::set<std::string> postcodes_with_street;

  // Mentions the text gives as a job centre's or an estate's are not places.
  std::vector<AddressMatch> matches = FindStreetAddresses(text);
  auto excluded_address = [&](const std::string& address) {
    for (const AddressMatch& match : matches) {
      if (match.address != address) continue;
      std::string_view context = Before(text, match.offset, kContextBefore);
      std::string_view after = text.substr(match.offset, match.match.size() + 40);
      if (NamesJobCentre(context) || NamesJobCentre(after)) return true;
    }
    return false;
  };

  for (const std::string& address : advert.addresses) {
    if (excluded_address(address)) continue;
    PlaceSighting sighting;
    sighting.address = address;
    sighting.role = premises_role;
    if (postcodes.size() == 1) {
      sighting.postcode = *postcodes.begin();
      sighting.key = "address|" + address + "|" + sighting.postcode;
      postcodes_with_street.insert(sighting.postcode);
      if (towns.size() == 1) sighting.town = *towns.begin();
    } else if (postcodes.empty() && towns.size() == 1) {
      sighting.town = *towns.begin();
      sighting.key = "address|" + address + "|town:" + UpperKeyPart(sighting.town);
    } else {
      continue;  // a bare street: not one door
    }
    sighting.quote = QuoteFor(text, address);
    if (keys.insert(sighting.key).second) out.push_back(std::move(sighting));
  }

  for (const PostcodeMatch& match : FindPostcodes(text)) {
    if (postcodes.count(match.postcode) == 0 || postcodes_with_street.count(match.postcode) != 0) {
      continue;
    }
    std::string_view context = Before(text, match.offset, kContextBefore);
    if (NamesJobCentre(context) || NamesEstate(context)) continue;
    PlaceSighting sighting;
    sighting.postcode = match.postcode;
    sighting.key = "postcode|" + match.postcode;
    sighting.role = premises_role;
    sighting.postcode_only = true;
    if (towns.size() == 1) sighting.town = *towns.begin();
    size_t from = match.offset > 40 ? match.offset - 40 : 0;
    sighting.quote = std::string(TrimAscii(text.substr(from, match.offset + match.match.size() - from)));
    if (keys.insert(sighting.key).second) out.push_back(std::move(sighting));
  }

  for (const PickupPoint& point : FindPickupPoints(text, gazetteer)) {
    PlaceSighting sighting;
    sighting.address = point.place;
    sighting.postcode = point.postcode;
    sighting.town = point.town;
    sighting.role = "pick-up";
    sighting.quote = point.match;
    sighting.time = point.time;
    sighting.key = "pick-up|" + UpperKeyPart(point.place) + "|" + UpperKeyPart(point.town);
    if (keys.insert(sighting.key).second) out.push_back(std::move(sighting));
  }
  return out;
}

}  // namespace plainsight
