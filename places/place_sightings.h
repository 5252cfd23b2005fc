// Place sightings: the places one advert names, each with the role the
// advert gives it and the advert's own words. Rules (docs/places.md):
//   - a full address is a street with the advert's one postcode, or with
//     its one town when it gives no postcode; a bare street is not a place
//     (two "14 High Street"s in different towns are different doors);
//   - a postcode the advert gives without a street is a postcode sighting;
//   - a job advert offering accommodation makes its address an
//     "accommodation" sighting; an adult advert's address is "incall";
//   - transport wording naming a place is a "pick-up" sighting
//     (extractors/pickup_points.h);
//   - not places: an address given as a job centre's ("apply at the
//     Jobcentre Plus, …"), and an industrial estate or business park named
//     as a whole with only its postcode (a numbered unit on one is a place).
//
// Thread safety: pure function over its arguments; the gazetteer is only
// read. Safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "extractors/gazetteer.h"
#include "store/advert.h"

namespace plainsight {

struct PlaceSighting {
  std::string key;       // see PlaceRecord::key
  std::string address;   // "14 MILL ROAD" (upper case, as stored) or a pick-up landmark
  std::string postcode;  // "NN1 1AA" or ""
  std::string town;      // or ""
  std::string role;      // "accommodation", "incall", "premises", "pick-up"
  std::string quote;     // the advert's words
  std::string time;      // pick-up time or ""
  bool postcode_only = false;
};

std::vector<PlaceSighting> SightPlaces(const AdvertRecord& advert, const Gazetteer* gazetteer);

// True for indicator ids and categories that mean the job comes with housing.
bool OffersAccommodation(const AdvertRecord& advert);

}  // namespace plainsight
