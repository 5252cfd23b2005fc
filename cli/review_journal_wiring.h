// The review journal's wiring (store/review_journal.h): which handler
// applies which kind of decision, applying the journal with its outcome
// logged, and closing a writable store so that nothing queued is stranded.
#pragma once

#include <memory>
#include <string>

#include "store/review_journal.h"
#include "store/store.h"

namespace plainsight::cli {

// "lead" -> leads/review.h, "place" -> places/place_review.h.
JournalHandlers ReviewJournalHandlers();

// Applies every pending decision now, holding the journal's lock; logs
// what was applied or kept. Never throws: a journal that cannot be applied
// is a warning, and its entries wait for the next writer.
void ApplyReviewJournal(const std::string& store_dir, Store& store);

// The deleter of a store a command opened. For a writable store it applies
// the journal and closes the store while still holding the journal's lock,
// so a reviewer who queues a decision in that moment waits for the lock,
// then finds the store free and applies the decision itself.
struct StoreCloser {
  std::string writable_store_dir;  // empty: read-only, nothing to apply
  void operator()(Store* store) const noexcept;
};
using StoreHandle = std::unique_ptr<Store, StoreCloser>;

}  // namespace plainsight::cli
