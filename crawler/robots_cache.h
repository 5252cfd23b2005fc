// robots.txt answers cached in the store for 24 hours per origin (RFC 9309
// section 2.4: crawlers should not use a cached copy for more than 24 h).
// Thread-safe as the Store is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace plainsight {

struct CachedRobots {
  std::int64_t fetched_at = 0;  // unix seconds
  long status = 0;              // HTTP status; 0 = unreachable
  std::string body;
};

inline constexpr std::int64_t kRobotsCacheSeconds = 24 * 3600;

// The cached answer for `origin` if it is younger than 24 h at `now`.
std::optional<CachedRobots> LoadCachedRobots(const Store& store, const std::string& origin,
                                             std::int64_t now);
// Only definite answers are cached (2xx, 4xx); an unreachable robots.txt is
// retried next run.
void SaveCachedRobots(Store& store, const std::string& origin, const CachedRobots& robots);

}  // namespace plainsight
