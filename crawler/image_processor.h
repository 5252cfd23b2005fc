// ImageProcessor: the worker side of advert photos. On an advert page it
// finds the photos to fetch (crawler/advert_images.h: at most
// max_images_per_advert, none when max_images_per_run is 0, site chrome
// skipped, images this advert already recorded skipped unless only an
// earlier run's image cap stopped them) and queues them with the page's
// commit; on a fetched
// image it refuses what is not a usable picture (truncated at
// max_image_bytes, a content type that is not image/*, anything the
// decoder refuses, decompression bombs included), hashes the rest
// (images/photo_hashes.h) and commits the advert's AdvertImage, and the
// StoredImage with its WARC record the first time the picture (by SHA-256)
// is kept, atomically with the image's frontier entry.
//
// Thread safety: as PageProcessor (no state of its own; what is shared is
// in CrawlState).
//
// Ownership: borrows the CrawlState, which outlives it.
#pragma once

#include <string>
#include <vector>

#include "crawler/crawl_state.h"
#include "crawler/crawl_work.h"
#include "store/image_record.h"

namespace plainsight {

class ImageProcessor {
 public:
  explicit ImageProcessor(CrawlState* state) : state_(*state) {}
  ImageProcessor(const ImageProcessor&) = delete;
  ImageProcessor& operator=(const ImageProcessor&) = delete;

  // The photos of advert `advert_id`, shown by the page of `work` (whose
  // links resolve against `base`), to fetch: added to `commit` so they are
  // persisted with the advert. Nothing when max_images_per_advert or
  // max_images_per_run is 0.
  std::vector<Pending> Discover(const Work& work, const std::string& advert_id,
                                const std::string& base, PageCommit* commit);

  // A finished image fetch (or an image settled earlier in the run).
  void Process(const Work& work);

 private:
  // Commits one advert's entry for the image; `picture` when new.
  void Record(const Pending& page, const CrawlState::ImageOutcome& outcome,
              const StoredImage* picture);
  // Keeps a fetched picture: the outcome, and `picture` filled when this is
  // the first time it is kept.
  CrawlState::ImageOutcome Keep(const Work& work, StoredImage* picture, bool* is_new);

  CrawlState& state_;
};

}  // namespace plainsight
