#include "report/report_formats.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "places/place_formats.h"
#include "report/csv_writer.h"

namespace plainsight {
namespace {

nlohmann::ordered_json ReportImageJson(const ReportImage& image) {
  nlohmann::ordered_json out = {{"advert_id", image.advert_id},
                                {"url", image.url},
                                {"sha256", image.sha256},
                                {"pdq", image.pdq}};
  if (!image.warc_file.empty()) {
    out["warc"] = {{"file", image.warc_file},
                   {"offset", image.warc_offset},
                   {"length", image.warc_length}};
  }
  return out;
}

}  // namespace

std::string RenderJsonReport(const ReportData& data,
                             const std::function<std::string(const LeadRecord&)>& lead_json) {
  // Keys in the order a reader expects (window, counts, leads, charts).
  using json = nlohmann::ordered_json;
  json leads = json::array();
  for (const ReportLead& r : data.changed_leads) {
    // Invalid UTF-8 in advert text must not abort the report; dump() below
    // replaces it.
    json lead = json::parse(lead_json(r.lead), nullptr, /*allow_exceptions=*/false);
    // Photos as links to their evidence, never the pictures themselves.
    if (!r.images.empty() && lead.is_object()) {
      json images = json::array();
      for (const ReportImage& image : r.images) images.push_back(ReportImageJson(image));
      lead["image_links"] = std::move(images);
    }
    leads.push_back(std::move(lead));
  }
  json site_days = json::array();
  for (const SiteDayCount& c : data.site_days) {
    site_days.push_back(
        {{"site", c.site}, {"day", FormatIso8601(c.day).substr(0, 10)}, {"adverts", c.adverts}});
  }
  json categories = json::array();
  for (const CategoryCount& c : data.categories) {
    categories.push_back({{"category", c.category}, {"adverts", c.adverts}});
  }
  json places = json::array();
  for (const PlaceRecord& place : data.changed_places) {
    json one = json::parse(PlaceJson(place, false).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    one["change"] = PlaceChangeInWindow(place, data.window);
    places.push_back(std::move(one));
  }
  json top_places = json::array();
  for (const PlaceRecord& place : data.top_places) {
    top_places.push_back(json::parse(PlaceJson(place, false).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  }
  json by_status = json::object();
  for (const auto& [status, count] : data.leads.by_status) by_status[status] = count;
  json out = {
      {"window",
       {{"since", FormatIso8601(data.window.since)}, {"until", FormatIso8601(data.window.until)}}},
      {"counts",
       {{"adverts",
         {{"total", data.adverts.total},
          {"seen", data.adverts.seen},
          {"new", data.adverts.added},
          {"removed", data.adverts.removed}}},
        {"leads",
         {{"total", data.leads.total},
          {"new", data.leads.added},
          {"updated", data.leads.updated},
          {"by_status", by_status}}}}},
      {"leads", leads},
      {"places", places},
      {"top_places", top_places},
      {"adverts_per_site_per_day", site_days},
      {"indicators_by_category", categories}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string RenderCsvReport(const ReportData& data) {
  std::string csv =
      CsvRow({"id", "score", "status", "adverts", "phones", "emails", "postcodes", "top_reason",
              "handles"});
  for (const ReportLead& r : data.changed_leads) {
    char score[32];
    std::snprintf(score, sizeof(score), "%.2f", r.lead.score);
    csv += CsvRow({r.lead.id, score, r.lead.status, std::to_string(r.lead.advert_ids.size()),
                   CsvList(r.lead.phones), CsvList(r.lead.emails), CsvList(r.lead.postcodes),
                   TopReason(r.lead), CsvList(r.lead.handles)});
  }
  return csv;
}

}  // namespace plainsight
