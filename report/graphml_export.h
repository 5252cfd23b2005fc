// Export as GraphML (http://graphml.graphdrawing.org/xmlns) for Gephi,
// networkx, yEd and the like: typed nodes (lead, advert, phone, email,
// postcode, address) and edges from report/entity_graph.h.
// Node data keys: type, label, score and status (leads), site, url,
// first_seen and last_seen (adverts); edge data key: type. Every value is
// XML-escaped.
//
// Pure function; thread-safe.
#pragma once

#include <string>

#include "report/entity_graph.h"

namespace plainsight {

std::string RenderGraphMl(const EntityGraph& graph);

}  // namespace plainsight
