// The planted groups: adverts deliberately tied together (or, for the
// legitimate employer, tied together innocently) so the correlator and lead
// ranking have known answers. Names and shapes are stable across seeds;
// only phones drawn from the pool (every group but the circuit) vary.
#pragma once

#include <vector>

#include "tests/farm/generation_context.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

inline constexpr char kSharedPhoneCircuit[] = "shared-phone-circuit";
inline constexpr char kAgencyAddress[] = "agency-address";
inline constexpr char kRotatingTemplate[] = "rotating-template";
inline constexpr char kLegitRepeatEmployer[] = "legit-repeat-employer";

struct PlantedAdverts {
  std::vector<AdvertSpec> adverts;  // site set, id and path not yet
  std::vector<GroupSpec> groups;
};

// Reserves every planted contact in `ctx` first, so ordinary adverts made
// afterwards cannot collide with them.
PlantedAdverts PlantGroups(GenerationContext& ctx);

}  // namespace plainsight::farm
