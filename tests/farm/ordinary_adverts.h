// Ordinary adverts: neutral wording and contacts nobody else uses, the
// background the planted groups must stand out from.
#pragma once

#include <string>

#include "tests/farm/generation_context.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

AdvertSpec OrdinaryAdultAdvert(GenerationContext& ctx, const std::string& site);
AdvertSpec OrdinaryJobAdvert(GenerationContext& ctx, const std::string& site);

}  // namespace plainsight::farm
