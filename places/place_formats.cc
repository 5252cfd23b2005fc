#include "places/place_formats.h"

#include "core/clock.h"

namespace plainsight {
namespace {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string Joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : separator) + value;
  return out;
}

double Rounded(double value) { return static_cast<double>(static_cast<long long>(value * 100 + (value < 0 ? -0.5 : 0.5))) / 100; }

}  // namespace

nlohmann::json PlaceJson(const PlaceRecord& place, bool with_mentions) {
  nlohmann::json out = {{"id", place.id},
                        {"address", place.address},
                        {"postcode", place.postcode},
                        {"town", place.town},
                        {"role", place.role},
                        {"score", Rounded(place.score)},
                        {"status", place.status},
                        {"hub", place.hub},
                        {"reasons", place.reasons},
                        {"reason_points", nlohmann::json::array()},
                        {"adverts", place.advert_ids.size()},
                        {"advert_ids", place.advert_ids},
                        {"leads", place.lead_ids},
                        {"kinds", place.kinds},
                        {"towns", place.towns},
                        {"times", place.times},
                        {"first_seen", FormatIso8601(place.first_seen)},
                        {"last_seen", FormatIso8601(place.last_seen)}};
  for (double points : place.reason_points) out["reason_points"].push_back(Rounded(points));
  if (with_mentions) {
    out["mentions"] = nlohmann::json::array();
    for (const PlaceMention& m : place.mentions) {
      out["mentions"].push_back({{"advert", m.advert_id},
                                 {"kind", m.kind},
                                 {"site", m.site},
                                 {"role", m.role},
                                 {"quote", m.quote},
                                 {"time", m.time},
                                 {"title", m.title},
                                 {"postcode_only", m.postcode_only},
                                 {"first_seen", FormatIso8601(m.first_seen)},
                                 {"last_seen", FormatIso8601(m.last_seen)}});
    }
  }
  return out;
}

std::string PlacesCsv(const std::vector<PlaceRecord>& places) {
  std::string out =
      "id,score,status,role,address,postcode,town,adverts,kinds,leads,pick_up_times,first_seen,last_seen,hub,reasons\n";
  for (const PlaceRecord& p : places) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", p.score);
    out += CsvField(p.id) + "," + score + "," + CsvField(p.status) + "," + CsvField(p.role) + "," +
           CsvField(p.address) + "," + CsvField(p.postcode) + "," + CsvField(p.town) + "," +
           std::to_string(p.advert_ids.size()) + "," + CsvField(Joined(p.kinds, ";")) + "," +
           CsvField(Joined(p.lead_ids, ";")) + "," + CsvField(Joined(p.times, ";")) + "," +
           FormatIso8601(p.first_seen) + "," + FormatIso8601(p.last_seen) + "," +
           (p.hub ? "true" : "false") + "," + CsvField(Joined(p.reasons, " | ")) + "\n";
  }
  return out;
}

nlohmann::json PlacesGeoJson(const std::vector<PlaceRecord>& places, const Gazetteer* gazetteer) {
  nlohmann::json features = nlohmann::json::array();
  for (const PlaceRecord& p : places) {
    nlohmann::json geometry = nullptr;
    std::string precision = "unknown: no town known";
    const Place* town = gazetteer != nullptr && !p.town.empty() ? gazetteer->Find(p.town) : nullptr;
    if (town != nullptr && town->lat && town->lon) {
      // GeoJSON (RFC 7946) orders longitude first.
      geometry = {{"type", "Point"}, {"coordinates", {*town->lon, *town->lat}}};
      precision = "town centre of " + town->name + " (about 1-2 km; the address itself is not geocoded)";
    }
    nlohmann::json properties = PlaceJson(p, false);
    properties["precision"] = precision;
    features.push_back({{"type", "Feature"}, {"id", p.id}, {"geometry", geometry}, {"properties", properties}});
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

}  // namespace plainsight
