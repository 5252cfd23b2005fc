// ReportImage: a photo an advert showed, as the report and the exports
// name it (store/image_record.h holds it): where it was fetched, its
// SHA-256, its own PDQ hash, the photo entity it links adverts by, and
// where its capture is kept as evidence. The report links it and never
// embeds it unless asked (`report --thumbnails`, report/thumbnails.h).
//
// Thread safety: the functions only read the store (thread-safe); the
// values are plain.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct ReportImage {
  std::string advert_id;
  std::string url;     // as the advert page named it
  std::string sha256;  // of the bytes as fetched
  std::string pdq;     // "pdq:<64 hex>" of the picture itself, or empty when none was kept
  // "pdq:<64 hex>" of the photo cluster correlation links adverts by
  // (leads/image_links.h PhotoEntityValues); empty when the picture is too
  // flat to match or AddPhotoEntities was not called.
  std::string entity;
  std::string format;  // "JPEG", "PNG", "WebP", "GIF"
  int quality = 0;     // PDQ quality, 0..100
  int width = 0;       // as displayed, in pixels
  int height = 0;
  std::string warc_file;  // under <store>/warc; empty when not kept
  std::uint64_t warc_offset = 0;
  std::uint64_t warc_length = 0;
  // Set by AddThumbnails only: the picture as a data: URI and the size to
  // show it at (at most kThumbnailSide a side), or why there is none.
  std::string thumbnail;
  int thumbnail_width = 0;
  int thumbnail_height = 0;
  std::string thumbnail_error;
};

// The kept photos (a picture stored) of these adverts, advert by advert in
// page order.
Result<std::vector<ReportImage>> KeptImagesOf(const Store& store,
                                              const std::vector<std::string>& advert_ids);

// Fills each image's `entity` from the store's photo clusters (one
// clustering of every stored picture: seconds for 100,000 pictures).
Status AddPhotoEntities(const Store& store, std::vector<ReportImage>* images);

}  // namespace plainsight
