#include "tests/farm/request_log.h"

#include <algorithm>
#include <utility>

namespace plainsight::farm {

void RequestLog::Add(FarmRequest request) {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(std::move(request));
}

std::vector<FarmRequest> RequestLog::Snapshot() const {
  std::vector<FarmRequest> copy;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    copy = requests_;
  }
  std::stable_sort(copy.begin(), copy.end(), [](const FarmRequest& a, const FarmRequest& b) {
    return a.received < b.received;
  });
  return copy;
}

void RequestLog::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
}

}  // namespace plainsight::farm
