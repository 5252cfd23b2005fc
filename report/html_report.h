// The daily report as ONE self-contained HTML file for the team's morning
// read: inline CSS and inline SVG only, no script, nothing fetched (a
// Content-Security-Policy meta tag forbids it), so it opens offline and
// prints cleanly. The only links are to the adverts' own http(s) URLs.
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
