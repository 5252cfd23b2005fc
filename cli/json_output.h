// The contract's JSON shapes for adverts and leads (README, "JSON output").
#pragma once

#include <nlohmann/json.hpp>

#include "store/advert.h"
#include "store/store.h"

namespace plainsight::cli {

// One pay item ("amount", "amount_max", "currency", "per", "hourly",
// "match", and "up_to" when set), from a stored PayRecord or an
// extractor's ExtractedPay: the two carry the same fields.
template <typename Pay>
nlohmann::json PayJson(const Pay& p) {
  using nlohmann::json;
  json item = {{"amount", p.amount},
               {"amount_max", p.amount_max ? json(*p.amount_max) : json(nullptr)},
               {"currency", p.currency},
               {"per", p.per},
               {"hourly", p.hourly ? json(*p.hourly) : json(nullptr)},
               {"match", p.match}};
  if (p.up_to) item["up_to"] = true;
  return item;
}

nlohmann::json AdvertJson(const AdvertRecord& advert);
// Expands the lead's adverts from the store.
nlohmann::json LeadJson(const LeadRecord& lead, const Store& store);

}  // namespace plainsight::cli
