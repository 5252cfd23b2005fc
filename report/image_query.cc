#include "report/image_query.h"

#include <algorithm>
#include <tuple>

#include "leads/image_links.h"

namespace plainsight {
Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(const Store& store,
                                                   const images::PhotoHashes& photo,
                                                   int max_distance) {
  if (photo.quality < images::kPdqMinUsableQuality) {
    return Status::InvalidArgument("image: picture too flat to match (PDQ quality " +
                                   std::to_string(photo.quality) + ", below " +
                                   std::to_string(images::kPdqMinUsableQuality) + ")");
  }
  std::vector<std::pair<std::string, int>> pictures;  // (sha256, distance)
  Status s = ForEachStoredImage(store, [&](const StoredImage& image) {
    if (image.quality < images::kPdqMinUsableQuality) return true;
    std::optional<images::PhotoHashes> hashes = StoredPhotoHashes(image);
    if (!hashes) return true;
    const int distance = images::PhotoDistance(photo, *hashes);
    if (distance <= max_distance) pictures.emplace_back(image.sha256, distance);
    return true;
  });
  if (!s.ok()) return s;
  std::vector<PhotoMatch> out;
  for (const auto& [sha256, distance] : pictures) {
    Result<std::vector<std::string>> ids = AdvertsShowingPicture(store, sha256);
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) {
      Result<std::vector<AdvertImage>> listed = LoadAdvertImages(store, id);
      if (!listed.ok()) return listed.status();
      Result<std::optional<AdvertRecord>> advert = store.GetAdvert(id);
      if (!advert.ok()) return advert.status();
      for (const AdvertImage& image : *listed) {
        if (image.sha256 != sha256) continue;
        out.push_back({id, *advert ? (*advert)->url : "", image.url, sha256, distance});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const PhotoMatch& a, const PhotoMatch& b) {
    return std::tie(a.distance, a.advert_id, a.image_url) <
           std::tie(b.distance, b.advert_id, b.image_url);
  });
  return out;
}

Result<std::vector<AdvertPhoto>> ImagesOfAdvert(const Store& store, const std::string& advert_id) {
  Result<std::vector<AdvertImage>> listed = LoadAdvertImages(store, advert_id);
  if (!listed.ok()) return listed.status();
  std::vector<AdvertPhoto> out;
  for (AdvertImage& image : *listed) {
    AdvertPhoto photo;
    if (!image.sha256.empty()) {
      Result<std::optional<StoredImage>> picture = LoadStoredImage(store, image.sha256);
      if (!picture.ok()) return picture.status();
      photo.picture = std::move(*picture);
    }
    if (photo.picture && photo.picture->quality >= images::kPdqMinUsableQuality) {
      if (std::optional<images::PhotoHashes> hashes = StoredPhotoHashes(*photo.picture)) {
        Result<std::vector<PhotoMatch>> matches = FindAdvertsByPhoto(store, *hashes);
        if (!matches.ok()) return matches.status();
        for (PhotoMatch& m : *matches) {
          if (m.advert_id != advert_id) photo.matches.push_back(std::move(m));
        }
      }
    }
    photo.image = std::move(image);
    out.push_back(std::move(photo));
  }
  return out;
}

}  // namespace plainsight
