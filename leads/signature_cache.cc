#include "leads/signature_cache.h"

#include <algorithm>

#include "leads/little_endian.h"

namespace plainsight {
namespace {

constexpr std::string_view kMagic = "S4";
constexpr size_t kHeader = kMagic.size() + 8 + 8 + 4 + 4;

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
