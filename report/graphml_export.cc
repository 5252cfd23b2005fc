#include "report/graphml_export.h"

#include <cstdio>

#include "core/clock.h"
#include "report/markup_escape.h"

namespace plainsight {
namespace {

std::string Data(const char* key, const std::string& value) {
  return std::string("      <data key=\"") + key + "\">" + EscapeMarkup(value) + "</data>\n";
}

// Several values in one cell, space-separated (URLs and hashes hold no
// space).
std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : " ") + v;
  return out;
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
      "  <key id=\"image_urls\" for=\"node\" attr.name=\"image_urls\" attr.type=\"string\"/>\n"
      "  <key id=\"image_sha256s\" for=\"node\" attr.name=\"image_sha256s\" attr.type=\"string\"/>\n"
      "  <key id=\"image_pdqs\" for=\"node\" attr.name=\"image_pdqs\" attr.type=\"string\"/>\n"
      "  <key id=\"link\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"image_url\" for=\"edge\" attr.name=\"image_url\" attr.type=\"string\"/>\n"
      "  <key id=\"image_sha256\" for=\"edge\" attr.name=\"image_sha256\" attr.type=\"string\"/>\n"
      "  <key id=\"image_pdq\" for=\"edge\" attr.name=\"image_pdq\" attr.type=\"string\"/>\n"
      "  <key id=\"image_warc_file\" for=\"edge\" attr.name=\"image_warc_file\" attr.type=\"string\"/>\n"
      "  <key id=\"image_warc_offset\" for=\"edge\" attr.name=\"image_warc_offset\" attr.type=\"long\"/>\n"
      "  <key id=\"image_warc_length\" for=\"edge\" attr.name=\"image_warc_length\" attr.type=\"long\"/>\n"
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
    if (node.type == NodeType::kImage) {
      xml += Data("image_urls", Joined(node.image_urls));
      xml += Data("image_sha256s", Joined(node.image_sha256s));
      xml += Data("image_pdqs", Joined(node.image_pdqs));
    }
    xml += "    </node>\n";
  }
  size_t n = 0;
  for (const GraphEdge& edge : graph.edges()) {
    xml += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" + EscapeMarkup(graph.nodes()[edge.from].id) +
           "\" target=\"" + EscapeMarkup(graph.nodes()[edge.to].id) + "\">\n" + Data("link", edge.type);
    if (edge.image >= 0) {
      const ReportImage& image = graph.images()[static_cast<size_t>(edge.image)];
      xml += Data("image_url", image.url) + Data("image_sha256", image.sha256) +
             Data("image_pdq", image.pdq);
      if (!image.warc_file.empty()) {
        xml += Data("image_warc_file", image.warc_file) +
               Data("image_warc_offset", std::to_string(image.warc_offset)) +
               Data("image_warc_length", std::to_string(image.warc_length));
      }
    }
    xml += "    </edge>\n";
  }
  xml += "  </graph>\n</graphml>\n";
  return xml;
}

}  // namespace plainsight
