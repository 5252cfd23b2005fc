#include "cluster/rendezvous.h"

#include <algorithm>

#include "cluster/stable_hash.h"

namespace plainsight::cluster {
namespace {

// Part of the wire contract (see stable_hash.h): never change.
constexpr std::uint64_t kBucketSalt = 0x9e3779b97f4a7c15ULL;

std::uint64_t Weight(std::uint64_t worker_hash, std::uint32_t bucket) {
  return Mix64(worker_hash ^ Mix64(kBucketSalt + bucket));
}

// Highest weight wins; equal weights go to the smaller name.
const std::string* Winner(std::uint32_t bucket, std::span<const std::string> workers) {
  const std::string* best = nullptr;
  std::uint64_t best_weight = 0;
  for (const std::string& worker : workers) {
    std::uint64_t weight = Weight(StableHash64(worker), bucket);
    if (best == nullptr || weight > best_weight || (weight == best_weight && worker < *best)) {
      best = &worker;
      best_weight = weight;
    }
  }
  return best;
}

}  // namespace

std::uint32_t BucketOf(std::string_view host, std::uint32_t bucket_count) {
  std::string lowered(host);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return static_cast<std::uint32_t>(StableHash64(lowered) % std::max<std::uint32_t>(bucket_count, 1));
}

std::optional<std::string> OwnerOf(std::uint32_t bucket, std::span<const std::string> live_workers) {
  const std::string* winner = Winner(bucket, live_workers);
  if (winner == nullptr) return std::nullopt;
  return *winner;
}

std::vector<std::string> BucketOwners(std::span<const std::string> live_workers,
                                      std::uint32_t bucket_count) {
  std::vector<std::string> owners(std::max<std::uint32_t>(bucket_count, 1));
  for (std::uint32_t b = 0; b < owners.size(); ++b) {
    if (const std::string* winner = Winner(b, live_workers)) owners[b] = *winner;
  }
  return owners;
}

std::map<std::string, std::string> BalancedHostOwners(std::span<const std::string> hosts,
                                                      std::span<const std::string> live_workers) {
  std::map<std::string, std::string> owners;
  std::vector<std::string> workers(live_workers.begin(), live_workers.end());
  std::sort(workers.begin(), workers.end());
  workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
  if (workers.empty()) return owners;
  std::vector<std::pair<std::uint64_t, std::string>> ordered;
  for (const std::string& host : hosts) {
    std::string lowered(host);
    for (char& c : lowered) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    ordered.emplace_back(StableHash64(lowered), std::move(lowered));
  }
  std::sort(ordered.begin(), ordered.end());
  ordered.erase(std::unique(ordered.begin(), ordered.end()), ordered.end());
  const size_t cap = (ordered.size() + workers.size() - 1) / workers.size();
  std::map<std::string, size_t> load;
  for (const auto& [host_hash, host] : ordered) {
    const std::string* best = nullptr;
    std::uint64_t best_weight = 0;
    for (const std::string& worker : workers) {
      if (load[worker] >= cap) continue;
      const std::uint64_t weight = Mix64(StableHash64(worker) ^ Mix64(host_hash));
      if (best == nullptr || weight > best_weight) {
        best = &worker;
        best_weight = weight;
      }
    }
    ++load[*best];
    owners[host] = *best;
  }
  return owners;
}

std::vector<std::uint32_t> BucketsOwnedBy(std::string_view worker,
                                          std::span<const std::string> live_workers,
                                          std::uint32_t bucket_count) {
  std::vector<std::string> with_worker(live_workers.begin(), live_workers.end());
  with_worker.emplace_back(worker);
  std::vector<std::uint32_t> owned;
  for (std::uint32_t b = 0; b < std::max<std::uint32_t>(bucket_count, 1); ++b) {
    if (*Winner(b, with_worker) == worker) owned.push_back(b);
  }
  return owned;
}

}  // namespace plainsight::cluster
