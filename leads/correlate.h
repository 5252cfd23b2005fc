// Correlate: turns stored adverts into ranked, explained leads.
//
// Adverts that share a contact (phone, email, postcode, street address) are
// linked (union-find). A contact on most adverts of one site is that site's
// own (its footer) and a contact on very many adverts is a hub: neither
// links. Each connected group, and each lone advert with enough indicator
// weight, becomes a lead whose score is the sum of its reasons' points.
// Lead ids are stable: a group that overlaps an earlier lead keeps the
// oldest overlapping lead's id; a reviewed lead that gains adverts becomes
// "updated".
//
// Not thread-safe: run one Correlate at a time per store (the CLI holds the
// store's lock).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct CorrelateSummary {
  size_t adverts = 0;
  size_t leads = 0;
  size_t new_leads = 0;
  size_t updated_leads = 0;
  std::vector<std::string> boilerplate;  // "site: phone +44…", contacts ignored as site chrome
  std::vector<std::string> hubs;         // contacts on too many adverts to link blindly
};

// Recomputes every lead from the stored adverts and replaces the stored
// leads, keeping ids, statuses and creation times of earlier leads.
Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now);

}  // namespace plainsight
