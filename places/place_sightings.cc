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

// The sentence around [offset, offset + length), cut to about a clause each
// side: the advert's own words for why it names the place.
std::string SentenceAround(std::string_view text, size_t offset, size_t length) {
  constexpr size_t kBefore = 90, kAfter = 60;
  size_t begin = offset > kBefore ? offset - kBefore : 0;
  for (size_t i = offset; i > begin; --i) {
    const char c = text[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '|') {
      begin = i;
      break;
    }
  }
  size_t end = std::min(text.size(), offset + length + kAfter);
  bool sentence_end = end == text.size();
  for (size_t i = offset + length; i < end; ++i) {
    const char c = text[i];
    // A full stop inside "St." or a postcode's neighbour is rare enough; a
    // sentence end stops the quote.
    if (c == '!' || c == '?' || c == '\n' || c == '|' || (c == '.' && (i + 1 == text.size() || text[i + 1] == ' '))) {
      end = i + (c == '.' ? 1 : 0);
      sentence_end = true;
      break;
    }
  }
  // Cut by length: end on a word, with an ellipsis.
  std::string tail;
  if (!sentence_end) {
    const size_t space = text.rfind(' ', end);
    if (space != std::string_view::npos && space > offset + length) end = space;
    tail = "\u2026";
  }
  // Never cut a UTF-8 sequence: move the ends off continuation bytes.
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return std::string(TrimAscii(text.substr(begin, end - begin))) + tail;
}

// Housing words in the sentence naming a job's address: the place is where
// the workers live (UK "spot the signs": housing provided or controlled by
// the employer; the police page: many workers living at one address). The
// pack's accommodation indicators cover the advert as a whole; these cover
// the sentence that gives the address.
bool SpeaksOfHousing(std::string_view sentence) {
  static const RE2 re(
      R"((?i)\b(?:accommodation|live[- ]in|living on site|live on site|rooms?|beds?|bedrooms?|shared house|house ?share|workers'? house|hostel|caravans?|lodging|digs|rent)\b)");
  return RE2::PartialMatch(sentence, re);
}

// The advert's own words for a stored (normalised) address, from the
// advert's address matches (found once per advert).
std::string QuoteFor(std::string_view text, const std::vector<AddressMatch>& matches,
                     const std::string& address) {
  for (const AddressMatch& match : matches) {
    if (match.address == address) return SentenceAround(text, match.offset, match.match.size());
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

// The advert's town for a place: its only town, else the one its location
// field names, else the one whose postcode areas hold the place's postcode (an advert page often names other towns
// in a "browse by town" bar or a footer).
std::string TownFor(const std::set<std::string>& towns, const std::string& location_town,
                    const std::string& postcode, const Gazetteer* gazetteer) {
  if (towns.size() == 1) return *towns.begin();
  if (!location_town.empty()) return location_town;
  if (gazetteer == nullptr || postcode.empty()) return "";
  const std::string area = PostcodeArea(postcode);
  std::string found;
  for (const std::string& town : towns) {
    const Place* place = gazetteer->Find(town);
    if (place == nullptr) continue;
    for (const std::string& listed : place->postcode_areas) {
      if (listed != area) continue;
      if (!found.empty() && found != town) return "";  // two candidates: say nothing
      found = town;
    }
  }
  return found;
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
  // Only towns the gazetteer knows: a site's location field kept as written
  // ("Chobham, Surrey Ireland,") is not a town to file a place under.
  std::set<std::string> towns;
  for (const std::string& town : advert.towns) {
    if (gazetteer == nullptr || gazetteer->Find(town) != nullptr) towns.insert(town);
  }
  std::set<std::string> keys;
  std::set<std::string> postcodes_with_street;
  // The site's own location field ("Corby, Northamptonshire") names the
  // advert's town when the page names several.
  std::string location_town;
  if (gazetteer != nullptr && !advert.location.empty()) {
    std::vector<std::string> named = gazetteer->FindPlacesInLocation(advert.location);
    if (named.size() == 1 && towns.count(named.front()) != 0) location_town = named.front();
  }

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
      sighting.town = TownFor(towns, location_town, sighting.postcode, gazetteer);
    } else if (postcodes.empty() && towns.size() == 1) {
      sighting.town = *towns.begin();
      sighting.key = "address|" + address + "|town:" + UpperKeyPart(sighting.town);
    } else {
      continue;  // a bare street: not one door
    }
    sighting.quote = QuoteFor(text, matches, address);
    if (advert.kind == "jobs" && sighting.role == "premises" && SpeaksOfHousing(sighting.quote)) {
      sighting.role = "accommodation";
    }
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
    sighting.town = TownFor(towns, location_town, match.postcode, gazetteer);
    sighting.quote = SentenceAround(text, match.offset, match.match.size());
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
    if (sighting.town.empty()) sighting.town = TownFor(towns, location_town, sighting.postcode, gazetteer);
    if (!sighting.town.empty()) {
      sighting.key = "pick-up|" + UpperKeyPart(point.place) + "|" + UpperKeyPart(sighting.town);
    } else if (!sighting.postcode.empty()) {
      sighting.key = "pick-up|" + UpperKeyPart(point.place) + "|" + sighting.postcode;
    } else {
      // "the town centre", "the station" with no town: the same words in two
      // adverts may be two towns, so such a point stays the advert's own.
      sighting.key = "pick-up|" + UpperKeyPart(point.place) + "|advert:" + advert.id;
    }
    if (keys.insert(sighting.key).second) out.push_back(std::move(sighting));
  }
  return out;
}

}  // namespace plainsight
