// Export as GraphML (http://graphml.graphdrawing.org/xmlns) for Gephi,
// networkx, yEd and the like: typed nodes (lead, advert, phone, email,
// postcode, address, image) and edges from report/entity_graph.h.
// Node data keys: type, label, score and status (leads), site, url,
// first_seen and last_seen (adverts), image_urls, image_sha256s and
// image_pdqs (photos: the pictures of the photo entity the adverts showed,
// space-separated, in step); edge data keys: type, and on has_image edges
// image_url, image_sha256, image_pdq (the picture that advert showed) and
// image_warc_file, image_warc_offset, image_warc_length (its evidence
// record under <store>/warc). Every value is XML-escaped.
//
// Pure function; thread-safe.
#pragma once

#include <string>

#include "report/entity_graph.h"

namespace plainsight {

std::string RenderGraphMl(const EntityGraph& graph);

}  // namespace plainsight
