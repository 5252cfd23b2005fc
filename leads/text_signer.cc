#include "leads/text_signer.h"

#include <algorithm>
#include <utility>

namespace plainsight {

SignOutput SignAdvertText(const MinHasher& hasher, const SiteChrome& chrome,
                          std::string_view title, std::string_view text, bool adult) {
  SignOutput out;
  std::string kept;
  kept.reserve(title.size() + text.size() + 2);
  auto keep = [&](std::string_view line) {
    if (chrome.IsChrome(line)) return;
    kept.append(line);
    kept.push_back('\n');
  };
  ForEachTextLine(title, keep);
  ForEachTextLine(text, keep);
  out.values = hasher.Signature(ShingleHashes(kept, hasher.options().shingle_words),
                                chrome.common_shingles(), &out.shingles);
  if (adult) {
    out.persona = FindPersona(title, text);
    out.persona_read = true;
  }
  return out;
}

BatchSigner::BatchSigner(const MinHasher& hasher, size_t threads)
    : hasher_(hasher), threads_(std::max<size_t>(threads, 1)) {}

BatchSigner::~BatchSigner() {
  for (std::thread& worker : workers_) worker.join();
}

void BatchSigner::Start(std::vector<SignInput> batch) {
  inputs_ = std::move(batch);
  outputs_.clear();
  outputs_.resize(inputs_.size());
  // Contiguous shares, not interleaved ones: outputs_ neighbours written by
  // different threads would share cache lines.
  const size_t share = (inputs_.size() + threads_ - 1) / threads_;
  for (size_t t = 0; t < threads_; ++t) {
    const size_t begin = std::min(inputs_.size(), t * share);
    const size_t end = std::min(inputs_.size(), begin + share);
    if (begin == end) break;
    workers_.emplace_back([this, begin, end] {
      for (size_t k = begin; k < end; ++k) {
        const SignInput& in = inputs_[k];
        outputs_[k] = SignAdvertText(hasher_, *in.chrome, in.title, in.text, in.adult);
      }
    });
  }
}

void BatchSigner::Finish(std::vector<SignInput>* inputs, std::vector<SignOutput>* outputs) {
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  *inputs = std::move(inputs_);
  *outputs = std::move(outputs_);
  inputs_.clear();
  outputs_.clear();
}

}  // namespace plainsight
