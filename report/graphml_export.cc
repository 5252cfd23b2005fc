#include "report/graphml_export.h"

#include <cstdio>

#include "core/clock.h"
#include "report/markup_escape.h"

namespace plainsight {
namespace {

std::string Data(const char* key, const std::string& value) {
  return std::string("      <data key=\"") + key + "\">" + EscapeMarkup(value) + "</data>\n";
}

}  // namespace

std::string RenderGraphMl(const EntityGraph& graph) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"score\" for=\"node\" attr.name=\"score\" attr.type=\"double\"/>\n"
      "  <key id=\"status\" for=\"node\" attr.name=\"status\" attr.type=\"string\"/>\n"
      "  <key id=\"site\" for=\"node\" attr.name=\"site\" attr.type=\"string\"/>\n"
      "  <key id=\"url\" for=\"node\" attr.name=\"url\" attr.type=\"string\"/>\n"
      "  <key id=\"first_seen\" for=\"node\" attr.name=\"first_seen\" attr.type=\"string\"/>\n"
      "  <key id=\"last_seen\" for=\"node\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
      "  <key id=\"link\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <graph id=\"plainsight\" edgedefault=\"directed\">\n";
  for (const GraphNode& node : graph.nodes()) {
    xml += "    <node id=\"" + EscapeMarkup(node.id) + "\">\n";
    xml += Data("type", NodeTypeName(node.type));
    xml += Data("label", node.label);
    if (node.type == NodeType::kLead) {
      char score[32];
      std::snprintf(score, sizeof(score), "%.2f", node.score);
      xml += Data("score", score);
      xml += Data("status", node.status);
    }
    if (node.type == NodeType::kAdvert) {
      xml += Data("site", node.site);
      xml += Data("url", node.url);
      xml += Data("first_seen", FormatIso8601(node.first_seen));
      xml += Data("last_seen", FormatIso8601(node.last_seen));
    }
    xml += "    </node>\n";
  }
  size_t n = 0;
  for (const GraphEdge& edge : graph.edges()) {
    xml += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" + EscapeMarkup(graph.nodes()[edge.from].id) +
           "\" target=\"" + EscapeMarkup(graph.nodes()[edge.to].id) + "\">\n" + Data("link", edge.type) +
           "    </edge>\n";
  }
  xml += "  </graph>\n</graphml>\n";
  return xml;
}

}  // namespace plainsight
