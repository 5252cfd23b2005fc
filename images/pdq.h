// PDQ: Meta's 256-bit perceptual photo hash, computed from a luminance
// buffer (../shared/pdq/README.md describes the algorithm step by step).
//
// PdqFromLuma hashes one picture; PdqDihedralFromLuma also gives the hashes
// of its seven rotations and flips, from the same DCT (a rotated or
// mirrored copy of a photo then matches one of the eight). Decoding an
// image file into luminance is images/image_decoder.h's job.
//
// Pure functions: they read the caller's buffer, allocate their own scratch
// space and keep no state, so any number of threads may call them at once.
// The DCT matrix is a function-local static, built once on first use
// (thread-safe initialisation).
#pragma once

#include <array>
#include <cstddef>

#include "images/pdq_hash.h"

namespace plainsight::images {

struct PdqResult {
  PdqHash hash;
  // 0 (flat, unusable) to 100: how much gradient the 64x64 image has.
  // Hashes of quality < kPdqMinUsableQuality should not be matched.
  int quality = 0;
};

// Pictures smaller than this in either dimension hash to all zero bits
// with quality 0, as in the reference implementation.
inline constexpr int kPdqMinDimension = 5;

// `luma` is rows x cols, row-major, values 0..255 (Y = 0.299 R + 0.587 G
// + 0.114 B). The row_stride overload reads a window of a larger buffer
// (row r starts at luma + r * row_stride), so a crop needs no copy.
PdqResult PdqFromLuma(const float* luma, int rows, int cols);
PdqResult PdqFromLuma(const float* luma, int rows, int cols, std::size_t row_stride);

// The eight orientations of a picture, in the order and with the names of
// the reference implementation's test files (bridge-1 .. bridge-8; checked
// against their published hashes in tests/images/pdq_conformance_test.cc).
// Each hash is what hashing the picture turned that way would give, nearly:
// the box filter and the sampling grid are not exactly symmetric, so the
// hash of a really turned file differs in a few bits.
enum class Dihedral : std::size_t {
  kOriginal = 0,
  kRotate90 = 1,    // a quarter turn anticlockwise
  kRotate180 = 2,   // a half turn
  kRotate270 = 3,   // a quarter turn clockwise
  kFlipX = 4,       // mirrored about the horizontal (x) axis: top <-> bottom
  kFlipY = 5,       // mirrored about the vertical (y) axis: left <-> right
  kFlipPlus1 = 6,   // mirrored about the main diagonal (transposed)
  kFlipMinus1 = 7,  // mirrored about the anti-diagonal
};
inline constexpr std::size_t kDihedralCount = 8;

struct PdqDihedralResult {
  // Indexed by static_cast<std::size_t>(Dihedral).
  std::array<PdqHash, kDihedralCount> hashes{};
  int quality = 0;  // the same for every orientation

  const PdqHash& operator[](Dihedral d) const { return hashes[static_cast<std::size_t>(d)]; }
};

// One blur, one decimation and one DCT; the other seven hashes come from
// sign changes and transposes of the 16x16 DCT output.
PdqDihedralResult PdqDihedralFromLuma(const float* luma, int rows, int cols);
PdqDihedralResult PdqDihedralFromLuma(const float* luma, int rows, int cols,
                                      std::size_t row_stride);

}  // namespace plainsight::images
