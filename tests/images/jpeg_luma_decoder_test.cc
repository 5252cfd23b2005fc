// DecodeImage's JPEG path (images/jpeg_luma_decoder.h: straight to the
// luma channel with libjpeg-turbo): the same luma and hashes as libvips'
// RGB decode, every EXIF orientation, grey and CMYK files, and damaged or
// cut files refused as Status values, never a crash. Every file is built
// here from generated pixels.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>
#include <vips/vips8>

#include <cstdio>  // jpeglib.h needs FILE
#include <cstdlib>
#include <jpeglib.h>

#include "images/image_decoder.h"
#include "images/pdq.h"
#include "tests/images/test_pictures.h"

namespace plainsight::images {
namespace {

namespace tp = test_pictures;

void StartVipsForTest() { REQUIRE(VIPS_INIT("images_tests") == 0); }

// Borrows im's pixels: `im` must outlive the image and its saves.
vips::VImage VipsRgb(const RgbImage& im) {
  return vips::VImage::new_from_memory(const_cast<std::uint8_t*>(im.rgb.data()), im.rgb.size(),
                                       im.width, im.height, 3, VIPS_FORMAT_UCHAR);
}

std::string SaveJpeg(const vips::VImage& image) {
  void* data = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(".jpg", &data, &size, vips::VImage::option()->set("Q", 90));
  std::string out(static_cast<const char*>(data), size);
  g_free(data);
  return out;
}

DecodedImage MustDecode(const std::string& bytes) {
  Result<DecodedImage> r = DecodeImage(bytes);
  INFO(r.status().message());
  REQUIRE(r.ok());
  return std::move(r).value();
}

// libvips' own reading of a JPEG (RGB, turned by its autorot), as luma by
// the formula DecodedImage documents: the reference for the luma path.
DecodedImage VipsLuma(const std::string& jpeg) {
  vips::VImage im =
      vips::VImage::new_from_buffer(jpeg, "").autorot().colourspace(VIPS_INTERPRETATION_sRGB);
  REQUIRE(im.bands() == 3);
  std::size_t size = 0;
  void* rgb = im.write_to_memory(&size);
  const auto* p = static_cast<const std::uint8_t*>(rgb);
  DecodedImage out;
  out.width = im.width();
  out.height = im.height();
  out.luma.resize(size / 3);
  for (std::size_t i = 0; i < out.luma.size(); ++i) {
    out.luma[i] = 0.299f * p[3 * i] + 0.587f * p[3 * i + 1] + 0.114f * p[3 * i + 2];
  }
  g_free(rgb);
  return out;
}

double MeanAbsDifference(const DecodedImage& a, const DecodedImage& b) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  double sum = 0;
  for (std::size_t i = 0; i < a.luma.size(); ++i) sum += std::fabs(a.luma[i] - b.luma[i]);
  return sum / static_cast<double>(a.luma.size());
}

int PdqDistance(const DecodedImage& a, const DecodedImage& b) {
  return HammingDistance(PdqFromLuma(a.luma.data(), a.height, a.width).hash,
                         PdqFromLuma(b.luma.data(), b.height, b.width).hash);
}

TEST_CASE("DecodeImage_JpegLumaIsTheLumaOfLibvipsRgbDecode", "[images]") {
  StartVipsForTest();
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    CAPTURE(seed);
    const std::string jpeg = tp::EncodeOriginal(tp::MakePicture(seed, seed + 11));
    const DecodedImage ours = MustDecode(jpeg);
    const DecodedImage rgb = VipsLuma(jpeg);
    // Rounding of Y against rounding of R, G and B, and saturated colours
    // whose R, G or B clip (measured: 0.17 grey levels on average, 0 to 2
    // bits apart).
    CHECK(MeanAbsDifference(ours, rgb) < 0.5);
    CHECK(PdqDistance(ours, rgb) <= 4);
  }
}

// The stored picture that, turned as EXIF orientation o says, shows
// `upright` (built with test_pictures' own turns, not the code under test).
RgbImage StoredFor(int orientation, const RgbImage& upright) {
  const auto turn = [](const RgbImage& im, int quarters) {
    RgbImage out = im;
    for (int q = 0; q < quarters; ++q) out = tp::Rotate90(out);
    return out;
  };
  switch (orientation) {
    case 2:
      return tp::Mirror(upright);
    case 3:
      return turn(upright, 2);
    case 4:
      return tp::Mirror(turn(upright, 2));  // mirrored top to bottom
    case 5:
      return tp::Mirror(turn(upright, 1));  // transposed
    case 6:
      return turn(upright, 3);  // shown a quarter turn clockwise
    case 7:
      return tp::Mirror(turn(upright, 3));  // transposed across the other diagonal
    case 8:
      return turn(upright, 1);  // shown a quarter turn anticlockwise
    default:
      return upright;
  }
}

TEST_CASE("DecodeImage_JpegHonoursEveryExifOrientation", "[images]") {
  StartVipsForTest();
  // Sides that are multiples of 16, so the JPEG blocks fall on the same
  // pixels however the picture is turned.
  const RgbImage upright = tp::MakePicture(7, 8, 320, 240);
  const DecodedImage shown = MustDecode(SaveJpeg(VipsRgb(upright)));
  for (int orientation = 1; orientation <= 8; ++orientation) {
    CAPTURE(orientation);
    const RgbImage stored_rgb = StoredFor(orientation, upright);
    vips::VImage stored = VipsRgb(stored_rgb);
    stored.set(VIPS_META_ORIENTATION, orientation);
    const std::string jpeg = SaveJpeg(stored);
    const DecodedImage ours = MustDecode(jpeg);
    CHECK(ours.width == 320);
    CHECK(ours.height == 240);
    CHECK(ours.source_width == 320);
    CHECK(ours.source_height == 240);
    // Turned as libvips turns it...
    CHECK(MeanAbsDifference(ours, VipsLuma(jpeg)) < 0.5);
    // ...and so the upright picture again, up to the JPEG noise of
    // compressing it turned: within a few bits of the upright file's hash.
    // (measured: at most 1.0 grey level on average, 0 bits).
    CHECK(MeanAbsDifference(ours, shown) < 1.5);
    CHECK(PdqDistance(ours, shown) <= 4);
  }
}

TEST_CASE("DecodeImage_ReadsGreyAndCmykJpegs", "[images]") {
  StartVipsForTest();
  // Left half light, right half dark, in each colour model.
  std::vector<std::uint8_t> grey(static_cast<std::size_t>(64 * 48), 200);
  for (std::size_t y = 0; y < 48; ++y) {
    for (std::size_t x = 32; x < 64; ++x) grey[y * 64 + x] = 30;
  }
  const std::string grey_jpeg = SaveJpeg(
      vips::VImage::new_from_memory(grey.data(), grey.size(), 64, 48, 1, VIPS_FORMAT_UCHAR));
  // CMYK: no ink on the left, full black ink on the right.
  std::vector<std::uint8_t> cmyk(static_cast<std::size_t>(64 * 48 * 4), 0);
  for (std::size_t y = 0; y < 48; ++y) {
    for (std::size_t x = 32; x < 64; ++x) cmyk[(y * 64 + x) * 4 + 3] = 255;
  }
  const std::string cmyk_jpeg =
      SaveJpeg(vips::VImage::new_from_memory(cmyk.data(), cmyk.size(), 64, 48, 4, VIPS_FORMAT_UCHAR)
                   .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_CMYK)));
  const struct {
    const char* what;
    const std::string& jpeg;
    float light, dark;
  } kCases[] = {
      {"grey", grey_jpeg, 200, 30},
      // Black ink alone is a dark grey, not black, through a CMYK profile.
      {"CMYK (libvips decodes it)", cmyk_jpeg, 255, 30},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what);
    REQUIRE(SniffImageFormat(c.jpeg) == ImageFormat::kJpeg);
    const DecodedImage im = MustDecode(c.jpeg);
    REQUIRE(im.width == 64);
    REQUIRE(im.height == 48);
    CHECK(im.luma[24 * 64 + 8] == Approx(c.light).margin(30));
    CHECK(im.luma[24 * 64 + 56] == Approx(c.dark).margin(30));
  }
}

TEST_CASE("DecodeImage_JpegCutAnywhereIsAnErrorNotACrash", "[images]") {
  const std::string jpeg = tp::EncodeOriginal(tp::MakePicture(5, 6, 160, 120));
  REQUIRE(DecodeImage(jpeg).ok());
  // Cuts in the header (markers, tables, frame header) and all through the
  // scan, up to the last byte of the end marker.
  std::vector<std::size_t> cuts = {3, 4, 10, 20, 50, 100, 200, 400, 600};
  for (std::size_t k = 1; k < 40; ++k) cuts.push_back(jpeg.size() * k / 40);
  cuts.push_back(jpeg.size() - 2);
  cuts.push_back(jpeg.size() - 1);
  for (const std::size_t keep : cuts) {
    CAPTURE(keep, jpeg.size());
    const Result<DecodedImage> r = DecodeImage(jpeg.substr(0, keep));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCorruption);
    CHECK(r.status().message().rfind("cannot decode JPEG: ", 0) == 0);
  }
}

// A grey progressive JPEG of `scans` scans, all valid: the DC scan, then
// each AC coefficient alone (successive approximation, Al 1), then the DC
// and each AC coefficient refined. `bands` AC coefficients get scans of
// their own; the rest share one.
std::string ProgressiveGreyJpeg(int bands) {
  jpeg_compress_struct c{};
  jpeg_error_mgr errors{};
  c.err = jpeg_std_error(&errors);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = 64;
  c.image_height = 48;
  c.input_components = 1;
  c.in_color_space = JCS_GRAYSCALE;
  jpeg_set_defaults(&c);
  std::vector<jpeg_scan_info> script;
  script.push_back({1, {0, 0, 0, 0}, 0, 0, 0, 1});  // DC, first pass
  auto ac_passes = [&](int ah, int al) {
    for (int k = 1; k <= bands; ++k) script.push_back({1, {0, 0, 0, 0}, k, k, ah, al});
    script.push_back({1, {0, 0, 0, 0}, bands + 1, 63, ah, al});
  };
  ac_passes(0, 1);
  script.push_back({1, {0, 0, 0, 0}, 0, 0, 1, 0});  // DC refined
  ac_passes(1, 0);
  c.scan_info = script.data();
  c.num_scans = static_cast<int>(script.size());
  jpeg_start_compress(&c, TRUE);
  std::vector<JSAMPLE> row(64);
  while (c.next_scanline < c.image_height) {
    for (JDIMENSION x = 0; x < 64; ++x) row[x] = static_cast<JSAMPLE>((x * 4 + c.next_scanline * 3) & 0xFF);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::string jpeg(reinterpret_cast<const char*>(out), size);
  std::free(out);
  return jpeg;
}

TEST_CASE("DecodeImage_ProgressiveJpegScansCapped_ManyScansRefusedFewDecoded", "[images]") {
  // 2 * (10 + 1) + 2 = 24 scans: an ordinary progressive photo.
  const DecodedImage few = MustDecode(ProgressiveGreyJpeg(10));
  CHECK(few.width == 64);
  // 2 * (62 + 1) + 2 = 128 scans: more than any photo needs.
  const Result<DecodedImage> many = DecodeImage(ProgressiveGreyJpeg(62));
  REQUIRE_FALSE(many.ok());
  CHECK(many.status().message().find("more than 100 scans") != std::string::npos);
}

TEST_CASE("DecodeImage_DamagedJpegBytesGiveAPictureOrAnErrorNeverACrash", "[images]") {
  const std::string jpeg = tp::EncodeOriginal(tp::MakePicture(5, 7, 160, 120));
  tp::Rng rng(99);
  int refused = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string damaged = jpeg;
    // A few bytes overwritten anywhere after the SOI marker, header included.
    for (int k = 0; k < 1 + trial % 4; ++k) {
      const auto at = static_cast<std::size_t>(rng.Int(2, static_cast<int>(jpeg.size()) - 1));
      damaged[at] = static_cast<char>(rng.Int(0, 255));
    }
    const Result<DecodedImage> r = DecodeImage(damaged);
    if (r.ok()) {
      CHECK(r->luma.size() ==
            static_cast<std::size_t>(r->width) * static_cast<std::size_t>(r->height));
    } else {
      ++refused;
      CHECK((r.status().code() == Status::Code::kCorruption || r.status().IsInvalidArgument()));
    }
  }
  // Most damage inside the scan decodes (libjpeg resynchronises); some is refused.
  CHECK(refused > 0);
}

TEST_CASE("DecodeImage_JpegsBeyondAnEighthAreShrunkFurtherWhileStreaming", "[images]") {
  // 640x480 with a 16-pixel floor: 1/8 inside the decoder leaves 80x60,
  // still a short side of 3 x 16, so libvips box-shrinks that by 3.
  DecodeLimits tiny;
  tiny.min_short_side = 16;
  const Result<DecodedImage> r =
      DecodeImage(tp::EncodeOriginal(tp::MakePicture(2, 3, 640, 480)), tiny);
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(r->width == 27);  // 80 / 3, rounded as libvips rounds it
  CHECK(r->height == 20);
  CHECK(r->source_width == 640);
  CHECK(r->source_height == 480);
}

}  // namespace
}  // namespace plainsight::images
