// PhotoHashes: the hashes plainsight keeps for an advert photo, and how two
// photos are compared.
//
// PDQ of the whole picture, plus PDQ of centred crops (kCropFractions of
// the width and height), so a repost cropped by a few per cent on each side
// still matches: its whole-picture hash lands near one of the original's
// crop hashes. PhotoDistance is the smallest distance over every pair of
// {full} + crops of one photo and of the other; PhotosMatch applies PDQ's
// published threshold (31) to it, and requires both photos to be of usable
// quality (>= 50): flat pictures (blank, one colour, a logo on white) give
// hashes that match far too easily.
//
// More pairs per comparison means more chances of a false match: with
// four hashes a side there are sixteen pairs. bench/pdq_bench measures both
// rates on generated pictures; see there before changing the crops.
//
// Plain values and pure functions: safe to use from any thread.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "images/image_decoder.h"
#include "images/pdq_hash.h"

namespace plainsight::images {

// Fractions of the width and height kept by the centred crops, chosen by
// measurement (bench/pdq_bench and a sweep on 120 generated pictures): PDQ
// of a crop only matches a same-scale crop within about +-0.02 of the
// fraction (off by 0.02: median distance 20, worst 40), so the fractions
// must sit close together. Comparing crop i of one photo with crop j of the
// other covers the scale ratios 0.96, 0.92, 0.88 and 0.958, 0.917, 0.957:
// a repost cropped 1-6 % a side (ratio 0.98-0.88) matched in 1320 of 1320
// cases, worst distance 26. Two crops ({0.96, 0.90}: 18 misses, worst 46;
// {0.92, 0.84}: 61 of 360 missed, worst 46, mostly 1.5-3 % crops) left gaps.
// Four hashes a side make 16 pairs per comparison; on generated pictures
// the closest different pair stayed at 88 (full hashes alone: 100).
inline constexpr std::array<double, 3> kCropFractions = {0.96, 0.92, 0.88};

struct PhotoHashes {
  PdqHash full;
  int quality = 0;  // of the whole picture
  // PDQ of the centred crops, in kCropFractions order.
  std::vector<PdqHash> crops;
  // The picture as displayed (after EXIF orientation), in pixels.
  int width = 0;
  int height = 0;
};

// Decodes `bytes` (images/image_decoder.h: its errors pass through) and
// hashes the picture and its crops.
Result<PhotoHashes> HashPhoto(std::string_view bytes, const DecodeLimits& limits = {});

// The same for a picture already decoded.
PhotoHashes HashDecoded(const DecodedImage& image);

// Smallest Hamming distance over all pairs of {full} + crops, 0..256.
int PhotoDistance(const PhotoHashes& a, const PhotoHashes& b);

// PhotoDistance <= kPdqMatchDistance and both qualities >= kPdqMinUsableQuality.
bool PhotosMatch(const PhotoHashes& a, const PhotoHashes& b);

}  // namespace plainsight::images
