#include "leads/signature_cache.h"

#include <algorithm>

namespace plainsight {
namespace {

constexpr std::string_view kMagic = "S4";
constexpr size_t kHeader = kMagic.size() + 8 + 8 + 4 + 4;

void PutU16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
}

std::uint32_t GetU16(std::string_view in, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(in[at])) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + 1])) << 8);
}

void PutU32(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

std::uint32_t GetU32(std::string_view in, size_t at) {
  std::uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) {
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  return v;
}

std::uint64_t GetU64(std::string_view in, size_t at) {
  return GetU32(in, at) | (static_cast<std::uint64_t>(GetU32(in, at + 4)) << 32);
}

void PutU64(std::string& out, std::uint64_t v) {
  PutU32(out, static_cast<std::uint32_t>(v & 0xffffffffu));
  PutU32(out, static_cast<std::uint32_t>(v >> 32));
}

}  // namespace

std::uint64_t BodyHash(std::string_view sha256) {
  if (sha256.empty()) return 0;
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix
  for (char c : sha256) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h | 1;
}

std::string SignatureKey(std::string_view advert_id) {
  return std::string(kSignatureKeyPrefix) + std::string(advert_id);
}

std::string EncodeCachedSignature(const CachedSignature& e) {
  std::string out(kMagic);
  out.reserve(kHeader + 2 * e.values.size() + 2 + e.name.size());
  PutU64(out, e.body);
  PutU64(out, e.chrome);
  PutU32(out, static_cast<std::uint32_t>(std::max(e.shingles, 0)));
  PutU32(out, static_cast<std::uint32_t>(e.values.size()));
  for (std::uint32_t v : e.values) PutU16(out, v);
  out.push_back(e.persona_read ? '\1' : '\0');
  out.push_back(static_cast<char>(std::clamp(e.age, 0, 255)));
  out += e.name;
  return out;
}

bool ParseCachedSignature(std::string_view bytes, size_t num_hashes, CachedSignature* out) {
  if (bytes.size() < kHeader + 2 || bytes.substr(0, kMagic.size()) != kMagic) return false;
  const size_t count = GetU32(bytes, kHeader - 4);
  if ((count != num_hashes && count != 0) || bytes.size() < kHeader + 2 * count + 2) return false;
  const size_t at = kMagic.size();
  out->body = GetU64(bytes, at);
  out->chrome = GetU64(bytes, at + 8);
  out->shingles = static_cast<int>(GetU32(bytes, at + 16));
  out->values.resize(count);
  for (size_t i = 0; i < count; ++i) out->values[i] = GetU16(bytes, kHeader + 2 * i);
  const size_t persona = kHeader + 2 * count;
  out->persona_read = bytes[persona] == '\1';
  out->age = static_cast<unsigned char>(bytes[persona + 1]);
  out->name.assign(bytes.substr(persona + 2));
  return true;
}

}  // namespace plainsight
