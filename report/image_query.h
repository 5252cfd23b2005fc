// Image queries: what `plainsight query --image` and `show A-…` find.
//
// FindAdvertsByPhoto hashes nothing itself: the caller gives the photo's
// hashes (images::HashPhoto of a file). It compares them with every stored
// picture of usable quality (PhotoDistance: the smallest distance over the
// whole picture and its centred crops, on both sides) and lists each advert
// showing a picture within `max_distance`, closest first. One query reads
// every StoredImage once anyway (there is no persistent index), so it
// compares as it reads: linear, some 16 distances per stored picture.
// Correlation, which compares every picture with every other, uses
// images::PdqIndex instead (leads/image_links.h).
//
// ImagesOfAdvert lists one advert's images with their stored pictures and,
// for each picture, the other adverts showing a matching one.
//
// Thread safety: pure reads of the store; the store is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "images/photo_hashes.h"
#include "store/image_record.h"
#include "store/store.h"

namespace plainsight {

struct PhotoMatch {
  std::string advert_id;
  std::string advert_url;  // empty when the advert is no longer stored
  std::string image_url;   // the advert's image that matched
  std::string sha256;      // of the stored picture
  int distance = 0;        // PhotoDistance, 0..256
};

// Adverts showing a picture within max_distance of `photo`, by distance,
// then advert id, then image URL. InvalidArgument when `photo` is too flat
// to match (quality below images::kPdqMinUsableQuality).
Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(
    const Store& store, const images::PhotoHashes& photo,
    int max_distance = images::kPdqMatchDistance);


struct AdvertPhoto {
  AdvertImage image;
  std::optional<StoredImage> picture;  // none when the image was not kept
  std::vector<PhotoMatch> matches;     // other adverts' matching images
};

// One advert's images, in page order, with their matches in other adverts.
Result<std::vector<AdvertPhoto>> ImagesOfAdvert(const Store& store, const std::string& advert_id);

}  // namespace plainsight
