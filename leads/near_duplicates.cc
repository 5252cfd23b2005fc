#include "leads/near_duplicates.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "core/mix64.h"

namespace plainsight {
namespace {

std::uint64_t BandHash(const std::vector<std::uint32_t>& signature, size_t begin, size_t rows) {
  std::uint64_t h = rows;
  for (size_t j = 0; j < rows; ++j) h = Mix64(h ^ signature[begin + j]);
  return h;
}

// Candidate pairs are packed as a << 32 | b, so sorting orders them by (a, b).
std::uint64_t PackPair(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

void SortUnique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Indices of the signatures worth comparing; all share one length.
std::vector<std::uint32_t> EligibleTexts(const std::vector<std::vector<std::uint32_t>>& signatures,
                                         const std::vector<int>& shingle_counts, int min_shingles,
                                         size_t* length, NearDuplicateStats& stats) {
  *length = 0;
  for (const auto& s : signatures) {
    if (!s.empty()) {
      *length = s.size();
      break;
    }
  }
  std::vector<std::uint32_t> eligible;
  eligible.reserve(signatures.size());
  constexpr size_t kMaxIndex = std::numeric_limits<std::uint32_t>::max();
  for (size_t i = 0; i < signatures.size(); ++i) {
    const int shingles = i < shingle_counts.size() ? shingle_counts[i] : 0;
    if (i >= kMaxIndex || signatures[i].empty() || signatures[i].size() != *length ||
        shingles < min_shingles) {
      ++stats.texts_skipped;
      continue;
    }
    eligible.push_back(static_cast<std::uint32_t>(i));
  }
  return eligible;
}

}  // namespace

std::vector<NearDuplicatePair> FindNearDuplicates(
    const std::vector<std::vector<std::uint32_t>>& signatures,
    const std::vector<int>& shingle_counts, const NearDuplicateOptions& options,
    NearDuplicateStats* stats_out) {
  NearDuplicateStats stats;
  size_t length = 0;
  const std::vector<std::uint32_t> eligible =
      EligibleTexts(signatures, shingle_counts, options.min_shingles, &length, stats);
  const size_t bands = std::clamp<size_t>(static_cast<size_t>(std::max(options.bands, 1)), 1,
                                          std::max<size_t>(length, 1));
  const size_t rows = length / bands;

  std::vector<std::uint64_t> candidates;
  size_t compacted_size = 0;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> buckets;
  buckets.reserve(eligible.size());
  for (size_t band = 0; rows > 0 && eligible.size() > 1 && band < bands; ++band) {
    buckets.clear();
    for (std::uint32_t i : eligible)
      buckets.emplace_back(BandHash(signatures[i], band * rows, rows), i);
    std::sort(buckets.begin(), buckets.end());
    for (size_t begin = 0; begin < buckets.size();) {
      size_t end = begin + 1;
      while (end < buckets.size() && buckets[end].first == buckets[begin].first) ++end;
      const size_t members = end - begin;
      if (members > options.max_bucket) {
        ++stats.buckets_skipped;
      } else {
        // Within a bucket indices ascend, so each pair comes out as (a < b).
        for (size_t x = begin; x + 1 < end; ++x) {
          for (size_t y = x + 1; y < end; ++y) {
            candidates.push_back(PackPair(buckets[x].second, buckets[y].second));
          }
        }
      }
      begin = end;
    }
    // One pair recurs in many bands; compact before duplicates pile up.
    if (candidates.size() > 2 * compacted_size) {
      SortUnique(candidates);
      compacted_size = candidates.size();
    }
  }
  SortUnique(candidates);
  stats.candidates = candidates.size();

  std::vector<NearDuplicatePair> pairs;
  for (std::uint64_t packed : candidates) {
    const size_t a = static_cast<size_t>(packed >> 32);
    const size_t b = static_cast<size_t>(packed & 0xffffffffULL);
    const double jaccard = MinHasher::EstimateJaccard(signatures[a], signatures[b]);
    if (jaccard >= options.threshold) pairs.push_back({a, b, jaccard});
  }
  if (stats_out != nullptr) *stats_out = stats;
  return pairs;
}

std::vector<NearDuplicatePair> FindNearDuplicateTexts(const std::vector<std::string>& texts,
                                                      const MinHasher& hasher,
                                                      NearDuplicateOptions options,
                                                      NearDuplicateStats* stats) {
  std::vector<std::vector<std::uint32_t>> signatures;
  std::vector<int> shingle_counts;
  signatures.reserve(texts.size());
  shingle_counts.reserve(texts.size());
  for (const std::string& text : texts) {
    signatures.push_back(hasher.Signature(text));
    shingle_counts.push_back(CountShingles(text, hasher.options().shingle_words));
  }
  options.bands = hasher.options().bands;
  return FindNearDuplicates(signatures, shingle_counts, options, stats);
}

int CountShingles(std::string_view text, int shingle_words) {
  std::vector<std::uint64_t> shingles = ShingleHashes(text, shingle_words);
  SortUnique(shingles);
  return static_cast<int>(std::min<size_t>(shingles.size(), std::numeric_limits<int>::max()));
}

}  // namespace plainsight
