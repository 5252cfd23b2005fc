#include "tests/farm/farm_photos.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>

#include "tests/images/test_pictures.h"

namespace plainsight::farm {
namespace {

namespace pictures = images::test_pictures;
using images::ImageFormat;

constexpr int kWidth = 320;
constexpr int kHeight = 240;

std::uint64_t Fnv1a(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : text) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string GroupPhotoPath(int group, int copy) {
  static const char* const kExtensions[] = {".jpg", ".jpg", ".png"};
  return "/photos/group-" + std::to_string(group) + "-" + std::to_string(copy) +
         kExtensions[copy % 3];
}

// The bytes for a path: a pure function of it.
std::string MakePhoto(const std::string& path) {
  if (path == kLogoPath) {
    return pictures::Encode({pictures::MakePicture(7001, 7001, 160, 60), ImageFormat::kPng, 90});
  }
  if (path == kStockPhotoPath) {
    return pictures::Encode({pictures::MakePicture(7002, 7002, kWidth, kHeight), ImageFormat::kWebp,
                             85});
  }
  int group = 0, copy = 0;
  if (std::sscanf(path.c_str(), "/photos/group-%d-%d", &group, &copy) == 2) {
    const auto seed = static_cast<std::uint64_t>(8000 + group);
    const images::RgbImage original = pictures::MakePicture(seed, seed, kWidth, kHeight);
    switch (copy % 3) {
      case 0:
        return pictures::EncodeOriginal(original);
      case 1:  // reposted: shrunk and re-saved at a lower quality
        return pictures::Encode(
            {pictures::Resize(original, kWidth * 9 / 10, kHeight * 9 / 10), ImageFormat::kJpeg, 70});
      default:  // cropped 2% a side, saved as PNG
        return pictures::Encode(
            {pictures::CropSides(original, 0.02, 0.02, 0.02, 0.02), ImageFormat::kPng, 90});
    }
  }
  const std::uint64_t seed = Fnv1a(path) % 1000000;
  return pictures::EncodeOriginal(pictures::MakePicture(seed, seed + 1, kWidth, kHeight));
}

std::string ContentTypeOf(const std::string& path) {
  if (path.ends_with(".png")) return "image/png";
  if (path.ends_with(".webp")) return "image/webp";
  return "image/jpeg";
}

// Ordinary adult adverts a photo may be planted on, the two sites
// interleaved so every group spans both.
std::vector<AdvertSpec*> Candidates(FarmSpec* farm) {
  std::vector<std::vector<AdvertSpec*>> per_site;
  for (SiteSpec& site : farm->sites) {
    if (site.kind != "adult") continue;
    per_site.emplace_back();
    for (AdvertSpec& ad : site.adverts) {
      if (ad.group.empty() && !ad.disallowed) per_site.back().push_back(&ad);
    }
  }
  std::vector<AdvertSpec*> interleaved;
  for (std::size_t i = 0;; ++i) {
    bool any = false;
    for (const auto& ads : per_site) {
      if (i < ads.size()) {
        interleaved.push_back(ads[i]);
        any = true;
      }
    }
    if (!any) break;
  }
  return interleaved;
}

}  // namespace

void PlantPhotos(FarmSpec* farm) {
  for (SiteSpec& site : farm->sites) {
    if (site.kind != "adult") continue;
    for (AdvertSpec& ad : site.adverts) {
      const std::string own = "/photos/" + site.name + "-" + std::to_string(ad.id);
      ad.photos = {own + "-1.jpg"};
      if (ad.id % 2 == 0) ad.photos.push_back(own + "-2.jpg");
    }
  }
  std::vector<AdvertSpec*> candidates = Candidates(farm);
  std::size_t next = 0;
  for (int g = 0; g < kPhotoGroupCount; ++g) {
    PhotoGroupSpec group;
    group.name = "photo-group-" + std::to_string(g + 1);
    group.description = "one picture (as posted, re-encoded smaller, cropped 2% as PNG) under " +
                        std::to_string(kPhotoGroupSize) + " different phones";
    for (int k = 0; k < kPhotoGroupSize && next < candidates.size(); ++k, ++next) {
      AdvertSpec& ad = *candidates[next];
      const std::string photo = GroupPhotoPath(g, k);
      ad.photos.insert(ad.photos.begin(), photo);
      group.members.push_back({ad.site, ad.path, photo});
    }
    farm->photo_groups.push_back(std::move(group));
  }
  PhotoGroupSpec stock;
  stock.name = "stock-photo";
  stock.description = "one stock photo on unrelated adverts: a hub, not a lead";
  stock.stock = true;
  for (int k = 0; k < kStockPhotoAdverts && next < candidates.size(); ++k, ++next) {
    AdvertSpec& ad = *candidates[next];
    ad.photos.push_back(kStockPhotoPath);
    stock.members.push_back({ad.site, ad.path, kStockPhotoPath});
  }
  farm->photo_groups.push_back(std::move(stock));
}

std::string PhotosHtml(const AdvertSpec& ad) {
  if (ad.photos.empty()) return "";
  std::string html = "<div class=\"photos\">";
  for (const std::string& photo : ad.photos) {
    html += "<img src=\"" + photo + "\" alt=\"photo\" width=\"320\" height=\"240\">";
  }
  return html + "</div>\n";
}

std::string LogoHtml() {
  return std::string("<img class=\"logo-img\" src=\"") + kLogoPath + "\" alt=\"\">";
}

std::optional<SiteReply> PhotoReply(const std::string& target) {
  if (target != kLogoPath && !target.starts_with("/photos/")) return std::nullopt;
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  std::string bytes;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(target);
    if (it != cache.end()) bytes = it->second;
  }
  if (bytes.empty()) {
    bytes = MakePhoto(target);
    std::lock_guard<std::mutex> lock(mutex);
    cache.emplace(target, bytes);
  }
  return SiteReply{200, ContentTypeOf(target), std::move(bytes), {}, BodyMode::kFixed};
}

}  // namespace plainsight::farm
