// When and how long to wait before fetching a URL again. Pure functions;
// thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "crawler/fetcher.h"

namespace plainsight {

struct RetryDecision {
  bool retry = false;
  std::chrono::milliseconds wait{0};
  bool counts_as_host_error = false;  // toward the host's error budget
  std::string reason;                 // for the log
};

// 429 and 503 honour Retry-After (capped at `max_wait`); other 5xx and
// network failures back off exponentially from `base` with full jitter
// (`jitter` in [0,1) from the caller, so tests can fix it). Refused private
// addresses, 4xx and successes are never retried.
RetryDecision DecideRetry(const FetchResult& result, int attempts_so_far, int max_retries,
                          std::chrono::milliseconds base, std::chrono::milliseconds max_wait,
                          double jitter);

// Retry-After as seconds or an HTTP date (RFC 9110 10.2.3), relative to
// `now_unix`. Returns -1 if unparsable.
std::int64_t ParseRetryAfter(const std::string& value, std::int64_t now_unix);

}  // namespace plainsight
