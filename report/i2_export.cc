#include "report/i2_export.h"

#include "core/clock.h"
#include "report/csv_writer.h"

namespace plainsight {

std::string RenderI2Csv(const EntityGraph& graph, std::size_t* rows) {
  std::string csv = CsvRow({"from_type", "from_id", "from_label", "link_type", "to_type", "to_id",
                            "to_label", "first_seen", "last_seen", "site", "url", "image_url",
                            "image_sha256", "image_pdq", "image_warc_file", "image_warc_offset",
                            "image_warc_length"});
  const auto& nodes = graph.nodes();
  for (const GraphEdge& edge : graph.edges()) {
    const GraphNode& from = nodes[edge.from];
    const GraphNode& to = nodes[edge.to];
    const GraphNode& advert = from.type == NodeType::kAdvert ? from : to;
    std::vector<std::string> row = {NodeTypeName(from.type), from.id, from.label, edge.type,
                                    NodeTypeName(to.type), to.id, to.label,
                                    FormatIso8601(advert.first_seen),
                                    FormatIso8601(advert.last_seen), advert.site, advert.url};
    if (edge.image >= 0) {
      const ReportImage& image = graph.images()[static_cast<std::size_t>(edge.image)];
      const bool kept = !image.warc_file.empty();
      row.insert(row.end(), {image.url, image.sha256, image.pdq, image.warc_file,
                             kept ? std::to_string(image.warc_offset) : "",
                             kept ? std::to_string(image.warc_length) : ""});
    } else {
      row.resize(row.size() + 6);
    }
    csv += CsvRow(row);
  }
  if (rows != nullptr) *rows = graph.edges().size();
  return csv;
}

}  // namespace plainsight
