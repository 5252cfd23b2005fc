// Template clusters: which signed adverts are copies of one text, by one
// rule that the full run (link_graph.cc, banding every signed advert) and
// the kept index (template_index.h, updating only what changed) share, so
// the two give the same clusters.
//
// The rule. Each 16-bit MinHash signature (corpus.h) is cut into `bands`
// bands of rows = length / bands values; adverts whose band values are
// equal share a bucket. In a bucket, with its members in id order, each
// member after the first is tied to the first when their estimated Jaccard
// reaches the threshold, else to the member just before it when theirs
// does. A cluster is a connected set of two or more adverts under these
// ties.
//
// The ties of a bucket depend on its members alone, never on what other
// buckets tied first, so the clusters do not depend on the order the
// buckets are visited: the index can recompute the part of the tie graph
// that a change touches and get what a full banding gets. (An earlier rule
// skipped a member already connected to its bucket's first, which also
// skipped its tie to the member before it: the result then depended on the
// band order.) Checking members against the first and the one before keeps
// the work linear in a bucket's size; a bucket of many copies of one text
// costs one comparison per member, not one per pair.
//
// Free functions over values: safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace plainsight {

struct TemplateBanding {
  size_t signature_length = 0;  // values per signature
  size_t bands = 1;
  double threshold = 0.3;  // leads.near_duplicate_threshold
  size_t Rows() const { return bands == 0 ? 0 : signature_length / bands; }
};

// The bucket key of `signature`'s band `band`: up to 4 rows packed 16 bits
// each, more hashed into 64 bits.
std::uint64_t TemplateBandKey(const std::uint16_t* signature, size_t band, size_t rows);

// The share of equal values of two signatures of `length` values.
double SignatureAgreement(const std::uint16_t* a, const std::uint16_t* b, size_t length);

// The ties of one bucket whose `count` members are in id order: calls
// tie(i, k) for each tie, i < k positions in the bucket. `similar(i, k)`
// says whether members i and k reach the threshold; `connected(i, k)`
// whether they are already known to be connected (a tie between them would
// add nothing): it only saves comparisons, the ties that matter are the
// same whatever it answers.
template <typename Connected, typename Similar, typename Tie>
void TieBucket(size_t count, Connected&& connected, Similar&& similar, Tie&& tie) {
  for (size_t k = 1; k < count; ++k) {
    // Both possible ties would add nothing: skip the comparisons. (Only
    // the first being connected is not enough: whether the member ties to
    // the one before it depends on its similarity to the first.)
    if (connected(0, k) && connected(k - 1, k)) continue;
    if (similar(0, k)) {
      tie(0, k);
    } else if (k > 1 && similar(k - 1, k)) {
      tie(k - 1, k);
    }
  }
}

// Clusters of the adverts 0..n-1 (in id order): signatures[i] is advert
// i's values (signature_length of them), or null when it has none. Each
// cluster ascends; the clusters are sorted.
std::vector<std::vector<std::uint32_t>> FindTemplateClusters(
    const std::vector<const std::uint16_t*>& signatures, const TemplateBanding& banding);

}  // namespace plainsight
