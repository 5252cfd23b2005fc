#include "report/link_picture.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "report/entity_graph.h"
#include "report/markup_escape.h"
#include "report/svg_charts.h"

namespace plainsight {
namespace {

constexpr double kPanelWidth = 470, kPanelHeight = 360, kLegendHeight = 34;
constexpr double kOuterRadius = 125;
constexpr int kColumns = 2;

const char* NodeColour(NodeType type) {
  switch (type) {
    case NodeType::kAdvert: return "#4e79a7";
    case NodeType::kPhone: return "#f28e2b";
    case NodeType::kEmail: return "#59a14f";
    case NodeType::kPostcode: return "#b07aa1";
    case NodeType::kAddress: return "#9c755f";
    case NodeType::kLead: return "#555555";
    case NodeType::kImage: return "#e15759";
  }
  return "#999999";
}

// The node's shape centred on (x, y): adverts are circles, phones squares,
// emails diamonds, postcodes triangles, addresses wide rounded boxes.
std::string Shape(NodeType type, double x, double y) {
  const std::string fill = std::string(" fill=\"") + NodeColour(type) + "\" stroke=\"#fff\"";
  auto n = [](double v) { return SvgNumber(v); };
  switch (type) {
    case NodeType::kAdvert:
      return "<circle cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"6\"" + fill + "/>";
    case NodeType::kPhone:
      return "<rect x=\"" + n(x - 6) + "\" y=\"" + n(y - 6) + "\" width=\"12\" height=\"12\"" + fill + "/>";
    case NodeType::kEmail:
      return "<polygon points=\"" + n(x) + "," + n(y - 8) + " " + n(x + 8) + "," + n(y) + " " + n(x) +
             "," + n(y + 8) + " " + n(x - 8) + "," + n(y) + "\"" + fill + "/>";
    case NodeType::kPostcode:
      return "<polygon points=\"" + n(x) + "," + n(y - 8) + " " + n(x + 8) + "," + n(y + 6) + " " +
             n(x - 8) + "," + n(y + 6) + "\"" + fill + "/>";
    case NodeType::kAddress:
    case NodeType::kLead:
    case NodeType::kImage:  // not drawn: the panels show contacts only
      return "<rect x=\"" + n(x - 9) + "\" y=\"" + n(y - 6) + "\" width=\"18\" height=\"12\" rx=\"3\"" +
             fill + "/>";
  }
  return "";
}

std::string Shorten(const std::string& text, size_t max_chars) {
  if (text.size() <= max_chars) return text;
  size_t cut = max_chars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "\u2026";
}

struct Point {
  double x = 0, y = 0;
};

// The contacts' ring grows with their number so labels have room; one
// contact sits in the middle.
double InnerRadius(size_t contacts) {
  return contacts <= 1 ? 0 : std::min(92.0, 30.0 + 9.0 * static_cast<double>(contacts));
}

Point OnRing(double cx, double cy, double radius, size_t i, size_t n, double turn) {
  const double angle =
      2 * std::numbers::pi * (static_cast<double>(i) + turn) / static_cast<double>(n) - std::numbers::pi / 2;
  return {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
}

std::string Panel(const ReportLead& lead, double left, double top) {
  EntityGraph graph;
  for (const AdvertRecord& advert : lead.adverts) graph.AddAdvert(advert);
  const auto& nodes = graph.nodes();

  // Contacts: by type, then most-shared first, then value.
  std::map<size_t, size_t> degree;
  for (const GraphEdge& e : graph.edges()) ++degree[e.to];
  std::vector<size_t> contacts, adverts;
  for (size_t i = 0; i < nodes.size(); ++i) {
    (nodes[i].type == NodeType::kAdvert ? adverts : contacts).push_back(i);
  }
  std::sort(contacts.begin(), contacts.end(), [&](size_t a, size_t b) {
    if (nodes[a].type != nodes[b].type) return nodes[a].type < nodes[b].type;
    if (degree[a] != degree[b]) return degree[a] > degree[b];
    return nodes[a].id < nodes[b].id;
  });
  const size_t contacts_left_out = contacts.size() > kMaxContactsDrawn ? contacts.size() - kMaxContactsDrawn : 0;
  contacts.resize(contacts.size() - contacts_left_out);
  std::map<size_t, size_t> contact_slot;
  for (size_t i = 0; i < contacts.size(); ++i) contact_slot[contacts[i]] = i;

  std::map<size_t, size_t> first_contact;  // advert -> slot of its first drawn contact
  for (const GraphEdge& e : graph.edges()) {
    auto slot = contact_slot.find(e.to);
    if (slot == contact_slot.end()) continue;
    auto [it, inserted] = first_contact.emplace(e.from, slot->second);
    if (!inserted) it->second = std::min(it->second, slot->second);
  }
  std::sort(adverts.begin(), adverts.end(), [&](size_t a, size_t b) {
    const size_t fa = first_contact.count(a) ? first_contact[a] : contacts.size();
    const size_t fb = first_contact.count(b) ? first_contact[b] : contacts.size();
    if (fa != fb) return fa < fb;
    return nodes[a].id < nodes[b].id;
  });
  const size_t adverts_left_out = adverts.size() > kMaxAdvertsDrawn ? adverts.size() - kMaxAdvertsDrawn : 0;
  adverts.resize(adverts.size() - adverts_left_out);

  const double cx = left + kPanelWidth / 2, cy = top + 30 + (kPanelHeight - 30) / 2;
  std::map<size_t, Point> at;
  for (size_t i = 0; i < contacts.size(); ++i) {
    at[contacts[i]] = OnRing(cx, cy, InnerRadius(contacts.size()), i, contacts.size(), 0);
  }
  for (size_t i = 0; i < adverts.size(); ++i) {
    at[adverts[i]] = OnRing(cx, cy, kOuterRadius, i, adverts.size(), 0.5);
  }

  std::string svg = "<g class=\"lead-panel\">";
  svg += "<rect x=\"" + SvgNumber(left + 4) + "\" y=\"" + SvgNumber(top + 4) + "\" width=\"" +
         SvgNumber(kPanelWidth - 8) + "\" height=\"" + SvgNumber(kPanelHeight - 8) +
         "\" rx=\"6\" fill=\"#fafafa\" stroke=\"#ddd\"/>";
  char score[32];
  std::snprintf(score, sizeof(score), "%.1f", lead.lead.score);
  std::string heading = EscapeMarkup(lead.lead.id) + "  score " + score + "  " +
                        std::to_string(lead.adverts.size()) + " adverts";
  if (adverts_left_out > 0 || contacts_left_out > 0) {
    heading += " (" + std::to_string(adverts_left_out) + " adverts, " +
               std::to_string(contacts_left_out) + " contacts not drawn)";
  }
  svg += "<text x=\"" + SvgNumber(left + 14) + "\" y=\"" + SvgNumber(top + 22) +
         "\" font-size=\"12\" font-weight=\"600\" fill=\"#333\">" + heading + "</text>";

  for (const GraphEdge& e : graph.edges()) {
    auto from = at.find(e.from), to = at.find(e.to);
    if (from == at.end() || to == at.end()) continue;
    svg += "<line x1=\"" + SvgNumber(from->second.x) + "\" y1=\"" + SvgNumber(from->second.y) +
           "\" x2=\"" + SvgNumber(to->second.x) + "\" y2=\"" + SvgNumber(to->second.y) +
           "\" stroke=\"#bbb\" stroke-width=\"1\"/>";
  }
  const bool label_adverts = adverts.size() <= 14;
  for (size_t i : adverts) {
    const Point p = at[i];
    const GraphNode& node = nodes[i];
    const std::string href = SafeLinkHref(node.url);
    std::string shape = Shape(node.type, p.x, p.y) + "<title>" + EscapeMarkup(node.label) + " (" +
                        EscapeMarkup(node.site) + ")</title>";
    if (href.empty()) {
      svg += "<g>";
      svg += shape;
      svg += "</g>";
    } else {
      svg += "<a href=\"";
      svg += href;
      svg += "\">";
      svg += shape;
      svg += "</a>";
    }
    if (label_adverts) {
      // Outside the ring, so labels do not sit on the edges.
      const double dx = p.x - cx, dy = p.y - cy;
      const double norm = std::max(std::sqrt(dx * dx + dy * dy), 1.0);
      const double lx = p.x + dx / norm * 14, ly = p.y + dy / norm * 14 + 4;
      const char* anchor = std::fabs(dx) < 20 ? "middle" : (dx > 0 ? "start" : "end");
      svg += "<text x=\"" + SvgNumber(lx) + "\" y=\"" + SvgNumber(ly) + "\" text-anchor=\"" + anchor +
             "\" font-size=\"9\" fill=\"#666\">" + EscapeMarkup(Shorten(node.site, 16)) + "</text>";
    }
  }
  for (size_t i : contacts) {
    const Point p = at[i];
    const GraphNode& node = nodes[i];
    svg += "<g>" + Shape(node.type, p.x, p.y) + "<title>" + NodeTypeName(node.type) + " " +
           EscapeMarkup(node.label) + "</title></g>";
    svg += "<text x=\"" + SvgNumber(p.x) + "\" y=\"" + SvgNumber(p.y + 19) +
           "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#222\" stroke=\"#fafafa\" "
           "stroke-width=\"3\" paint-order=\"stroke\">" +
           EscapeMarkup(Shorten(node.label, 24)) + "</text>";
  }
  svg += "</g>";
  return svg;
}

std::string Legend(double width) {
  static const NodeType kTypes[] = {NodeType::kAdvert, NodeType::kPhone, NodeType::kEmail,
                                    NodeType::kPostcode, NodeType::kAddress};
  std::string svg = "<g class=\"legend\">";
  double x = 14;
  for (NodeType type : kTypes) {
    svg += Shape(type, x + 8, 17);
    svg += "<text x=\"" + SvgNumber(x + 22) + "\" y=\"21\" font-size=\"12\" fill=\"#333\">" +
           NodeTypeName(type) + "</text>";
    x += 100;
  }
  svg += "<text x=\"" + SvgNumber(width - 14) +
         "\" y=\"21\" text-anchor=\"end\" font-size=\"11\" fill=\"#666\">lines: advert has contact</text>";
  svg += "</g>";
  return svg;
}

}  // namespace

std::string LinkPictureSvg(const std::vector<ReportLead>& leads) {
  const size_t rows = (leads.size() + kColumns - 1) / kColumns;
  const double width = kPanelWidth * kColumns;
  const double height = kLegendHeight + kPanelHeight * static_cast<double>(std::max<size_t>(rows, 1));
  std::string svg = "<svg class=\"graph\" role=\"img\" viewBox=\"0 0 " + SvgNumber(width) + " " +
                    SvgNumber(height) + "\" width=\"" + SvgNumber(width) + "\" height=\"" +
                    SvgNumber(height) + "\"><title>Adverts and shared contacts of the top leads</title>";
  svg += Legend(width);
  if (leads.empty()) {
    svg += "<text x=\"14\" y=\"" + SvgNumber(kLegendHeight + 30) +
           "\" font-size=\"12\" fill=\"#666\">No leads to draw.</text>";
  }
  for (size_t i = 0; i < leads.size(); ++i) {
    const size_t row = i / kColumns, column = i % kColumns;
    const double left = kPanelWidth * static_cast<double>(column);
    const double top = kLegendHeight + kPanelHeight * static_cast<double>(row);
    svg += Panel(leads[i], left, top);
  }
  svg += "</svg>";
  return svg;
}

}  // namespace plainsight
