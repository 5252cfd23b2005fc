// EntityGraph: adverts, the contacts they carry (phones, emails, postcodes,
// street addresses), the photos they show and the leads that group them, as
// typed nodes and edges. The exports (i2 CSV, GraphML) and the report's link picture are
// drawn from it, so they always agree on what is linked to what.
//
// Node ids are stable and readable: a lead's or advert's own id
// ("L-…", "A-…"), else "<type>:<value>" ("phone:+447700900123").
// Edges: advert -> contact ("has_phone", "has_email", "has_postcode",
// "has_address"), advert -> photo ("has_image") and lead -> advert
// ("includes").
//
// A photo node is the photo entity correlation links adverts by
// ("image:pdq:<hex>", labelled "pdq:<hex>": leads/image_links.h), so a
// resized or re-encoded repost joins the same node; it lists every picture
// of it the graph's adverts showed (URL, SHA-256, own PDQ). Pictures too
// flat to match have no entity and no node, as they link nothing in
// correlation. Each has_image edge carries the picture that advert showed.
//
// Not thread-safe while being built; a built graph is a plain value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "report/report_image.h"
#include "store/advert.h"

namespace plainsight {

enum class NodeType { kLead, kAdvert, kPhone, kEmail, kPostcode, kAddress, kImage };
const char* NodeTypeName(NodeType type);  // "lead", "advert", "phone", …

struct GraphNode {
  std::string id;
  NodeType type = NodeType::kAdvert;
  std::string label;  // lead: id, advert: title, contact: its value
  // Filled for leads:
  double score = 0;
  std::string status;
  // Filled for adverts:
  std::string site;
  std::string url;
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  // Filled for photos, one entry per distinct (image URL, picture) pair, in
  // the order the graph met them: where it was fetched, the picture's
  // SHA-256 and its own PDQ ("pdq:<hex>").
  std::vector<std::string> image_urls;
  std::vector<std::string> image_sha256s;
  std::vector<std::string> image_pdqs;
};

struct GraphEdge {
  std::size_t from = 0;  // index into EntityGraph::nodes
  std::size_t to = 0;
  std::string type;      // "has_phone", …, "has_image", "includes"
  // For has_image: the picture the advert showed, index into
  // EntityGraph::images(); -1 otherwise.
  std::ptrdiff_t image = -1;
};

class EntityGraph {
 public:
  // Adds the advert and its contacts (once each, however often called).
  void AddAdvert(const AdvertRecord& advert);
  // Links the photo's advert, if already added, to its photo node; a photo
  // without an entity is left out.
  void AddImage(const ReportImage& image);
  // Adds the lead and links it to those of its adverts already added.
  void AddLead(const LeadRecord& lead);

  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<GraphEdge>& edges() const { return edges_; }
  const std::vector<ReportImage>& images() const { return images_; }

 private:
  // Index of the node with this id, adding `node` if it is new.
  std::size_t Intern(GraphNode node);
  // False when the edge was there already.
  bool AddEdge(std::size_t from, std::size_t to, const std::string& type);

  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::vector<ReportImage> images_;  // the pictures has_image edges carry
  std::map<std::string, std::size_t> index_;  // node id -> position in nodes_
  std::map<std::pair<std::size_t, std::size_t>, bool> edge_seen_;
};

}  // namespace plainsight
