// BoundedQueue: a blocking multi-producer multi-consumer FIFO with a fixed
// capacity, so a slow consumer pushes back on its producer instead of
// letting memory grow. Thread-safe. Close() wakes every waiter; Pop() then
// drains what is left and returns false once empty.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <optional>

#include "core/thread_annotations.h"

namespace plainsight {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  // Blocks while full. Returns false if the queue was closed.
  bool Push(T item) EXCLUDES(mutex_) {
    MutexLock lock(&mutex_);
    // Written as loops, not wait(lock, predicate): the analysis cannot see
    // that a predicate lambda runs under the lock.
    while (!closed_ && items_.size() >= capacity_) not_full_.wait(mutex_);
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty and open. Returns nullopt once closed and drained.
  std::optional<T> Pop() EXCLUDES(mutex_) {
    MutexLock lock(&mutex_);
    while (!closed_ && items_.empty()) not_empty_.wait(mutex_);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void Close() EXCLUDES(mutex_) {
    MutexLock lock(&mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  size_t size() const EXCLUDES(mutex_) {
    MutexLock lock(&mutex_);
    return items_.size();
  }
  size_t capacity() const { return capacity_; }

 private:
  const size_t capacity_;
  mutable Mutex mutex_;
  std::condition_variable_any not_empty_;
  std::condition_variable_any not_full_;
  std::deque<T> items_ GUARDED_BY(mutex_);
  bool closed_ GUARDED_BY(mutex_) = false;
};

}  // namespace plainsight
