#include "images/pdq_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

namespace plainsight::images {

namespace {

// Pending entries are merged once there are more than this many, or more
// than 1/kTailDivisor of the indexed ones: small enough that scanning the
// tail costs little next to the table lookups, large enough that merges
// (O(n) each) stay amortised O(1) per Add.
constexpr std::size_t kMinTail = 1024;
constexpr std::size_t kTailDivisor = 16;
// Above this per-word radius (r > 47) the probes outnumber what a scan costs.
constexpr int kMaxTableRadius = 2;
// A candidate costs two random (prefetched) memory reads, about 8 ns; a
// scanned entry one sequential read, about 1.5 ns. Scan when the buckets
// hold more than 1/kLinearDivisor of all entries: nearly break-even, and a
// scan also takes memory bandwidth that concurrent queries share.
constexpr std::size_t kLinearDivisor = 4;

// 4 x 64-bit popcounts instead of 16 x 16-bit ones; inlined into the
// kernels below so it takes their instruction set.
[[gnu::always_inline]] inline int Distance(const PdqHash& a, const PdqHash& b) {
  std::uint64_t x[4];
  std::uint64_t y[4];
  static_assert(sizeof(a.words) == sizeof(x));
  std::memcpy(x, a.words.data(), sizeof(x));
  std::memcpy(y, b.words.data(), sizeof(y));
  return std::popcount(x[0] ^ y[0]) + std::popcount(x[1] ^ y[1]) + std::popcount(x[2] ^ y[2]) +
         std::popcount(x[3] ^ y[3]);
}

// Calls fn(v) for every 16-bit value v within `radius` bits of center.
template <typename Fn>
void ForEachNeighbour(std::uint16_t center, int radius, Fn&& fn) {
  fn(center);
  for (int bits = 1; bits <= radius; ++bits) {
    // Gosper's hack: every 16-bit mask with `bits` bits set, in increasing order.
    std::uint32_t mask = (1u << bits) - 1;
    while (mask < 0x10000u) {
      fn(static_cast<std::uint16_t>(center ^ mask));
      const std::uint32_t low = mask & (~mask + 1);
      const std::uint32_t ripple = mask + low;
      mask = (((ripple ^ mask) >> 2) / low) | ripple;
    }
  }
}

// Per-thread query scratch: the de-duplication stamps (entry id -> the
// generation of the query that last saw it) and the probe list. Shared by
// every index the thread queries: a stamp only counts when it equals the
// current generation, and each query takes a new one.
struct Scratch {
  std::vector<std::uint32_t> stamps;
  std::uint32_t generation = 0;
  struct Probe {
    std::uint32_t word;
    std::uint32_t begin;
    std::uint32_t end;
  };
  std::vector<Probe> probes;
  std::vector<std::uint32_t> candidates;

  std::uint32_t NextGeneration(std::size_t entries) {
    if (stamps.size() < entries) stamps.resize(entries, 0);
    if (++generation == 0) {  // wrapped: old stamps could collide
      std::fill(stamps.begin(), stamps.end(), 0u);
      generation = 1;
    }
    return generation;
  }
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

bool ByDistance(const PdqIndex::Match& a, const PdqIndex::Match& b) {
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.payload != b.payload) return a.payload < b.payload;
  return a.hash < b.hash;
}

}  // namespace

// The loops that compute distances, compiled twice: with the popcnt
// instruction (x86-64 CPUs since 2008) and without it, since Debian's
// x86-64 baseline lacks it and std::popcount is then a libgcc call per
// word, several times slower. Which one runs is decided once, at first use.
struct PdqIndexKernels {
  using Slot = PdqIndex::Slot;
  using Match = PdqIndex::Match;

  // Appends the entries in [begin, end) within r of q.
  [[gnu::always_inline]] static inline void ScanBody(const Slot* slots,
                                                     const std::uint64_t* payloads,
                                                     std::size_t begin, std::size_t end,
                                                     const PdqHash& q, int r,
                                                     std::vector<Match>& out) {
    for (std::size_t id = begin; id < end; ++id) {
      const int d = Distance(slots[id].hash, q);
      if (d <= r) out.push_back(Match{payloads[id], d, slots[id].hash});
    }
  }

  // Appends the candidates within r of q, each id once: an id whose stamp
  // already equals gen was seen earlier in this query. Returns how many
  // distances it computed. Candidates are random ids, so the stamp and hash
  // of one a few places ahead are prefetched to overlap the cache misses.
  [[gnu::always_inline]] static inline std::size_t VerifyBody(
      const Slot* slots, const std::uint64_t* payloads, const std::uint32_t* candidates,
      std::size_t count, std::uint32_t* stamps, std::uint32_t gen, const PdqHash& q, int r,
      std::vector<Match>& out) {
    constexpr std::size_t kAhead = 64;
    std::size_t verified = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (i + kAhead < count) {
        const std::uint32_t ahead = candidates[i + kAhead];
        __builtin_prefetch(stamps + ahead, 1);
        __builtin_prefetch(slots + ahead, 0);
      }
      const std::uint32_t id = candidates[i];
      if (stamps[id] == gen) continue;
      stamps[id] = gen;
      ++verified;
      const int d = Distance(slots[id].hash, q);
      if (d <= r) out.push_back(Match{payloads[id], d, slots[id].hash});
    }
    return verified;
  }

#if defined(__x86_64__)
  [[gnu::target("popcnt")]] static void ScanPopcnt(const Slot* slots, const std::uint64_t* payloads,
                                                   std::size_t begin, std::size_t end,
                                                   const PdqHash& q, int r,
                                                   std::vector<Match>& out) {
    ScanBody(slots, payloads, begin, end, q, r, out);
  }
  [[gnu::target("popcnt")]] static std::size_t VerifyPopcnt(
      const Slot* slots, const std::uint64_t* payloads, const std::uint32_t* candidates,
      std::size_t count, std::uint32_t* stamps, std::uint32_t gen, const PdqHash& q, int r,
      std::vector<Match>& out) {
    return VerifyBody(slots, payloads, candidates, count, stamps, gen, q, r, out);
  }
  static bool HasPopcnt() {
    static const bool has = __builtin_cpu_supports("popcnt");
    return has;
  }
#endif

  static void Scan(const Slot* slots, const std::uint64_t* payloads, std::size_t begin,
                   std::size_t end, const PdqHash& q, int r, std::vector<Match>& out) {
#if defined(__x86_64__)
    if (HasPopcnt()) return ScanPopcnt(slots, payloads, begin, end, q, r, out);
#endif
    ScanBody(slots, payloads, begin, end, q, r, out);
  }

  static std::size_t Verify(const Slot* slots, const std::uint64_t* payloads,
                            const std::uint32_t* candidates, std::size_t count,
                            std::uint32_t* stamps, std::uint32_t gen, const PdqHash& q, int r,
                            std::vector<Match>& out) {
#if defined(__x86_64__)
    if (HasPopcnt())
      return VerifyPopcnt(slots, payloads, candidates, count, stamps, gen, q, r, out);
#endif
    return VerifyBody(slots, payloads, candidates, count, stamps, gen, q, r, out);
  }
};

PdqIndex::PdqIndex() = default;

PdqIndex::EntryId PdqIndex::Add(const PdqHash& hash, std::uint64_t payload) {
  const auto id = static_cast<EntryId>(hashes_.size());
  hashes_.push_back(Slot{hash});
  payloads_.push_back(payload);
  if (pending() > std::max(kMinTail, indexed_ / kTailDivisor)) MergePending();
  return id;
}

void PdqIndex::Reserve(std::size_t n) {
  hashes_.reserve(n);
  payloads_.reserve(n);
  for (auto& ids : ids_) ids.reserve(n);
}

void PdqIndex::Freeze() { MergePending(); }

std::size_t PdqIndex::MemoryBytes() const {
  std::size_t bytes = hashes_.capacity() * sizeof(Slot) +
                      payloads_.capacity() * sizeof(std::uint64_t) +
                      offsets_.capacity() * sizeof(std::uint32_t);
  for (const auto& ids : ids_) bytes += ids.capacity() * sizeof(std::uint32_t);
  return bytes;
}

// Inserts the pending entries [indexed_, size) into each table. Per table:
// counting-sort the pending ids by word value, then walk the value range
// from the top down, shifting each block of old buckets up by the number of
// pending entries below it and dropping each value's pending ids in after
// its old ones. Moving upwards from the top never overwrites ids not yet
// moved, so no second id array is needed.
void PdqIndex::MergePending() {
  const std::size_t old_n = indexed_;
  const std::size_t n = hashes_.size();
  if (n == old_n) return;
  const std::size_t tail = n - old_n;
  if (offsets_.empty()) offsets_.assign(kWords * (kValues + 1), 0);

  // below[v] = number of pending entries whose word value is < v.
  std::vector<std::uint32_t> below(kValues + 1);
  std::vector<std::uint32_t> cursor(kValues);
  std::vector<std::uint32_t> sorted(tail);
  for (std::size_t w = 0; w < kWords; ++w) {
    std::fill(below.begin(), below.end(), 0u);
    for (std::size_t id = old_n; id < n; ++id) ++below[std::size_t{hashes_[id].hash.words[w]} + 1];
    for (std::size_t v = 0; v < kValues; ++v) below[v + 1] += below[v];
    std::copy(below.begin(), below.end() - 1, cursor.begin());
    for (std::size_t id = old_n; id < n; ++id) {
      sorted[cursor[hashes_[id].hash.words[w]]++] = static_cast<std::uint32_t>(id);
    }

    std::vector<std::uint32_t>& ids = ids_[w];
    // Grow the ids with the hashes, so Reserve and the hashes' own growth
    // decide the slack for all of them.
    if (ids.capacity() < n) ids.reserve(std::max(n, hashes_.capacity()));
    ids.resize(n);
    std::uint32_t* off = &offsets_[w * (kValues + 1)];
    std::uint32_t* data = ids.data();
    std::size_t upper = kValues;  // old buckets [v + 1, upper) move together
    for (std::size_t v = kValues; v-- > 0;) {
      const std::uint32_t count = below[v + 1] - below[v];
      if (count == 0) continue;
      const std::uint32_t shift = below[v + 1];
      std::copy_backward(data + off[v + 1], data + off[upper], data + off[upper] + shift);
      std::copy(sorted.data() + below[v], sorted.data() + below[v + 1],
                data + off[v + 1] + below[v]);
      upper = v + 1;
    }
    for (std::size_t v = 0; v <= kValues; ++v) off[v] += below[v];
  }
  indexed_ = n;
}

void PdqIndex::ScanRange(const PdqHash& hash, int max_distance, std::size_t begin, std::size_t end,
                         std::vector<Match>& out) const {
  PdqIndexKernels::Scan(hashes_.data(), payloads_.data(), begin, end, hash, max_distance, out);
}

std::vector<PdqIndex::Match> PdqIndex::Query(const PdqHash& hash, int max_distance,
                                             QueryStats* stats) const {
  QueryStats local;
  QueryStats& st = stats != nullptr ? *stats : local;
  st = QueryStats{};
  std::vector<Match> out;
  if (max_distance < 0) return out;
  const int r = std::min(max_distance, 256);
  const int radius = r / 16;

  bool linear = radius > kMaxTableRadius;
  Scratch& scratch = ThreadScratch();
  if (!linear && indexed_ > 0) {
    // List the buckets to visit first: their total size decides between
    // the tables and a scan.
    scratch.probes.clear();
    std::size_t total = 0;
    for (std::size_t w = 0; w < kWords; ++w) {
      const std::uint32_t* off = &offsets_[w * (kValues + 1)];
      ForEachNeighbour(hash.words[w], radius, [&](std::uint16_t v) {
        const std::uint32_t begin = off[v];
        const std::uint32_t end = off[std::size_t{v} + 1];
        if (begin == end) return;
        scratch.probes.push_back({static_cast<std::uint32_t>(w), begin, end});
        total += end - begin;
      });
    }
    if (total > indexed_ / kLinearDivisor) {
      linear = true;
    } else {
      // Gather the buckets into one list so the verify loop can look ahead.
      st.candidates = total;
      scratch.candidates.resize(total);
      std::uint32_t* next = scratch.candidates.data();
      for (const Scratch::Probe& probe : scratch.probes) {
        next = std::copy(ids_[probe.word].data() + probe.begin, ids_[probe.word].data() + probe.end,
                         next);
      }
      const std::uint32_t gen = scratch.NextGeneration(indexed_);
      st.verified +=
          PdqIndexKernels::Verify(hashes_.data(), payloads_.data(), scratch.candidates.data(),
                                  total, scratch.stamps.data(), gen, hash, r, out);
    }
  }
  if (linear) {
    st.linear = true;
    st.verified += indexed_;
    ScanRange(hash, r, 0, indexed_, out);
  }
  st.verified += size() - indexed_;
  ScanRange(hash, r, indexed_, size(), out);
  std::sort(out.begin(), out.end(), ByDistance);
  return out;
}

std::vector<PdqIndex::Match> PdqIndex::QueryLinear(const PdqHash& hash, int max_distance) const {
  std::vector<Match> out;
  if (max_distance < 0) return out;
  ScanRange(hash, std::min(max_distance, 256), 0, size(), out);
  std::sort(out.begin(), out.end(), ByDistance);
  return out;
}

std::vector<PdqIndex::Match> PdqIndex::QueryAny(const std::vector<PdqHash>& hashes,
                                                int max_distance) const {
  // Symmetric photos give equal rotations: query each distinct hash once.
  std::vector<PdqHash> distinct = hashes;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  std::vector<Match> all;
  for (const PdqHash& h : distinct) {
    std::vector<Match> found = Query(h, max_distance);
    all.insert(all.end(), found.begin(), found.end());
  }
  // Best per payload: order by payload then distance, keep each payload's first.
  std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    if (a.payload != b.payload) return a.payload < b.payload;
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.hash < b.hash;
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const Match& a, const Match& b) { return a.payload == b.payload; }),
            all.end());
  std::sort(all.begin(), all.end(), ByDistance);
  return all;
}

}  // namespace plainsight::images
