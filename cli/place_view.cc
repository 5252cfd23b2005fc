#include "cli/place_view.h"

#include <cstdio>

#include "cli/cli_common.h"
#include "core/clock.h"
#include "places/place_builder.h"

namespace plainsight::cli {

std::vector<PlaceRecord> BuildPlacesOrThrow(const Config& config, const Store& store) {
  return BuildPlacesOrThrow(config, store, LoadGazetteerOrNull(config).get());
}

std::vector<PlaceRecord> BuildPlacesOrThrow(const Config& config, const Store& store,
                                            const Gazetteer* gazetteer) {
  auto places = BuildPlaces(store, gazetteer, config.places, config.leads.min_score);
  if (!places.ok()) throw CliError(kExitStore, places.status().ToString());
  return std::move(*places);
}

PlaceRecord FindPlaceOrThrow(const Config& config, const Store& store, const std::string& id) {
  for (PlaceRecord& place : BuildPlacesOrThrow(config, store)) {
    // `place` is an element of the temporary vector, not a local: without
    // the move it would be copied.
    // cppcheck-suppress returnStdMoveLocal
    if (place.id == id) return std::move(place);
  }
  throw CliError(kExitBadInput, "no place " + id);
}

void PrintPlace(std::ostream& out, const PlaceRecord& p) {
  char line[1024];
  const std::string where = PlaceWhere(p);
  std::snprintf(line, sizeof line, "%s  %s  score %.1f  status %s  role %s%s\n", p.id.c_str(), where.c_str(),
                p.score, p.status.c_str(), p.role.c_str(), p.hub ? "  (hub)" : "");
  out << line;
  out << "Seen " << FormatIso8601(p.first_seen) << " to " << FormatIso8601(p.last_seen) << " in "
      << p.advert_ids.size() << " adverts\n";
  out << "Why it scored:\n";
  for (size_t i = 0; i < p.reasons.size(); ++i) {
    std::snprintf(line, sizeof line, "  %+6.1f  %s\n", p.reason_points[i], p.reasons[i].c_str());
    out << line;
  }
  if (!p.lead_ids.empty()) {
    out << "\nLeads:";
    for (const std::string& id : p.lead_ids) out << " " << id;
    out << "\n";
  }
  out << "\nAdverts, oldest first (the advert's own words):\n";
  for (const PlaceMention& m : p.mentions) {
    out << "  " << FormatIso8601(m.first_seen).substr(0, 10) << "  " << m.advert_id << "  " << m.kind
        << "  " << m.role << (m.time.empty() ? "" : " " + m.time) << "  " << m.site << "\n";
    if (!m.title.empty()) out << "      " << m.title << "\n";
    out << "      \u201c" << m.quote << "\u201d" << (m.postcode_only ? "  (postcode only)" : "") << "\n";
  }
}

}  // namespace plainsight::cli
