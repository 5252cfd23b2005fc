// Signature cache: each advert's MinHash signature (minhash.h) and stated
// persona (personas.h), kept in the store's meta family under
// "sig\x1f<advert id>" with a hash of the sha256 of the body they were made
// from, so
// a correlate run reads no advert text for an unchanged advert. An entry
// whose sha256, format or length does not match is simply ignored (and
// overwritten); entries of older formats ("S2": no persona, "S3": 32-bit
// values) are ignored, so a store from before them is re-signed once.
//
// The signature also depends on which lines were stripped as the site's
// own page chrome (corpus.h), so each entry records that set's fingerprint
// too: when a site's chrome changes, its adverts are re-signed.
//
// Only the low 16 bits of each value are kept: the corpus compares no more
// (corpus.h), and a million entries are then ~250 MB fewer to write and to
// read back.
//
// Value layout (binary): "S4" | BodyHash (uint64) | chrome fingerprint
// (uint64) | shingle count (uint32) | value count (uint32, num_hashes or
// 0) | the values (uint16 each) | persona flag (1 byte: 1 = read) | age
// (1 byte) | name (the rest); integers little-endian.
// Free functions over values: safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/meta_keys.h"

namespace plainsight {

inline constexpr auto& kSignatureKeyPrefix = meta_keys::kSignature;

std::string SignatureKey(std::string_view advert_id);

// A 64-bit hash of a body's sha256, never 0; 0 for an empty sha256 (such
// an advert is never taken from the cache).
std::uint64_t BodyHash(std::string_view sha256);

struct CachedSignature {
  std::uint64_t body = 0;  // BodyHash of the body it was made from
  std::uint64_t chrome = 0;
  int shingles = 0;
  std::vector<std::uint32_t> values;  // empty for a text without tokens; parsed: low 16 bits
  bool persona_read = false;  // false: the persona was not looked for (not adult)
  int age = 0;                // stated age, 0 = none
  std::string name;           // stated name, "" = none
};

std::string EncodeCachedSignature(const CachedSignature& entry);

// False when `bytes` is not a cache entry of `num_hashes` (or no) values.
bool ParseCachedSignature(std::string_view bytes, size_t num_hashes, CachedSignature* out);

}  // namespace plainsight
