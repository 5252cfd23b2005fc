#include "leads/review.h"

#include <nlohmann/json.hpp>

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

}  // namespace

Result<ReviewDecision> RecordReview(Store& store, ReviewDecision decision) {
  if (!IsDecision(decision.status)) {
    return Status::InvalidArgument("review status must be reviewed, escalated or dismissed, not '" +
                                   decision.status + "'");
  }
  if (decision.note.empty()) return Status::InvalidArgument("a review needs a note saying why");
  auto lead = store.GetLead(decision.lead_id);
  if (!lead.ok()) return lead.status();
  if (!lead->has_value()) return Status::NotFound("no lead " + decision.lead_id);
  auto earlier = ReviewsOf(store, decision.lead_id);
  if (!earlier.ok()) return earlier.status();
  LeadRecord updated = std::move(**lead);
  decision.previous_status = updated.status;
  updated.status = decision.status;
  const nlohmann::json record = {{"lead", decision.lead_id},     {"status", decision.status},
                                 {"note", decision.note},        {"analyst", decision.analyst},
                                 {"at", decision.at},            {"previous_status", decision.previous_status}};
  Status s = store.PutLead(
      updated,
      {{meta_keys::DecisionKey(meta_keys::kReview, decision.lead_id, decision.at, earlier->size()),
        record.dump()}});
  if (!s.ok()) return s;
  return decision;
}

Result<std::vector<ReviewDecision>> ReviewsOf(const Store& store, const std::string& lead_id) {
  std::vector<ReviewDecision> out;
  Status s = store.ForEachMeta(ReviewPrefix(lead_id), [&](const std::string&, const std::string& bytes) {
    try {
      const nlohmann::json j = nlohmann::json::parse(bytes);
      ReviewDecision d;
      d.lead_id = j.value("lead", lead_id);
      d.status = j.value("status", "");
      d.note = j.value("note", "");
      d.analyst = j.value("analyst", "");
      d.at = j.value("at", std::int64_t{0});
      d.previous_status = j.value("previous_status", "");
      out.push_back(std::move(d));
    } catch (const nlohmann::json::exception&) {
      // A damaged record is skipped, not fatal: the others still tell the story.
    }
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace plainsight
