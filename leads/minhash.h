// MinHash: a short fixed-size signature of an advert's wording, so that two
// adverts written from one template can be recognised as near-identical
// without comparing their full texts.
//
// A text is tokenised (lower-case ASCII; runs of letters and digits, where
// every byte >= 0x80 counts as a letter so UTF-8 words stay whole). A token
// that holds any digit becomes the placeholder "#", and a run of such tokens
// collapses to one "#", so phones, ages, prices and dates never make two
// copies of a template differ. The tokens are cut into overlapping word
// shingles of `shingle_words`; a text with fewer tokens than that has one
// shingle of all its tokens.
//
// The signature is one-permutation MinHash with optimal densification
// (Li, Owen and Zhang, NIPS 2012; Shrivastava, ICML 2017): each shingle is
// hashed once, the hash picks one of `num_hashes` bins and the bin keeps its
// smallest hash; an empty bin copies a filled one chosen by a fixed probe
// sequence. That costs one hash per shingle instead of num_hashes, and the
// share of bins two signatures agree on is still an unbiased estimate of
// the Jaccard similarity of their shingle sets. Measured standard error at
// J=0.5 with 126 bins: 0.04-0.055 (k-permutation MinHash: 0.045), the
// upper end for texts of under ~50 shingles.
//
// MinHasher is immutable after construction: one instance may be shared by
// any number of threads. Signatures are plain values owned by the caller.
// Signatures are comparable only when made with equal options.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace plainsight {

// Defaults calibrated in tests/leads/near_duplicates_test.cc. Word pairs,
// not triples: in a 40-word advert every refilled name or town breaks
// shingle_words shingles on each side, so copies of one template measured
// Jaccard 0.49-0.85 with pairs but 0.30-0.80 with triples, while unrelated
// adverts of one genre stayed <= 0.08 either way. 42 bands x 3 rows put the
// LSH S-curve's steep part (0.68 at J=0.3, 0.99 at 0.5) under that gap.
struct MinHashOptions {
  int shingle_words = 2;  // at least 1
  int num_hashes = 126;   // signature length, at least 1
  int bands = 42;         // for LSH (see near_duplicates.h); rows = num_hashes / bands
  std::uint64_t seed = 0x5eed;
};

class MinHasher {
 public:
  // Out-of-range options are clamped to 1 (a programming error, not data).
  explicit MinHasher(MinHashOptions options = {});

  // The signature of `text`: num_hashes values, or empty when the text has
  // no tokens at all.
  std::vector<std::uint32_t> Signature(std::string_view text) const;
  // The same, also counting the text's distinct shingles (as CountShingles
  // in near_duplicates.h does) from the one tokenisation.
  std::vector<std::uint32_t> Signature(std::string_view text, int* distinct_shingles) const;

  // The signature of a text's shingles (ShingleHashes) with those in
  // `left_out` (sorted) removed: a site's common phrasing (site_chrome.h).
  // `distinct_shingles` counts the shingles kept.
  std::vector<std::uint32_t> Signature(std::vector<std::uint64_t> shingles,
                                       const std::vector<std::uint64_t>& left_out,
                                       int* distinct_shingles) const;
  // Share of positions at which `a` and `b` agree; 0 when either is empty or
  // their lengths differ (they cannot have been made by one MinHasher).
  static double EstimateJaccard(const std::vector<std::uint32_t>& a,
                                const std::vector<std::uint32_t>& b);

  const MinHashOptions& options() const { return options_; }

 private:
  std::vector<std::uint32_t> SignatureOf(const std::vector<std::uint64_t>& shingles) const;

  MinHashOptions options_;
  std::uint64_t salt_ = 0;  // derived from options_.seed
};

// The 64-bit hashes of the text's shingles, in text order, repeats kept.
std::vector<std::uint64_t> ShingleHashes(std::string_view text, int shingle_words = 2);

// Exact Jaccard similarity of the two texts' shingle sets (0 when both are
// empty): the value MinHasher estimates, for tests and calibration.
double ExactShingleJaccard(std::string_view a, std::string_view b, int shingle_words = 2);

}  // namespace plainsight
