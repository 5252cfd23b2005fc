// ExifOrientation on hand-built APP1 segments (both byte orders, both
// integer types, and every way a hostile segment can be malformed), and
// MapOrientation's eight layouts against the EXIF 2.32 pictures of them.
#include "images/exif_orientation.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace plainsight::images {
namespace {

void Put16(std::string& s, std::size_t at, unsigned v, bool big_endian) {
  const auto hi = static_cast<char>((v >> 8) & 0xFF), lo = static_cast<char>(v & 0xFF);
  s[at] = big_endian ? hi : lo;
  s[at + 1] = big_endian ? lo : hi;
}

void Put32(std::string& s, std::size_t at, std::uint32_t v, bool big_endian) {
  Put16(s, at + (big_endian ? 0 : 2), v >> 16, big_endian);
  Put16(s, at + (big_endian ? 2 : 0), v & 0xFFFF, big_endian);
}

struct Entry {
  unsigned tag, type;
  std::uint32_t count, value;
};

// "Exif\0\0", a TIFF header and IFD0 at offset 8 holding `entries`.
std::string Segment(bool big_endian, const std::vector<Entry>& entries) {
  std::string tiff(8 + 2 + entries.size() * 12 + 4, '\0');
  tiff[0] = tiff[1] = big_endian ? 'M' : 'I';
  Put16(tiff, 2, 42, big_endian);
  Put32(tiff, 4, 8, big_endian);
  Put16(tiff, 8, static_cast<unsigned>(entries.size()), big_endian);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::size_t at = 10 + i * 12;
    Put16(tiff, at, entries[i].tag, big_endian);
    Put16(tiff, at + 2, entries[i].type, big_endian);
    Put32(tiff, at + 4, entries[i].count, big_endian);
    // A SHORT sits in the first two bytes of the value field.
    if (entries[i].type == 3) {
      Put16(tiff, at + 8, entries[i].value, big_endian);
    } else {
      Put32(tiff, at + 8, entries[i].value, big_endian);
    }
  }
  return std::string("Exif\0\0", 6) + tiff;
}

constexpr unsigned kOrientation = 0x0112, kShort = 3, kLong = 4, kAscii = 2;

TEST_CASE("ExifOrientation_ReadsTheTagInEitherByteOrderAsShortOrLong", "[images]") {
  for (const bool big_endian : {false, true}) {
    for (const unsigned type : {kShort, kLong}) {
      for (std::uint32_t value = 1; value <= 8; ++value) {
        CAPTURE(big_endian, type, value);
        // Another tag first (ImageWidth), as cameras write them.
        const std::string app1 =
            Segment(big_endian, {{0x0100, kLong, 1, 4000}, {kOrientation, type, 1, value}});
        CHECK(ExifOrientation(app1) == static_cast<int>(value));
      }
    }
  }
}

TEST_CASE("ExifOrientation_ReadsMissingOrMalformedSegmentsAsUpright", "[images]") {
  const std::string good = Segment(false, {{kOrientation, kShort, 1, 6}});
  REQUIRE(ExifOrientation(good) == 6);
  std::string bad_magic = good;
  bad_magic[6 + 2] = 43;
  std::string ifd_past_end = good;
  Put32(ifd_past_end, 6 + 4, 0xFFFFFFF0u, false);
  // Claims 65535 entries but holds one (not the orientation).
  std::string too_many_entries = Segment(false, {{0x0100, kLong, 1, 4000}});
  Put16(too_many_entries, 6 + 8, 0xFFFF, false);
  static const struct {
    const char* what;
    std::string app1;
  } kCases[] = {
      {"empty", ""},
      {"XMP, not EXIF", "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"},
      {"prefix only", std::string("Exif\0\0", 6)},
      {"unknown byte order", std::string("Exif\0\0XX", 8) + good.substr(8)},
      {"TIFF magic not 42", bad_magic},
      {"IFD0 offset past the end", ifd_past_end},
      {"entry count past the end", too_many_entries},
      {"cut inside the entry", good.substr(0, good.size() - 8)},
      {"no orientation tag", Segment(false, {{0x0100, kLong, 1, 4000}})},
      {"orientation 0", Segment(true, {{kOrientation, kShort, 1, 0}})},
      {"orientation 9", Segment(true, {{kOrientation, kShort, 1, 9}})},
      {"orientation 65535", Segment(false, {{kOrientation, kShort, 1, 0xFFFF}})},
      {"two values", Segment(false, {{kOrientation, kShort, 2, 6}})},
      {"text type", Segment(false, {{kOrientation, kAscii, 1, '6'}})},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what);
    CHECK(ExifOrientation(c.app1) == 1);
  }
}

// A 3x2 stored picture, pixels a..f:  a b c
//                                     d e f
// shown as the EXIF specification draws each orientation.
TEST_CASE("MapOrientation_PlacesPixelsAsEachOrientationShowsThem", "[images]") {
  static const struct {
    int orientation;
    int width, height;
    const char* shown;  // row by row
  } kCases[] = {
      {1, 3, 2, "abcdef"}, {2, 3, 2, "cbafed"}, {3, 3, 2, "fedcba"}, {4, 3, 2, "defabc"},
      {5, 2, 3, "adbecf"}, {6, 2, 3, "daebfc"}, {7, 2, 3, "fcebda"}, {8, 2, 3, "cfbead"},
  };
  const std::string stored = "abcdef";
  for (const auto& c : kCases) {
    CAPTURE(c.orientation);
    const OrientationMap m = MapOrientation(c.orientation, 3, 2);
    REQUIRE(m.shown_width == c.width);
    REQUIRE(m.shown_height == c.height);
    std::string shown(6, '?');
    for (int y = 0; y < 2; ++y) {
      for (int x = 0; x < 3; ++x) {
        const int sx = m.x0 + x * m.dx_x + y * m.dx_y;
        const int sy = m.y0 + x * m.dy_x + y * m.dy_y;
        REQUIRE(sx >= 0);
        REQUIRE(sx < m.shown_width);
        REQUIRE(sy >= 0);
        REQUIRE(sy < m.shown_height);
        shown[static_cast<std::size_t>(sy * m.shown_width + sx)] =
            stored[static_cast<std::size_t>(y * 3 + x)];
      }
    }
    CHECK(shown == c.shown);
  }
}

}  // namespace
}  // namespace plainsight::images
