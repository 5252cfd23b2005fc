// Clock: the one source of wall-clock and monotonic time, behind an interface
// so tests can run time forward without sleeping.
//
// SystemClock is stateless and safe to use from any thread. A test clock must
// document its own thread safety.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace plainsight {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual std::int64_t NowUnixSeconds() const = 0;
  // For measuring intervals (politeness delays); never goes backwards.
  virtual std::chrono::steady_clock::time_point Monotonic() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowUnixSeconds() const override;
  std::chrono::steady_clock::time_point Monotonic() const override;
  // A process-wide instance.
  static const SystemClock& Get();
};

// "2026-11-28T10:00:00Z"
std::string FormatIso8601(std::int64_t unix_seconds);
// Accepts "2026-11-28", "2026-11-28T10:00:00Z", "2026-11-28T10:00:00+01:00",
// or a relative age "24h", "7d", "30m" (meaning now minus that). Returns false
// on anything else.
bool ParseTimeSpec(const std::string& text, std::int64_t now_unix_seconds,
                   std::int64_t* unix_seconds);

}  // namespace plainsight
