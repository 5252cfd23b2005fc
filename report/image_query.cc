#include "report/image_query.h"

#include <algorithm>
#include <tuple>

#include "leads/image_links.h"

namespace plainsight {
namespace {

struct Near {
  std::string sha256;
  int distance = 0;
  images::Dihedral orientation = images::Dihedral::kOriginal;
};

// `orientations`: the photo's hashes, entry d turned by Dihedral d.
Result<std::vector<PhotoMatch>> FindNear(const Store& store,
                                         const images::PhotoHashes* orientations,
                                         std::size_t count, int max_distance) {
  const int quality = orientations[0].quality;
  if (quality < images::kPdqMinUsableQuality) {
    return Status::InvalidArgument("image: picture too flat to match (PDQ quality " +
                                   std::to_string(quality) + ", below " +
                                   std::to_string(images::kPdqMinUsableQuality) + ")");
  }
  std::vector<Near> pictures;
  Status s = ForEachStoredImage(store, [&](const StoredImage& image) {
    if (image.quality < images::kPdqMinUsableQuality) return true;
    std::optional<images::PhotoHashes> hashes = StoredPhotoHashes(image);
    if (!hashes) return true;
    Near best{image.sha256, max_distance + 1, images::Dihedral::kOriginal};
    for (std::size_t d = 0; d < count; ++d) {
      const int distance = images::PhotoDistance(orientations[d], *hashes);
      if (distance < best.distance) {
        best.distance = distance;
        best.orientation = static_cast<images::Dihedral>(d);
      }
    }
    if (best.distance <= max_distance) pictures.push_back(std::move(best));
    return true;
  });
  if (!s.ok()) return s;
  std::vector<PhotoMatch> out;
  for (const Near& near : pictures) {
    Result<std::vector<std::string>> ids = AdvertsShowingPicture(store, near.sha256);
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) {
      Result<std::vector<AdvertImage>> listed = LoadAdvertImages(store, id);
      if (!listed.ok()) return listed.status();
      Result<std::optional<AdvertRecord>> advert = store.GetAdvert(id);
      if (!advert.ok()) return advert.status();
      for (const AdvertImage& image : *listed) {
        if (image.sha256 != near.sha256) continue;
        out.push_back({id, *advert ? (*advert)->url : "", image.url, near.sha256, near.distance,
                       near.orientation});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const PhotoMatch& a, const PhotoMatch& b) {
    return std::tie(a.distance, a.advert_id, a.image_url) <
           std::tie(b.distance, b.advert_id, b.image_url);
  });
  return out;
}

}  // namespace

Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(const Store& store,
                                                   const images::PhotoHashes& photo,
                                                   int max_distance) {
  return FindNear(store, &photo, 1, max_distance);
}

Result<std::vector<PhotoMatch>> FindAdvertsByPhoto(const Store& store,
                                                   const PhotoOrientations& photo,
                                                   int max_distance) {
  return FindNear(store, photo.data(), photo.size(), max_distance);
}

Result<std::vector<AdvertPhoto>> LoadAdvertPhotos(const Store& store, const std::string& advert_id) {
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
    photo.image = std::move(image);
    out.push_back(std::move(photo));
  }
  return out;
}

Result<std::vector<AdvertPhoto>> ImagesOfAdvert(const Store& store, const std::string& advert_id) {
  Result<std::vector<AdvertPhoto>> photos = LoadAdvertPhotos(store, advert_id);
  if (!photos.ok()) return photos.status();
  for (AdvertPhoto& photo : *photos) {
    if (!photo.picture || photo.picture->quality < images::kPdqMinUsableQuality) continue;
    std::optional<images::PhotoHashes> hashes = StoredPhotoHashes(*photo.picture);
    if (!hashes) continue;
    Result<std::vector<PhotoMatch>> matches = FindAdvertsByPhoto(store, *hashes);
    if (!matches.ok()) return matches.status();
    for (PhotoMatch& m : *matches) {
      if (m.advert_id != advert_id) photo.matches.push_back(std::move(m));
    }
  }
  return photos;
}

}  // namespace plainsight
