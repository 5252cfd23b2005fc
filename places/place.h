// Places of concern: the doors behind the adverts. A place is a full
// address (a street with the advert's postcode, or with its town when it
// gives none), a postcode that adverts give without a street, or a pick-up
// point named in transport wording. Places are derived from the stored
// adverts each time they are asked for (places/place_builder.h); only the
// analysts' decisions on them are stored (places/place_review.h).
//
// Plain values; no behaviour beyond identity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plainsight {

// One advert's mention of a place, with the words it used.
struct PlaceMention {
  std::string advert_id;
  std::string kind;       // "jobs" | "adult"
  std::string site;
  std::string role;       // "accommodation", "incall", "premises", "pick-up"
  std::string quote;      // the advert's own words naming the place
  std::string time;       // pick-up time "05:00", else ""
  std::string title;
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  bool postcode_only = false;  // the advert gave the postcode, not the street
};

struct PlaceRecord {
  std::string id;        // "P-" + 12 hex digits of SHA-256(key)
  std::string key;       // "address|14 MILL ROAD|NN1 1AA", "postcode|NN1 1AA", "pick-up|…"
  std::string address;   // "14 Mill Road", a landmark for a pick-up, or "" for a postcode
  std::string postcode;  // "NN1 1AA" or ""
  std::string town;      // canonical town or ""
  std::string role;      // "premises" or "pick-up"
  double score = 0;
  std::string status = "new";  // new, updated, visited, no-concern, referred
  bool hub = false;            // many advertisers and no sign of risk
  std::vector<std::string> reasons;
  std::vector<double> reason_points;  // parallel to reasons; they sum to score
  std::vector<std::string> advert_ids;  // distinct, sorted
  std::vector<std::string> lead_ids;    // leads at or above min_score holding its adverts
  std::vector<std::string> kinds;       // "jobs", "adult" (sorted)
  std::vector<std::string> towns;       // towns its adverts name
  std::vector<std::string> times;       // pick-up times
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  std::vector<PlaceMention> mentions;   // one per advert, oldest first
};

// Where the place is, as one line: "14 Mill Road, NN1 1AA, Northampton"
// (the parts it has).
std::string PlaceWhere(const PlaceRecord& place);

// "P-" + the first 12 hex digits of SHA-256(key): stable across runs.
std::string PlaceIdForKey(const std::string& key);

}  // namespace plainsight
