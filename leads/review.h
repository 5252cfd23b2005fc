// Review: an analyst's decision on a lead. The lead takes the new status
// and the decision (who, when, why, the status before) is kept beside it,
// both in one atomic write, so a crash never leaves one without the other.
// Reviews of a lead are listed oldest first.
//
// Thread safety: as the store's; decisions on one lead from two processes
// at once are serialised by the store's lock (a writable store has one
// writer).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/review_journal.h"
#include "store/store.h"

namespace plainsight {

struct ReviewDecision {
  std::string lead_id;
  std::string status;  // reviewed, escalated or dismissed
  std::string note;
  std::string analyst;
  std::int64_t at = 0;  // unix seconds
  std::string previous_status;  // filled in by RecordReview
};

// InvalidArgument for another status or an empty note; NotFound when there
// is no such lead. Returns the decision as recorded.
Result<ReviewDecision> RecordReview(Store& store, ReviewDecision decision);

// A decision queued while a run holds the store (store/review_journal.h),
// kind "lead"; the caller checked the lead exists and filled
// previous_status from what the analyst saw. InvalidArgument as
// RecordReview.
Result<JournalEntry> LeadReviewJournalEntry(const ReviewDecision& decision);

// The journal handler for kind "lead": records the decision and
// `applied_marker` in one atomic write. A lead the run has since merged or
// split takes the decision on its successor (the lead listing the old id in
// merged_from or split_from), the note saying so; with no successor the
// decision is kept under the old id, so it is never lost.
Status ApplyJournaledLeadReview(Store& store, const JournalEntry& entry,
                                const std::pair<std::string, std::string>& applied_marker);

// Every recorded decision on `lead_id`, oldest first.
Result<std::vector<ReviewDecision>> ReviewsOf(const Store& store, const std::string& lead_id);

}  // namespace plainsight
