#include "images/pdq.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <vector>

#include "images/pdq_blur.h"

namespace plainsight::images {
namespace {

constexpr std::size_t kSide = kPdqGridSide;  // the decimated buffer is kSide x kSide
constexpr std::size_t kDctSide = 16;         // the DCT output kept is kDctSide x kDctSide

using Dct16 = std::array<std::array<float, kDctSide>, kDctSide>;

// Rows 1..16 of the 64-point DCT-II (row 0, the mean, carries no pattern).
// A function-local static: built once, on first use, thread-safely.
struct DctMatrix {
  std::array<std::array<float, kSide>, kDctSide> d{};
  // d transposed, so both products below run along memory.
  std::array<std::array<float, kDctSide>, kSide> d_t{};
  DctMatrix() {
    const double scale = std::sqrt(2.0 / static_cast<double>(kSide));
    for (std::size_t i = 0; i < kDctSide; ++i) {
      for (std::size_t j = 0; j < kSide; ++j) {
        const double angle = std::numbers::pi / (2.0 * static_cast<double>(kSide)) *
                             static_cast<double>(i + 1) * static_cast<double>(2 * j + 1);
        d[i][j] = static_cast<float>(scale * std::cos(angle));
        d_t[j][i] = d[i][j];
      }
    }
  }
};

const DctMatrix& Dct() {
  static const DctMatrix matrix;
  return matrix;
}

// Blur and decimate, then quality and the 16x16 DCT. Returns the quality.
int BlurDecimateDct(const float* luma, std::size_t rows, std::size_t cols, std::size_t stride,
                    Dct16& out) {
  const PdqGrid small = BlurAndDecimate(luma, rows, cols, stride);

  // Quality: the sum of truncated neighbour differences, in percent of 255.
  int gradient = 0;
  for (std::size_t i = 0; i + 1 < kSide; ++i) {
    for (std::size_t j = 0; j < kSide; ++j) {
      gradient += std::abs(static_cast<int>((small[i][j] - small[i + 1][j]) * 100.0f / 255.0f));
    }
  }
  for (std::size_t i = 0; i < kSide; ++i) {
    for (std::size_t j = 0; j + 1 < kSide; ++j) {
      gradient += std::abs(static_cast<int>((small[i][j] - small[i][j + 1]) * 100.0f / 255.0f));
    }
  }
  const int quality = std::min(100, gradient / 90);

  // B = D * A * D^T, in two steps: T = D * A (16x64), B = T * D^T (16x16).
  const auto& d = Dct().d;
  std::array<std::array<float, kSide>, kDctSide> t{};
  for (std::size_t i = 0; i < kDctSide; ++i) {
    for (std::size_t k = 0; k < kSide; ++k) {
      const float dik = d[i][k];
      for (std::size_t j = 0; j < kSide; ++j) t[i][j] += dik * small[k][j];
    }
  }
  // B[i][j] sums over k in the same order as a dot product would, but with
  // j innermost: sixteen independent sums (vector code) instead of one
  // long chain of dependent additions.
  const auto& d_t = Dct().d_t;
  out = Dct16{};
  for (std::size_t i = 0; i < kDctSide; ++i) {
    for (std::size_t k = 0; k < kSide; ++k) {
      const float tik = t[i][k];
      for (std::size_t j = 0; j < kDctSide; ++j) out[i][j] += tik * d_t[k][j];
    }
  }
  return quality;
}

// Bit 16*i + j is set where B[i][j] exceeds the lower median of B.
PdqHash ToBits(const Dct16& dct) {
  std::array<float, kDctSide * kDctSide> values{};
  auto next = values.begin();
  for (const auto& row : dct) next = std::copy(row.begin(), row.end(), next);
  const auto middle = values.begin() + (values.size() / 2 - 1);  // the 128th smallest
  std::nth_element(values.begin(), middle, values.end());
  const float median = *middle;
  PdqHash hash;
  for (std::size_t i = 0; i < kDctSide; ++i) {
    for (std::size_t j = 0; j < kDctSide; ++j) {
      if (dct[i][j] > median) hash.SetBit(static_cast<int>(i * kDctSide + j));
    }
  }
  return hash;
}

// Mirroring the picture left to right multiplies DCT column v (frequency
// v + 1) by (-1)^(v + 1); top to bottom does the same to rows; transposing
// the picture transposes B. Every orientation is a mix of the three.
Dct16 Orient(const Dct16& in, Dihedral which) {
  bool transpose = false, flip_rows = false, flip_cols = false;
  switch (which) {
    case Dihedral::kOriginal:
      break;
    case Dihedral::kRotate90:
      transpose = flip_rows = true;
      break;
    case Dihedral::kRotate180:
      flip_rows = flip_cols = true;
      break;
    case Dihedral::kRotate270:
      transpose = flip_cols = true;
      break;
    case Dihedral::kFlipX:
      flip_rows = true;
      break;
    case Dihedral::kFlipY:
      flip_cols = true;
      break;
    case Dihedral::kFlipPlus1:
      transpose = true;
      break;
    case Dihedral::kFlipMinus1:
      transpose = flip_rows = flip_cols = true;
      break;
  }
  Dct16 out{};
  for (std::size_t i = 0; i < kDctSide; ++i) {
    for (std::size_t j = 0; j < kDctSide; ++j) {
      float v = transpose ? in[j][i] : in[i][j];
      // Frequencies i + 1 and j + 1 are odd where i and j are even.
      if (flip_rows && i % 2 == 0) v = -v;
      if (flip_cols && j % 2 == 0) v = -v;
      out[i][j] = v;
    }
  }
  return out;
}

bool TooSmall(int rows, int cols) { return rows < kPdqMinDimension || cols < kPdqMinDimension; }

}  // namespace

PdqResult PdqFromLuma(const float* luma, int rows, int cols, std::size_t row_stride) {
  if (TooSmall(rows, cols)) return {};
  Dct16 dct{};
  const int quality = BlurDecimateDct(luma, static_cast<std::size_t>(rows),
                                      static_cast<std::size_t>(cols), row_stride, dct);
  return {ToBits(dct), quality};
}

PdqResult PdqFromLuma(const float* luma, int rows, int cols) {
  return PdqFromLuma(luma, rows, cols, static_cast<std::size_t>(std::max(cols, 0)));
}

PdqDihedralResult PdqDihedralFromLuma(const float* luma, int rows, int cols,
                                      std::size_t row_stride) {
  PdqDihedralResult result;
  if (TooSmall(rows, cols)) return result;
  Dct16 dct{};
  result.quality = BlurDecimateDct(luma, static_cast<std::size_t>(rows),
                                   static_cast<std::size_t>(cols), row_stride, dct);
  for (std::size_t k = 0; k < kDihedralCount; ++k) {
    result.hashes[k] = ToBits(Orient(dct, static_cast<Dihedral>(k)));
  }
  return result;
}

PdqDihedralResult PdqDihedralFromLuma(const float* luma, int rows, int cols) {
  return PdqDihedralFromLuma(luma, rows, cols, static_cast<std::size_t>(std::max(cols, 0)));
}

}  // namespace plainsight::images
