#include "store/journal_follower.h"

#include <utility>

namespace plainsight {

JournalFollower::JournalFollower(const ReviewJournal& journal, Store& store,
                                 JournalHandlers handlers, std::chrono::milliseconds interval,
                                 std::function<void(const Result<JournalApplied>&)> report)
    : journal_(journal),
      store_(store),
      handlers_(std::move(handlers)),
      interval_(interval),
      report_(std::move(report)),
      thread_([this] { Loop(); }) {}

JournalFollower::~JournalFollower() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void JournalFollower::Loop() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    }
    auto lock = journal_.Acquire();
    Result<JournalApplied> applied =
        lock.ok() ? journal_.ApplyPending(*lock, store_, handlers_) : Result<JournalApplied>(lock.status());
    if (!applied.ok() || applied->applied > 0 || applied->kept > 0 || applied->torn > 0) {
      if (report_) report_(applied);
    }
  }
}

}  // namespace plainsight
