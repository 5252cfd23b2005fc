// Advert photos in the store.
//
// Each picture is kept once, by the SHA-256 of its bytes (StoredImage: its
// PDQ hashes, size, and where its WARC record is); each advert lists the
// image URLs its page showed, pointing at those pictures (AdvertImage).
// Both live in the meta family under the prefixes of store/meta_keys.h
// (kImage, kAdvertImage). The crawler writes them in the same atomic write
// as the image's frontier commit (PageCommit::meta), so a run killed
// between fetch and commit fetches the image again and never doubles it.
// Deleting an advert (retention) deletes its AdvertImage entries; a
// StoredImage no advert lists any more is deleted with its last advert.
//
// Plain values and pure codec functions (JSON); the Store helpers below
// only call Store's thread-safe methods, so everything here may be used
// from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct StoredImage {
  std::string sha256;        // 64 lower-case hex digits, of the bytes as fetched
  std::string content_type;  // as served, e.g. "image/jpeg"
  std::string format;        // as sniffed: "JPEG", "PNG", "WebP", "GIF"
  std::uint64_t bytes = 0;
  int width = 0;  // as displayed (after EXIF orientation), in pixels
  int height = 0;
  int quality = 0;  // PDQ quality, 0..100; below 50 the hash is never matched
  std::string pdq;  // 64 hex digits: PDQ of the whole picture
  // PDQ of the centred crops (images/photo_hashes.h kCropFractions order).
  std::vector<std::string> crops;
  std::string first_url;  // where it was first fetched
  std::int64_t fetched_at = 0;
  // Where its capture is kept as WARC evidence (under <store>/warc).
  std::string warc_file;
  std::uint64_t warc_offset = 0;
  std::uint64_t warc_length = 0;
};

struct AdvertImage {
  std::string advert_id;
  std::string url;     // normalised absolute URL, as the advert page named it
  int order = 0;       // 0-based position among the advert's images
  std::string sha256;  // the StoredImage; empty when none was kept
  // Why none was kept ("HTTP 404", "over max_image_bytes", "not an image:
  // ...", "refused by robots.txt"); empty when sha256 is set or while the
  // image is still to fetch.
  std::string error;
  std::int64_t at = 0;  // when it was fetched or given up
};

// The meta entries that record one fetched image, for PageCommit::meta:
// the AdvertImage, its reference from the picture back to the advert
// ("image-ref\x1f<sha256>\x1f<advert id>"), and the StoredImage when
// `picture` is given (the first time this picture is kept).
std::vector<std::pair<std::string, std::string>> AdvertImageEntries(const AdvertImage& image,
                                                                    const StoredImage* picture);

// "image\x1f<sha256>".
std::string StoredImageKey(std::string_view sha256);
// "advert-image\x1f<advert id>\x1f", the prefix listing an advert's images.
std::string AdvertImagePrefix(std::string_view advert_id);
// AdvertImagePrefix + the image URL.
std::string AdvertImageKey(std::string_view advert_id, std::string_view url);

std::string EncodeStoredImage(const StoredImage& image);
Result<StoredImage> DecodeStoredImage(std::string_view json);
std::string EncodeAdvertImage(const AdvertImage& image);
Result<AdvertImage> DecodeAdvertImage(std::string_view json);

// One advert's images, in page order.
Result<std::vector<AdvertImage>> LoadAdvertImages(const Store& store, std::string_view advert_id);
// The picture stored under `sha256`, if any.
Result<std::optional<StoredImage>> LoadStoredImage(const Store& store, std::string_view sha256);
// The ids of the adverts that list the picture `sha256` (its image-ref keys).
Result<std::vector<std::string>> AdvertsShowingPicture(const Store& store, std::string_view sha256);
// Every stored picture; stops early when `visit` returns false.
Status ForEachStoredImage(const Store& store,
                          const std::function<bool(const StoredImage&)>& visit);
// Every advert's image entries, grouped by advert (key order).
Status ForEachAdvertImage(const Store& store,
                          const std::function<bool(const AdvertImage&)>& visit);
// Deletes an advert's image entries, and each StoredImage no other advert
// lists any more. For retention and DeleteAdvert's callers. Several writes,
// not one: each is idempotent and an image's advert row goes last, so a
// delete interrupted part-way is finished by calling it again.
Status DeleteAdvertImages(Store& store, std::string_view advert_id);
// Turns one advert's image into a refusal saying `why` (e.g. "site
// chrome", learnt after it was fetched): its reference goes, the picture
// too when no other advert lists it, and the row is rewritten last, with no
// sha256. Idempotent, so an interrupted call is finished by the next.
Status RefuseAdvertImage(Store& store, AdvertImage image, const std::string& why);

}  // namespace plainsight
