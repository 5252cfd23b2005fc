#include "images/photo_hashes.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "images/pdq.h"

namespace plainsight::images {

PhotoHashes HashDecoded(const DecodedImage& image) {
  PhotoHashes out;
  out.width = image.source_width;
  out.height = image.source_height;
  const PdqResult full = PdqFromLuma(image.luma.data(), image.height, image.width);
  out.full = full.hash;
  out.quality = full.quality;
  out.crops.reserve(kCropFractions.size());
  const auto stride = static_cast<std::size_t>(image.width);
  for (const double fraction : kCropFractions) {
    // Centred: equal margins (to the pixel) on opposite sides.
    const int w = static_cast<int>(std::lround(fraction * image.width));
    const int h = static_cast<int>(std::lround(fraction * image.height));
    const auto left = static_cast<std::size_t>((image.width - w) / 2);
    const auto top = static_cast<std::size_t>((image.height - h) / 2);
    const float* origin = image.luma.data() + top * stride + left;
    // The crop is a window of the same buffer (row stride), not a copy.
    out.crops.push_back(PdqFromLuma(origin, h, w, stride).hash);
  }
  return out;
}

Result<PhotoHashes> HashPhoto(std::string_view bytes, const DecodeLimits& limits) {
  Result<DecodedImage> decoded = DecodeImage(bytes, limits);
  if (!decoded.ok()) return decoded.status();
  return HashDecoded(*decoded);
}

int PhotoDistance(const PhotoHashes& a, const PhotoHashes& b) {
  int best = HammingDistance(a.full, b.full);
  for (const PdqHash& cb : b.crops) best = std::min(best, HammingDistance(a.full, cb));
  for (const PdqHash& ca : a.crops) {
    best = std::min(best, HammingDistance(ca, b.full));
    for (const PdqHash& cb : b.crops) best = std::min(best, HammingDistance(ca, cb));
  }
  return best;
}

bool PhotosMatch(const PhotoHashes& a, const PhotoHashes& b) {
  return a.quality >= kPdqMinUsableQuality && b.quality >= kPdqMinUsableQuality &&
         PhotoDistance(a, b) <= kPdqMatchDistance;
}

}  // namespace plainsight::images
