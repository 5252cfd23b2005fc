// The contract's JSON shapes for adverts and leads (README, "JSON output").
#pragma once

#include <nlohmann/json.hpp>

#include "store/advert.h"
#include "store/store.h"

namespace plainsight::cli {

nlohmann::json AdvertJson(const AdvertRecord& advert);
// Expands the lead's adverts from the store.
nlohmann::json LeadJson(const LeadRecord& lead, const Store& store);

}  // namespace plainsight::cli
