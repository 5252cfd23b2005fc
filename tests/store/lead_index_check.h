// Test helpers for the lead-of-advert index (meta_keys::kLeadOf): the
// index as stored, and as the stored leads list it. Shared by the store's
// own tests and the incremental run's twins.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "store/meta_keys.h"
#include "store/store.h"

namespace plainsight::testing {

using LeadIndex = std::map<std::string, std::string>;  // advert -> lead

inline LeadIndex StoredLeadIndex(const Store& store) {
  LeadIndex index;
  const std::string prefix = meta_keys::kLeadOf;
  REQUIRE(store
              .ForEachMeta(prefix,
                           [&](const std::string& key, const std::string& lead) {
                             index[key.substr(prefix.size())] = lead;
                             return true;
                           })
              .ok());
  return index;
}

// What the stored leads list, which the index must equal; `leads` their number.
inline LeadIndex LeadIndexOfLeads(const Store& store, size_t* leads) {
  LeadIndex index;
  *leads = 0;
  REQUIRE(store
              .ForEachLead([&](const LeadRecord& lead) {
                ++*leads;
                for (const std::string& id : lead.advert_ids) index[id] = lead.id;
                return true;
              })
              .ok());
  return index;
}

// The stored index equals what the leads list, and the kept count their number.
inline void CheckLeadIndexInStep(const Store& store) {
  size_t leads = 0;
  CHECK(StoredLeadIndex(store) == LeadIndexOfLeads(store, &leads));
  auto count = store.CountLeads();
  REQUIRE(count.ok());
  REQUIRE(count->has_value());
  CHECK(**count == leads);
}

}  // namespace plainsight::testing
