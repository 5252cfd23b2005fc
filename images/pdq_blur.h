// PDQ's blur and decimation: a luminance picture of any size down to the
// 64x64 grid its DCT reads (../shared/pdq/README.md, steps 2 and 3).
//
// The reference blurs with two passes of (box along rows, then box along
// columns), each box of window ceil(size / 128) and clipped at the edges,
// and then samples the centre of each 1/64 band. Internal to images/
// (pdq.cc uses it); a pure function, safe from any thread.
#pragma once

#include <array>
#include <cstddef>

namespace plainsight::images {

inline constexpr std::size_t kPdqGridSide = 64;
using PdqGrid = std::array<std::array<float, kPdqGridSide>, kPdqGridSide>;

// `luma` is rows x cols (row r starts at luma + r * stride), rows and cols
// at least 1. The same result as the reference's four full-size passes, up
// to float rounding.
PdqGrid BlurAndDecimate(const float* luma, std::size_t rows, std::size_t cols, std::size_t stride);

}  // namespace plainsight::images
