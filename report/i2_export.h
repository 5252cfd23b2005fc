// Export for i2 Analyst's Notebook's import: one CSV table with one row per
// link, both ends described, so a single import specification maps it onto
// entity and link types:
//   from_type,from_id,from_label,link_type,to_type,to_id,to_label,
//   first_seen,last_seen,site,url,image_url,image_sha256,image_pdq,
//   image_warc_file,image_warc_offset,image_warc_length
// Rows: advert -> phone/email/postcode/address ("has_phone", …), advert ->
// image ("has_image": to_id "image:pdq:<hex>", to_label the photo entity
// "pdq:<hex>" adverts are linked by, report/entity_graph.h) and lead ->
// advert ("includes"); the dates, site and url are the advert's. The image_*
// cells, filled on has_image rows only, name the picture that advert
// showed: its URL, SHA-256, own PDQ hash and its WARC evidence record
// (file under <store>/warc, offset, length).
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
