// The contract's JSON shapes for adverts and leads (README, "JSON output").
#pragma once

#include <nlohmann/json.hpp>

#include "report/image_query.h"
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

// The contract's advert object ("images": its pictures' "pdq:<hex>") plus
// "photos" (cli/image_view.h AdvertPhotosJson: each image the advert's page
// showed, with its picture's SHA-256, PDQ, quality, size and capture).
nlohmann::json AdvertJson(const AdvertRecord& advert, const std::vector<AdvertPhoto>& photos);
// The same, the advert's photos read from the store (a store error is a
// CliError, exit 2).
nlohmann::json AdvertJson(const AdvertRecord& advert, const Store& store);
// Expands the lead's adverts, with their photos, from the store.
nlohmann::json LeadJson(const LeadRecord& lead, const Store& store);

}  // namespace plainsight::cli
