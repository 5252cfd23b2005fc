// Clang thread-safety annotations and a Mutex they understand.
//
// libstdc++'s std::mutex carries no capability attributes, so a member
// marked GUARDED_BY(a std::mutex) is never checked. Mutex and MutexLock are
// the same lock with the attributes clang's -Wthread-safety reads: touching
// a guarded member without its lock, or calling a REQUIRES function without
// it, is a compile error in the clang build. Under GCC the macros expand to
// nothing. Wait on a Mutex with std::condition_variable_any.
//
// Thread safety: Mutex is a mutex. Ownership: MutexLock holds its Mutex for
// its own lifetime; neither is copyable.
#pragma once

#include <mutex>

#if defined(__clang__)
#define PLAINSIGHT_THREAD_ATTRIBUTE(x) __attribute__((x))
#else
#define PLAINSIGHT_THREAD_ATTRIBUTE(x)
#endif

#define CAPABILITY(x) PLAINSIGHT_THREAD_ATTRIBUTE(capability(x))
#define SCOPED_CAPABILITY PLAINSIGHT_THREAD_ATTRIBUTE(scoped_lockable)
#define GUARDED_BY(x) PLAINSIGHT_THREAD_ATTRIBUTE(guarded_by(x))
#define PT_GUARDED_BY(x) PLAINSIGHT_THREAD_ATTRIBUTE(pt_guarded_by(x))
#define REQUIRES(...) PLAINSIGHT_THREAD_ATTRIBUTE(requires_capability(__VA_ARGS__))
#define EXCLUDES(...) PLAINSIGHT_THREAD_ATTRIBUTE(locks_excluded(__VA_ARGS__))
#define ACQUIRE(...) PLAINSIGHT_THREAD_ATTRIBUTE(acquire_capability(__VA_ARGS__))
#define RELEASE(...) PLAINSIGHT_THREAD_ATTRIBUTE(release_capability(__VA_ARGS__))
#define NO_THREAD_SAFETY_ANALYSIS PLAINSIGHT_THREAD_ATTRIBUTE(no_thread_safety_analysis)

namespace plainsight {

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock() ACQUIRE() { mutex_.lock(); }
  void unlock() RELEASE() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex* mutex) ACQUIRE(mutex) : mutex_(mutex) { mutex_->lock(); }
  ~MutexLock() RELEASE() { mutex_->unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mutex_;
};

}  // namespace plainsight
