#include "leads/image_links.h"

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "images/pdq_hash.h"
#include "images/pdq_index.h"
#include "leads/union_find.h"
#include "store/image_record.h"

namespace plainsight {
namespace {

struct Picture {
  std::string sha256;
  std::vector<images::PdqHash> hashes;  // full first, then the crops
};

// The stored pictures whose hashes may be matched.
Result<std::vector<Picture>> LoadUsablePictures(const Store& store) {
  std::vector<Picture> out;
  Status s = ForEachStoredImage(store, [&](const StoredImage& image) {
    if (image.quality < images::kPdqMinUsableQuality) return true;
    std::optional<images::PhotoHashes> hashes = StoredPhotoHashes(image);
    if (!hashes) return true;  // no hash kept: nothing to match
    Picture p{image.sha256, {hashes->full}};
    p.hashes.insert(p.hashes.end(), hashes->crops.begin(), hashes->crops.end());
    out.push_back(std::move(p));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

// Cluster number of each picture (near matches joined transitively).
std::vector<size_t> ClusterPictures(const std::vector<Picture>& pictures) {
  images::PdqIndex index;
  size_t total = 0;
  for (const Picture& p : pictures) total += p.hashes.size();
  index.Reserve(total);
  for (size_t i = 0; i < pictures.size(); ++i) {
    for (const images::PdqHash& h : pictures[i].hashes) index.Add(h, i);
  }
  index.Freeze();
  // Each picture queries with all its hashes; the index is read-only now,
  // so the queries run on two threads (the machine's cores), each listing
  // its matches, joined afterwards.
  constexpr size_t kThreads = 2;
  std::vector<std::vector<std::pair<size_t, size_t>>> matches(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < pictures.size(); i += kThreads) {
        // Query per hash rather than QueryAny: the distances are not
        // needed, only who matches (a pair found twice is joined twice).
        for (const images::PdqHash& h : pictures[i].hashes) {
          for (const images::PdqIndex::Match& m : index.Query(h, images::kPdqMatchDistance)) {
            const auto j = static_cast<size_t>(m.payload);
            if (j > i) matches[t].emplace_back(i, j);  // each pair from one side
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  UnionFind uf(pictures.size());
  for (const auto& found : matches) {
    for (const auto& [i, j] : found) uf.Union(i, j);
  }
  std::vector<size_t> cluster(pictures.size());
  for (size_t i = 0; i < pictures.size(); ++i) cluster[i] = uf.Find(i);
  return cluster;
}

}  // namespace

std::optional<images::PhotoHashes> StoredPhotoHashes(const StoredImage& image) {
  std::optional<images::PdqHash> full = images::PdqHash::FromHex(image.pdq);
  if (!full) return std::nullopt;
  images::PhotoHashes h;
  h.full = *full;
  h.quality = image.quality;
  h.width = image.width;
  h.height = image.height;
  for (const std::string& crop : image.crops) {
    if (auto c = images::PdqHash::FromHex(crop)) h.crops.push_back(*c);
  }
  return h;
}

Result<std::unordered_map<std::string, std::string>> PhotoEntityValues(const Store& store) {
  Result<std::vector<Picture>> loaded = LoadUsablePictures(store);
  if (!loaded.ok()) return loaded.status();
  const std::vector<Picture>& pictures = *loaded;
  std::unordered_map<std::string, std::string> out;
  if (pictures.empty()) return out;
  const std::vector<size_t> cluster = ClusterPictures(pictures);
  // The representative: the smallest whole-picture hash in hex, so the
  // value does not depend on the order pictures were stored.
  std::unordered_map<size_t, std::string> representative;
  for (size_t i = 0; i < pictures.size(); ++i) {
    std::string hex = pictures[i].hashes.front().ToHex();
    auto [it, inserted] = representative.try_emplace(cluster[i], hex);
    if (!inserted && hex < it->second) it->second = std::move(hex);
  }
  out.reserve(pictures.size());
  for (size_t i = 0; i < pictures.size(); ++i) {
    out.emplace(pictures[i].sha256, "pdq:" + representative.at(cluster[i]));
  }
  return out;
}

Status AddImageEntities(const Store& store, Corpus* corpus, ImageLinkStats* stats) {
  Result<std::unordered_map<std::string, std::string>> values = PhotoEntityValues(store);
  if (!values.ok()) return values.status();
  if (stats != nullptr) stats->pictures = values->size();
  if (values->empty()) return Status::OK();
  // Clusters numbered in order of their value (one value per cluster), so
  // the corpus does not depend on the order pictures were stored.
  std::vector<std::string> value_of_cluster;
  value_of_cluster.reserve(values->size());
  for (const auto& [sha256, value] : *values) value_of_cluster.push_back(value);
  std::sort(value_of_cluster.begin(), value_of_cluster.end());
  value_of_cluster.erase(std::unique(value_of_cluster.begin(), value_of_cluster.end()),
                         value_of_cluster.end());
  std::unordered_map<std::string, size_t> cluster_of_sha;
  cluster_of_sha.reserve(values->size());
  for (const auto& [sha256, value] : *values) {
    const auto at = std::lower_bound(value_of_cluster.begin(), value_of_cluster.end(), value);
    cluster_of_sha.emplace(sha256, static_cast<size_t>(at - value_of_cluster.begin()));
  }

  // (advert, cluster) pairs, each once.
  std::vector<std::pair<std::uint32_t, size_t>> shown;
  Status s = ForEachAdvertImage(store, [&](const AdvertImage& image) {
    if (image.sha256.empty()) return true;
    auto c = cluster_of_sha.find(image.sha256);
    if (c == cluster_of_sha.end()) return true;
    const long advert = corpus->Find(image.advert_id);
    if (advert >= 0) shown.emplace_back(static_cast<std::uint32_t>(advert), c->second);
    return true;
  });
  if (!s.ok()) return s;
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());

  // Clusters on two or more adverts become entities, numbered in order of
  // their value.
  std::unordered_map<size_t, std::vector<std::uint32_t>> adverts_of;
  for (const auto& [advert, c] : shown) adverts_of[c].push_back(advert);
  std::vector<std::pair<std::string, size_t>> linked;  // (value, cluster)
  for (const auto& [c, adverts] : adverts_of) {
    if (adverts.size() >= 2) linked.emplace_back(value_of_cluster[c], c);
  }
  std::sort(linked.begin(), linked.end());
  if (stats != nullptr) stats->clusters = linked.size();
  if (linked.empty()) return Status::OK();
  std::unordered_map<size_t, std::uint32_t> entity_of;
  for (const auto& [value, c] : linked) {
    entity_of[c] = static_cast<std::uint32_t>(corpus->EntityCount());
    corpus->entity_types.push_back(EntityType::kImage);
    corpus->entity_values.values.insert(corpus->entity_values.values.end(), value.begin(),
                                        value.end());
    corpus->entity_values.Close();
  }

  // Each advert's list gets its photo entities after its other entities.
  FlatLists<std::uint32_t> rebuilt;
  rebuilt.Reserve(corpus->adverts.size(), corpus->advert_entities.values.size() + shown.size());
  size_t next = 0;
  for (size_t i = 0; i < corpus->adverts.size(); ++i) {
    for (std::uint32_t e : corpus->Entities(i)) rebuilt.values.push_back(e);
    for (; next < shown.size() && shown[next].first == i; ++next) {
      auto e = entity_of.find(shown[next].second);
      if (e != entity_of.end()) rebuilt.values.push_back(e->second);
    }
    rebuilt.Close();
  }
  corpus->advert_entities = std::move(rebuilt);
  return Status::OK();
}

}  // namespace plainsight
