// Place reviews: an analyst's decision on a place (visited, no-concern,
// referred), kept in the store's meta family with who, when, why and how
// many adverts the place had then. Places are derived anew each time, so
// the decision is all that is stored: a place decided on that later gains
// adverts shows as "updated" (PlaceStatus).
//
// Thread safety: as the store's; a writable store has one writer.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "places/place.h"
#include "store/review_journal.h"
#include "store/store.h"

namespace plainsight {

struct PlaceDecision {
  std::string place_id;
  std::string status;  // visited, no-concern or referred
  std::string note;
  std::string analyst;
  std::int64_t at = 0;  // unix seconds
  std::string previous_status;  // filled in by RecordPlaceReview
  std::size_t adverts = 0;      // the place's adverts when decided
};

// InvalidArgument for another status or an empty note. `place` is the
// place as the analyst saw it (its status becomes previous_status).
Result<PlaceDecision> RecordPlaceReview(Store& store, const PlaceRecord& place,
                                        PlaceDecision decision);

// The same decision queued while a run holds the store
// (store/review_journal.h), kind "place": validated, and filled in from
// `place` as the analyst saw it. InvalidArgument as RecordPlaceReview.
Result<JournalEntry> PlaceReviewJournalEntry(const PlaceRecord& place, PlaceDecision decision);

// The journal handler for kind "place": the decision and `applied_marker`
// in one atomic write. Places are derived anew each time, so the decision
// needs nothing else to exist.
Status ApplyJournaledPlaceReview(Store& store, const JournalEntry& entry,
                                 const std::pair<std::string, std::string>& applied_marker);

// Every decision on every place, oldest first per place.
Result<std::map<std::string, std::vector<PlaceDecision>>> AllPlaceReviews(const Store& store);

// The place's status from its decisions: "new" with none; the latest
// decision's status; "updated" when the place has more adverts than then,
// or an advert first seen after the decision (a re-crawl of the same
// adverts changes nothing).
std::string PlaceStatus(const PlaceRecord& place, const std::vector<PlaceDecision>& decisions);

}  // namespace plainsight
