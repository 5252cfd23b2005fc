// BuildPlaces: every place the stored adverts name, scored and ranked for
// planning safeguarding visits (docs/places.md). One pass over the adverts
// (their text is needed for pick-up wording and quotes) and one over the
// leads; nothing is written.
//
//   1. Each advert's sightings (places/place_sightings.h) are gathered by
//      place key.
//   2. A site's own address (on at least site_address_share of the site's
//      adverts, and on site_address_min_adverts or more) loses that site's
//      mentions: an office or footer address is not a place of concern.
//   3. Adverts that give only a postcode join the one full address other
//      adverts give at that postcode; with none or several, the postcode is
//      a place of its own.
//   4. Each place is scored (places/place_scorer.h) and takes its status
//      from the analysts' decisions (places/place_review.h).
//
// Thread safety: reads the store only; the gazetteer is only read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/place_settings.h"
#include "core/status.h"
#include "extractors/gazetteer.h"
#include "places/place.h"
#include "store/store.h"

namespace plainsight {

// Every place, highest score first (then id), unfiltered. Leads at or
// above `lead_min_score` count for the places holding their adverts.
Result<std::vector<PlaceRecord>> BuildPlaces(const Store& store, const Gazetteer* gazetteer,
                                             const PlaceSettings& settings, double lead_min_score);

struct PlaceFilter {
  double min_score = 0;
  std::int64_t since = 0;  // an advert at the place seen at or after this
  std::string kind;        // "jobs" or "adult": the place has an advert of this kind
  std::string town;        // the place is in this town (case-insensitive)
  std::size_t limit = 0;   // 0: all
};

// The places `filter` keeps, in the order given, at most `filter.limit`.
std::vector<PlaceRecord> SelectPlaces(const std::vector<PlaceRecord>& places, const PlaceFilter& filter);

// Score descending, then id ascending.
bool PlaceRanksBefore(const PlaceRecord& a, const PlaceRecord& b);

}  // namespace plainsight
