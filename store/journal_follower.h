// JournalFollower: applies the review journal (store/review_journal.h)
// every `interval` on a thread of its own, so a decision an analyst makes
// while a crawl runs is in force within seconds rather than at the end.
//
// Run it only while nothing else rewrites leads: correlation reads every
// lead's status, then replaces them all, and would undo a decision applied
// in between. The owner stops the follower (destroys it) before
// correlating and applies the journal once more afterwards.
//
// Thread safety: the Store must be thread-safe (it is); construction and
// destruction from one thread. Ownership: borrows the journal and the store,
// which must outlive it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/review_journal.h"

namespace plainsight {

class JournalFollower {
 public:
  // `report` hears each pass that applied or kept something (logging).
  JournalFollower(const ReviewJournal& journal, Store& store, JournalHandlers handlers,
                  std::chrono::milliseconds interval,
                  std::function<void(const Result<JournalApplied>&)> report);
  ~JournalFollower();
  JournalFollower(const JournalFollower&) = delete;
  JournalFollower& operator=(const JournalFollower&) = delete;

 private:
  void Loop();

  const ReviewJournal& journal_;
  Store& store_;
  const JournalHandlers handlers_;
  const std::chrono::milliseconds interval_;
  const std::function<void(const Result<JournalApplied>&)> report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // under mutex_ (std::mutex: not annotatable)
  std::thread thread_;  // last: starts after every member above is ready
};

}  // namespace plainsight
