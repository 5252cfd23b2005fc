#include "leads/signature_cache.h"

namespace plainsight {
namespace {

constexpr std::string_view kMagic = "S2";
constexpr size_t kShaLength = 64;

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

}  // namespace

std::string SignatureKey(std::string_view advert_id) {
  return std::string(kSignatureKeyPrefix) + std::string(advert_id);
}

std::string EncodeCachedSignature(std::string_view sha256, std::uint64_t chrome, int shingles,
                                  const std::vector<std::uint32_t>& signature) {
  std::string out(kMagic);
  std::string sha(sha256.substr(0, kShaLength));
  sha.resize(kShaLength, ' ');
  out += sha;
  PutU32(out, static_cast<std::uint32_t>(chrome & 0xffffffffu));
  PutU32(out, static_cast<std::uint32_t>(chrome >> 32));
  PutU32(out, static_cast<std::uint32_t>(shingles < 0 ? 0 : shingles));
  for (std::uint32_t v : signature) PutU32(out, v);
  return out;
}

bool ParseCachedSignature(std::string_view bytes, size_t num_hashes, CachedSignature* out) {
  const size_t header = kMagic.size() + kShaLength + 8 + 4;
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  if (bytes.size() != header + 4 * num_hashes && bytes.size() != header) return false;
  out->sha256 = std::string(bytes.substr(kMagic.size(), kShaLength));
  while (!out->sha256.empty() && out->sha256.back() == ' ') out->sha256.pop_back();
  const size_t at = kMagic.size() + kShaLength;
  out->chrome = GetU32(bytes, at) | (static_cast<std::uint64_t>(GetU32(bytes, at + 4)) << 32);
  out->shingles = static_cast<int>(GetU32(bytes, at + 8));
  out->values.clear();
  // An empty text has an empty signature (header only).
  if (bytes.size() == header) return true;
  out->values.reserve(num_hashes);
  for (size_t i = 0; i < num_hashes; ++i) out->values.push_back(GetU32(bytes, header + 4 * i));
  return true;
}

bool DecodeCachedSignature(std::string_view bytes, std::string_view sha256, std::uint64_t chrome,
                           size_t num_hashes, int* shingles,
                           std::vector<std::uint32_t>* signature) {
  CachedSignature parsed;
  if (!ParseCachedSignature(bytes, num_hashes, &parsed)) return false;
  if (parsed.sha256 != sha256.substr(0, kShaLength) || parsed.chrome != chrome) return false;
  *shingles = parsed.shingles;
  *signature = std::move(parsed.values);
  return true;
}

}  // namespace plainsight
