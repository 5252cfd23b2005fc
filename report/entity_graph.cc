#include "report/entity_graph.h"

namespace plainsight {

const char* NodeTypeName(NodeType type) {
  switch (type) {
    case NodeType::kLead: return "lead";
    case NodeType::kAdvert: return "advert";
    case NodeType::kPhone: return "phone";
    case NodeType::kEmail: return "email";
    case NodeType::kPostcode: return "postcode";
    case NodeType::kAddress: return "address";
    case NodeType::kImage: return "image";
  }
  return "unknown";
}

std::size_t EntityGraph::Intern(GraphNode node) {
  auto it = index_.find(node.id);
  if (it != index_.end()) return it->second;
  const std::size_t position = nodes_.size();
  index_.emplace(node.id, position);
  nodes_.push_back(std::move(node));
  return position;
}

bool EntityGraph::AddEdge(std::size_t from, std::size_t to, const std::string& type) {
  if (!edge_seen_.emplace(std::make_pair(from, to), true).second) return false;
  edges_.push_back({from, to, type, -1});
  return true;
}

void EntityGraph::AddAdvert(const AdvertRecord& advert) {
  GraphNode node;
  node.id = advert.id;
  node.type = NodeType::kAdvert;
  node.label = advert.title.empty() ? advert.id : advert.title;
  node.site = advert.site;
  node.url = advert.url;
  node.first_seen = advert.first_seen;
  node.last_seen = advert.last_seen;
  const std::size_t advert_index = Intern(std::move(node));
  auto link = [&](NodeType type, const std::vector<std::string>& values) {
    for (const std::string& value : values) {
      GraphNode contact;
      contact.id = std::string(NodeTypeName(type)) + ":" + value;
      contact.type = type;
      contact.label = value;
      AddEdge(advert_index, Intern(std::move(contact)), std::string("has_") + NodeTypeName(type));
    }
  };
  link(NodeType::kPhone, advert.phones);
  link(NodeType::kEmail, advert.emails);
  link(NodeType::kPostcode, advert.postcodes);
  link(NodeType::kAddress, advert.addresses);
}

void EntityGraph::AddImage(const ReportImage& image) {
  if (image.entity.empty()) return;
  auto advert = index_.find(image.advert_id);
  if (advert == index_.end()) return;
  GraphNode node;
  node.id = std::string(NodeTypeName(NodeType::kImage)) + ":" + image.entity;
  node.type = NodeType::kImage;
  node.label = image.entity;
  const std::size_t photo = Intern(std::move(node));
  GraphNode& at = nodes_[photo];
  bool listed = false;
  for (size_t i = 0; i < at.image_urls.size() && !listed; ++i) {
    listed = at.image_urls[i] == image.url && at.image_sha256s[i] == image.sha256;
  }
  if (!listed) {
    at.image_urls.push_back(image.url);
    at.image_sha256s.push_back(image.sha256);
    at.image_pdqs.push_back(image.pdq);
  }
  if (AddEdge(advert->second, photo, "has_image")) {
    edges_.back().image = static_cast<std::ptrdiff_t>(images_.size());
    images_.push_back(image);
  }
}

void EntityGraph::AddLead(const LeadRecord& lead) {
  GraphNode node;
  node.id = lead.id;
  node.type = NodeType::kLead;
  node.label = lead.id;
  node.score = lead.score;
  node.status = lead.status;
  const std::size_t lead_index = Intern(std::move(node));
  for (const std::string& advert_id : lead.advert_ids) {
    auto it = index_.find(advert_id);
    if (it != index_.end()) AddEdge(lead_index, it->second, "includes");
  }
}

}  // namespace plainsight
