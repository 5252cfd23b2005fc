#include "leads/template_clusters.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "leads/union_find.h"

namespace plainsight {
namespace {

using BandKey = std::pair<std::uint64_t, std::uint32_t>;  // (band key, advert)

// Sorts `keys` by key, keeping equal keys in their order (LSD radix sort,
// 16 bits a pass, skipping passes where every key has the same digit).
// `keys` arrive in advert order, so this is the (key, advert) order a
// comparison sort of the pairs gives, at a fraction of its cost: it runs
// once per LSH band over every signed advert.
void SortBandKeys(std::vector<BandKey>* keys, std::vector<BandKey>* scratch, int key_bits) {
  constexpr int kDigitBits = 16;
  constexpr size_t kDigits = size_t{1} << kDigitBits;
  if (keys->size() < 2) return;
  std::vector<std::uint32_t> count(kDigits);
  scratch->resize(keys->size());
  for (int shift = 0; shift < key_bits; shift += kDigitBits) {
    std::fill(count.begin(), count.end(), 0u);
    for (const BandKey& k : *keys) ++count[(k.first >> shift) & (kDigits - 1)];
    if (count[((*keys)[0].first >> shift) & (kDigits - 1)] == keys->size()) continue;
    std::uint32_t at = 0;
    for (std::uint32_t& c : count) {
      const std::uint32_t n = c;
      c = at;
      at += n;
    }
    for (const BandKey& k : *keys) (*scratch)[count[(k.first >> shift) & (kDigits - 1)]++] = k;
    keys->swap(*scratch);
  }
}

}  // namespace

std::uint64_t TemplateBandKey(const std::uint16_t* signature, size_t band, size_t rows) {
  const std::uint16_t* values = signature + band * rows;
  std::uint64_t key = 0;
  for (size_t r = 0; r < rows && r < 4; ++r) key = (key << 16) | values[r];
  for (size_t r = 4; r < rows; ++r) key = key * 0x9e3779b97f4a7c15ULL + values[r];
  return key;
}

double SignatureAgreement(const std::uint16_t* a, const std::uint16_t* b, size_t length) {
  if (a == nullptr || b == nullptr || length == 0) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < length; ++i) equal += a[i] == b[i] ? 1u : 0u;
  return static_cast<double>(equal) / static_cast<double>(length);
}

std::vector<std::vector<std::uint32_t>> FindTemplateClusters(
    const std::vector<const std::uint16_t*>& signatures, const TemplateBanding& banding) {
  const size_t n = signatures.size();
  const size_t length = banding.signature_length;
  const size_t bands = std::max<size_t>(banding.bands, 1);
  const size_t rows = banding.Rows();
  std::vector<std::vector<std::uint32_t>> clusters;
  if (rows == 0) return clusters;
  std::vector<std::uint32_t> signed_adverts;
  for (size_t i = 0; i < n; ++i) {
    if (signatures[i] != nullptr) signed_adverts.push_back(static_cast<std::uint32_t>(i));
  }
  UnionFind uf(n);
  std::vector<BandKey> keys, scratch;
  keys.reserve(signed_adverts.size());
  // Up to 4 rows are packed 16 bits each; more are hashed into 64 bits.
  const int key_bits = rows <= 4 ? static_cast<int>(16 * rows) : 64;
  for (size_t band = 0; band < bands && signed_adverts.size() > 1; ++band) {
    keys.clear();
    for (std::uint32_t i : signed_adverts) {
      keys.emplace_back(TemplateBandKey(signatures[i], band, rows), i);
    }
    SortBandKeys(&keys, &scratch, key_bits);
    for (size_t begin = 0; begin < keys.size();) {
      size_t end = begin + 1;
      while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
      if (end - begin > 1) {
        const BandKey* bucket = keys.data() + begin;
        TieBucket(
            end - begin,
            [&](size_t a, size_t b) {
              return uf.Find(bucket[a].second) == uf.Find(bucket[b].second);
            },
            [&](size_t a, size_t b) {
              return SignatureAgreement(signatures[bucket[a].second], signatures[bucket[b].second],
                                        length) >= banding.threshold;
            },
            [&](size_t a, size_t b) { uf.Union(bucket[a].second, bucket[b].second); });
      }
      begin = end;
    }
  }
  // Only roots with company get a cluster (most adverts are alone).
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t i : signed_adverts) ++size[uf.Find(i)];
  std::unordered_map<size_t, size_t> cluster_of_root;
  for (std::uint32_t i : signed_adverts) {
    const size_t root = uf.Find(i);
    if (size[root] < 2) continue;
    auto [it, inserted] = cluster_of_root.try_emplace(root, clusters.size());
    if (inserted) clusters.emplace_back();
    clusters[it->second].push_back(i);
  }
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

}  // namespace plainsight
