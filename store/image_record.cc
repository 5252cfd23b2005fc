#include "store/image_record.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/meta_keys.h"
#include "store/meta_scan.h"

namespace plainsight {

namespace {

using nlohmann::json;

std::string ImageRefPrefix(std::string_view sha256) {
  return std::string(meta_keys::kImageRef) + std::string(sha256) + "\x1f";
}

template <typename T>
Result<T> ParseJson(std::string_view text, const char* what, T (*from)(const json&)) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Status::Corruption(std::string("bad ") + what + " record");
  try {
    return from(doc);
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("bad ") + what + " record: " + e.what());
  }
}

StoredImage StoredImageFromJson(const json& j) {
  StoredImage image;
  image.sha256 = j.at("sha256").get<std::string>();
  image.content_type = j.value("content_type", "");
  image.format = j.value("format", "");
  image.bytes = j.value("bytes", std::uint64_t{0});
  image.width = j.value("width", 0);
  image.height = j.value("height", 0);
  image.quality = j.value("quality", 0);
  image.pdq = j.value("pdq", "");
  image.crops = j.value("crops", std::vector<std::string>{});
  image.first_url = j.value("first_url", "");
  image.fetched_at = j.value("fetched_at", std::int64_t{0});
  image.warc_file = j.value("warc_file", "");
  image.warc_offset = j.value("warc_offset", std::uint64_t{0});
  image.warc_length = j.value("warc_length", std::uint64_t{0});
  return image;
}

AdvertImage AdvertImageFromJson(const json& j) {
  AdvertImage image;
  image.advert_id = j.at("advert").get<std::string>();
  image.url = j.at("url").get<std::string>();
  image.order = j.value("order", 0);
  image.sha256 = j.value("sha256", "");
  image.error = j.value("error", "");
  image.at = j.value("at", std::int64_t{0});
  return image;
}

// Every value under `prefix` decoded with `decode` and handed to `visit`
// until it returns false; a value that does not decode stops the scan with
// its error.
template <typename T>
Status ForEachDecoded(const Store& store, const std::string& prefix,
                      Result<T> (*decode)(std::string_view),
                      const std::function<bool(const T&)>& visit) {
  Status failed;
  Status scan = store.ForEachMeta(prefix, [&](const std::string&, const std::string& value) {
    Result<T> item = decode(value);
    if (!item.ok()) {
      failed = item.status();
      return false;
    }
    return visit(*item);
  });
  return scan.ok() ? failed : scan;
}

}  // namespace

std::string StoredImageKey(std::string_view sha256) {
  return std::string(meta_keys::kImage) + std::string(sha256);
}

std::string AdvertImagePrefix(std::string_view advert_id) {
  return std::string(meta_keys::kAdvertImage) + std::string(advert_id) + "\x1f";
}

std::string AdvertImageKey(std::string_view advert_id, std::string_view url) {
  return AdvertImagePrefix(advert_id) + std::string(url);
}

std::string EncodeStoredImage(const StoredImage& image) {
  json j = {{"sha256", image.sha256},
            {"content_type", image.content_type},
            {"format", image.format},
            {"bytes", image.bytes},
            {"width", image.width},
            {"height", image.height},
            {"quality", image.quality},
            {"pdq", image.pdq},
            {"crops", image.crops},
            {"first_url", image.first_url},
            {"fetched_at", image.fetched_at},
            {"warc_file", image.warc_file},
            {"warc_offset", image.warc_offset},
            {"warc_length", image.warc_length}};
  return j.dump();
}

Result<StoredImage> DecodeStoredImage(std::string_view text) {
  return ParseJson<StoredImage>(text, "image", StoredImageFromJson);
}

std::string EncodeAdvertImage(const AdvertImage& image) {
  json j = {{"advert", image.advert_id}, {"url", image.url},     {"order", image.order},
            {"sha256", image.sha256},    {"error", image.error}, {"at", image.at}};
  return j.dump();
}

Result<AdvertImage> DecodeAdvertImage(std::string_view text) {
  return ParseJson<AdvertImage>(text, "advert image", AdvertImageFromJson);
}

std::vector<std::pair<std::string, std::string>> AdvertImageEntries(const AdvertImage& image,
                                                                    const StoredImage* picture) {
  std::vector<std::pair<std::string, std::string>> entries;
  entries.emplace_back(AdvertImageKey(image.advert_id, image.url), EncodeAdvertImage(image));
  if (!image.sha256.empty()) {
    entries.emplace_back(ImageRefPrefix(image.sha256) + image.advert_id, "");
  }
  if (picture != nullptr)
    entries.emplace_back(StoredImageKey(picture->sha256), EncodeStoredImage(*picture));
  return entries;
}

Result<std::vector<AdvertImage>> LoadAdvertImages(const Store& store, std::string_view advert_id) {
  std::vector<AdvertImage> images;
  Status s = ForEachDecoded<AdvertImage>(store, AdvertImagePrefix(advert_id), DecodeAdvertImage,
                                         [&](const AdvertImage& image) {
                                           images.push_back(image);
                                           return true;
                                         });
  if (!s.ok()) return s;
  std::stable_sort(images.begin(), images.end(),
                   [](const AdvertImage& a, const AdvertImage& b) { return a.order < b.order; });
  return images;
}

Result<std::optional<StoredImage>> LoadStoredImage(const Store& store, std::string_view sha256) {
  Result<std::optional<std::string>> value = store.GetMeta(StoredImageKey(sha256));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<StoredImage>();
  Result<StoredImage> image = DecodeStoredImage(**value);
  if (!image.ok()) return image.status();
  return std::optional<StoredImage>(std::move(*image));
}

Result<std::vector<std::string>> AdvertsShowingPicture(const Store& store,
                                                       std::string_view sha256) {
  return MetaKeySuffixes(store, ImageRefPrefix(sha256));
}

Status ForEachStoredImage(const Store& store,
                          const std::function<bool(const StoredImage&)>& visit) {
  return ForEachDecoded<StoredImage>(store, meta_keys::kImage, DecodeStoredImage, visit);
}

Status ForEachAdvertImage(const Store& store,
                          const std::function<bool(const AdvertImage&)>& visit) {
  return ForEachDecoded<AdvertImage>(store, meta_keys::kAdvertImage, DecodeAdvertImage, visit);
}

namespace {

// The advert's reference to the picture goes, and the picture with it when
// no other advert lists it. Idempotent.
Status DropPictureReference(Store& store, std::string_view sha256, std::string_view advert_id) {
  if (Status s = store.DeleteMeta(ImageRefPrefix(sha256) + std::string(advert_id)); !s.ok())
    return s;
  bool still_listed = false;
  Status scan =
      store.ForEachMeta(ImageRefPrefix(sha256), [&](const std::string&, const std::string&) {
        still_listed = true;
        return false;
      });
  if (!scan.ok()) return scan;
  return still_listed ? Status::OK() : store.DeleteMeta(StoredImageKey(sha256));
}

}  // namespace

Status DeleteAdvertImages(Store& store, std::string_view advert_id) {
  Result<std::vector<AdvertImage>> images = LoadAdvertImages(store, advert_id);
  if (!images.ok()) return images.status();
  // Each image's own row goes last: a crash part-way leaves it, so the next
  // purge finds the image again and finishes (every step is idempotent).
  for (const AdvertImage& image : *images) {
    if (!image.sha256.empty()) {
      if (Status s = DropPictureReference(store, image.sha256, advert_id); !s.ok()) return s;
    }
    if (Status s = store.DeleteMeta(AdvertImageKey(advert_id, image.url)); !s.ok()) return s;
  }
  return Status::OK();
}

Status RefuseAdvertImage(Store& store, AdvertImage image, const std::string& why) {
  if (!image.sha256.empty()) {
    if (Status s = DropPictureReference(store, image.sha256, image.advert_id); !s.ok()) return s;
  }
  image.sha256.clear();
  image.error = why;
  return store.PutMeta(AdvertImageKey(image.advert_id, image.url), EncodeAdvertImage(image));
}

}  // namespace plainsight
