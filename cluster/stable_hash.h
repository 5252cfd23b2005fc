// StableHash64: a 64-bit hash of bytes that is the same on every machine,
// compiler, standard library and build, unlike std::hash. Workers on
// different machines must agree on which bucket a host falls into and who
// owns it, so these constants are part of the cluster's wire contract:
// changing them reassigns every bucket during a rolling upgrade. Never change.
//
// FNV-1a 64 over the bytes, then splitmix64's finaliser, because FNV-1a alone
// spreads short, similar inputs ("w1", "w2") poorly over the high bits.
//
// Pure constexpr functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/mix64.h"

namespace plainsight::cluster {

constexpr std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr std::uint64_t StableHash64(std::string_view bytes) {
  return Mix64(Fnv1a64(bytes));
}

}  // namespace plainsight::cluster
