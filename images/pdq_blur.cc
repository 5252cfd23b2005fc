#include "images/pdq_blur.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace plainsight::images {
namespace {

constexpr std::size_t kSide = kPdqGridSide;

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

// Why taps: only 64 samples per axis are kept, and along one axis the two
// boxes evaluated at one sample are a weighted sum of at most 2w - 1
// inputs (a trapezoid, each box clipped at the ends as the reference clips
// it). So each sample's weights are worked out once, and the blur costs
// about one multiply-add per input pixel, with no full-size scratch buffer:
// the four 1-D boxes are linear and act on different axes, so they commute
// and can be applied as (both column boxes) then (both row boxes).
struct AxisTaps {
  // Sample i reads inputs first[i] .. first[i] + count[i] - 1 with weights
  // weights[offset[i] ..].
  std::array<std::size_t, kSide> first{}, count{}, offset{};
  std::vector<float> weights;
};

AxisTaps TapsAlong(std::size_t length) {
  const std::size_t window = WindowSize(length);
  AxisTaps taps;
  std::vector<double> w;
  for (std::size_t i = 0; i < kSide; ++i) {
    // The centre of band i of 64.
    const auto at = static_cast<std::size_t>(
        (static_cast<double>(i) + 0.5) * static_cast<double>(length) / static_cast<double>(kSide));
    const BoxSpan outer = Span(at, length, window);
    const std::size_t first = Span(outer.lo, length, window).lo;
    const std::size_t last = Span(outer.hi, length, window).hi;
    w.assign(last - first + 1, 0.0);
    const double outer_n = static_cast<double>(outer.hi - outer.lo + 1);
    for (std::size_t t = outer.lo; t <= outer.hi; ++t) {
      const BoxSpan inner = Span(t, length, window);
      const double share = 1.0 / (outer_n * static_cast<double>(inner.hi - inner.lo + 1));
      for (std::size_t u = inner.lo; u <= inner.hi; ++u) w[u - first] += share;
    }
    taps.first[i] = first;
    taps.count[i] = w.size();
    taps.offset[i] = taps.weights.size();
    for (const double v : w) taps.weights.push_back(static_cast<float>(v));
  }
  return taps;
}

// Four floats in one vector register (a GCC and Clang extension: SSE on
// x86-64, NEON on arm64).
using Float4 = float __attribute__((vector_size(16)));

Float4 Load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// out[c] = sum over k of weight[k] * rows[k * stride + c], for c < cols.
// Sixteen columns at a time, their sums held in four vector registers
// across the taps (a plain array of sums is kept in memory by the
// compiler, a store and a reload per tap).
void WeightedRows(const float* rows, std::size_t stride, const float* weight, std::size_t taps,
                  std::size_t cols, float* out) {
  std::size_t c0 = 0;
  for (; c0 + 16 <= cols; c0 += 16) {
    Float4 s0{}, s1{}, s2{}, s3{};
    for (std::size_t k = 0; k < taps; ++k) {
      const float w = weight[k];
      const float* row = rows + k * stride + c0;
      s0 += w * Load4(row);
      s1 += w * Load4(row + 4);
      s2 += w * Load4(row + 8);
      s3 += w * Load4(row + 12);
    }
    std::memcpy(out + c0, &s0, sizeof s0);
    std::memcpy(out + c0 + 4, &s1, sizeof s1);
    std::memcpy(out + c0 + 8, &s2, sizeof s2);
    std::memcpy(out + c0 + 12, &s3, sizeof s3);
  }
  for (; c0 < cols; ++c0) {
    float sum = 0.0f;
    for (std::size_t k = 0; k < taps; ++k) sum += weight[k] * rows[k * stride + c0];
    out[c0] = sum;
  }
}

}  // namespace

PdqGrid BlurAndDecimate(const float* luma, std::size_t rows, std::size_t cols, std::size_t stride) {
  const AxisTaps down = TapsAlong(rows);
  const AxisTaps across = TapsAlong(cols);
  PdqGrid grid{};
  std::vector<float> sampled_row(cols);
  for (std::size_t i = 0; i < kSide; ++i) {
    // (1) Row i of 64: every column blurred down to the sampled row...
    WeightedRows(luma + down.first[i] * stride, stride, down.weights.data() + down.offset[i],
                 down.count[i], cols, sampled_row.data());
    // (2) ...then blurred across at the 64 sampled columns.
    for (std::size_t j = 0; j < kSide; ++j) {
      const float* in = sampled_row.data() + across.first[j];
      const float* w = across.weights.data() + across.offset[j];
      float sum = 0.0f;
      for (std::size_t k = 0; k < across.count[j]; ++k) sum += w[k] * in[k];
      grid[i][j] = sum;
    }
  }
  return grid;
}

}  // namespace plainsight::images
