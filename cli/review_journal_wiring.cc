#include "cli/review_journal_wiring.h"

#include <spdlog/spdlog.h>

#include "leads/review.h"
#include "places/place_review.h"

namespace plainsight::cli {
namespace {

void LogApplied(const std::string& store_dir, const Result<JournalApplied>& applied) {
  if (!applied.ok()) {
    spdlog::warn("review journal in {}: not applied: {}", store_dir, applied.status().ToString());
    return;
  }
  if (applied->applied > 0) {
    spdlog::info("review journal: {} decision(s) made during the run applied", applied->applied);
  }
  if (applied->kept > 0) {
    spdlog::warn("review journal: {} entr(ies) kept for the next writer: {}", applied->kept,
                 applied->first_error);
  }
  if (applied->torn > 0) {
    spdlog::warn("review journal: a torn last line dropped (a reviewer killed mid-write, never told "
                 "'queued')");
  }
}

}  // namespace

JournalHandlers ReviewJournalHandlers() {
  return {{"lead", ApplyJournaledLeadReview}, {"place", ApplyJournaledPlaceReview}};
}

void ApplyReviewJournal(const std::string& store_dir, Store& store) {
  ReviewJournal journal(store_dir);
  auto lock = journal.Acquire();
  LogApplied(store_dir, lock.ok() ? journal.ApplyPending(*lock, store, ReviewJournalHandlers())
                                  : Result<JournalApplied>(lock.status()));
}

void StoreCloser::operator()(Store* store) const noexcept {
  if (store == nullptr) return;
  if (writable_store_dir.empty()) {
    delete store;
    return;
  }
  try {
    ReviewJournal journal(writable_store_dir);
    auto lock = journal.Acquire();
    if (lock.ok()) {
      LogApplied(writable_store_dir, journal.ApplyPending(*lock, *store, ReviewJournalHandlers()));
    } else {
      LogApplied(writable_store_dir, lock.status());
    }
    delete store;  // while the journal's lock is held (see the header)
  } catch (...) {
    delete store;  // a deleter must not throw; the journal waits for the next writer
  }
}

}  // namespace plainsight::cli
