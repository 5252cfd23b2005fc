// What an export covers: every stored advert and lead, or one lead and its
// adverts (`plainsight export --lead ID`), with the photos those adverts
// showed, each named by its photo entity (report/report_image.h).
//
// Thread safety: only reads the store; the result is a plain value.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "report/entity_graph.h"
#include "report/report_image.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

struct ExportScope {
  std::vector<AdvertRecord> adverts;  // in id order
  std::vector<LeadRecord> leads;      // in id order
  std::vector<ReportImage> images;    // kept photos, advert by advert in page order
};

// `lead_id` empty: everything. Otherwise NotFound("no lead L-…") when the
// store has no such lead.
Result<ExportScope> CollectExportScope(const Store& store, const std::string& lead_id);

// The scope's adverts, their contacts and photos, and its leads as one graph.
EntityGraph BuildEntityGraph(const ExportScope& scope);

}  // namespace plainsight
