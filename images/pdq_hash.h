// PdqHash: a 256-bit PDQ photo hash as a value, its text form and the
// Hamming distance between two hashes.
//
// The text form is PDQ's own (64 hex digits, word 15 first), so hashes can
// be compared with partners' hash lists. Bit k of the hash lives in word
// k / 16 at bit k % 16. A plain value: copyable and safe to share between
// threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plainsight::images {

struct PdqHash {
  std::array<std::uint16_t, 16> words{};

  bool Bit(int k) const { return (static_cast<unsigned>(words[Word(k)]) >> Shift(k)) & 1u; }
  void SetBit(int k) { words[Word(k)] = static_cast<std::uint16_t>(words[Word(k)] | (1u << Shift(k))); }

  // 64 lower-case hex digits, word 15 first.
  std::string ToHex() const;
  // Accepts exactly 64 hex digits (either case); anything else is nullopt.
  static std::optional<PdqHash> FromHex(std::string_view hex);

  friend bool operator==(const PdqHash&, const PdqHash&) = default;
  friend auto operator<=>(const PdqHash&, const PdqHash&) = default;

 private:
  static std::size_t Word(int k) { return static_cast<std::size_t>(k / 16); }
  static unsigned Shift(int k) { return static_cast<unsigned>(k % 16); }
};

// Number of differing bits, 0 to 256.
int HammingDistance(const PdqHash& a, const PdqHash& b);

// The published starting thresholds (../shared/pdq/README.md): two hashes
// match at distance <= 31; hashes of quality <= 49 are not used.
inline constexpr int kPdqMatchDistance = 31;
inline constexpr int kPdqMinUsableQuality = 50;

}  // namespace plainsight::images
