// Export for i2 Analyst's Notebook's import: one CSV table with one row per
// link, both ends described, so a single import specification maps it onto
// entity and link types:
//   from_type,from_id,from_label,link_type,to_type,to_id,to_label,
//   first_seen,last_seen,site,url
// Rows: advert -> phone/email/postcode/address ("has_phone", …) and
// lead -> advert ("includes"); the dates, site and url are the advert's.
// Cells use RFC 4180 quoting and are neutralised against formula injection
// (report/csv_writer.h), which means a phone cell reads '+447700900123.
//
// Pure function; thread-safe.
#pragma once

#include <string>

#include "report/entity_graph.h"

namespace plainsight {

// The table, header first. *rows (optional) gets the number of link rows.
std::string RenderI2Csv(const EntityGraph& graph, std::size_t* rows = nullptr);

}  // namespace plainsight
