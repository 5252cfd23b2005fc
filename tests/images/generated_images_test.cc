// Photo matching on generated pictures (tests/images/test_pictures.h): the
// edits a reposted advert photo goes through keep it matching, and
// different pictures, even of the same colours and composition, do not
// match. bench/pdq_bench runs the same table at scale and prints the rates
// and distance distributions.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "images/image_decoder.h"
#include "images/pdq.h"
#include "images/photo_hashes.h"
#include "tests/images/test_pictures.h"

namespace plainsight::images {
namespace {

namespace tp = test_pictures;

PhotoHashes Hash(const std::string& bytes) {
  REQUIRE_FALSE(bytes.empty());
  Result<PhotoHashes> h = HashPhoto(bytes);
  INFO(h.status().message());
  REQUIRE(h.ok());
  return std::move(h).value();
}

constexpr int kPictures = 20;

TEST_CASE("GeneratedPictures_AreUsablePhotosOfQualityAtLeast50", "[images]") {
  for (int p = 0; p < kPictures; ++p) {
    const PhotoHashes h =
        Hash(tp::EncodeOriginal(tp::MakePicture(static_cast<std::uint64_t>(p), 1)));
    CAPTURE(p, h.quality);
    CHECK(h.quality >= kPdqMinUsableQuality);
    CHECK(h.width == 800);
    CHECK(h.height == 600);
    CHECK(h.crops.size() == kCropFractions.size());
  }
  // Deterministic: the same seeds give the same picture.
  CHECK(tp::MakePicture(5, 6).rgb == tp::MakePicture(5, 6).rgb);
}

TEST_CASE("EachEditOfAGeneratedPictureMatchesItsOriginal", "[images]") {
  for (int p = 0; p < kPictures; ++p) {
    const auto seed = static_cast<std::uint64_t>(p);
    const RgbImage picture = tp::MakePicture(100 + seed, seed);
    const PhotoHashes original = Hash(tp::EncodeOriginal(picture));
    for (const tp::EditKind kind : tp::kMatchingEdits) {
      const PhotoHashes edited = Hash(tp::Encode(tp::ApplyEdit(picture, kind, seed)));
      const int distance = PhotoDistance(original, edited);
      INFO("picture " << p << ", " << tp::EditName(kind) << ": distance " << distance
                      << ", full to full " << HammingDistance(original.full, edited.full)
                      << ", qualities " << original.quality << " and " << edited.quality);
      CHECK(PhotosMatch(original, edited));
      // The rule is symmetric.
      CHECK(PhotoDistance(edited, original) == distance);
    }
  }
}

// A turned or mirrored repost matches through the original's dihedral
// hashes (one DCT gives all eight), not through the crops.
TEST_CASE("TurnedAndMirroredCopiesMatchThroughTheDihedralHashes", "[images]") {
  struct Case {
    tp::EditKind edit;
    Dihedral as;
  };
  const Case cases[] = {
      {tp::EditKind::kRotate90, Dihedral::kRotate270},  // test_pictures turns clockwise
      {tp::EditKind::kMirror, Dihedral::kFlipY},
  };
  for (int p = 0; p < kPictures; ++p) {
    const auto seed = static_cast<std::uint64_t>(p);
    const RgbImage picture = tp::MakePicture(200 + seed, seed);
    const Result<DecodedImage> original = DecodeImage(tp::EncodeOriginal(picture));
    REQUIRE(original.ok());
    const PdqDihedralResult all =
        PdqDihedralFromLuma(original->luma.data(), original->height, original->width);
    for (const Case& c : cases) {
      const PhotoHashes edited = Hash(tp::Encode(tp::ApplyEdit(picture, c.edit, seed)));
      const int distance = HammingDistance(all[c.as], edited.full);
      INFO("picture " << p << ", " << tp::EditName(c.edit) << ": distance " << distance);
      CHECK(distance <= kPdqMatchDistance);
      // Without the dihedral hashes it would not match.
      CHECK(HammingDistance(all[Dihedral::kOriginal], edited.full) > kPdqMatchDistance);
    }
  }
}

// The hard case for a perceptual hash: pictures that share the palette, the
// background and where the main shapes sit, with different shapes and
// details; plus pictures of other layouts. 200 pictures, 19,900 pairs, at
// 400x300 to keep the test quick under ASan (PDQ summarises any size to
// 64x64; bench/pdq_bench checks 124,750 pairs at 800x600).
TEST_CASE("DifferentPicturesOfTheSameColourAndLayoutDoNotMatch", "[images]") {
  constexpr int kLayouts = 20;
  constexpr int kContents = 10;
  std::vector<PhotoHashes> hashes;
  for (int l = 0; l < kLayouts; ++l) {
    for (int c = 0; c < kContents; ++c) {
      hashes.push_back(Hash(tp::EncodeOriginal(tp::MakePicture(
          300 + static_cast<std::uint64_t>(l), 1000 + static_cast<std::uint64_t>(c), 400, 300))));
    }
  }
  int closest_same_layout = 256, closest_other_layout = 256, matches = 0;
  for (std::size_t a = 0; a < hashes.size(); ++a) {
    for (std::size_t b = a + 1; b < hashes.size(); ++b) {
      const int d = PhotoDistance(hashes[a], hashes[b]);
      const bool same_layout = a / kContents == b / kContents;
      int& closest = same_layout ? closest_same_layout : closest_other_layout;
      closest = std::min(closest, d);
      if (PhotosMatch(hashes[a], hashes[b])) ++matches;
    }
  }
  INFO("closest pair, same layout: " << closest_same_layout
                                     << ", different layouts: " << closest_other_layout);
  CHECK(matches == 0);
  // Far from the threshold, not just over it.
  CHECK(closest_same_layout > 2 * kPdqMatchDistance);
  CHECK(closest_other_layout > 2 * kPdqMatchDistance);
}

// libvips is started once and shared; hashing from many threads at once
// must give what one thread gives.
TEST_CASE("HashPhotoFromSeveralThreadsAtOnceGivesTheSameHashes", "[images]") {
  std::vector<std::string> files;
  for (std::uint64_t p = 0; p < 8; ++p)
    files.push_back(tp::EncodeOriginal(tp::MakePicture(400 + p, p, 320, 240)));
  std::vector<PhotoHashes> expected;
  for (const std::string& f : files) expected.push_back(Hash(f));
  constexpr int kThreads = 4;
  std::vector<int> same(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < files.size(); ++i) {
          const Result<PhotoHashes> h =
              HashPhoto(files[(i + static_cast<std::size_t>(t)) % files.size()]);
          const PhotoHashes& want = expected[(i + static_cast<std::size_t>(t)) % files.size()];
          if (h.ok() && h->full == want.full && h->crops == want.crops)
            ++same[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const int n : same) CHECK(n == 3 * static_cast<int>(files.size()));
}

TEST_CASE("FlatPicturesNeverMatchEvenThemselves", "[images]") {
  RgbImage grey{800, 600, std::vector<std::uint8_t>(800u * 600u * 3u, 128)};
  RgbImage ramp = grey;  // a gentle left-to-right ramp: still too little detail
  for (std::size_t i = 0; i < ramp.rgb.size(); ++i) {
    ramp.rgb[i] = static_cast<std::uint8_t>(100 + (i / 3 % 800) / 20);
  }
  for (const RgbImage* flat : {&grey, &ramp}) {
    const PhotoHashes h = Hash(tp::EncodeOriginal(*flat));
    CAPTURE(h.quality);
    CHECK(h.quality < kPdqMinUsableQuality);
    CHECK(PhotoDistance(h, h) == 0);
    CHECK_FALSE(PhotosMatch(h, h));
  }
}

}  // namespace
}  // namespace plainsight::images
