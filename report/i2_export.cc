#include "report/i2_export.h"

#include "core/clock.h"
#include "report/csv_writer.h"

namespace plainsight {

std::string RenderI2Csv(const EntityGraph& graph, std::size_t* rows) {
  std::string csv = CsvRow({"from_type", "from_id", "from_label", "link_type", "to_type", "to_id",
                            "to_label", "first_seen", "last_seen", "site", "url"});
  const auto& nodes = graph.nodes();
  for (const GraphEdge& edge : graph.edges()) {
    const GraphNode& from = nodes[edge.from];
    const GraphNode& to = nodes[edge.to];
    const GraphNode& advert = from.type == NodeType::kAdvert ? from : to;
    csv += CsvRow({NodeTypeName(from.type), from.id, from.label, edge.type, NodeTypeName(to.type), to.id,
                   to.label, FormatIso8601(advert.first_seen), FormatIso8601(advert.last_seen),
                   advert.site, advert.url});
  }
  if (rows != nullptr) *rows = graph.edges().size();
  return csv;
}

}  // namespace plainsight
