// Export of adverts as a flat CSV, one row per advert:
//   id,url,site,kind,title,first_seen,last_seen,removed,phones,emails,
//   postcodes,indicators
// Multi-valued cells are joined with "; "; indicators are their ids.
// Quoting and formula-injection protection as in report/csv_writer.h.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "store/advert.h"

namespace plainsight {

std::string RenderAdvertCsv(const std::vector<AdvertRecord>& adverts);

}  // namespace plainsight
