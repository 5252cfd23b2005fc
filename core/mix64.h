// Mix64: splitmix64's finaliser, a bijective, well-spread 64-bit mix, for
// wherever a hash must spread its input over all 64 bits: MinHash shingles
// and bins and LSH band contents (leads/), and the cluster's host buckets
// and owners (cluster/stable_hash.h). Signatures are stored and workers on
// different machines must agree, so the constants must never change.
//
// Pure function; safe from any thread.
#pragma once

#include <cstdint>

namespace plainsight {

constexpr std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace plainsight
