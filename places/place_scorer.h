// ScorePlace: a place's score and the reasons that add up to it, from its
// mentions, its advertisers, the indicator categories of its adverts and
// the leads holding them (weights: core/place_settings.h; rules:
// docs/places.md). A place with no sign of risk is capped at
// no_risk_max_points, and with many advertisers it is a hub.
//
// Thread safety: pure function.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/place_settings.h"
#include "places/place.h"

namespace plainsight {

// What the builder gathered about a place besides its mentions.
struct PlaceFacts {
  std::size_t advertisers = 0;                 // distinct phones, e-mails or employers
  std::set<std::string> indicator_categories;  // over its adverts
  std::vector<std::pair<std::string, double>> leads;  // (id, score) at or above min_score
};

// Fills place->score, reasons, reason_points and hub.
void ScorePlace(const PlaceFacts& facts, const PlaceSettings& settings, PlaceRecord* place);

}  // namespace plainsight
