#include "crawler/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/strings.h"

namespace plainsight {

RetryDecision DecideRetry(const FetchResult& result, int attempts_so_far, int max_retries,
                          std::chrono::milliseconds base, std::chrono::milliseconds max_wait,
                          double jitter) {
  RetryDecision decision;
  bool network_error = !result.error.empty() && !result.refused_address;
  bool throttled = result.status == 429 || result.status == 503;
  bool server_error = result.status >= 500;
  if (!network_error && !throttled && !server_error) return decision;
  decision.counts_as_host_error = network_error || server_error;
  decision.reason = network_error ? result.error : "HTTP " + std::to_string(result.status);
  if (attempts_so_far >= max_retries) return decision;
  decision.retry = true;
  if (throttled && result.retry_after_seconds >= 0) {
    decision.wait = std::chrono::milliseconds(result.retry_after_seconds * 1000);
  } else {
    // Full jitter (AWS architecture blog): uniform in [0, base * 2^attempt],
    // with a floor of half the step so retries never hammer.
    double step = static_cast<double>(base.count()) * std::pow(2.0, attempts_so_far);
    decision.wait = std::chrono::milliseconds(static_cast<long long>(step * (0.5 + 0.5 * jitter)));
  }
  decision.wait = std::min(decision.wait, max_wait);
  return decision;
}

std::int64_t ParseRetryAfter(const std::string& value, std::int64_t now_unix) {
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), IsAsciiDigit)) {
    return value.size() > 9 ? -1 : std::stoll(value);
  }
  std::tm tm{};
  const char* end = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return -1;
  std::int64_t when = static_cast<std::int64_t>(timegm(&tm));
  return std::max<std::int64_t>(0, when - now_unix);
}

}  // namespace plainsight
