// The seeds the independent farm's generator checks run for, and one farm
// per seed built once per test binary (a farm takes a while to generate;
// the checks only read it). Header-only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "tests/farm2/farm2.h"

namespace plainsight::testing {

inline const std::vector<std::uint64_t> kFarm2Seeds = {farm2::Farm2::kDefaultSeed, 7, 424242};

// Not serving; for one thread (Catch2 runs a binary's cases on one).
inline const farm2::Farm2& Farm2ForSeed(std::uint64_t seed) {
  static std::map<std::uint64_t, std::unique_ptr<farm2::Farm2>> farms;
  auto& farm = farms[seed];
  if (!farm) farm = std::make_unique<farm2::Farm2>(seed);
  return *farm;
}

}  // namespace plainsight::testing
