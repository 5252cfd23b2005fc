// The report's link picture: for each of the top leads, a panel drawing its
// adverts and the contacts they share as an inline SVG graph (edges are
// "advert has contact"), with shapes and colours per node type and a legend.
//
// Layout is radial per lead and fully deterministic (no randomness, no
// iteration): contacts on an inner ring, adverts on an outer ring ordered
// by the first contact they carry, so adverts that share a contact sit
// together. A panel draws at most kMaxAdvertsDrawn adverts and
// kMaxContactsDrawn contacts and says how many it left out.
//
// Every label is escaped; advert nodes link to the advert's own URL only
// when it is http(s). Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report/report_data.h"

namespace plainsight {

inline constexpr std::size_t kMaxAdvertsDrawn = 30;
inline constexpr std::size_t kMaxContactsDrawn = 20;

std::string LinkPictureSvg(const std::vector<ReportLead>& leads);

}  // namespace plainsight
