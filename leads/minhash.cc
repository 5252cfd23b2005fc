#include "leads/minhash.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "core/mix64.h"

namespace plainsight {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
// Any fixed value distinct from real token hashes works for "#".
constexpr std::uint64_t kNumberTokenHash = 0x23'23'23'23'23'23'23'23ULL;
// Densification probes per empty bin before falling back to a linear scan.
constexpr std::uint64_t kMaxProbes = 4096;

bool IsTokenByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Calls emit(token_hash) for each token of `text`, without allocating.
template <typename Emit>
void ForEachTokenHash(std::string_view text, Emit&& emit) {
  bool previous_was_number = false;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!IsTokenByte(c)) {
      ++i;
      continue;
    }
    std::uint64_t h = kFnvOffset;
    bool has_digit = false;
    for (; i < text.size(); ++i) {
      c = static_cast<unsigned char>(text[i]);
      if (!IsTokenByte(c)) break;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      has_digit |= (c >= '0' && c <= '9');
      h = (h ^ c) * kFnvPrime;
    }
    if (has_digit) {
      if (previous_was_number) continue;  // "07700 900111" is one slot, not two
      previous_was_number = true;
      emit(kNumberTokenHash);
    } else {
      previous_was_number = false;
      emit(Mix64(h));
    }
  }
}

std::vector<std::uint64_t> SortedUnique(std::vector<std::uint64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

std::vector<std::uint64_t> ShingleHashes(std::string_view text, int shingle_words) {
  const size_t k = static_cast<size_t>(std::max(shingle_words, 1));
  std::vector<std::uint64_t> tokens;
  tokens.reserve(text.size() / 5 + 1);
  ForEachTokenHash(text, [&](std::uint64_t h) { tokens.push_back(h); });

  std::vector<std::uint64_t> shingles;
  if (tokens.empty()) return shingles;
  const size_t width = std::min(k, tokens.size());
  shingles.reserve(tokens.size() - width + 1);
  for (size_t start = 0; start + width <= tokens.size(); ++start) {
    // Chained bijective mixing keeps the shingle order-sensitive.
    std::uint64_t h = width;
    for (size_t j = 0; j < width; ++j) h = Mix64(h ^ tokens[start + j]);
    shingles.push_back(h);
  }
  return shingles;
}

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  options_.shingle_words = std::max(options_.shingle_words, 1);
  options_.num_hashes = std::max(options_.num_hashes, 1);
  options_.bands = std::max(options_.bands, 1);
  salt_ = Mix64(options_.seed + 0x9e3779b97f4a7c15ULL);
}

std::vector<std::uint32_t> MinHasher::Signature(std::string_view text) const {
  return SignatureOf(ShingleHashes(text, options_.shingle_words));
}

std::vector<std::uint32_t> MinHasher::Signature(std::string_view text,
                                                int* distinct_shingles) const {
  std::vector<std::uint64_t> shingles = ShingleHashes(text, options_.shingle_words);
  std::vector<std::uint32_t> signature = SignatureOf(shingles);
  shingles = SortedUnique(std::move(shingles));
  *distinct_shingles =
      static_cast<int>(std::min<size_t>(shingles.size(), std::numeric_limits<int>::max()));
  return signature;
}

std::vector<std::uint32_t> MinHasher::Signature(std::vector<std::uint64_t> shingles,
                                                const std::vector<std::uint64_t>& left_out,
                                                int* distinct_shingles) const {
  shingles = SortedUnique(std::move(shingles));
  if (!left_out.empty()) {
    shingles.erase(std::remove_if(shingles.begin(), shingles.end(),
                                  [&](std::uint64_t h) {
                                    return std::binary_search(left_out.begin(), left_out.end(), h);
                                  }),
                   shingles.end());
  }
  *distinct_shingles =
      static_cast<int>(std::min<size_t>(shingles.size(), std::numeric_limits<int>::max()));
  return SignatureOf(shingles);
}

std::vector<std::uint32_t> MinHasher::SignatureOf(const std::vector<std::uint64_t>& shingles) const {
  if (shingles.empty()) return {};
  const auto bins = static_cast<std::uint64_t>(options_.num_hashes);
  // Maps the high half of a 64-bit hash onto [0, bins) without a division.
  auto bin_of = [bins](std::uint64_t h) { return static_cast<size_t>(((h >> 32) * bins) >> 32); };

  std::vector<std::uint32_t> signature(bins, std::numeric_limits<std::uint32_t>::max());
  std::vector<unsigned char> filled(bins, 0);
  for (std::uint64_t shingle : shingles) {
    const std::uint64_t h = Mix64(shingle ^ salt_);
    const size_t bin = bin_of(h);
    signature[bin] = std::min(signature[bin], static_cast<std::uint32_t>(h));
    filled[bin] = 1;
  }
  // Optimal densification: an empty bin copies the minimum of the first
  // filled bin on its own fixed pseudo-random probe sequence. Every text
  // probes the same sequence, so two texts agree on a copied bin exactly as
  // often as on a real one, which keeps the estimate unbiased.
  for (size_t bin = 0; bin < bins; ++bin) {
    if (filled[bin]) continue;
    size_t donor = bin;
    for (std::uint64_t attempt = 1; attempt <= kMaxProbes && !filled[donor]; ++attempt) {
      donor = bin_of(Mix64(salt_ ^ ((std::uint64_t{bin} << 32) | attempt)));
    }
    // Practically unreachable (needs kMaxProbes misses); still deterministic.
    while (!filled[donor]) donor = (donor + 1) % bins;
    signature[bin] = signature[donor];
  }
  return signature;
}

double MinHasher::EstimateJaccard(const std::vector<std::uint32_t>& a,
                                  const std::vector<std::uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += (a[i] == b[i]) ? size_t{1} : size_t{0};
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

double ExactShingleJaccard(std::string_view a, std::string_view b, int shingle_words) {
  const std::vector<std::uint64_t> sa = SortedUnique(ShingleHashes(a, shingle_words));
  const std::vector<std::uint64_t> sb = SortedUnique(ShingleHashes(b, shingle_words));
  if (sa.empty() && sb.empty()) return 0.0;
  std::vector<std::uint64_t> common;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(common));
  const size_t union_size = sa.size() + sb.size() - common.size();
  return static_cast<double>(common.size()) / static_cast<double>(union_size);
}

}  // namespace plainsight
