#include "images/exif_orientation.h"

#include <cstdint>

namespace plainsight::images {
namespace {

constexpr std::string_view kExifPrefix("Exif\0\0", 6);
constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTypeShort = 3;
constexpr std::uint16_t kTypeLong = 4;
constexpr std::size_t kEntryBytes = 12;

// The TIFF block after the "Exif\0\0" prefix, read in its own byte order.
// Every read is bounds-checked: one past the end returns false.
class TiffReader {
 public:
  TiffReader(std::string_view tiff, bool big_endian) : tiff_(tiff), big_endian_(big_endian) {}

  bool U16(std::size_t at, std::uint16_t& out) const {
    if (at > tiff_.size() || tiff_.size() - at < 2) return false;
    const unsigned a = Byte(at), b = Byte(at + 1);
    out = static_cast<std::uint16_t>(big_endian_ ? (a << 8) | b : (b << 8) | a);
    return true;
  }
  bool U32(std::size_t at, std::uint32_t& out) const {
    std::uint16_t first = 0, second = 0;
    if (!U16(at, first) || !U16(at + 2, second)) return false;
    out =
        big_endian_ ? (std::uint32_t{first} << 16) | second : (std::uint32_t{second} << 16) | first;
    return true;
  }

 private:
  unsigned Byte(std::size_t at) const { return static_cast<unsigned char>(tiff_[at]); }

  std::string_view tiff_;
  bool big_endian_;
};

}  // namespace

int ExifOrientation(std::string_view app1) {
  if (app1.substr(0, kExifPrefix.size()) != kExifPrefix) return 1;
  const std::string_view tiff = app1.substr(kExifPrefix.size());
  const std::string_view order = tiff.substr(0, 2);
  if (order != "II" && order != "MM") return 1;
  const TiffReader read(tiff, order == "MM");
  std::uint16_t magic = 0, entries = 0;
  std::uint32_t ifd0 = 0;
  if (!read.U16(2, magic) || magic != 42 || !read.U32(4, ifd0) || !read.U16(ifd0, entries)) {
    return 1;
  }
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t entry = std::size_t{ifd0} + 2 + i * kEntryBytes;
    std::uint16_t tag = 0, type = 0;
    std::uint32_t count = 0;
    if (!read.U16(entry, tag) || !read.U16(entry + 2, type) || !read.U32(entry + 4, count)) {
      return 1;  // the directory runs past the segment
    }
    if (tag != kOrientationTag) continue;
    if (count != 1) return 1;
    // A single value sits in the entry's own 4-byte value field.
    std::uint32_t value = 0;
    if (type == kTypeShort) {
      std::uint16_t v = 0;
      if (!read.U16(entry + 8, v)) return 1;
      value = v;
    } else if (type == kTypeLong) {
      if (!read.U32(entry + 8, value)) return 1;
    } else {
      return 1;
    }
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

OrientationMap MapOrientation(int orientation, int stored_width, int stored_height) {
  const int w = stored_width, h = stored_height;
  OrientationMap m;
  m.shown_width = orientation >= 5 && orientation <= 8 ? h : w;
  m.shown_height = orientation >= 5 && orientation <= 8 ? w : h;
  switch (orientation) {
    case 2:  // x' = w-1-x
      m.x0 = w - 1, m.dx_x = -1;
      break;
    case 3:  // x' = w-1-x, y' = h-1-y
      m.x0 = w - 1, m.dx_x = -1;
      m.y0 = h - 1, m.dy_y = -1;
      break;
    case 4:  // y' = h-1-y
      m.y0 = h - 1, m.dy_y = -1;
      break;
    case 5:  // x' = y, y' = x
      m.dx_x = 0, m.dx_y = 1;
      m.dy_x = 1, m.dy_y = 0;
      break;
    case 6:  // x' = h-1-y, y' = x
      m.x0 = h - 1, m.dx_x = 0, m.dx_y = -1;
      m.dy_x = 1, m.dy_y = 0;
      break;
    case 7:  // x' = h-1-y, y' = w-1-x
      m.x0 = h - 1, m.dx_x = 0, m.dx_y = -1;
      m.y0 = w - 1, m.dy_x = -1, m.dy_y = 0;
      break;
    case 8:  // x' = y, y' = w-1-x
      m.dx_x = 0, m.dx_y = 1;
      m.y0 = w - 1, m.dy_x = -1, m.dy_y = 0;
      break;
    default:  // 1, and anything else: as stored
      break;
  }
  return m;
}

}  // namespace plainsight::images
