// AdvertImages: the photo URLs an advert page shows, read from its HTML
// without a DOM (a light tag scan, run only when image fetching is on, so
// a crawl with max_images_per_advert = 0 parses nothing extra).
//
// Per <img>, one URL, the best it offers: the srcset candidate with the
// largest width (`640w`) or density (`2x`), else a lazy-load attribute
// (`data-src`, `data-lazy-src`, `data-original`: `src` is then often a
// placeholder), else `src`. Plus `<meta property="og:image">`. In page
// order, `data:` URLs dropped, character references in attribute values
// decoded (&amp; and numeric ones). URLs are returned as written: resolving
// and normalising is the caller's (ResolveUrl, crawler/url.h).
//
// Pure functions: safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

std::vector<std::string> FindImageUrls(std::string_view html);

// The best candidate of a srcset value ("a.jpg 320w, b.jpg 640w" -> b.jpg);
// empty when it has none.
std::string BestSrcsetCandidate(std::string_view srcset);

}  // namespace plainsight
