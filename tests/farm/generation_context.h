// GenerationContext: the random source and the uniqueness registers shared
// by everything that makes adverts, so ordinary adverts never share a
// phone, email or postcode by accident. Not thread-safe; one per farm.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "tests/farm/phone_book.h"
#include "tests/farm/rng.h"

namespace plainsight::farm {

class GenerationContext {
 public:
  explicit GenerationContext(std::uint64_t seed) : rng_(seed), phones_(&rng_) {}

  GenerationContext(const GenerationContext&) = delete;
  GenerationContext& operator=(const GenerationContext&) = delete;

  Rng& rng() { return rng_; }
  PhoneBook& phones() { return phones_; }

  // "<stem><n>@<domain>" with the smallest n that is still free ("" first).
  std::string UniqueEmail(const std::string& stem, const std::string& domain);
  // Marks an email or postcode as taken by a planted group.
  void ReserveEmail(const std::string& email) { emails_.insert(email); }
  void ReservePostcode(const std::string& postcode) { postcodes_.insert(postcode); }
  // A real-format postcode in the town's outward code. The inward sector is
  // always 9, which these districts seldom if ever use, so it is unlikely to
  // name a real address.
  std::string UniquePostcode(const std::string& town);
  // "2026-11-DD".
  std::string PostedDate();

 private:
  Rng rng_;
  PhoneBook phones_;
  std::set<std::string> emails_;
  std::set<std::string> postcodes_;
};

}  // namespace plainsight::farm
