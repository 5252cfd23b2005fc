// The EXIF Orientation tag (1..8) of a JPEG, read from its APP1 "Exif"
// segment, and how each value maps a stored pixel to where it is shown.
//
// Only IFD0's Orientation (tag 0x0112) is read: the one tag a camera sets
// to say "turn me before showing". The segment comes from the web, so every
// offset is checked against its length; anything malformed, missing or out
// of range reads as 1 (shown as stored), as viewers do. Pure functions on
// the caller's bytes: safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace plainsight::images {

// `app1` is the APP1 segment's payload (after the marker and its length),
// e.g. "Exif\0\0" followed by a TIFF header. Returns 1..8.
int ExifOrientation(std::string_view app1);

// Where the pixel stored at (x, y) of a stored_width x stored_height
// picture lands in the picture as shown: shown[y'][x'] = stored[y][x] with
// x' = x0 + x * dx_x + y * dx_y and y' = y0 + x * dy_x + y * dy_y.
// Orientations 5..8 swap width and height. As libvips' autorot does it:
// 2 mirrors left-right, 3 turns a half turn, 4 mirrors top-bottom,
// 5 transposes, 6 turns a quarter clockwise, 7 transposes across the other
// diagonal, 8 turns a quarter anticlockwise.
struct OrientationMap {
  int shown_width = 0;
  int shown_height = 0;
  int x0 = 0, dx_x = 1, dx_y = 0;
  int y0 = 0, dy_x = 0, dy_y = 1;
};
OrientationMap MapOrientation(int orientation, int stored_width, int stored_height);

}  // namespace plainsight::images
