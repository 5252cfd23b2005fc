// GenerateFarm: builds the whole farm (sites, adverts with ids and paths,
// planted groups, hostile-board's ordinary vacancies) from FarmOptions
// alone. Same options, same farm. The context overload leaves `ctx` as
// generation left it, so later days (farm_days.h) draw fresh contacts.
#pragma once

#include "tests/farm/farm.h"
#include "tests/farm/generation_context.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

FarmSpec GenerateFarm(const FarmOptions& options);
// `ctx` must be fresh, seeded with options.seed.
FarmSpec GenerateFarm(const FarmOptions& options, GenerationContext* ctx);

// A distinct id in [lo, hi] not used by any advert of `site` nor retired.
int FreshAdvertId(GenerationContext& ctx, const SiteSpec& site);

}  // namespace plainsight::farm
