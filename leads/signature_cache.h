// Signature cache: each advert's MinHash signature (minhash.h), kept in the
// store's meta family under "sig\x1f<advert id>" with the sha256 of the
// body it was made from, so a correlate run re-signs only new or changed
// adverts. An entry whose sha256, format or length does not match is
// simply ignored (and overwritten).
//
// The signature also depends on which lines were stripped as the site's
// own page chrome (corpus.h), so each entry records that set's fingerprint
// too: when a site's chrome changes, its adverts are re-signed.
//
// Value layout (binary): "S2" | 64-char sha256 hex | chrome fingerprint
// (uint64) | shingle count (uint32) | num_hashes uint32 values; integers
// little-endian.
// Free functions over values: safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

inline constexpr char kSignatureKeyPrefix[] = "sig\x1f";

std::string SignatureKey(std::string_view advert_id);

std::string EncodeCachedSignature(std::string_view sha256, std::uint64_t chrome, int shingles,
                                  const std::vector<std::uint32_t>& signature);

struct CachedSignature {
  std::string sha256;
  std::uint64_t chrome = 0;
  int shingles = 0;
  std::vector<std::uint32_t> values;  // empty for a text without tokens
};

// False when `bytes` is not a cache entry of `num_hashes` values.
bool ParseCachedSignature(std::string_view bytes, size_t num_hashes, CachedSignature* out);

// True when `bytes` holds a signature of `num_hashes` values made from the
// body with `sha256` under the chrome fingerprint `chrome`.
bool DecodeCachedSignature(std::string_view bytes, std::string_view sha256, std::uint64_t chrome,
                           size_t num_hashes, int* shingles,
                           std::vector<std::uint32_t>* signature);

}  // namespace plainsight
