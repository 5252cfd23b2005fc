// What `places`, `show P-…`, `review P-…` and `export --places` share: the
// places built from the store with the config's settings, and one place
// printed for an analyst.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/config.h"
#include "extractors/gazetteer.h"
#include "places/place.h"
#include "store/store.h"

namespace plainsight::cli {

// Every place, ranked (exit 2 on a store error), with the config's
// gazetteer, or with `gazetteer` when the caller has it loaded already.
std::vector<PlaceRecord> BuildPlacesOrThrow(const Config& config, const Store& store);
std::vector<PlaceRecord> BuildPlacesOrThrow(const Config& config, const Store& store,
                                            const Gazetteer* gazetteer);

// The place with this id, or exit 1 naming it.
PlaceRecord FindPlaceOrThrow(const Config& config, const Store& store, const std::string& id);

// A place with its reasons, leads, adverts (oldest first: the timeline) and
// each advert's own words naming it.
void PrintPlace(std::ostream& out, const PlaceRecord& place);

}  // namespace plainsight::cli
