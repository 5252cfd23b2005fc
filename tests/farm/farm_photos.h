// Advert photos on the farm's adult sites (issue 16): generated pictures
// (tests/images/test_pictures.h, never real photos), served as JPEG, PNG
// and WebP, and the photo truth a correlator must find.
//
// Every adult advert shows one or two photos of its own. Planted on top:
//   - kPhotoGroupCount photo groups, each kPhotoGroupSize adverts across
//     both adult sites whose phones all differ, but which show one picture:
//     the first as posted (JPEG), the next re-encoded smaller at a lower
//     quality, the third cropped 2% a side and saved as PNG;
//   - a stock photo (WebP) on kStockPhotoAdverts unrelated adverts, which
//     must become a hub, not a lead;
//   - the site logo (kLogoPath) on every page of the adult sites: site
//     chrome, never to be fetched.
// Pictures are 320x240 (the logo smaller), deterministic from their path,
// encoded once per process and cached.
//
// Thread safety: PhotoReply may be called from any thread (the cache has
// its own lock); PlantPhotos is called while the farm is generated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tests/farm/site_model.h"
#include "tests/farm/site_reply.h"

namespace plainsight::farm {

inline constexpr char kLogoPath[] = "/static/logo.png";
inline constexpr char kStockPhotoPath[] = "/photos/stock.webp";
inline constexpr int kPhotoGroupCount = 3;
inline constexpr int kPhotoGroupSize = 3;
inline constexpr int kStockPhotoAdverts = 8;

// Gives every adult advert its photos and plants the photo groups and the
// stock photo into farm->photo_groups. Draws nothing from the generation
// context, so the rest of the farm is as it was without photos.
void PlantPhotos(FarmSpec* farm);

// `<img>` tags for an advert's photos (site-relative), and for the logo.
std::string PhotosHtml(const AdvertSpec& ad);
std::string LogoHtml();

// The picture at `target` (kLogoPath or under /photos/), or nullopt.
std::optional<SiteReply> PhotoReply(const std::string& target);

}  // namespace plainsight::farm
