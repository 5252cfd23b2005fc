#include "leads/review.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

// review \x1f LEAD \x1f at (16 hex) \x1f sequence (8 hex): oldest first,
// and two decisions in the same second do not overwrite each other.
// (Decisions recorded before the sequence was added have no fourth part.)
std::string ReviewPrefix(const std::string& lead_id) {
  return meta_keys::DecisionPrefix(meta_keys::kReview, lead_id);
}

bool IsDecision(const std::string& status) {
  return status == "reviewed" || status == "escalated" || status == "dismissed";
}

nlohmann::json DecisionJson(const ReviewDecision& decision) {
  return {{"lead", decision.lead_id},   {"status", decision.status},
          {"note", decision.note},      {"analyst", decision.analyst},
          {"at", decision.at},          {"previous_status", decision.previous_status}};
}

// A stored or journaled decision; `lead_id` stands in for a record that
// does not name its lead.
Result<ReviewDecision> DecisionFromJson(const std::string& bytes, const std::string& lead_id) {
  try {
    const nlohmann::json j = nlohmann::json::parse(bytes);
    ReviewDecision d;
    d.lead_id = j.value("lead", lead_id);
    d.status = j.value("status", "");
    d.note = j.value("note", "");
    d.analyst = j.value("analyst", "");
    d.at = j.value("at", std::int64_t{0});
    d.previous_status = j.value("previous_status", "");
    return d;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(e.what());
  }
}

Status ValidateDecision(const ReviewDecision& decision) {
  if (!IsDecision(decision.status)) {
    return Status::InvalidArgument("review status must be reviewed, escalated or dismissed, not '" +
                                   decision.status + "'");
  }
  if (decision.note.empty()) return Status::InvalidArgument("a review needs a note saying why");
  return Status::OK();
}

using MetaEntries = std::vector<std::pair<std::string, std::string>>;

// The decision's own key, after the lead's earlier decisions.
Result<std::string> NextDecisionKey(const Store& store, const ReviewDecision& decision) {
  auto earlier = ReviewsOf(store, decision.lead_id);
  if (!earlier.ok()) return earlier.status();
  return meta_keys::DecisionKey(meta_keys::kReview, decision.lead_id, decision.at, earlier->size());
}

// The lead takes the decision's status; the decision and `also` are
// written with it atomically.
Result<ReviewDecision> WriteDecision(Store& store, LeadRecord lead, ReviewDecision decision,
                                     MetaEntries also) {
  auto key = NextDecisionKey(store, decision);
  if (!key.ok()) return key.status();
  decision.previous_status = lead.status;
  lead.status = decision.status;
  also.insert(also.begin(), {*key, DecisionJson(decision).dump()});
  Status s = store.PutLead(lead, also);
  if (!s.ok()) return s;
  return decision;
}

// The lead that took `old_id` over in a re-correlation, if any.
Result<std::optional<LeadRecord>> SuccessorOf(const Store& store, const std::string& old_id) {
  std::optional<std::string> successor;
  Status s = store.ForEachLeadBrief([&](const LeadRecord& lead) {
    const auto& merged = lead.merged_from;
    if (lead.split_from == old_id || std::find(merged.begin(), merged.end(), old_id) != merged.end()) {
      successor = lead.id;
    }
    return !successor.has_value();
  });
  if (!s.ok()) return s;
  if (!successor) return std::optional<LeadRecord>();
  return store.GetLead(*successor);
}

}  // namespace

Result<ReviewDecision> RecordReview(Store& store, ReviewDecision decision) {
  Status valid = ValidateDecision(decision);
  if (!valid.ok()) return valid;
  auto lead = store.GetLead(decision.lead_id);
  if (!lead.ok()) return lead.status();
  if (!lead->has_value()) return Status::NotFound("no lead " + decision.lead_id);
  return WriteDecision(store, std::move(**lead), std::move(decision), {});
}

Result<JournalEntry> LeadReviewJournalEntry(const ReviewDecision& decision) {
  Status valid = ValidateDecision(decision);
  if (!valid.ok()) return valid;
  return JournalEntry{"", "lead", DecisionJson(decision).dump()};
}

Status ApplyJournaledLeadReview(Store& store, const JournalEntry& entry,
                                const std::pair<std::string, std::string>& applied_marker) {
  auto parsed = DecisionFromJson(entry.decision, "");
  if (!parsed.ok()) {
    return Status::Corruption("journal entry " + entry.id + ": " + parsed.status().message());
  }
  ReviewDecision decision = std::move(*parsed);
  if (decision.lead_id.empty()) return Status::Corruption("journal entry " + entry.id + ": no lead");
  Status valid = ValidateDecision(decision);
  if (!valid.ok()) return valid;
  auto lead = store.GetLead(decision.lead_id);
  if (!lead.ok()) return lead.status();
  if (lead->has_value()) {
    return WriteDecision(store, std::move(**lead), std::move(decision), {applied_marker}).status();
  }
  auto successor = SuccessorOf(store, decision.lead_id);
  if (!successor.ok()) return successor.status();
  if (successor->has_value()) {
    decision.note += " (decided on " + decision.lead_id + " during a run; it is now part of " +
                     (*successor)->id + ")";
    decision.lead_id = (*successor)->id;
    return WriteDecision(store, std::move(**successor), std::move(decision), {applied_marker})
        .status();
  }
  // The lead is gone (its adverts purged or no longer linked): the decision
  // is still the analyst's record, kept under the id they decided on.
  auto key = NextDecisionKey(store, decision);
  if (!key.ok()) return key.status();
  return store.PutMetas({{*key, DecisionJson(decision).dump()}, applied_marker});
}

Result<std::vector<ReviewDecision>> ReviewsOf(const Store& store, const std::string& lead_id) {
  std::vector<ReviewDecision> out;
  Status s = store.ForEachMeta(ReviewPrefix(lead_id), [&](const std::string&, const std::string& bytes) {
    // A damaged record is skipped, not fatal: the others still tell the story.
    auto d = DecisionFromJson(bytes, lead_id);
    if (d.ok()) out.push_back(std::move(*d));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace plainsight
