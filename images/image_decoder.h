// Decoding advert photos (JPEG, PNG, WebP, GIF) into the luminance buffer
// PDQ hashes; and the reverse, encoding an RGB buffer, which the tests and
// benchmarks use to make pictures of their own. JPEGs, nearly every advert
// photo, are decoded straight to their luma channel with libjpeg-turbo
// (images/jpeg_luma_decoder.h: three times as fast); CMYK JPEGs and the
// other formats go through libvips.
//
// Bytes from the web are hostile: DecodeImage sniffs the magic bytes itself
// (anything but the four formats is refused as "not an image"), refuses
// files over DecodeLimits::max_bytes and, reading only the header, pictures
// over max_pixels (decompression bombs) before any pixel is decoded. A
// truncated or corrupt file is an error, not a half-grey picture. EXIF
// orientation is honoured, transparency is flattened onto white, only the
// first frame of an animation is read.
//
// Thread safety: any number of threads may call these functions at once.
// Both decoders run on the calling thread, so the caller decides the
// parallelism. libvips is started once per process, on first need
// (std::call_once), with its operation cache off (memory stays bounded by
// the pictures in flight) and its worker pool at one thread. Errors are
// returned as Status; no exception leaves these functions. The results own
// their buffers; the input bytes are only read during the call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace plainsight::images {

enum class ImageFormat { kJpeg, kPng, kWebp, kGif };

// "JPEG", "PNG", "WebP", "GIF".
std::string_view ImageFormatName(ImageFormat format);

// The format the magic bytes announce, or nullopt for anything else.
std::optional<ImageFormat> SniffImageFormat(std::string_view bytes);

struct DecodeLimits {
  // Larger files are refused unread.
  std::size_t max_bytes = 32u * 1024u * 1024u;
  // width x height from the header; larger pictures are refused before
  // decoding. 40 megapixels is beyond any advert photo.
  std::int64_t max_pixels = 40'000'000;
  // Decode big pictures smaller: JPEGs by 2, 4 or 8 inside the decoder
  // (shrink-on-load, much cheaper than a full decode) and WebPs likewise,
  // other formats by an integer box shrink while streaming, as long as the
  // shorter side stays at least this long. PDQ looks at a 64x64 summary, so
  // 512 px (8 input pixels per summary cell) keeps hashes within the
  // reference's conformance distance; 0 decodes at full size.
  int min_short_side = 512;
};

struct DecodedImage {
  // Size of `luma`: as displayed (after EXIF orientation), after any shrink.
  int width = 0;
  int height = 0;
  // The picture's own size as displayed, before any shrink-on-load.
  int source_width = 0;
  int source_height = 0;
  ImageFormat format = ImageFormat::kJpeg;
  // Row-major, width x height, Y = 0.299 R + 0.587 G + 0.114 B of the sRGB
  // pixel values, 0..255. For a JPEG, the Y the file stores (the same
  // weights, rounded to a whole level; R, G or B may have clipped).
  std::vector<float> luma;
};

// Errors: InvalidArgument for "not an image: ..." and for files or pictures
// over the limits; Corruption for a file of a known format that does not
// decode (truncated, damaged); Unavailable if libvips cannot start.
Result<DecodedImage> DecodeImage(std::string_view bytes, const DecodeLimits& limits = {});

// 8-bit sRGB pixels, row-major, 3 bytes a pixel.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;
};

// Encodes `image` in `format`. `quality` (1..100) applies to JPEG and WebP
// (lossy) and is ignored by PNG and GIF. GIF is palettised by libvips.
// Favours encoding speed over file size.
Result<std::string> EncodeImage(const RgbImage& image, ImageFormat format, int quality = 90);

// A small JPEG of the picture, for people to look at (report
// --thumbnails): at most `side` pixels a side, aspect kept, never enlarged,
// EXIF orientation applied, transparency on white, metadata stripped. The
// same limits are checked, and the same errors given, as by DecodeImage.
Result<std::string> ThumbnailJpeg(std::string_view bytes, int side, const DecodeLimits& limits = {});

}  // namespace plainsight::images
