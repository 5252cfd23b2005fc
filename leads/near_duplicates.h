// Near-duplicate adverts: pairs of MinHash signatures (minhash.h) whose
// estimated Jaccard similarity reaches a threshold, found without comparing
// every pair.
//
// Locality-sensitive hashing: each signature is cut into `bands` bands of
// rows = length / bands values; two texts become candidates when all rows of
// some band agree, which happens with probability 1 - (1 - J^rows)^bands
// for shingle-set Jaccard J. With the default 42 bands x 3 rows: 0.04 at
// J=0.1, 0.29 at 0.2, 0.68 at 0.3, 0.94 at 0.4, 0.98 at 0.45, 0.996 at 0.5,
// 1.00 from 0.6. Candidates are then kept only if their estimated Jaccard
// reaches the threshold. A band bucket with more than max_bucket members is
// skipped (it is boilerplate-like and would cost max_bucket^2 comparisons);
// its members can still pair through other bands.
//
// Per band the work is one sort of (band hash, index) pairs: a million
// adverts took about ten seconds of one core, with 16 bytes per advert of
// scratch plus 8 bytes per distinct candidate pair (the caller's signatures
// take 504 bytes each). The output is every matching pair, so one template
// posted n times yields up to n^2/2 pairs: 10,000 copies would be 50 million.
// Stateless free functions: safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "leads/minhash.h"

namespace plainsight {

struct NearDuplicatePair {
  size_t a = 0;  // a < b, indices into the caller's signatures
  size_t b = 0;
  double jaccard = 0;  // estimated from the signatures
};

struct NearDuplicateOptions {
  // Calibrated in tests/leads/near_duplicates_test.cc with the default
  // MinHashOptions: copies of one template with every name, age, town,
  // price, phone and date refilled, some with a sentence dropped, measured
  // Jaccard 0.49-0.85 (estimates 0.41-0.87); unrelated adverts of the same
  // genre 0.01-0.08 (estimates up to 0.13). 0.3 sits inside that gap, about
  // four standard errors of the estimate below the lowest template pair.
  double threshold = 0.3;
  int min_shingles = 8;  // shorter texts are too short to judge
  size_t max_bucket = 1000;
  int bands = 42;  // use the MinHashOptions::bands the signatures were made with
};

struct NearDuplicateStats {
  size_t texts_skipped = 0;    // fewer than min_shingles, or a signature of the wrong length
  size_t buckets_skipped = 0;  // bands buckets over max_bucket
  size_t candidates = 0;       // distinct candidate pairs checked against the threshold
};

// Pairs of near-duplicate texts, sorted by (a, b). `shingle_counts[i]` is
// CountShingles of text i (missing entries count as 0). Signatures are
// expected to share one length; those of another length than the first
// non-empty one are skipped. When `bands` does not divide the length, the
// trailing values take part only in the final threshold check.
std::vector<NearDuplicatePair> FindNearDuplicates(
    const std::vector<std::vector<std::uint32_t>>& signatures,
    const std::vector<int>& shingle_counts, const NearDuplicateOptions& options,
    NearDuplicateStats* stats = nullptr);

// Signs and counts `texts` with `hasher` and finds near-duplicates among
// them, taking the band count from the hasher's options.
std::vector<NearDuplicatePair> FindNearDuplicateTexts(const std::vector<std::string>& texts,
                                                      const MinHasher& hasher,
                                                      NearDuplicateOptions options,
                                                      NearDuplicateStats* stats = nullptr);

// Number of distinct shingles in `text` (see minhash.h for tokenisation).
int CountShingles(std::string_view text, int shingle_words = 2);

}  // namespace plainsight
