#include "images/image_decoder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vips/vips8>

#include "images/jpeg_luma_decoder.h"

namespace plainsight::images {
namespace {

// ---- libvips lifetime -----------------------------------------------------

void DropVipsWarning(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

// Starts libvips once per process. Returns false if it cannot start.
bool StartVips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] {
    if (VIPS_INIT("plainsight") != 0) {
      vips_error_clear();
      return;
    }
    // The operation cache keeps recent results (whole decoded pictures)
    // for reuse; a crawler never asks twice, so it would only hold memory.
    vips_cache_set_max(0);
    // DecodeImage pulls pixels on the caller's thread; the pool only serves
    // EncodeImage and EXIF turns. Pictures are small after shrink-on-load,
    // and the caller runs as many decodes in parallel as it has cores for.
    vips_concurrency_set(1);
    // Recoverable damage ("premature end of data segment" and the like)
    // is logged by libvips as a GLib warning on stderr; fail_on=error
    // already refuses what matters, the rest is noise in a crawl log.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, DropVipsWarning, nullptr);
    started = true;
  });
  return started;
}

struct BlobUnref {
  void operator()(VipsBlob* blob) const { vips_area_unref(reinterpret_cast<VipsArea*>(blob)); }
};
using BlobPtr = std::unique_ptr<VipsBlob, BlobUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GBuffer = std::unique_ptr<void, GFree>;

// libvips keeps one error buffer for the whole process; take its first line
// (the cause) and clear it. With several threads failing at once the line
// may be another call's; the Status code and our prefix are always ours.
std::string VipsMessage(const vips::VError& e) {
  std::string text = e.what();
  vips_error_clear();
  const std::size_t end = text.find('\n');
  if (end != std::string::npos) text.resize(end);
  return text.empty() ? std::string("unknown libvips error") : text;
}

// ---- format sniffing ------------------------------------------------------

bool StartsWith(std::string_view bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

// The first bytes in hex, for "not an image" messages: enough to tell HTML
// ("3c 21 44 4f") or a PDF ("25 50 44 46") apart, without echoing content.
std::string LeadingBytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  const std::size_t n = std::min<std::size_t>(bytes.size(), 8);
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (i > 0) out.push_back(' ');
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xFu]);
  }
  return out;
}

// ---- decoding -------------------------------------------------------------

// Y = 0.299 R + 0.587 G + 0.114 B by table: each product is the float the
// multiplication gives, summed in the same order, so the result is the
// formula's to the bit, at three loads and two adds a pixel.
struct LumaTables {
  std::array<float, 256> r{}, g{}, b{};
  LumaTables() {
    for (std::size_t v = 0; v < 256; ++v) {
      const float f = static_cast<float>(v);
      r[v] = 0.299f * f;
      g[v] = 0.587f * f;
      b[v] = 0.114f * f;
    }
  }
};

const LumaTables& Luma() {
  static const LumaTables tables;
  return tables;
}

vips::VOption* LoadOptions() {
  return vips::VImage::option()
      ->set("access", VIPS_ACCESS_SEQUENTIAL)
      // Refuse truncated and damaged files instead of hashing a picture
      // whose lower part is grey; tolerate mere warnings (odd markers).
      ->set("fail_on", VIPS_FAIL_ON_ERROR);
}

// Opens the picture: only the header is read here; pixels are decoded when
// the pipeline is written to memory. `jpeg_shrink` (1, 2, 4, 8) and
// `webp_scale` (<= 1) shrink inside the decoder.
vips::VImage Open(ImageFormat format, VipsBlob* blob, int jpeg_shrink, double webp_scale) {
  vips::VOption* options = LoadOptions();
  switch (format) {
    case ImageFormat::kJpeg:
      if (jpeg_shrink > 1) options->set("shrink", jpeg_shrink);
      return vips::VImage::jpegload_buffer(blob, options);
    case ImageFormat::kPng:
      return vips::VImage::pngload_buffer(blob, options);
    case ImageFormat::kWebp:
      if (webp_scale < 1.0) options->set("scale", webp_scale);
      return vips::VImage::webpload_buffer(blob, options);
    case ImageFormat::kGif:
      // The defaults (page 0, one page) read the first frame only.
      return vips::VImage::gifload_buffer(blob, options);
  }
  return vips::VImage::gifload_buffer(blob, options);  // unreachable
}

int Orientation(const vips::VImage& image) {
  if (image.get_typeof(VIPS_META_ORIENTATION) == 0) return 1;
  const int o = image.get_int(VIPS_META_ORIENTATION);
  return o >= 1 && o <= 8 ? o : 1;
}

// The header's width x height against the limits, before any pixel is
// decoded.
Status CheckHeaderSize(ImageFormat format, int w, int h, const DecodeLimits& limits) {
  const std::string name(ImageFormatName(format));
  if (w <= 0 || h <= 0) return Status::Corruption(name + " header gives an empty picture");
  const std::int64_t pixels = static_cast<std::int64_t>(w) * static_cast<std::int64_t>(h);
  if (pixels > limits.max_pixels) {
    return Status::InvalidArgument(name + " of " + std::to_string(w) + "x" + std::to_string(h) +
                                   " pixels is over the limit of " +
                                   std::to_string(limits.max_pixels) +
                                   " pixels: refused before decoding (decompression bomb?)");
  }
  return Status::OK();
}

// Shrink-on-load: the largest factor that keeps the short side of a w x h
// picture at least limits.min_short_side long (1: full size).
int ShrinkFactor(int w, int h, const DecodeLimits& limits) {
  if (limits.min_short_side <= 0) return 1;
  return std::max(1, std::min(w, h) / limits.min_short_side);
}

// The JPEG decoder's own shrink (1, 2, 4 or 8) for a shrink factor.
int JpegShrink(int factor) { return factor >= 8 ? 8 : factor >= 4 ? 4 : factor >= 2 ? 2 : 1; }

// 8-bit sRGB with any transparency flattened onto white: what is hashed
// and what is shown.
vips::VImage SrgbOnWhite(vips::VImage image) {
  image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.has_alpha()) {
    image = image.flatten(
        vips::VImage::option()->set("background", std::vector<double>{255, 255, 255}));
  }
  if (image.format() != VIPS_FORMAT_UCHAR) image = image.cast(VIPS_FORMAT_UCHAR);
  return image;
}

Result<DecodedImage> DecodeWithVips(std::string_view bytes, ImageFormat format,
                                    const DecodeLimits& limits) {
  if (!StartVips()) return Status::Unavailable("libvips could not start");
  const std::string name(ImageFormatName(format));
  // The blob borrows the caller's bytes (no copy, no free): every image
  // made from it is gone before this function returns.
  const BlobPtr blob(vips_blob_new(nullptr, bytes.data(), bytes.size()));

  vips::VImage header = Open(format, blob.get(), 1, 1.0);
  const int w = header.width();
  const int h = header.height();
  if (Status size = CheckHeaderSize(format, w, h, limits); !size.ok()) return size;
  const int orientation = Orientation(header);

  const int factor = ShrinkFactor(w, h, limits);
  vips::VImage image = header;
  if (format == ImageFormat::kJpeg && factor >= 2) {
    image = Open(format, blob.get(), JpegShrink(factor), 1.0);
  } else if (format == ImageFormat::kWebp && factor >= 2) {
    image = Open(format, blob.get(), 1, 1.0 / factor);
  }
  // What the decoder could not shrink (PNG, GIF, JPEGs beyond 1/8) is box
  // shrunk while streaming, so no full-size copy is ever held.
  if (limits.min_short_side > 0) {
    const int rest = std::min(image.width(), image.height()) / limits.min_short_side;
    if (rest >= 2) image = image.shrink(rest, rest);
  }

  image = SrgbOnWhite(image);
  if (image.bands() > 3) image = image.extract_band(0, vips::VImage::option()->set("n", 3));
  if (image.bands() != 3) {
    return Status::Corruption(name + " decodes to " + std::to_string(image.bands()) +
                              " bands, not RGB");
  }
  if (orientation != 1) {
    // Turning needs the whole picture; the sequential loader streams, so
    // decode to memory first (already shrunk, so bounded by max_pixels).
    image = image.copy_memory().autorot();
  }

  DecodedImage out;
  out.width = image.width();
  out.height = image.height();
  const bool turned = orientation >= 5;  // 5..8 swap width and height
  out.source_width = turned ? h : w;
  out.source_height = turned ? w : h;
  out.format = format;
  const auto out_w = static_cast<std::size_t>(out.width);
  out.luma.resize(out_w * static_cast<std::size_t>(out.height));
  // Pull the pixels through the pipeline on this thread, a strip at a time:
  // no worker-thread hand-offs (write_to_memory's thread pool costs more
  // than the work for a small picture) and no full-size RGB copy.
  constexpr int kStripRows = 64;
  const vips::VRegion region = image.region();
  const LumaTables& t = Luma();
  float* luma = out.luma.data();
  for (int top = 0; top < out.height; top += kStripRows) {
    const int rows = std::min(kStripRows, out.height - top);
    region.prepare(0, top, out.width, rows);
    for (int y = top; y < top + rows; ++y) {
      const std::uint8_t* rgb = region.addr(0, y);
      for (std::size_t x = 0; x < out_w; ++x, rgb += 3)
        *luma++ = t.r[rgb[0]] + t.g[rgb[1]] + t.b[rgb[2]];
    }
  }
  return out;
}

// JPEGs go to their luma channel through libjpeg-turbo (jpeg_luma_decoder.h
// says why), except those it cannot serve alone: CMYK and YCCK colour, and
// pictures so large that even a 1/8 decode leaves the short side at twice
// the floor or more (libvips shrinks those further while streaming).
Result<DecodedImage> DecodeJpeg(std::string_view bytes, const DecodeLimits& limits) {
  Result<JpegLumaDecoder> jpeg = JpegLumaDecoder::ReadHeader(bytes);
  if (!jpeg.ok()) return jpeg.status();
  const int w = jpeg->stored_width();
  const int h = jpeg->stored_height();
  if (Status size = CheckHeaderSize(ImageFormat::kJpeg, w, h, limits); !size.ok()) return size;
  const int factor = ShrinkFactor(w, h, limits);
  const int eighth_short_side = (std::min(w, h) + 7) / 8;
  const bool beyond_eighth =
      limits.min_short_side > 0 && eighth_short_side / limits.min_short_side >= 2;
  if (!jpeg->ReadsLuma() || beyond_eighth) {
    return DecodeWithVips(bytes, ImageFormat::kJpeg, limits);
  }
  return std::move(jpeg).value().Decode(JpegShrink(factor));
}

}  // namespace

std::string_view ImageFormatName(ImageFormat format) {
  switch (format) {
    case ImageFormat::kJpeg:
      return "JPEG";
    case ImageFormat::kPng:
      return "PNG";
    case ImageFormat::kWebp:
      return "WebP";
    case ImageFormat::kGif:
      return "GIF";
  }
  return "image";
}

std::optional<ImageFormat> SniffImageFormat(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return ImageFormat::kJpeg;
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return ImageFormat::kPng;
  if (StartsWith(bytes, "GIF87a") || StartsWith(bytes, "GIF89a")) return ImageFormat::kGif;
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::kWebp;
  }
  return std::nullopt;
}

namespace {

// The format of a file within limits.max_bytes, or why it is no picture
// to decode.
Result<ImageFormat> CheckedFormat(std::string_view bytes, const DecodeLimits& limits) {
  if (bytes.empty()) return Status::InvalidArgument("not an image: no bytes");
  if (bytes.size() > limits.max_bytes) {
    return Status::InvalidArgument("image file of " + std::to_string(bytes.size()) +
                                   " bytes is over the limit of " +
                                   std::to_string(limits.max_bytes) + " bytes");
  }
  const std::optional<ImageFormat> format = SniffImageFormat(bytes);
  if (!format) {
    return Status::InvalidArgument("not an image: not JPEG, PNG, WebP or GIF (first bytes " +
                                   LeadingBytes(bytes) + ")");
  }
  return *format;
}

}  // namespace

Result<DecodedImage> DecodeImage(std::string_view bytes, const DecodeLimits& limits) {
  const Result<ImageFormat> format = CheckedFormat(bytes, limits);
  if (!format.ok()) return format.status();
  try {
    if (*format == ImageFormat::kJpeg) return DecodeJpeg(bytes, limits);
    return DecodeWithVips(bytes, *format, limits);
  } catch (const vips::VError& e) {
    return Status::Corruption("cannot decode " + std::string(ImageFormatName(*format)) + ": " +
                              VipsMessage(e));
  } catch (const std::bad_alloc&) {
    return Status::Corruption("cannot decode " + std::string(ImageFormatName(*format)) +
                              ": out of memory");
  }
}

Result<std::string> ThumbnailJpeg(std::string_view bytes, int side, const DecodeLimits& limits) {
  const Result<ImageFormat> format = CheckedFormat(bytes, limits);
  if (!format.ok()) return format.status();
  if (side <= 0) return Status::InvalidArgument("a thumbnail needs a side of at least 1 pixel");
  if (!StartVips()) return Status::Unavailable("libvips could not start");
  const std::string name(ImageFormatName(*format));
  try {
    const BlobPtr blob(vips_blob_new(nullptr, bytes.data(), bytes.size()));
    const vips::VImage header = Open(*format, blob.get(), 1, 1.0);
    if (Status size = CheckHeaderSize(*format, header.width(), header.height(), limits);
        !size.ok()) {
      return size;
    }
    // thumbnail_buffer shrinks on load where the format allows (JPEG, WebP)
    // and turns by EXIF orientation itself.
    vips::VImage image = vips::VImage::thumbnail_buffer(
        blob.get(), side, vips::VImage::option()
                              ->set("height", side)
                              ->set("size", VIPS_SIZE_DOWN)
                              ->set("option_string", "fail_on=error"));
    image = SrgbOnWhite(image);
    void* data = nullptr;
    std::size_t size = 0;
    image.write_to_buffer(".jpg", &data, &size, vips::VImage::option()->set("Q", 80)->set("strip", true));
    const GBuffer owned(data);
    return std::string(static_cast<const char*>(data), size);
  } catch (const vips::VError& e) {
    return Status::Corruption("cannot make a thumbnail of " + name + ": " + VipsMessage(e));
  } catch (const std::bad_alloc&) {
    return Status::Corruption("cannot make a thumbnail of " + name + ": out of memory");
  }
}

Result<std::string> EncodeImage(const RgbImage& image, ImageFormat format, int quality) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgb.size() !=
          static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3) {
    return Status::InvalidArgument("EncodeImage: buffer does not match width x height x 3");
  }
  if (!StartVips()) return Status::Unavailable("libvips could not start");
  try {
    // new_from_memory wraps the buffer without copying; libvips only reads
    // it, and the image is gone before this function returns.
    vips::VImage in =
        vips::VImage::new_from_memory(const_cast<std::uint8_t*>(image.rgb.data()), image.rgb.size(),
                                      image.width, image.height, 3, VIPS_FORMAT_UCHAR);
    const int q = std::clamp(quality, 1, 100);
    const char* suffix = ".jpg";
    vips::VOption* options = vips::VImage::option();
    // Speed over file size: tests and benchmarks encode thousands of
    // pictures (GIF at the default effort takes ~200 ms for 800x600).
    switch (format) {
      case ImageFormat::kJpeg:
        options->set("Q", q);
        break;
      case ImageFormat::kWebp:
        suffix = ".webp";
        options->set("Q", q)->set("effort", 1);
        break;
      case ImageFormat::kPng:
        suffix = ".png";
        options->set("compression", 1);
        break;
      case ImageFormat::kGif:
        suffix = ".gif";
        options->set("effort", 1);
        break;
    }
    void* data = nullptr;
    std::size_t size = 0;
    in.write_to_buffer(suffix, &data, &size, options);
    const GBuffer owned(data);
    return std::string(static_cast<const char*>(data), size);
  } catch (const vips::VError& e) {
    return Status::IoError("cannot encode " + std::string(ImageFormatName(format)) + ": " +
                           VipsMessage(e));
  } catch (const std::bad_alloc&) {
    return Status::IoError("cannot encode: out of memory");
  }
}

}  // namespace plainsight::images
