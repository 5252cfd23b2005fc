// Fixed-width unsigned integers as little-endian bytes, for the compact
// binary values leads keeps in the store's meta family (cached signatures,
// learned site chrome), and big-endian for integers inside its keys.
// Readers check the length before they Get: these do no bounds checks.
//
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace plainsight {

// Appends the low `Bytes` bytes of `v`, least significant first.
template <std::size_t Bytes>
void PutLittleEndian(std::string& out, std::uint64_t v) {
  for (std::size_t i = 0; i < Bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// The `Bytes` bytes at in[at], least significant first.
template <std::size_t Bytes>
std::uint64_t GetLittleEndian(std::string_view in, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < Bytes; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  return v;
}

// Each writes the low 16, 32 or 64 bits of `v`.
inline void PutU16(std::string& out, std::uint64_t v) { PutLittleEndian<2>(out, v); }
inline void PutU32(std::string& out, std::uint64_t v) { PutLittleEndian<4>(out, v); }
inline void PutU64(std::string& out, std::uint64_t v) { PutLittleEndian<8>(out, v); }

inline std::uint16_t GetU16(std::string_view in, std::size_t at) {
  return static_cast<std::uint16_t>(GetLittleEndian<2>(in, at));
}
inline std::uint32_t GetU32(std::string_view in, std::size_t at) {
  return static_cast<std::uint32_t>(GetLittleEndian<4>(in, at));
}
inline std::uint64_t GetU64(std::string_view in, std::size_t at) {
  return GetLittleEndian<8>(in, at);
}

// 64 bits most significant first, for integers inside meta keys: the
// keys then sort by them (the template index's bucket keys, the link
// counts' by-count indexes).
inline void PutBigEndianU64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}
inline std::uint64_t GetBigEndianU64(std::string_view in, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
  return v;
}

}  // namespace plainsight
