// How photos are shown to the analyst: `query --image` results and the
// images of one advert in `show A-…` (report/image_query.h finds them), as
// JSON (the contract's shapes) or text.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "report/image_query.h"
#include "store/store.h"

namespace plainsight::cli {

// {"advert_id", "url", "image_url", "sha256", "distance"}.
nlohmann::json PhotoMatchJson(const PhotoMatch& match);
// One line per match: distance, advert id, advert URL, image URL.
void PrintPhotoMatches(std::ostream& out, const std::vector<PhotoMatch>& matches);

// [{"url", "order", "sha256", "pdq" ("pdq:<hex>"), "quality", "width",
// "height", "format", "bytes", "error", "warc", "matches": [...]}].
nlohmann::json AdvertPhotosJson(const std::vector<AdvertPhoto>& photos);
void PrintAdvertPhotos(std::ostream& out, const std::vector<AdvertPhoto>& photos);

}  // namespace plainsight::cli
