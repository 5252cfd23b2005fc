#include "images/pdq_hash.h"

#include <bit>
#include <cstddef>

#include "core/strings.h"

namespace plainsight::images {

std::string PdqHash::ToHex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::size_t w = 16; w-- > 0;) {
    for (unsigned shift = 16; shift > 0;) {
      shift -= 4;
      out.push_back(kDigits[(static_cast<unsigned>(words[w]) >> shift) & 0xFu]);
    }
  }
  return out;
}

std::optional<PdqHash> PdqHash::FromHex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  PdqHash hash;
  for (std::size_t i = 0; i < 64; ++i) {
    const int v = HexDigitValue(hex[i]);
    if (v < 0) return std::nullopt;
    const std::size_t word = 15 - i / 4;
    const unsigned shift = static_cast<unsigned>(12 - 4 * (i % 4));
    hash.words[word] = static_cast<std::uint16_t>(hash.words[word] | (static_cast<unsigned>(v) << shift));
  }
  return hash;
}

int HammingDistance(const PdqHash& a, const PdqHash& b) {
  int d = 0;
  for (std::size_t w = 0; w < 16; ++w) d += std::popcount(static_cast<unsigned>(a.words[w] ^ b.words[w]));
  return d;
}

}  // namespace plainsight::images
