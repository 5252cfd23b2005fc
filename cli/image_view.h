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

// {"advert_id", "url", "image_url", "sha256", "distance", "orientation"}
// (report/photo_orientations.h OrientationName: how the photo asked about
// was turned to match, "original" when it was not).
nlohmann::json PhotoMatchJson(const PhotoMatch& match);
// One line per match: distance, advert id, advert URL, image URL, and how
// the photo was turned when it matched turned.
void PrintPhotoMatches(std::ostream& out, const std::vector<PhotoMatch>& matches);

// The contract's `images` entity of an advert: "pdq:<64 hex>" of each
// picture kept, in page order, without repeats.
nlohmann::json AdvertPdqEntities(const std::vector<AdvertPhoto>& photos);

// The one encoding of an advert's photos ("photos"), for every advert object (query,
// leads, show, report, evidence): [{"url", "order", "sha256", "error"
// (when none was kept), and for a kept picture "pdq" ("pdq:<hex>" of the
// whole picture), "quality", "width", "height", "format", "bytes", "warc"}],
// plus "matches": [PhotoMatchJson...] with kWithMatches (`show A-…`).
enum class PhotoMatches { kLeaveOut, kWithMatches };
nlohmann::json AdvertPhotosJson(const std::vector<AdvertPhoto>& photos,
                                PhotoMatches matches = PhotoMatches::kLeaveOut);
void PrintAdvertPhotos(std::ostream& out, const std::vector<AdvertPhoto>& photos);

}  // namespace plainsight::cli
