// Site chrome among advert images, settled over the store at the end of a
// run. During a run the crawler skips an image once it looks like chrome
// (crawl_state.h, counts of this run so far), so a site's first adverts can
// still have fetched its logo, and which ones did depends on timing and on
// where a killed run was resumed. The settle pass makes the end state
// depend on the stored adverts alone: an image URL listed by at least
// `min_adverts` of a site's adverts and by more than half of the site's
// adverts that list any image is chrome, and every advert's row for it
// becomes the refusal kSiteChromeRefusal (the picture goes with its last
// reference). A photo reused across adverts (one person under many names,
// a stock photo) stays under half and is kept as evidence. A "site chrome"
// row of an image that is not chrome by these counts (skipped on a run's
// partial ones) is deleted, so the advert's next visit fetches it.
//
// Cost: one scan of the image rows and one summary read per advert with
// images; memory: one 64-bit hash and a count per distinct image URL.
// Idempotent, so a run killed part-way settles again at its next end.
// Thread safety: call with no crawl writing images (the end of a run).
#pragma once

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

// Why an advert image was not kept: the site shows it on most adverts.
inline constexpr char kSiteChromeRefusal[] = "site chrome";

struct ChromeSettled {
  int chrome_urls = 0;   // image URLs found to be chrome
  int rows_refused = 0;  // advert rows turned into kSiteChromeRefusal now
  int rows_reopened = 0; // chrome rows of images that are not chrome, deleted
};

Result<ChromeSettled> SettleChromeImages(Store& store, int min_adverts);

}  // namespace plainsight
