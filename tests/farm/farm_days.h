// Change over time: AdvanceFarmDay moves the farm one day on, the way real
// advert sites drift between crawls. On each of the four ordinary sites it
// edits one ordinary advert (a new paragraph, so a new ETag and
// Last-Modified), removes another (404 on velvet-rooms and shire-jobs, 410
// on silk-companions and county-work-board; gone from the listings) and
// adds a new ordinary advert at the top of listing page 1. On day 2 it also
// adds one advert to the shared-phone-circuit group, on silk-companions.
// Planted adverts are never edited or removed; hostile-board never changes.
//
// Deterministic: it draws only from `ctx`, so the same seed advanced the
// same number of days gives the same farm. Not thread-safe; the Farm calls
// it under its lock.
#pragma once

#include "tests/farm/generation_context.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

inline constexpr int kCircuitGrowthDay = 2;

// Appends what changed to farm->history and returns it.
const DayChangeSpec& AdvanceFarmDay(GenerationContext& ctx, FarmSpec* farm);

}  // namespace plainsight::farm
