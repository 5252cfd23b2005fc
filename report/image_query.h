// Image queries: what `plainsight query --image` and `show A-…` find.
//
// FindAdvertsByPhoto hashes nothing itself: the caller gives the photo's
// hashes, in one orientation (a stored picture's, for `show A-…`) or in
// all eight (report/photo_orientations.h, for `query --image`: a rotated
// or mirrored repost is found too, and each match says which orientation
// of the given photo matched, the closest; on a tie the first in Dihedral
// order, so an unturned copy reads "original"). It compares them with every stored
// picture of usable quality (PhotoDistance: the smallest distance over the
// whole picture and its centred crops, on both sides) and lists each advert
// showing a picture within `max_distance`, closest first. One query reads
// every StoredImage once anyway (there is no persistent index), so it
// compares as it reads: linear, some 16 distances per stored picture.
// Correlation, which compares every picture with every other, uses
// images::PdqIndex instead (leads/image_links.h).
//
// LoadAdvertPhotos lists one advert's images with their stored pictures;
// ImagesOfAdvert adds, for each picture, the other adverts showing a
// matching one.
//
// Thread safety: pure reads of the store; the store is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "images/pdq.h"
#include "images/photo_hashes.h"
#include "report/photo_orientations.h"
#include "store/image_record.h"
#include "store/store.h"

namespace plainsight {

struct PhotoMatch {
  std::string advert_id;
  std::string advert_url;  // empty when the advert is no longer stored
  std::string image_url;   // the advert's image that matched
  std::string sha256;      // of the stored picture
  int distance = 0;        // PhotoDistance, 0..256
  // The orientation of the photo asked about that matched (always
  // kOriginal when it was given in one orientation).
  images::Dihedral orientation = images::Dihedral::kOriginal;
};

// Adverts showing a picture within max_distance of `photo`, by distance,
// then advert id, then image URL. InvalidArgument when `photo` is too flat
// to match (quality below images::kPdqMinUsableQuality).
Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(
    const Store& store, const images::PhotoHashes& photo,
    int max_distance = images::kPdqMatchDistance);
// The same for a photo in its eight orientations: the smallest distance
// over them.
Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(
    const Store& store, const PhotoOrientations& photo,
    int max_distance = images::kPdqMatchDistance);

struct AdvertPhoto {
  AdvertImage image;
  std::optional<StoredImage> picture;  // none when the image was not kept
  std::vector<PhotoMatch> matches;     // other adverts' matching images
};

// One advert's images, in page order, with their stored pictures (no
// matches looked up).
Result<std::vector<AdvertPhoto>> LoadAdvertPhotos(const Store& store, const std::string& advert_id);
// The same with each picture's matches in other adverts.
Result<std::vector<AdvertPhoto>> ImagesOfAdvert(const Store& store, const std::string& advert_id);

}  // namespace plainsight
