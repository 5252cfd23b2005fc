// The farm's advert photos crawled for real (tests/farm/farm_photos.h): the
// planted photo groups come out of the crawl as adverts whose stored
// pictures match by PDQ (as posted, re-encoded smaller, cropped 2% as PNG)
// while their phones all differ; the stock photo is one picture on many
// adverts; the logo on every page is never kept as a photo.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "crawler/chrome_images.h"
#include "crawler/crawler.h"
#include "images/photo_hashes.h"
#include "store/image_record.h"
#include "tests/farm/farm.h"
#include "tests/farm/farm_photos.h"
#include "tests/support/crawled_farm.h"

namespace plainsight {
namespace {

images::PhotoHashes HashesOf(const StoredImage& image) {
  images::PhotoHashes h;
  h.full = *images::PdqHash::FromHex(image.pdq);
  h.quality = image.quality;
  for (const std::string& crop : image.crops) h.crops.push_back(*images::PdqHash::FromHex(crop));
  return h;
}

// The stored picture advert `url` shows at `photo_url`.
StoredImage PictureShown(const Store& store, const std::string& url, const std::string& photo_url) {
  auto listed = LoadAdvertImages(store, AdvertIdForUrl(url));
  REQUIRE(listed.ok());
  for (const AdvertImage& image : *listed) {
    if (image.url != photo_url) continue;
    INFO(image.url << ": " << image.error);
    REQUIRE(!image.sha256.empty());
    auto picture = LoadStoredImage(store, image.sha256);
    REQUIRE(picture.ok());
    REQUIRE(picture->has_value());
    return **picture;
  }
  FAIL("advert " << url << " has no image " << photo_url);
  return {};
}

TEST_CASE("FarmPhotos_PlantedGroupsMatchByPdqStockSharedLogoNeverKept") {
  testing::CrawledFarm crawled(/*fetch_images=*/true);
  const Store* store = crawled.store.get();
  const farm::Farm& farm = crawled.farm;
  const CrawlSummary* summary = &crawled.summary;
  // The logo is fetched at most once per adult site (before the run has
  // counted enough adverts to call it chrome), and no advert keeps it.
  int logo_fetches = 0;
  for (const auto& request : farm.requests()) logo_fetches += request.path == farm::kLogoPath ? 1 : 0;
  CHECK(logo_fetches <= 2);
  REQUIRE(ForEachAdvertImage(*store, [&](const AdvertImage& image) {
            if (image.url.find(farm::kLogoPath) != std::string::npos) {
              CHECK(image.error == kSiteChromeRefusal);
              CHECK(image.sha256.empty());
            }
            return true;
          }).ok());
  std::map<std::string, std::string> phone_of;
  for (const farm::FarmAdvert& ad : farm.adverts()) {
    if (!ad.phones_e164.empty()) phone_of[ad.url] = ad.phones_e164.front();
  }
  int groups = 0;
  for (const farm::PlantedPhotoGroup& group : farm.photo_groups()) {
    INFO(group.name);
    if (group.stock) {
      CHECK(group.advert_urls.size() == static_cast<size_t>(farm::kStockPhotoAdverts));
      std::set<std::string> shas;
      for (size_t i = 0; i < group.advert_urls.size(); ++i) {
        shas.insert(PictureShown(*store, group.advert_urls[i], group.photo_urls[i]).sha256);
      }
      CHECK(shas.size() == 1);  // one picture, kept once
      continue;
    }
    ++groups;
    REQUIRE(group.advert_urls.size() == static_cast<size_t>(farm::kPhotoGroupSize));
    std::set<std::string> phones;
    std::vector<images::PhotoHashes> hashes;
    for (size_t i = 0; i < group.advert_urls.size(); ++i) {
      phones.insert(phone_of[group.advert_urls[i]]);
      hashes.push_back(HashesOf(PictureShown(*store, group.advert_urls[i], group.photo_urls[i])));
    }
    CHECK(phones.size() == group.advert_urls.size());  // the phones all differ
    for (size_t i = 1; i < hashes.size(); ++i) {
      INFO("copy " << i << " distance " << images::PhotoDistance(hashes[0], hashes[i]));
      CHECK(images::PhotosMatch(hashes[0], hashes[i]));
    }
  }
  CHECK(groups == farm::kPhotoGroupCount);
  int chrome = 0, stored = 0;
  for (const SiteSummary& s : summary->sites) {
    chrome += s.images_chrome;
    stored += s.images_stored;
    CHECK(s.images_refused == 0);
  }
  CHECK(chrome > 0);
  CHECK(stored > 20);
}

}  // namespace
}  // namespace plainsight
