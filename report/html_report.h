// The daily report as ONE self-contained HTML file for the team's morning
// read: inline CSS and inline SVG only, no script, nothing fetched (a
// Content-Security-Policy meta tag forbids it), so it opens offline and
// prints cleanly. The only links are to the adverts' and photos' own
// http(s) URLs. Photos are listed as links and hashes, never shown inline,
// unless data.thumbnails (report/thumbnails.h: each then shows as a small
// picture from a data: URI, still nothing fetched).
// Every piece of advert text is escaped (see report/markup_escape.h).
//
// Pure function of its input; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "report/report_data.h"

namespace plainsight {

// `generated_at` (unix seconds) is printed in the header.
std::string RenderHtmlReport(const ReportData& data, std::int64_t generated_at);

}  // namespace plainsight
