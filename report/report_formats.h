// The daily report for systems rather than people: one JSON document, or a
// CSV with one row per lead. Both cover the same leads as the HTML report
// (new or updated in the window, highest score first).
//
// JSON: {"window": {"since", "until"},
//        "counts": {"adverts": {"total", "seen", "new", "removed"},
//                   "leads": {"total", "new", "updated", "by_status": {…}}},
//        "leads": [contract lead objects, plus "image_links": [{"advert_id",
//                  "url", "sha256", "pdq", "warc": {"file", "offset",
//                  "length"}}] when its adverts showed photos],
//        "adverts_per_site_per_day": [{"site", "day": "YYYY-MM-DD", "adverts"}],
//        "indicators_by_category": [{"category", "adverts"}]}
// CSV header: id,score,status,adverts,phones,emails,postcodes,top_reason
// (multi-valued cells joined with "; ").
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <string>

#include "report/report_data.h"

namespace plainsight {

// `lead_json` turns a lead into the contract's lead object as JSON text (the
// CLI's LeadJson), keeping that one definition of the shape.
std::string RenderJsonReport(const ReportData& data,
                             const std::function<std::string(const LeadRecord&)>& lead_json);

std::string RenderCsvReport(const ReportData& data);

}  // namespace plainsight
