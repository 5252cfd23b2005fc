// Test helper: advert photos written straight into a real store, as the
// crawler would record them (store/image_record.h), from pictures the test
// generates (tests/images/test_pictures.h: never real photos).
// Header-only; links plainsight::images and plainsight::store.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "core/sha256.h"
#include "images/photo_hashes.h"
#include "store/image_record.h"
#include "store/store.h"
#include "tests/images/test_pictures.h"

namespace plainsight::testing {

// A picture as fetched: its bytes and the StoredImage the crawler keeps.
struct Photo {
  std::string bytes;
  StoredImage stored;
};

inline Photo HashedPhoto(std::string bytes, const std::string& first_url = "") {
  Result<images::PhotoHashes> h = images::HashPhoto(bytes);
  REQUIRE(h.ok());
  Photo p;
  p.stored.sha256 = Sha256Hex(bytes);
  p.stored.content_type = "image/jpeg";
  p.stored.format = "JPEG";
  p.stored.bytes = bytes.size();
  p.stored.width = h->width;
  p.stored.height = h->height;
  p.stored.quality = h->quality;
  p.stored.pdq = h->full.ToHex();
  for (const images::PdqHash& crop : h->crops) p.stored.crops.push_back(crop.ToHex());
  p.stored.first_url = first_url;
  p.bytes = std::move(bytes);
  return p;
}

// A generated picture (layout, content), `width` x 3/4 of it, as JPEG.
inline Photo PicturePhoto(std::uint64_t layout, std::uint64_t content, int width = 640,
                          int quality = 90) {
  using namespace images::test_pictures;
  Result<std::string> bytes = images::EncodeImage(
      MakePicture(layout, content, width, width * 3 / 4), images::ImageFormat::kJpeg, quality);
  REQUIRE(bytes.ok());
  return HashedPhoto(std::move(*bytes));
}

// The same picture shrunk and re-encoded: what a repost looks like.
inline Photo ResizedCopy(std::uint64_t layout, std::uint64_t content, int width = 640) {
  using namespace images::test_pictures;
  images::RgbImage picture = MakePicture(layout, content, width, width * 3 / 4);
  Result<std::string> bytes = images::EncodeImage(
      Resize(picture, width * 5 / 8, width * 15 / 32), images::ImageFormat::kJpeg, 70);
  REQUIRE(bytes.ok());
  return HashedPhoto(std::move(*bytes));
}

// One colour: PDQ quality far below 50.
inline Photo FlatPhoto(int width = 320) {
  using namespace images::test_pictures;
  images::RgbImage picture = Blank(width, width * 3 / 4);
  for (size_t i = 0; i < picture.rgb.size(); ++i) picture.rgb[i] = i % 3 == 0 ? 200 : 120;
  Result<std::string> bytes = images::EncodeImage(picture, images::ImageFormat::kPng);
  REQUIRE(bytes.ok());
  return HashedPhoto(std::move(*bytes));
}

// Records that advert `advert_id` showed `photo` at `image_url`.
inline void ShowPhoto(Store& store, const std::string& advert_id, const std::string& image_url,
                      const Photo& photo, int order = 0) {
  AdvertImage image;
  image.advert_id = advert_id;
  image.url = image_url;
  image.order = order;
  image.sha256 = photo.stored.sha256;
  image.at = 1000;
  StoredImage stored = photo.stored;
  if (stored.first_url.empty()) stored.first_url = image_url;
  REQUIRE(store.PutMetas(AdvertImageEntries(image, &stored)).ok());
}

}  // namespace plainsight::testing
