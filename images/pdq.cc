#include "images/pdq.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <vector>

namespace plainsight::images {
namespace {

constexpr std::size_t kSide = 64;     // the decimated buffer is kSide x kSide
constexpr std::size_t kDctSide = 16;  // the DCT output kept is kDctSide x kDctSide

using Dct16 = std::array<std::array<float, kDctSide>, kDctSide>;

// Rows 1..16 of the 64-point DCT-II (row 0, the mean, carries no pattern).
// A function-local static: built once, on first use, thread-safely.
struct DctMatrix {
  std::array<std::array<float, kSide>, kDctSide> d{};
  DctMatrix() {
    const double scale = std::sqrt(2.0 / static_cast<double>(kSide));
    for (std::size_t i = 0; i < kDctSide; ++i) {
      for (std::size_t j = 0; j < kSide; ++j) {
        const double angle = std::numbers::pi / (2.0 * static_cast<double>(kSide)) *
                             static_cast<double>(i + 1) * static_cast<double>(2 * j + 1);
        d[i][j] = static_cast<float>(scale * std::cos(angle));
      }
    }
  }
};

const DctMatrix& Dct() {
  static const DctMatrix matrix;
  return matrix;
}

// Window of the box filter along a dimension of `size` samples.
std::size_t WindowSize(std::size_t size) { return (size + 2 * kSide - 1) / (2 * kSide); }

// The reference's 1-D box filter: output o is the mean of inputs
// [o - (w - half), o + half - 1] clipped to the vector, half = (w + 2) / 2
// (7 -> [o-3, o+3], 8 -> [o-3, o+4]). The window shrinks at both ends.
struct BoxSpan {
  std::size_t lo, hi;  // inclusive
};
BoxSpan Span(std::size_t o, std::size_t length, std::size_t window) {
  const std::size_t half = (window + 2) / 2;
  const std::size_t back = window - half;
  return {o >= back ? o - back : 0, std::min(length - 1, o + half - 1)};
}

// Sample positions of the 64x64 decimation: the centre of each 1/64 band.
std::array<std::size_t, kSide> Samples(std::size_t length) {
  std::array<std::size_t, kSide> at{};
  for (std::size_t i = 0; i < kSide; ++i) {
    at[i] = static_cast<std::size_t>((static_cast<double>(i) + 0.5) * static_cast<double>(length) /
                                     static_cast<double>(kSide));
  }
  return at;
}

// Rows of a group share nothing, so the running sums of kGroup rows advance
// side by side: kGroup independent dependency chains instead of one keeps
// the floating-point adder busy.
constexpr std::size_t kGroup = 4;

// One box filter along kGroup rows at once: in[g] -> out[g], each `length`
// long. A running sum: O(1) per sample, whatever the window. The four sums
// are written out by hand so they stay in registers (at -O2 a loop over an
// array of sums keeps them in memory, one store-to-load delay per sample).
void BoxRows(const std::array<const float*, kGroup>& in, const std::array<float*, kGroup>& out,
             std::size_t length, std::size_t window) {
  static_assert(kGroup == 4);
  const float* i0 = in[0];
  const float* i1 = in[1];
  const float* i2 = in[2];
  const float* i3 = in[3];
  float* o0 = out[0];
  float* o1 = out[1];
  float* o2 = out[2];
  float* o3 = out[3];
  const std::size_t half = (window + 2) / 2;
  float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
  std::size_t ri = 0, li = 0, oi = 0;
  // The window grows to `half` inputs before the first output...
  for (; ri + 1 < half; ++ri) {
    s0 += i0[ri];
    s1 += i1[ri];
    s2 += i2[ri];
    s3 += i3[ri];
  }
  // ...grows while writing up to the full window...
  for (; ri < window; ++ri, ++oi) {
    const float inv = 1.0f / static_cast<float>(ri + 1);
    s0 += i0[ri];
    s1 += i1[ri];
    s2 += i2[ri];
    s3 += i3[ri];
    o0[oi] = s0 * inv;
    o1[oi] = s1 * inv;
    o2[oi] = s2 * inv;
    o3[oi] = s3 * inv;
  }
  // ...slides at full width...
  const float inv_full = 1.0f / static_cast<float>(window);
  for (; ri < length; ++ri, ++li, ++oi) {
    s0 += i0[ri] - i0[li];
    s1 += i1[ri] - i1[li];
    s2 += i2[ri] - i2[li];
    s3 += i3[ri] - i3[li];
    o0[oi] = s0 * inv_full;
    o1[oi] = s1 * inv_full;
    o2[oi] = s2 * inv_full;
    o3[oi] = s3 * inv_full;
  }
  // ...and shrinks at the end.
  for (; oi < length; ++li, ++oi) {
    const float inv = 1.0f / static_cast<float>(length - li - 1);
    s0 -= i0[li];
    s1 -= i1[li];
    s2 -= i2[li];
    s3 -= i3[li];
    o0[oi] = s0 * inv;
    o1[oi] = s1 * inv;
    o2[oi] = s2 * inv;
    o3[oi] = s3 * inv;
  }
}

// The blur is two passes of (box along rows, then box along columns). The
// four 1-D filters are linear and act on different axes, so they commute:
// blur = cols(cols(rows(rows(X)))). Only the 64x64 samples are kept, so:
// (1) every row gets one full running-sum box, then the second row box is
//     evaluated only at the 64 sampled columns (a direct window mean);
// (2) each of those 64 columns gets one full box, then the second column box
//     is evaluated only at the 64 sampled rows.
// That is about 1.5 operations per input pixel instead of the 4 passes and
// two full-size scratch buffers of the literal algorithm, with the same
// result up to float rounding.
using Grid = std::array<std::array<float, kSide>, kSide>;

Grid BlurAndDecimate(const float* luma, std::size_t rows, std::size_t cols, std::size_t stride) {
  const std::size_t row_window = WindowSize(cols);  // along each row
  const std::size_t col_window = WindowSize(rows);  // along each column
  const auto at_col = Samples(cols);
  const auto at_row = Samples(rows);
  std::array<BoxSpan, kSide> col_span{}, row_span{};
  for (std::size_t j = 0; j < kSide; ++j) col_span[j] = Span(at_col[j], cols, row_window);
  for (std::size_t i = 0; i < kSide; ++i) row_span[i] = Span(at_row[i], rows, col_window);

  // (1) by_col[j * rows + r]: row r after both row boxes, at sampled column j
  // (stored column-major so step 2 reads along memory).
  std::vector<float> by_col(kSide * rows);
  std::vector<float> once(kGroup * cols);
  for (std::size_t r0 = 0; r0 < rows; r0 += kGroup) {
    const std::size_t n = std::min(kGroup, rows - r0);
    std::array<const float*, kGroup> in{};
    std::array<float*, kGroup> out{};
    for (std::size_t g = 0; g < kGroup; ++g) {
      // A short last group repeats its first row rather than branching.
      in[g] = luma + (r0 + (g < n ? g : 0)) * stride;
      out[g] = once.data() + g * cols;
    }
    BoxRows(in, out, cols, row_window);
    for (std::size_t g = 0; g < n; ++g) {
      const float* t = out[g];
      for (std::size_t j = 0; j < kSide; ++j) {
        float s = 0.0f;
        for (std::size_t c = col_span[j].lo; c <= col_span[j].hi; ++c) s += t[c];
        by_col[j * rows + r0 + g] = s / static_cast<float>(col_span[j].hi - col_span[j].lo + 1);
      }
    }
  }

  // (2) the same along the 64 sampled columns.
  Grid small{};
  std::vector<float> col_once(kGroup * rows);
  for (std::size_t j0 = 0; j0 < kSide; j0 += kGroup) {
    std::array<const float*, kGroup> in{};
    std::array<float*, kGroup> out{};
    for (std::size_t g = 0; g < kGroup; ++g) {
      in[g] = by_col.data() + (j0 + g) * rows;
      out[g] = col_once.data() + g * rows;
    }
    BoxRows(in, out, rows, col_window);
    for (std::size_t g = 0; g < kGroup; ++g) {
      const float* t = out[g];
      for (std::size_t i = 0; i < kSide; ++i) {
        float s = 0.0f;
        for (std::size_t r = row_span[i].lo; r <= row_span[i].hi; ++r) s += t[r];
        small[i][j0 + g] = s / static_cast<float>(row_span[i].hi - row_span[i].lo + 1);
      }
    }
  }
  return small;
}

// Blur and decimate, then quality and the 16x16 DCT. Returns the quality.
int BlurDecimateDct(const float* luma, std::size_t rows, std::size_t cols, std::size_t stride,
                    Dct16& out) {
  const Grid small = BlurAndDecimate(luma, rows, cols, stride);

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
  for (std::size_t i = 0; i < kDctSide; ++i) {
    for (std::size_t j = 0; j < kDctSide; ++j) {
      float s = 0.0f;
      for (std::size_t k = 0; k < kSide; ++k) s += t[i][k] * d[j][k];
      out[i][j] = s;
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
