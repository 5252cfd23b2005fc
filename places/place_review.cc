#include "places/place_review.h"

#include <nlohmann/json.hpp>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

bool IsPlaceDecision(const std::string& status) {
  return status == "visited" || status == "no-concern" || status == "referred";
}

// Validates `decision` and fills it in from the place as the analyst saw it.
Status CompleteDecision(const PlaceRecord& place, PlaceDecision* decision) {
  if (!IsPlaceDecision(decision->status)) {
    return Status::InvalidArgument("a place's review status must be visited, no-concern or referred, not '" +
                                   decision->status + "'");
  }
  if (decision->note.empty()) return Status::InvalidArgument("a review needs a note saying why");
  decision->place_id = place.id;
  decision->previous_status = place.status;
  decision->adverts = place.advert_ids.size();
  return Status::OK();
}

nlohmann::json DecisionJson(const PlaceDecision& decision) {
  return {{"place", decision.place_id},  {"status", decision.status},
          {"note", decision.note},       {"analyst", decision.analyst},
          {"at", decision.at},           {"previous_status", decision.previous_status},
          {"adverts", decision.adverts}};
}

// A stored or journaled decision.
Result<PlaceDecision> DecisionFromJson(const std::string& bytes) {
  try {
    const nlohmann::json j = nlohmann::json::parse(bytes);
    PlaceDecision d;
    d.place_id = j.value("place", "");
    d.status = j.value("status", "");
    d.note = j.value("note", "");
    d.analyst = j.value("analyst", "");
    d.at = j.value("at", std::int64_t{0});
    d.previous_status = j.value("previous_status", "");
    d.adverts = j.value("adverts", std::size_t{0});
    return d;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(e.what());
  }
}

// The decision after the place's earlier ones, and `also`, in one write.
Status WriteDecision(Store& store, const PlaceDecision& decision,
                     std::vector<std::pair<std::string, std::string>> also) {
  std::size_t sequence = 0;
  Status counted = store.ForEachMeta(meta_keys::DecisionPrefix(meta_keys::kPlaceReview, decision.place_id),
                                     [&](const std::string&, const std::string&) {
                                       ++sequence;
                                       return true;
                                     });
  if (!counted.ok()) return counted;
  also.insert(also.begin(),
              {meta_keys::DecisionKey(meta_keys::kPlaceReview, decision.place_id, decision.at, sequence),
               DecisionJson(decision).dump()});
  return store.PutMetas(also);
}

}  // namespace

Result<PlaceDecision> RecordPlaceReview(Store& store, const PlaceRecord& place,
                                        PlaceDecision decision) {
  Status valid = CompleteDecision(place, &decision);
  if (!valid.ok()) return valid;
  Status s = WriteDecision(store, decision, {});
  if (!s.ok()) return s;
  return decision;
}

Result<JournalEntry> PlaceReviewJournalEntry(const PlaceRecord& place, PlaceDecision decision) {
  Status valid = CompleteDecision(place, &decision);
  if (!valid.ok()) return valid;
  return JournalEntry{"", "place", DecisionJson(decision).dump()};
}

Status ApplyJournaledPlaceReview(Store& store, const JournalEntry& entry,
                                 const std::pair<std::string, std::string>& applied_marker) {
  auto parsed = DecisionFromJson(entry.decision);
  if (!parsed.ok()) {
    return Status::Corruption("journal entry " + entry.id + ": " + parsed.status().message());
  }
  const PlaceDecision& decision = *parsed;
  if (decision.place_id.empty() || !IsPlaceDecision(decision.status) || decision.note.empty()) {
    return Status::InvalidArgument("journal entry " + entry.id + ": not a place decision");
  }
  return WriteDecision(store, decision, {applied_marker});
}

Result<std::map<std::string, std::vector<PlaceDecision>>> AllPlaceReviews(const Store& store) {
  std::map<std::string, std::vector<PlaceDecision>> out;
  Status s = store.ForEachMeta(meta_keys::kPlaceReview, [&](const std::string&, const std::string& bytes) {
    // A damaged record is skipped, not fatal: the others still tell the story.
    auto d = DecisionFromJson(bytes);
    if (d.ok() && !d->place_id.empty()) out[d->place_id].push_back(std::move(*d));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

std::string PlaceStatus(const PlaceRecord& place, const std::vector<PlaceDecision>& decisions) {
  if (decisions.empty()) return "new";
  const PlaceDecision& latest = decisions.back();
  if (place.advert_ids.size() > latest.adverts) return "updated";
  for (const PlaceMention& mention : place.mentions) {
    if (mention.first_seen > latest.at) return "updated";
  }
  return latest.status;
}

}  // namespace plainsight
