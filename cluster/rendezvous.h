// Rendezvous: which worker crawls which host, decided by every worker alone
// from the same inputs, with no coordinator.
//
// Two steps. A host falls into one of `bucket_count` buckets (BucketOf; 256 by
// default) so that ownership changes move whole buckets, not single hosts.
// A bucket is owned by the live worker with the highest weight
// StableHash-of(worker name, bucket) (highest-random-weight, or rendezvous,
// hashing). So:
//  - every bucket has exactly one owner while any worker is live;
//  - each worker owns about 1/n of the buckets;
//  - when a worker joins, the only buckets that change owner are those it
//    now wins; when one leaves, only its buckets move, each to the runner-up.
// Ties (equal weights) go to the smaller name, so the answer never depends on
// the order of `live_workers`; duplicate names count once.
//
// Host names are case-insensitive, so BucketOf lowercases ASCII first; any
// other normalisation (trailing dot, "www.") is the caller's.
// All hashing is StableHash64 (stable_hash.h): identical on every machine.
//
// Pure functions; safe from any thread. Nothing is kept between calls.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight::cluster {

inline constexpr std::uint32_t kDefaultBucketCount = 256;

// In [0, bucket_count); bucket_count 0 is treated as 1.
std::uint32_t BucketOf(std::string_view host, std::uint32_t bucket_count = kDefaultBucketCount);

// The worker that bucket's weight favours; nullopt when no worker is live.
std::optional<std::string> OwnerOf(std::uint32_t bucket, std::span<const std::string> live_workers);

// OwnerOf for every bucket: element b is bucket b's owner ("" when no worker
// is live).
std::vector<std::string> BucketOwners(std::span<const std::string> live_workers,
                                      std::uint32_t bucket_count = kDefaultBucketCount);

// The configured hosts (every seed's host:port, known alike to every worker
// from the shared config) shared out evenly: each host goes to its
// highest-weight live worker that holds fewer than ceil(hosts / workers) of
// them, hosts taken in the order of their own hash (consistent hashing with
// bounded loads: Mirrokni, Thorup & Zadimoghaddam, SODA 2018). Buckets alone
// leave one worker of four with 35% of 40 hosts; this leaves at most one
// host over an even share. The same inputs, in any order, give the same map;
// empty when no worker is live.
std::map<std::string, std::string> BalancedHostOwners(std::span<const std::string> hosts,
                                                      std::span<const std::string> live_workers);

// The buckets `worker` owns (ascending) were it live alongside `live_workers`
// (`worker` need not be in the list).
std::vector<std::uint32_t> BucketsOwnedBy(std::string_view worker,
                                          std::span<const std::string> live_workers,
                                          std::uint32_t bucket_count = kDefaultBucketCount);

}  // namespace plainsight::cluster
