// Rng: a tiny deterministic random source (SplitMix64) for the farm.
//
// std::mt19937 is portable but the std distributions and std::shuffle are
// not, so one seed could give different farms on different standard
// libraries; this keeps every draw specified here. Not thread-safe; one per
// generation run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace plainsight::farm {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // In [0, n); n > 0. The modulo bias is irrelevant for test data.
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

  // In [lo, hi], both inclusive.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::size_t>(hi - lo + 1)));
  }

  bool OneIn(std::size_t n) { return Below(n) == 0; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[Below(i)]);
    }
  }

  // True with probability p.
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

  // `count` distinct items of `items` (all of them if there are fewer), in
  // a random order.
  template <typename T>
  std::vector<T> Sample(const std::vector<T>& items, std::size_t count) {
    std::vector<T> copy = items;
    Shuffle(copy);
    if (copy.size() > count) copy.resize(count);
    return copy;
  }

  // A child stream named by `label`: the same parent state and label always
  // give the same child, whatever else the parent is later asked for (so
  // growing one part of a farm does not reshuffle the others).
  Rng Fork(std::string_view label) const {
    std::uint64_t h = state_ ^ 0xCBF29CE484222325ULL;
    for (char c : label) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return Rng(h);
  }

 private:
  std::uint64_t state_;
};

}  // namespace plainsight::farm
