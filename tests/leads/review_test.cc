// Review (leads/review.h): an analyst's decision changes the lead's status
// and is kept beside it in the same write; every decision stays.
#include "leads/review.h"

#include <catch2/catch.hpp>

#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::TempStore;

void PutLead(TempStore& t, const std::string& id, const std::string& status) {
  LeadRecord lead;
  lead.id = id;
  lead.score = 5;
  lead.status = status;
  REQUIRE(t.store->ReplaceLeads({lead}).ok());
}

TEST_CASE("RecordReview_Decision_ChangesTheStatusAndKeepsWhoWhenWhyAndBefore") {
  TempStore t;
  PutLead(t, "L-00000000aaaa", "new");
  auto recorded = RecordReview(*t.store, {"L-00000000aaaa", "escalated", "passed to MSHT team",
                                          "analyst1", 1000, ""});
  REQUIRE(recorded.ok());
  CHECK(recorded->previous_status == "new");
  auto lead = t.store->GetLead("L-00000000aaaa");
  REQUIRE(lead.ok());
  REQUIRE(lead->has_value());
  CHECK((*lead)->status == "escalated");
  auto history = ReviewsOf(*t.store, "L-00000000aaaa");
  REQUIRE(history.ok());
  REQUIRE(history->size() == 1);
  CHECK((*history)[0].analyst == "analyst1");
  CHECK((*history)[0].note == "passed to MSHT team");
  CHECK((*history)[0].at == 1000);
  CHECK((*history)[0].previous_status == "new");
}

TEST_CASE("RecordReview_TwoDecisionsInOneSecond_BothKeptInOrder") {
  TempStore t;
  PutLead(t, "L-00000000bbbb", "new");
  REQUIRE(RecordReview(*t.store, {"L-00000000bbbb", "reviewed", "first look", "a", 2000, ""}).ok());
  REQUIRE(RecordReview(*t.store, {"L-00000000bbbb", "dismissed", "second look", "b", 2000, ""}).ok());
  auto history = ReviewsOf(*t.store, "L-00000000bbbb");
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  CHECK((*history)[0].status == "reviewed");
  CHECK((*history)[1].status == "dismissed");
  CHECK((*history)[1].previous_status == "reviewed");
  // Another lead's decisions are not mixed in.
  PutLead(t, "L-00000000bbbc", "new");
  CHECK(ReviewsOf(*t.store, "L-00000000bbbc")->empty());
}

TEST_CASE("RecordReview_BadInput_RefusedAndNothingWritten") {
  TempStore t;
  PutLead(t, "L-00000000cccc", "new");
  struct Case {
    ReviewDecision decision;
    bool not_found;
  };
  const Case cases[] = {
      {{"L-00000000cccc", "new", "why", "a", 1, ""}, false},        // not a decision
      {{"L-00000000cccc", "escalated", "", "a", 1, ""}, false},     // no note
      {{"L-00000000dddd", "escalated", "why", "a", 1, ""}, true},   // no such lead
  };
  for (const Case& c : cases) {
    auto recorded = RecordReview(*t.store, c.decision);
    CHECK_FALSE(recorded.ok());
    CHECK(recorded.status().IsNotFound() == c.not_found);
    CHECK(recorded.status().IsInvalidArgument() == !c.not_found);
  }
  CHECK((*t.store->GetLead("L-00000000cccc"))->status == "new");
  CHECK(ReviewsOf(*t.store, "L-00000000cccc")->empty());
}

// A decision queued in the journal during a run, applied by the run.
Status ApplyQueued(TempStore& t, const ReviewDecision& decision, const std::string& entry_id) {
  auto entry = LeadReviewJournalEntry(decision);
  REQUIRE(entry.ok());
  entry->id = entry_id;
  return ApplyJournaledLeadReview(*t.store, *entry, {"journal-applied\x1f" + entry_id, ""});
}

TEST_CASE("JournaledReview_LeadStillThere_TakesTheStatusWithItsMarker") {
  TempStore t;
  PutLead(t, "L-00000000eeee", "new");
  REQUIRE(ApplyQueued(t, {"L-00000000eeee", "escalated", "seen during the run", "a", 50, "new"}, "e1")
              .ok());
  CHECK((*t.store->GetLead("L-00000000eeee"))->status == "escalated");
  CHECK(ReviewsOf(*t.store, "L-00000000eeee")->size() == 1);
  CHECK(t.store->GetMeta("journal-applied\x1f" "e1")->has_value());
}

TEST_CASE("JournaledReview_LeadMergedDuringTheRun_DecisionGoesToItsSuccessor") {
  TempStore t;
  LeadRecord merged;
  merged.id = "L-00000000ffff";
  merged.score = 7;
  merged.status = "new";
  merged.merged_from = {"L-00000000f001", "L-00000000f002"};
  LeadRecord split;
  split.id = "L-00000000f100";
  split.status = "new";
  split.split_from = "L-00000000f003";
  REQUIRE(t.store->ReplaceLeads({merged, split}).ok());
  REQUIRE(ApplyQueued(t, {"L-00000000f002", "escalated", "phone seen before", "a", 60, "new"}, "m1")
              .ok());
  REQUIRE(ApplyQueued(t, {"L-00000000f003", "dismissed", "ordinary employer", "a", 61, "new"}, "s1")
              .ok());
  CHECK((*t.store->GetLead("L-00000000ffff"))->status == "escalated");
  CHECK((*t.store->GetLead("L-00000000f100"))->status == "dismissed");
  auto history = ReviewsOf(*t.store, "L-00000000ffff");
  REQUIRE(history->size() == 1);
  CHECK((*history)[0].note ==
        "phone seen before (decided on L-00000000f002 during a run; it is now part of L-00000000ffff)");
}

TEST_CASE("JournaledReview_LeadGone_DecisionKeptUnderItsOwnId") {
  TempStore t;
  REQUIRE(ApplyQueued(t, {"L-00000000abcd", "reviewed", "checked", "a", 70, "new"}, "g1").ok());
  auto history = ReviewsOf(*t.store, "L-00000000abcd");
  REQUIRE(history->size() == 1);
  CHECK((*history)[0].note == "checked");
  CHECK(t.store->GetMeta("journal-applied\x1f" "g1")->has_value());
}

TEST_CASE("JournaledReview_BadDecision_RefusedBeforeQueueing") {
  CHECK(LeadReviewJournalEntry({"L-00000000eeee", "maybe", "why", "a", 1, ""})
            .status()
            .IsInvalidArgument());
  CHECK(LeadReviewJournalEntry({"L-00000000eeee", "reviewed", "", "a", 1, ""})
            .status()
            .IsInvalidArgument());
}

}  // namespace
}  // namespace plainsight
