// RequestLog: every request any farm site served, for tests that check
// what a crawler fetched, when, and with which User-Agent.
//
// Thread-safe: the serving threads Add() while a test takes Snapshot()s.
#pragma once

#include <mutex>
#include <vector>

#include "tests/farm/farm.h"

namespace plainsight::farm {

class RequestLog {
 public:
  void Add(FarmRequest request);
  // Ordered by arrival (entries are added when their response is ready,
  // so concurrent requests may be added out of order).
  std::vector<FarmRequest> Snapshot() const;
  void Clear();

 private:
  mutable std::mutex mutex_;
  std::vector<FarmRequest> requests_;  // guarded by mutex_
};

}  // namespace plainsight::farm
