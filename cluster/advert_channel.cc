#include "cluster/advert_channel.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "cluster/stream.h"
#include "store/image_record.h"
#include "store/meta_keys.h"
#include "store/record_codec.h"

namespace plainsight::cluster {
namespace {

const std::string kStream = "plainsight:crawl:adverts";
const char* kGroup = "store";
const char* kConsumer = "store";
constexpr std::size_t kBatch = 500;

// The stored record without what only says when it was seen, to tell a
// re-extraction (same capture, new content) from a repeat.
std::string Content(AdvertRecord a) {
  a.first_seen = a.last_seen = 0;
  a.removed = false;
  a.removed_at = 0;
  return EncodeAdvert(a);
}

// The advert's photos as fields of its entry (see advert_channel.h).
Status AddPhotoFields(const Store& store, const std::string& id, const std::string& worker,
                      std::vector<std::pair<std::string, std::string>>* fields) {
  Result<std::vector<AdvertImage>> images = LoadAdvertImages(store, id);
  if (!images.ok()) return images.status();
  fields->emplace_back("photos", std::to_string(images->size()));
  for (const AdvertImage& image : *images) {
    fields->emplace_back("image", EncodeAdvertImage(image));
    if (image.sha256.empty()) continue;
    Result<std::optional<StoredImage>> picture = LoadStoredImage(store, image.sha256);
    if (!picture.ok()) return picture.status();
    if (!picture->has_value()) continue;
    StoredImage moved = std::move(**picture);
    if (!moved.warc_file.empty()) moved.warc_file = worker + "/" + moved.warc_file;
    fields->emplace_back("picture", EncodeStoredImage(moved));
  }
  return Status::OK();
}

// Merges the published photo rows into the store's, by URL: a new or
// changed row is written (with its picture), a row the store holds with a
// picture is never replaced by one without (the publishing worker may not
// have fetched it yet, or hit its per-run cap), and rows it does not name
// stay. Not one atomic write: an entry applied again (it is acknowledged
// only after) finishes the job, and a repeat writes nothing.
Status ApplyPhotos(Store& store, const std::string& id,
                   const std::vector<std::string>& image_json,
                   const std::vector<std::string>& picture_json, TakeInSummary* summary) {
  std::map<std::string, StoredImage> pictures;
  for (const std::string& json : picture_json) {
    Result<StoredImage> picture = DecodeStoredImage(json);
    if (!picture.ok()) return Status::InvalidArgument("picture of " + id + ": " + picture.status().ToString());
    pictures[picture->sha256] = std::move(picture).value();
  }
  Result<std::vector<AdvertImage>> held_list = LoadAdvertImages(store, id);
  if (!held_list.ok()) return held_list.status();
  std::map<std::string, AdvertImage> held;
  for (AdvertImage& image : *held_list) held[image.url] = std::move(image);
  bool changed = false;
  for (const std::string& json : image_json) {
    Result<AdvertImage> image = DecodeAdvertImage(json);
    if (!image.ok()) return Status::InvalidArgument("photo of " + id + ": " + image.status().ToString());
    if (image->advert_id != id) return Status::InvalidArgument("photo of " + image->advert_id + " under " + id);
    auto picture = pictures.find(image->sha256);
    const StoredImage* kept_picture = picture == pictures.end() ? nullptr : &picture->second;
    if (auto it = held.find(image->url); it != held.end()) {
      const AdvertImage& mine = it->second;
      if (!mine.sha256.empty() && image->sha256.empty()) continue;
      if (EncodeAdvertImage(mine) == EncodeAdvertImage(*image)) {
        if (kept_picture == nullptr) continue;
        Result<std::optional<StoredImage>> stored = LoadStoredImage(store, image->sha256);
        if (!stored.ok()) return stored.status();
        if (stored->has_value()) continue;
      } else if (!mine.sha256.empty() && mine.sha256 != image->sha256) {
        // Another picture now: the old one loses this advert's reference.
        if (Status s = RefuseAdvertImage(store, mine, "replaced"); !s.ok()) return s;
      }
    }
    if (Status s = store.PutMetas(AdvertImageEntries(*image, kept_picture)); !s.ok()) return s;
    changed = true;
  }
  if (changed) ++summary->photo_updates;
  return Status::OK();
}

Status Apply(Store& store, const StreamEntry& entry, TakeInSummary* summary) {
  std::string id, bytes;
  bool deleted = false;
  bool photos = false;
  std::vector<std::string> image_json, picture_json;
  for (const auto& [name, value] : entry.fields) {
    if (name == "id") id = value;
    if (name == "advert") bytes = value;
    if (name == "deleted") deleted = value == "1";
    if (name == "photos") photos = true;
    if (name == "image") image_json.push_back(value);
    if (name == "picture") picture_json.push_back(value);
  }
  if (id.empty() || (!deleted && bytes.empty())) return Status::InvalidArgument("no advert");
  if (deleted) {
    // Its photos first, as retention does: a delete cut short is finished
    // when the entry comes again.
    if (Status s = DeleteAdvertImages(store, id); !s.ok()) return s;
    Status s = store.DeleteAdvert(id);
    if (s.ok()) ++summary->deleted;
    return s.IsNotFound() ? Status::OK() : s;
  }
  AdvertRecord advert;
  if (Status s = DecodeAdvert(bytes, &advert); !s.ok()) return s;
  if (advert.id != id) return Status::InvalidArgument("advert id " + advert.id + " under " + id);
  Result<std::optional<AdvertRecord>> stored = store.GetAdvert(id);
  if (!stored.ok()) return stored.status();
  // An entry applied again (a correlate killed before it acknowledged, a
  // worker killed before it cleared its log) or an older capture published
  // after a newer one changes nothing.
  if (stored->has_value() && advert.last_seen < (*stored)->last_seen) return Status::OK();
  const bool same_capture = stored->has_value() && (*stored)->sha256 == advert.sha256;
  bool changed = !same_capture;
  // Upserting a capture the store holds marks it seen, and back if removed:
  // a removal published again must not undo itself.
  if (!(same_capture && advert.removed)) {
    Result<UpsertOutcome> upserted = store.UpsertAdvert(advert);
    if (!upserted.ok()) return upserted.status();
  }
  if (same_capture && Content(**stored) != Content(advert)) {
    if (Status s = store.ReplaceAdvertContent(advert, {}); !s.ok()) return s;
    changed = true;
  }
  if (advert.removed && (!stored->has_value() || !(*stored)->removed)) {
    if (Status s = store.MarkAdvertRemoved(id, advert.removed_at); !s.ok()) return s;
    changed = true;
  }
  if (!advert.removed && same_capture && (*stored)->removed) changed = true;  // back
  if (changed) ++summary->stored;
  if (photos) return ApplyPhotos(store, id, image_json, picture_json, summary);
  return Status::OK();
}

}  // namespace

Status EnsureAdvertsGroup(RedisConnection& redis) {
  return StreamQueue(redis).EnsureGroup(kStream, kGroup);
}

Result<std::size_t> PublishChangedAdverts(Store& store, RedisConnection& redis,
                                          const std::string& worker) {
  if (Status s = EnsureAdvertsGroup(redis); !s.ok()) return s;
  const std::string prefix = meta_keys::kChanged;
  std::vector<std::pair<std::string, std::string>> entries;
  Status listed = store.ForEachMeta(prefix, [&](const std::string& key, const std::string& value) {
    entries.emplace_back(key, value);
    return true;
  });
  if (!listed.ok()) return listed;
  StreamQueue queue(redis);
  std::size_t published = 0;
  std::vector<std::pair<std::string, std::string>> done;
  for (const auto& entry : entries) {
    const std::string& key = entry.first;
    const std::string id = key.substr(prefix.size());
    Result<std::optional<AdvertRecord>> advert = store.GetAdvert(id);
    if (!advert.ok()) return advert.status();
    std::vector<std::pair<std::string, std::string>> fields = {{"id", id}, {"worker", worker}};
    if (advert->has_value()) {
      AdvertRecord a = std::move(**advert);
      if (!a.warc_file.empty()) a.warc_file = worker + "/" + a.warc_file;
      fields.emplace_back("advert", EncodeAdvert(a));
      if (Status s = AddPhotoFields(store, id, worker, &fields); !s.ok()) {
        (void)store.DeleteMetasIfUnchanged(done);
        return s;
      }
    } else {
      fields.emplace_back("deleted", "1");
    }
    Result<std::string> added = queue.Add(kStream, fields);
    if (!added.ok()) {
      (void)store.DeleteMetasIfUnchanged(done);  // what did go out is not sent twice
      return added.status();
    }
    done.push_back(entry);
    ++published;
  }
  // A change made while publishing (none in a worker's own run) stays logged.
  if (Status s = store.DeleteMetasIfUnchanged(done); !s.ok()) return s;
  return published;
}

Result<TakeInSummary> TakeInPublishedAdverts(Store& store, RedisConnection& redis) {
  if (Status s = EnsureAdvertsGroup(redis); !s.ok()) return s;
  StreamQueue queue(redis);
  TakeInSummary summary;
  // What a correlate killed half-way read and never acknowledged comes first.
  bool pending = true;
  while (true) {
    Result<std::vector<StreamEntry>> entries =
        pending ? queue.ClaimIdle(kStream, kGroup, kConsumer, std::chrono::milliseconds(0), kBatch)
                : queue.ReadNew(kStream, kGroup, kConsumer, kBatch, std::chrono::milliseconds(0));
    if (!entries.ok()) return entries.status();
    if (entries->empty()) {
      if (!pending) break;
      pending = false;
      continue;
    }
    std::vector<std::string> ids;
    for (const StreamEntry& entry : *entries) {
      ++summary.entries;
      Status s = Apply(store, entry, &summary);
      if (s.IsInvalidArgument() || s.code() == Status::Code::kCorruption) {
        ++summary.malformed;
        spdlog::warn("cluster: published advert {} dropped: {}", entry.id, s.ToString());
      } else if (!s.ok()) {
        return s;  // the store failed: unacknowledged, taken again next time
      }
      ids.push_back(entry.id);
    }
    if (Result<std::int64_t> acked = queue.Ack(kStream, kGroup, ids); !acked.ok()) {
      return acked.status();
    }
  }
  // Taken in and acknowledged: the stream keeps only what is still on its way.
  if (Result<std::int64_t> trimmed = queue.TrimAcknowledged(kStream); !trimmed.ok()) {
    spdlog::warn("cluster: trimming the adverts stream: {}", trimmed.status().ToString());
  }
  return summary;
}

}  // namespace plainsight::cluster
