// DecodeImage: what it refuses (not an image, damaged files, decompression
// bombs, files over the limits) and what it honours (EXIF orientation, the
// first frame of a GIF, transparency flattened onto white, shrink-on-load).
// Every file is built here, from generated pixels.
#include "images/image_decoder.h"

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>
#include <vips/vips8>

#include "tests/images/png_bomb.h"
#include "tests/images/test_pictures.h"

namespace plainsight::images {
namespace {

using test_pictures::PngHeaderClaiming;

// libvips for the files EncodeImage cannot make (alpha, grey, animation,
// EXIF orientation). DecodeImage starts libvips itself; starting it twice
// is harmless.
void StartVipsForTest() { REQUIRE(VIPS_INIT("images_tests") == 0); }

std::string SaveWithVips(const vips::VImage& image, const char* suffix) {
  void* data = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(suffix, &data, &size);
  std::string out(static_cast<const char*>(data), size);
  g_free(data);
  return out;
}

// A w x h picture, left half black, right half white.
RgbImage HalfAndHalf(int w, int h) {
  RgbImage im{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w * h * 3), 0)};
  for (int y = 0; y < h; ++y) {
    for (int x = w / 2; x < w; ++x) {
      for (int c = 0; c < 3; ++c) im.rgb[static_cast<std::size_t>((y * w + x) * 3 + c)] = 255;
    }
  }
  return im;
}

float LumaAt(const DecodedImage& im, int x, int y) {
  return im.luma[static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) +
                 static_cast<std::size_t>(x)];
}

std::string GeneratedJpeg(int w = 320, int h = 240) {
  return test_pictures::EncodeOriginal(test_pictures::MakePicture(3, 4, w, h));
}

TEST_CASE("DecodeImage_RefusesWhatIsNotAnImage", "[images]") {
  static const struct {
    const char* what;
    std::string bytes;
  } kCases[] = {
      {"HTML", "<!DOCTYPE html><html><body>Not found</body></html>"},
      {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"},
      {"BMP (libvips reads it, plainsight does not)", std::string("BM\x36\x00\x0C\x00\x00\x00", 8)},
      {"TIFF", std::string("II*\x00\x08\x00\x00\x00", 8)},
      {"three bytes", std::string("\xFF\xD8", 2)},
      {"RIFF that is not WebP", std::string("RIFF\x10\x00\x00\x00WAVEfmt ", 16)},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what);
    const Result<DecodedImage> r = DecodeImage(c.bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().IsInvalidArgument());
    CHECK(r.status().message().rfind("not an image: ", 0) == 0);
  }
  const Result<DecodedImage> empty = DecodeImage("");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "not an image: no bytes");
}

TEST_CASE("DecodeImage_SniffsTheFourFormatsFromMagicBytes", "[images]") {
  const RgbImage picture = test_pictures::MakePicture(1, 1, 64, 48);
  for (const ImageFormat f :
       {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp, ImageFormat::kGif}) {
    CAPTURE(ImageFormatName(f));
    const Result<std::string> bytes = EncodeImage(picture, f, 90);
    REQUIRE(bytes.ok());
    REQUIRE(SniffImageFormat(*bytes) == f);
    const Result<DecodedImage> decoded = DecodeImage(*bytes);
    INFO(decoded.status().message());
    REQUIRE(decoded.ok());
    CHECK(decoded->format == f);
    CHECK(decoded->width == 64);
    CHECK(decoded->height == 48);
    CHECK(decoded->luma.size() == 64u * 48u);
  }
}

TEST_CASE("DecodeImage_RefusesATruncatedJpeg", "[images]") {
  const std::string jpeg = GeneratedJpeg();
  REQUIRE(DecodeImage(jpeg).ok());
  for (const std::size_t keep : {jpeg.size() / 2, jpeg.size() - 200, std::size_t{300}}) {
    CAPTURE(keep);
    const Result<DecodedImage> r = DecodeImage(jpeg.substr(0, keep));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCorruption);
    CHECK(r.status().message().rfind("cannot decode JPEG: ", 0) == 0);
  }
}

TEST_CASE("DecodeImage_RefusesAPngBombFromItsHeaderBeforeDecoding", "[images]") {
  const std::string bomb = PngHeaderClaiming(100000, 100000);
  const auto start = std::chrono::steady_clock::now();
  const Result<DecodedImage> r = DecodeImage(bomb);
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  INFO(r.status().message());
  CHECK(r.status().message() ==
        "PNG of 100000x100000 pixels is over the limit of 40000000 pixels: refused before "
        "decoding (decompression bomb?)");
  // 10^10 pixels were never allocated nor inflated.
  CHECK(took < std::chrono::seconds(2));

  // A picture just within a lowered limit passes the header check and then
  // fails for what it is: a header without pixel data.
  DecodeLimits roomy;
  roomy.max_pixels = 100000LL * 100000LL;
  const Result<DecodedImage> small_claim = DecodeImage(PngHeaderClaiming(8, 8), roomy);
  CHECK_FALSE(small_claim.ok());
}

TEST_CASE("DecodeImage_RefusesAJpegWhoseHeaderClaimsTooManyPixels", "[images]") {
  std::string jpeg = GeneratedJpeg();
  // Rewrite the frame header (SOF0: FF C0, length, precision, height, width)
  // to claim 60000 x 60000.
  const std::size_t sof = jpeg.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  for (const std::size_t at : {sof + 5, sof + 7}) {
    jpeg[at] = static_cast<char>(60000 >> 8);
    jpeg[at + 1] = static_cast<char>(60000 & 0xFF);
  }
  const Result<DecodedImage> r = DecodeImage(jpeg);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  CHECK(r.status().message().find("60000x60000 pixels is over the limit") != std::string::npos);
}

TEST_CASE("DecodeImage_RefusesFilesOverTheByteLimit", "[images]") {
  const std::string jpeg = GeneratedJpeg();
  DecodeLimits tight;
  tight.max_bytes = jpeg.size() - 1;
  const Result<DecodedImage> r = DecodeImage(jpeg, tight);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  CHECK(r.status().message().find("is over the limit of") != std::string::npos);
  tight.max_bytes = jpeg.size();
  CHECK(DecodeImage(jpeg, tight).ok());
}

TEST_CASE("DecodeImage_HonoursExifOrientation", "[images]") {
  StartVipsForTest();
  RgbImage stored = HalfAndHalf(80, 60);  // black left, white right
  vips::VImage image = vips::VImage::new_from_memory(stored.rgb.data(), stored.rgb.size(), 80, 60,
                                                     3, VIPS_FORMAT_UCHAR);
  // Orientation 6: the stored picture is shown turned a quarter clockwise,
  // so its left (black) half becomes the top.
  image.set(VIPS_META_ORIENTATION, 6);
  const std::string jpeg = SaveWithVips(image, ".jpg");
  const Result<DecodedImage> r = DecodeImage(jpeg);
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(r->width == 60);
  CHECK(r->height == 80);
  CHECK(r->source_width == 60);
  CHECK(r->source_height == 80);
  CHECK(LumaAt(*r, 30, 5) < 30.0f);    // top: black
  CHECK(LumaAt(*r, 30, 74) > 225.0f);  // bottom: white
}

TEST_CASE("DecodeImage_ReadsTheFirstFrameOfAnAnimatedGif", "[images]") {
  StartVipsForTest();
  // Three 40x30 frames stacked: white, black, black.
  std::vector<std::uint8_t> frames(static_cast<std::size_t>(40 * 90 * 3), 0);
  std::fill(frames.begin(), frames.begin() + 40 * 30 * 3, std::uint8_t{255});
  vips::VImage strip =
      vips::VImage::new_from_memory(frames.data(), frames.size(), 40, 90, 3, VIPS_FORMAT_UCHAR);
  strip.set(VIPS_META_PAGE_HEIGHT, 30);
  const std::string gif = SaveWithVips(strip, ".gif");
  REQUIRE(SniffImageFormat(gif) == ImageFormat::kGif);
  const Result<DecodedImage> r = DecodeImage(gif);
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(r->width == 40);
  CHECK(r->height == 30);
  CHECK(LumaAt(*r, 20, 15) > 250.0f);
}

TEST_CASE("DecodeImage_FlattensTransparencyOntoWhite", "[images]") {
  StartVipsForTest();
  // RGBA: left half opaque black, right half fully transparent black.
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(40 * 20 * 4), 0);
  for (int y = 0; y < 20; ++y) {
    for (int x = 0; x < 20; ++x) rgba[static_cast<std::size_t>((y * 40 + x) * 4 + 3)] = 255;
  }
  vips::VImage image =
      vips::VImage::new_from_memory(rgba.data(), rgba.size(), 40, 20, 4, VIPS_FORMAT_UCHAR);
  for (const char* suffix : {".png", ".webp"}) {
    CAPTURE(suffix);
    const std::string bytes = SaveWithVips(image, suffix);
    const Result<DecodedImage> r = DecodeImage(bytes);
    INFO(r.status().message());
    REQUIRE(r.ok());
    CHECK(LumaAt(*r, 5, 10) < 5.0f);     // opaque black stays black
    CHECK(LumaAt(*r, 35, 10) > 250.0f);  // transparent shows white, not black
  }
}

TEST_CASE("DecodeImage_ReadsGreyAndSixteenBitPngs", "[images]") {
  StartVipsForTest();
  std::vector<std::uint8_t> grey(static_cast<std::size_t>(32 * 16), 100);
  vips::VImage g =
      vips::VImage::new_from_memory(grey.data(), grey.size(), 32, 16, 1, VIPS_FORMAT_UCHAR);
  const Result<DecodedImage> r = DecodeImage(SaveWithVips(g, ".png"));
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(LumaAt(*r, 10, 10) == Approx(100.0f).margin(1.0f));

  vips::VImage g16 =
      g.cast(VIPS_FORMAT_USHORT)
          .linear(256.0, 0.0)
          .cast(VIPS_FORMAT_USHORT)
          .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_GREY16));
  const Result<DecodedImage> r16 = DecodeImage(SaveWithVips(g16, ".png"));
  INFO(r16.status().message());
  REQUIRE(r16.ok());
  CHECK(LumaAt(*r16, 10, 10) == Approx(100.0f).margin(1.0f));
}

TEST_CASE("DecodeImage_ShrinksLargePicturesOnLoad", "[images]") {
  const RgbImage big = test_pictures::MakePicture(9, 9, 2200, 1300);
  for (const ImageFormat f : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    CAPTURE(ImageFormatName(f));
    const Result<std::string> bytes = EncodeImage(big, f, 90);
    REQUIRE(bytes.ok());
    const Result<DecodedImage> r = DecodeImage(*bytes);  // short side floor 512: by 2
    INFO(r.status().message());
    REQUIRE(r.ok());
    CHECK(r->source_width == 2200);
    CHECK(r->source_height == 1300);
    CHECK(r->width == 1100);
    CHECK(r->height == 650);

    DecodeLimits full;
    full.min_short_side = 0;
    const Result<DecodedImage> f1 = DecodeImage(*bytes, full);
    REQUIRE(f1.ok());
    CHECK(f1->width == 2200);
    CHECK(f1->height == 1300);
  }
}

TEST_CASE("EncodeImage_RefusesABufferOfTheWrongSize", "[images]") {
  const RgbImage wrong{10, 10, std::vector<std::uint8_t>(299)};
  const Result<std::string> r = EncodeImage(wrong, ImageFormat::kPng);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
}

}  // namespace
}  // namespace plainsight::images

namespace plainsight::images {
namespace {

// ThumbnailJpeg: what `report --thumbnails` embeds. Each case gives a file
// and the size its thumbnail must be at a side of 160.
TEST_CASE("ThumbnailJpeg_FitsInTheSide_KeepsAspect_NeverEnlarges_TurnsByExif", "[images]") {
  StartVipsForTest();
  // new_from_memory borrows the pixels, and libvips reads them lazily (on
  // its own threads, when the JPEG is saved): they must outlive the image.
  RgbImage stored = HalfAndHalf(80, 60);
  vips::VImage turned = vips::VImage::new_from_memory(stored.rgb.data(), stored.rgb.size(), 80,
                                                      60, 3, VIPS_FORMAT_UCHAR);
  turned.set(VIPS_META_ORIENTATION, 6);  // shown a quarter clockwise: 60 x 80
  const std::string turned_jpeg = SaveWithVips(turned, ".jpg");
  const RgbImage wide = test_pictures::MakePicture(5, 6, 640, 480);
  const struct {
    const char* name;
    std::string file;
    int width, height;
  } kCases[] = {
      {"640x480 JPEG", test_pictures::EncodeOriginal(wide), 160, 120},
      {"480x640 PNG", EncodeImage(test_pictures::MakePicture(5, 7, 480, 640), ImageFormat::kPng).value(), 120, 160},
      {"640x480 WebP", EncodeImage(wide, ImageFormat::kWebp).value(), 160, 120},
      {"100x50 JPEG, not enlarged", test_pictures::EncodeOriginal(test_pictures::MakePicture(5, 8, 100, 50)), 100, 50},
      {"80x60 JPEG shown turned", turned_jpeg, 60, 80},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    const Result<std::string> thumb = ThumbnailJpeg(c.file, 160);
    INFO(thumb.status().message());
    REQUIRE(thumb.ok());
    CHECK(SniffImageFormat(*thumb) == ImageFormat::kJpeg);
    DecodeLimits full;
    full.min_short_side = 0;
    const Result<DecodedImage> shown = DecodeImage(*thumb, full);
    REQUIRE(shown.ok());
    CHECK(shown->width == c.width);
    CHECK(shown->height == c.height);
    if (c.width == 160 || c.height == 160) CHECK(thumb->size() < c.file.size());
  }
}

TEST_CASE("ThumbnailJpeg_RefusesWhatDecodeImageRefuses", "[images]") {
  const Result<std::string> not_image = ThumbnailJpeg("<html>not a picture</html>", 160);
  REQUIRE_FALSE(not_image.ok());
  CHECK(not_image.status().IsInvalidArgument());
  const Result<std::string> bomb = ThumbnailJpeg(PngHeaderClaiming(100000, 100000), 160);
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.status().message().find("is over the limit of 40000000 pixels") != std::string::npos);
  std::string truncated = GeneratedJpeg();
  truncated.resize(truncated.size() / 3);
  CHECK_FALSE(ThumbnailJpeg(truncated, 160).ok());
}

}  // namespace
}  // namespace plainsight::images
