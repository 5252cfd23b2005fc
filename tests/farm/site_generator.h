// GenerateFarm: builds the whole farm (sites, adverts with ids and paths,
// planted groups) from FarmOptions alone. Same options, same farm.
#pragma once

#include "tests/farm/farm.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

FarmSpec GenerateFarm(const FarmOptions& options);

}  // namespace plainsight::farm
