// Timelines: for each contact of a lead, when and where it was advertised
// (first and last seen, adverts per day, towns, sites), drawn from every
// stored advert carrying it, not only the lead's. `show` prints them.
//
// Reads the store only; safe to call while no one writes the store (the
// store itself is thread-safe).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

struct EntityTimeline {
  std::string type, value;  // "phone", "+447700900123"
  std::int64_t first_seen = 0, last_seen = 0;
  std::map<std::string, int> adverts_per_day;  // "2026-12-01" (UTC, by first_seen) -> adverts
  std::vector<std::string> towns, sites;       // sorted, distinct
};

// One timeline per phone, email, postcode and address of `lead`, in that
// order; contacts no stored advert carries any more are left out.
Result<std::vector<EntityTimeline>> BuildTimelines(const Store& store, const LeadRecord& lead);

// "YYYY-MM-DD" of a unix time, UTC.
std::string UtcDay(std::int64_t unix_seconds);

}  // namespace plainsight
