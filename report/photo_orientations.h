// A query photo in its eight orientations, for `query --image`: a repost
// turned a quarter or mirrored is the same photo to an analyst, but its
// PDQ hash is unrelated to the original's (about 128 bits apart).
//
// The photo is decoded once (images/image_decoder.h) and each of its
// hashes (whole picture and the centred crops of images/photo_hashes.h) is
// taken in all eight orientations from one DCT by PdqDihedralFromLuma
// (images/pdq.h), so eight orientations cost little more than one. Entry
// d of the result holds the hashes of the photo turned by Dihedral d:
// if entry kRotate90 matches a stored picture, the given photo turned a
// quarter anticlockwise is that picture. Stored pictures keep one
// orientation only; turning the query covers every pair.
//
// Pure functions; safe from any thread.
#pragma once

#include <array>
#include <string_view>

#include "core/status.h"
#include "images/image_decoder.h"
#include "images/pdq.h"
#include "images/photo_hashes.h"

namespace plainsight {

// Indexed by static_cast<std::size_t>(images::Dihedral).
using PhotoOrientations = std::array<images::PhotoHashes, images::kDihedralCount>;

// Decodes `bytes` (the decoder's errors pass through) and hashes the
// picture and its crops in every orientation.
Result<PhotoOrientations> HashPhotoOrientations(std::string_view bytes,
                                                const images::DecodeLimits& limits = {});
PhotoOrientations HashDecodedOrientations(const images::DecodedImage& image);

// For JSON: "original", "rotate_90" (a quarter turn anticlockwise),
// "rotate_180", "rotate_270" (a quarter turn clockwise), "flip_top_bottom",
// "flip_left_right", "transpose" (mirrored about the main diagonal),
// "transverse" (about the other diagonal).
std::string_view OrientationName(images::Dihedral orientation);
// For people: "as given", "turned a quarter anticlockwise", ...
std::string_view OrientationPhrase(images::Dihedral orientation);

}  // namespace plainsight
