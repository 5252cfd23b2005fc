// Lead selection: which stored leads an analyst's filters keep, and the one
// order leads are shown in everywhere (strongest first, then by id, so
// equal scores always list the same way). `leads`, `demo`, the report and
// correlation all rank with RanksBefore.
//
// Reads the store only; the store is thread-safe. A site, kind or
// indicator-category filter reads the lead's advert summaries (no text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

struct LeadFilter {
  double min_score = 0;
  std::string status;     // empty: any
  std::int64_t since = 0;  // created or updated at or after; 0: any time
  std::string site;       // a lead with an advert on this site
  std::string kind;       // ... of this kind ("jobs", "adult")
  std::string category;   // ... carrying an indicator of this category
  size_t limit = 0;       // 0: all
};

// Score descending, then id ascending.
bool RanksBefore(const LeadRecord& a, const LeadRecord& b);
void RankLeads(std::vector<LeadRecord>* leads);

// The stored leads `filter` keeps, ranked, at most `filter.limit`.
Result<std::vector<LeadRecord>> SelectLeads(const Store& store, const LeadFilter& filter);

}  // namespace plainsight
