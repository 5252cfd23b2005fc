// A decompression bomb for tests: a valid PNG signature and header that
// claims a huge picture, with a few bytes of pixel data. Header-only, pure
// functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace plainsight::images::test_pictures {

inline std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char ch : bytes) {
    crc ^= static_cast<std::uint8_t>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void PutBigEndian(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFFu));
}

inline void PngChunk(std::string& out, std::string_view type, std::string_view data) {
  PutBigEndian(out, static_cast<std::uint32_t>(data.size()));
  std::string body(type);
  body.append(data);
  out.append(body);
  PutBigEndian(out, Crc32(body));
}

// A valid PNG signature and header (correct CRCs) for a width x height RGB
// picture, with a few bytes of pixel data: what a decompression bomb
// looks like before anyone inflates it.
inline std::string PngHeaderClaiming(std::uint32_t width, std::uint32_t height) {
  std::string png("\x89PNG\r\n\x1A\n", 8);
  std::string ihdr;
  PutBigEndian(ihdr, width);
  PutBigEndian(ihdr, height);
  ihdr.append(std::string("\x08\x02\x00\x00\x00", 5));  // 8 bit, RGB, deflate, no interlace
  PngChunk(png, "IHDR", ihdr);
  PngChunk(png, "IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8));
  PngChunk(png, "IEND", "");
  return png;
}

}  // namespace plainsight::images::test_pictures
