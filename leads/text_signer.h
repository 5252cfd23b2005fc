// TextSigner: what the signature cache holds for an advert (MinHash
// signature, distinct shingle count, stated persona), computed from its
// title and text with the site's chrome lines left out (corpus.h).
//
// Signing is most of a first correlate run's work, so BatchSigner signs a
// batch of texts on worker threads while the caller reads the next batch
// from the store. Results come back in input order, so everything done with
// them (interning names, cache writes, signature slots) happens in advert
// order, exactly as when signing one text at a time.
//
// SignAdvertText is a free function over read-only values (MinHasher and
// SiteChrome are immutable once built): safe from any thread. A BatchSigner
// is driven by one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "leads/minhash.h"
#include "leads/personas.h"
#include "leads/site_chrome.h"

namespace plainsight {

struct SignInput {
  std::uint32_t advert = 0;  // the caller's index, passed through
  bool adult = false;        // adult adverts also have their persona read
  const SiteChrome* chrome = nullptr;
  std::string title;
  std::string text;
};

struct SignOutput {
  std::vector<std::uint32_t> values;  // empty for a text without tokens
  int shingles = 0;                   // distinct shingles
  bool persona_read = false;
  Persona persona;
};

SignOutput SignAdvertText(const MinHasher& hasher, const SiteChrome& chrome,
                          std::string_view title, std::string_view text, bool adult);

class BatchSigner {
 public:
  BatchSigner(const MinHasher& hasher, size_t threads);
  ~BatchSigner();  // waits for a batch still being signed
  BatchSigner(const BatchSigner&) = delete;
  BatchSigner& operator=(const BatchSigner&) = delete;

  // Starts signing `batch` in the background. Call Finish first if a batch
  // is still out.
  void Start(std::vector<SignInput> batch);
  bool busy() const { return !workers_.empty(); }
  // Waits for the batch Start began and hands back its inputs and, in the
  // same order, their outputs.
  void Finish(std::vector<SignInput>* inputs, std::vector<SignOutput>* outputs);

 private:
  const MinHasher& hasher_;
  size_t threads_;
  std::vector<SignInput> inputs_;
  std::vector<SignOutput> outputs_;
  std::vector<std::thread> workers_;
};

}  // namespace plainsight
