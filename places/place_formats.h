// Places written out: JSON (CONTRACT.md `places --format json`), CSV for
// spreadsheets, and GeoJSON for maps. A place's coordinates come from the
// bundled gazetteer's town centre (nothing finer is known from advert text);
// each GeoJSON feature states that precision, and a place with no known
// town has no geometry (null), never a guessed point.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/gazetteer.h"
#include "places/place.h"

namespace plainsight {

// One place as CONTRACT.md gives it, plus "hub", "towns", "times" and,
// with `with_mentions`, its adverts' mentions ("mentions": [{advert, kind,
// site, role, quote, time, title, first_seen}]).
nlohmann::json PlaceJson(const PlaceRecord& place, bool with_mentions);

// Header plus one row per place.
std::string PlacesCsv(const std::vector<PlaceRecord>& places);

// A FeatureCollection, one Point feature per place.
nlohmann::json PlacesGeoJson(const std::vector<PlaceRecord>& places, const Gazetteer* gazetteer);

}  // namespace plainsight
