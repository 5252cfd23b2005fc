// PdqIndex: every stored PDQ hash within Hamming distance r of a query hash,
// without a linear scan, at millions of hashes (multi-index hashing, as
// PDQ's own MIH index does).
//
// Why it is exact: a hash is 16 words of 16 bits. If two hashes are within
// distance r, at least one word differs in at most floor(r / 16) bits
// (pigeonhole: were every word to differ in more, the distance would be at
// least 16 * (floor(r / 16) + 1) > r). So there is one table per word,
// mapping each word value to the entries holding it. A query looks up, in
// each table, every value within floor(r / 16) bits of its own word (1 value
// for r <= 15, 17 for r <= 31, 137 for r <= 47), takes the union of those
// entries as candidates (de-duplicated with a stamp per entry), and keeps the
// ones whose full distance is <= r. The answer is the set a linear scan gives.
//
// Layout and costs, for n entries:
//  - Memory: per entry its hash (32 bytes), payload (8) and one 4-byte id in
//    each of the 16 tables (64): 104 bytes, plus 16 x 65,537 offsets (4 MiB)
//    per index, plus vector slack when entries arrive without Reserve.
//  - Tables are CSR: per word value an offset into one id array, ids
//    ascending within a value. Entries added since the last merge wait in a
//    pending tail that queries scan linearly. Add merges the tail into the
//    tables once it holds more than max(1024, n / 16) entries; a merge is a
//    counting sort of the tail plus one in-place backwards pass over each id
//    array, O(n + 65,536) per table. So Add is amortised O(1) (some 17 id
//    moves per table), but the Add that triggers a merge takes O(n): 25-50
//    ms at a million entries on a 2-core EPYC VM, where adding a million
//    one by one takes about 1 s in all. Freeze() merges at once, e.g. after
//    a bulk load, so queries scan no tail.
//  - Query at r <= 31: 16 x 17 bucket lookups, then per candidate a stamp
//    check and a distance (about 8 ns each, the stamps and hashes of later
//    candidates prefetched). Uniform random hashes give about n / 240
//    candidates: ~4,200 and 0.04 ms at a million, against 1.4 ms for a
//    linear scan. Skewed hashes, where many entries share word values, make
//    buckets large (~44,000 candidates, 0.35 ms, for the clustered set of
//    bench/pdq_index_bench.cc): when the buckets to visit add up to more
//    than n / 4 entries, the query scans all entries instead, so it never
//    costs much more than a linear scan. r > 47 always scans. Distances use
//    the popcnt instruction when the CPU has it (checked once at run time).
//
// Threads: the const members (Query, QueryAny, QueryLinear, size, ...) may
// run concurrently with each other, but nothing may run while Add, Reserve
// or Freeze runs (guard the index with e.g. a std::shared_mutex). Each thread
// that queries keeps a thread_local scratch of 4 bytes per indexed entry of
// the largest index it has queried (the de-duplication stamps), held until
// the thread exits; a thread's first query allocates them (~10 ms at a
// million entries, page faults mostly).
//
// Ownership: the index copies each hash and payload and keeps no reference
// to the caller's data. Entries cannot be removed (rebuild the index).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "images/pdq_hash.h"

namespace plainsight::images {

class PdqIndex {
 public:
  // Position of an entry in insertion order: 0, 1, 2, ...
  using EntryId = std::uint32_t;
  // At most this many entries (ids are 32-bit): some 400 GiB of index, far
  // beyond one machine. Add beyond it is a caller bug.
  static constexpr std::size_t kMaxEntries = 0xFFFFFFFFu;

  struct Match {
    std::uint64_t payload = 0;  // the caller's id given to Add
    int distance = 0;
    PdqHash hash;  // the stored hash
    friend bool operator==(const Match&, const Match&) = default;
  };

  // What a query did, for benchmarks and tests.
  struct QueryStats {
    std::size_t candidates = 0;  // table entries visited (before de-duplication)
    std::size_t verified = 0;    // distances computed
    bool linear = false;         // scanned every entry instead of the tables
  };

  PdqIndex();

  // Stores hash under payload (the caller's id, e.g. an image row; several
  // entries may share one). Returns the new entry's id. May merge the pending
  // tail into the tables (see costs above).
  EntryId Add(const PdqHash& hash, std::uint64_t payload);

  // Reserves room for n entries in total, so a bulk load neither reallocates
  // nor leaves vector slack.
  void Reserve(std::size_t n);

  // Merges pending entries into the tables now.
  void Freeze();

  // Every entry within max_distance of hash (inclusive), one Match per entry,
  // sorted by distance, then payload, then hash. max_distance < 0 finds
  // nothing; above 256 is 256.
  std::vector<Match> Query(const PdqHash& hash, int max_distance,
                           QueryStats* stats = nullptr) const;

  // Queries each hash (e.g. the 8 rotations and flips of one photo) and
  // returns each payload once, with its best distance over all hashes and
  // entries (ties: the smallest stored hash), sorted as Query sorts.
  std::vector<Match> QueryAny(const std::vector<PdqHash>& hashes, int max_distance) const;

  // Query by comparing against every entry: the reference answer, for tests
  // and benchmarks. Same results and order as Query.
  std::vector<Match> QueryLinear(const PdqHash& hash, int max_distance) const;

  std::size_t size() const { return hashes_.size(); }
  bool empty() const { return hashes_.empty(); }
  // Entries not yet merged into the tables (scanned linearly by queries).
  std::size_t pending() const { return hashes_.size() - indexed_; }
  const PdqHash& hash(EntryId id) const { return hashes_[id].hash; }
  std::uint64_t payload(EntryId id) const { return payloads_[id]; }
  // Bytes held by the index's own vectors (capacity, not size).
  std::size_t MemoryBytes() const;

 private:
  static constexpr std::size_t kWords = 16;
  static constexpr std::size_t kValues = 65536;

  // A hash on a 32-byte boundary: one cache line, never two, per lookup.
  struct alignas(32) Slot {
    PdqHash hash;
  };

  friend struct PdqIndexKernels;  // the distance loops, in pdq_index.cc

  void MergePending();
  void ScanRange(const PdqHash& hash, int max_distance, std::size_t begin, std::size_t end,
                 std::vector<Match>& out) const;

  std::vector<Slot> hashes_;
  std::vector<std::uint64_t> payloads_;
  // Entries [0, indexed_) are in the tables; the rest are the pending tail.
  std::size_t indexed_ = 0;
  // Table w: ids of entries whose word w is v are
  // ids_[w][offsets_[w * (kValues + 1) + v] .. offsets_[w * (kValues + 1) + v + 1]).
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> ids_[kWords];
};

}  // namespace plainsight::images
