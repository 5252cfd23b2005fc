#include "report/photo_orientations.h"

#include <cmath>
#include <cstddef>

namespace plainsight {

PhotoOrientations HashDecodedOrientations(const images::DecodedImage& image) {
  PhotoOrientations out;
  const images::PdqDihedralResult full =
      images::PdqDihedralFromLuma(image.luma.data(), image.height, image.width);
  for (std::size_t d = 0; d < images::kDihedralCount; ++d) {
    images::PhotoHashes& h = out[d];
    h.full = full.hashes[d];
    h.quality = full.quality;
    // As turned: quarter turns and the diagonal mirrors swap the sides.
    using images::Dihedral;
    const auto turn = static_cast<Dihedral>(d);
    const bool swapped = turn == Dihedral::kRotate90 || turn == Dihedral::kRotate270 ||
                         turn == Dihedral::kFlipPlus1 || turn == Dihedral::kFlipMinus1;
    h.width = swapped ? image.source_height : image.source_width;
    h.height = swapped ? image.source_width : image.source_height;
    h.crops.reserve(images::kCropFractions.size());
  }
  // The crops as images/photo_hashes.cc cuts them: centred, the same
  // fraction of each side. A centred crop of the turned picture is the
  // turned centred crop (to a pixel of margin), so the crop's eight hashes
  // stand for the turned picture's crops.
  const auto stride = static_cast<std::size_t>(image.width);
  for (const double fraction : images::kCropFractions) {
    const int w = static_cast<int>(std::lround(fraction * image.width));
    const int h = static_cast<int>(std::lround(fraction * image.height));
    const auto left = static_cast<std::size_t>((image.width - w) / 2);
    const auto top = static_cast<std::size_t>((image.height - h) / 2);
    const float* origin = image.luma.data() + top * stride + left;
    const images::PdqDihedralResult crop = images::PdqDihedralFromLuma(origin, h, w, stride);
    for (std::size_t d = 0; d < images::kDihedralCount; ++d) out[d].crops.push_back(crop.hashes[d]);
  }
  return out;
}

Result<PhotoOrientations> HashPhotoOrientations(std::string_view bytes,
                                                const images::DecodeLimits& limits) {
  Result<images::DecodedImage> decoded = images::DecodeImage(bytes, limits);
  if (!decoded.ok()) return decoded.status();
  return HashDecodedOrientations(*decoded);
}

std::string_view OrientationName(images::Dihedral orientation) {
  switch (orientation) {
    case images::Dihedral::kOriginal: return "original";
    case images::Dihedral::kRotate90: return "rotate_90";
    case images::Dihedral::kRotate180: return "rotate_180";
    case images::Dihedral::kRotate270: return "rotate_270";
    case images::Dihedral::kFlipX: return "flip_top_bottom";
    case images::Dihedral::kFlipY: return "flip_left_right";
    case images::Dihedral::kFlipPlus1: return "transpose";
    case images::Dihedral::kFlipMinus1: return "transverse";
  }
  return "original";
}

std::string_view OrientationPhrase(images::Dihedral orientation) {
  switch (orientation) {
    case images::Dihedral::kOriginal: return "as given";
    case images::Dihedral::kRotate90: return "turned a quarter anticlockwise";
    case images::Dihedral::kRotate180: return "turned upside down";
    case images::Dihedral::kRotate270: return "turned a quarter clockwise";
    case images::Dihedral::kFlipX: return "mirrored top to bottom";
    case images::Dihedral::kFlipY: return "mirrored left to right";
    case images::Dihedral::kFlipPlus1: return "mirrored about its main diagonal";
    case images::Dihedral::kFlipMinus1: return "mirrored about its other diagonal";
  }
  return "as given";
}

}  // namespace plainsight
