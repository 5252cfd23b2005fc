// Export of adverts as a flat CSV, one row per advert:
//   id,url,site,kind,title,first_seen,last_seen,removed,phones,emails,
//   postcodes,indicators,handles,company,images,image_urls,image_sha256,
//   image_pdq
// Multi-valued cells are joined with "; "; indicators are their ids.
// Photos: `images` holds the photo entities the advert shows ("pdq:<hex>",
// report/report_image.h: two rows sharing one are linked by a photo, as
// phones link them); image_urls, image_sha256 and image_pdq list each
// picture the advert showed and kept, in page order and in step (its URL,
// SHA-256 and own PDQ), pictures too flat to match included.
// Quoting and formula-injection protection as in report/csv_writer.h.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "report/report_image.h"
#include "store/advert.h"

namespace plainsight {

// `images`: the adverts' kept photos (any order; matched by advert id).
std::string RenderAdvertCsv(const std::vector<AdvertRecord>& adverts,
                            const std::vector<ReportImage>& images);

}  // namespace plainsight
