#include "report/html_report.h"

#include <cstdio>

#include "core/clock.h"
#include "report/link_picture.h"
#include "report/markup_escape.h"
#include "report/svg_charts.h"

namespace plainsight {
namespace {

constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #222; background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; font-weight: 600; }
h2 { font-size: 1.15rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #ddd; font-weight: 600; }
.window { color: #555; margin: 0; }
.note { color: #666; font-size: 0.9rem; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 8px; }
.card { border: 1px solid #e2e2e2; border-radius: 6px; padding: 10px 14px; min-width: 120px; background: #fafafa; }
.card .n { font-size: 1.5rem; font-weight: 600; }
.card .k { color: #555; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e6e6e6; }
th { background: #f3f3f3; font-weight: 600; }
th.w-lead { width: 12%; } th.w-score { width: 6%; } th.w-why { width: 38%; }
th.w-contacts { width: 18%; } th.w-adverts { width: 26%; }
td { overflow-wrap: anywhere; }
td.num { text-align: right; white-space: nowrap; }
ul { margin: 0; padding-left: 18px; }
.pts { color: #555; font-variant-numeric: tabular-nums; }
.id { white-space: nowrap; }
.ent { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85rem; }
.status { display: inline-block; padding: 1px 6px; border-radius: 8px; background: #eef1f5; font-size: 0.8rem; }
.status.new { background: #e3eefb; } .status.updated { background: #fbf0dc; }
a { color: #2a5d9f; }
svg { max-width: 100%; height: auto; display: block; margin: 8px 0; }
ul.photos { list-style: none; padding-left: 0; }
img.thumb { display: block; margin: 6px 0 2px; border: 1px solid #ddd; background: #f3f3f3; }
footer { margin-top: 40px; color: #666; font-size: 0.85rem; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
               tr, svg { break-inside: avoid; } a { color: #222; text-decoration: none; } }
)css";

std::string Points(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%+.1f", points);
  return buffer;
}

std::string Score(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", score);
  return buffer;
}

std::string Card(std::uint64_t n, const std::string& label) {
  return "<div class=\"card\"><div class=\"n\">" + std::to_string(n) + "</div><div class=\"k\">" +
         EscapeMarkup(label) + "</div></div>";
}

std::string Summary(const ReportData& data) {
  std::string html = "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  html += Card(data.adverts.seen, "adverts seen");
  html += Card(data.adverts.added, "new adverts");
  html += Card(data.adverts.removed, "adverts removed");
  html += Card(data.adverts.total, "adverts stored");
  html += "</div><div class=\"cards\">";
  html += Card(data.leads.total, "leads in total");
  html += Card(data.leads.added, "new leads");
  html += Card(data.leads.updated, "updated leads");
  html += "</div>";
  if (!data.leads.by_status.empty()) {
    html += "<p class=\"note\">Leads by status:";
    bool first = true;
    for (const auto& [status, count] : data.leads.by_status) {
      html += std::string(first ? " " : ", ") + EscapeMarkup(status) + " " + std::to_string(count);
      first = false;
    }
    html += "</p>";
  }
  return html + "</section>";
}

std::string EntityList(const char* kind, const std::vector<std::string>& values) {
  if (values.empty()) return "";
  std::string html = "<div><span class=\"note\">" + std::string(kind) + ":</span> <span class=\"ent\">";
  for (size_t i = 0; i < values.size(); ++i) html += (i ? ", " : "") + EscapeMarkup(values[i]);
  return html + "</span></div>";
}

std::string AdvertLink(const AdvertRecord& advert) {
  const std::string title = EscapeMarkup(advert.title.empty() ? advert.id : advert.title);
  const std::string href = SafeLinkHref(advert.url);
  std::string html = "<li>";
  html += href.empty() ? title + " <span class=\"ent\">" + EscapeMarkup(advert.url) + "</span>"
                       : "<a href=\"" + href + "\" rel=\"noreferrer noopener\">" + title + "</a>";
  html += " <span class=\"note\">" + EscapeMarkup(advert.site) + ", seen " +
          FormatIso8601(advert.last_seen).substr(0, 10) + (advert.removed ? ", removed" : "") +
          "</span></li>";
  return html;
}

// The photos of a lead's adverts as links and hashes. Never inline unless
// the report was asked for thumbnails (report/thumbnails.h): by default an
// analyst opens a photo on purpose (the evidence copy is in the WARC file).
std::string ImageLinks(const std::vector<ReportImage>& images, bool thumbnails) {
  if (images.empty()) return "";
  std::string html = thumbnails ? "<p class=\"note\">Photos:</p><ul class=\"photos\">"
                                : "<p class=\"note\">Photos (not shown):</p><ul>";
  for (const ReportImage& image : images) {
    const std::string href = SafeLinkHref(image.url);
    html += "<li>";
    if (thumbnails && !image.thumbnail.empty()) {
      // A data: URI built from a sniffed picture and base64: no character
      // that needs escaping in an attribute.
      html += "<img class=\"thumb\" src=\"" + image.thumbnail + "\" width=\"" +
              std::to_string(image.thumbnail_width) + "\"";
      if (image.thumbnail_height > 0) {
        html += " height=\"" + std::to_string(image.thumbnail_height) + "\"";
      }
      html += " alt=\"photo " + EscapeMarkup(image.sha256.substr(0, 12)) + "\">";
    }
    html += href.empty() ? "<span class=\"ent\">" + EscapeMarkup(image.url) + "</span>"
                         : "<a href=\"" + href + "\" rel=\"noreferrer noopener\">photo</a>";
    html += " <span class=\"ent\">sha256 " + EscapeMarkup(image.sha256) + "</span>";
    if (!image.pdq.empty()) html += " <span class=\"ent\">" + EscapeMarkup(image.pdq) + "</span>";
    if (!image.warc_file.empty()) {
      html += " <span class=\"note\">warc/" + EscapeMarkup(image.warc_file) + " @ " +
              std::to_string(image.warc_offset) + "</span>";
    }
    if (thumbnails && !image.thumbnail_error.empty()) {
      html += " <span class=\"note\">(no thumbnail: " + EscapeMarkup(image.thumbnail_error) +
              ")</span>";
    }
    html += "</li>";
  }
  return html + "</ul>";
}

std::string LeadsTable(const ReportData& data) {
  std::string html = "<section id=\"leads\"><h2>New and updated leads</h2>";
  if (data.changed_leads.empty()) {
    return html + "<p class=\"note\">No lead was created or updated in this window.</p></section>";
  }
  html += "<table><thead><tr><th class=\"w-lead\">Lead</th><th class=\"w-score\">Score</th>"
          "<th class=\"w-why\">Why it scored</th><th class=\"w-contacts\">Contacts</th>"
          "<th class=\"w-adverts\">Adverts</th></tr></thead><tbody>";
  for (const ReportLead& r : data.changed_leads) {
    const LeadRecord& lead = r.lead;
    html += "<tr id=\"" + EscapeMarkup(lead.id) + "\"><td><span class=\"ent id\">" + EscapeMarkup(lead.id) +
            "</span><br><span class=\"status " + EscapeMarkup(lead.status) + "\">" +
            EscapeMarkup(lead.status) + "</span>";
    // Say how the lead changed in the window unless its status says it.
    const std::string change = r.added_in_window ? "new" : "updated";
    if (change != lead.status) html += " <span class=\"note\">" + change + "</span>";
    html += "</td>";
    html += "<td class=\"num\">" + Score(lead.score) + "</td><td><ul>";
    for (size_t i = 0; i < lead.reasons.size(); ++i) {
      const double points = i < lead.reason_points.size() ? lead.reason_points[i] : 0;
      html += "<li><span class=\"pts\">" + Points(points) + "</span> " + EscapeMarkup(lead.reasons[i]) +
              "</li>";
    }
    html += "</ul></td><td>" + EntityList("phones", lead.phones) + EntityList("emails", lead.emails) +
            EntityList("handles", lead.handles) + EntityList("images", lead.images) +
            EntityList("postcodes", lead.postcodes) + EntityList("addresses", lead.addresses) +
            "</td><td><ul>";
    for (const AdvertRecord& advert : r.adverts) html += AdvertLink(advert);
    html += "</ul>" + ImageLinks(r.images, data.thumbnails) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

// Places of concern with an advert first seen in the window (new or
// updated), then the top places; where a safeguarding visit would go.
std::string PlacesTable(const ReportData& data) {
  std::string html = "<section id=\"places\"><h2>Places of concern</h2>";
  if (data.top_places.empty()) {
    return html + "<p class=\"note\">No place reaches the places threshold.</p></section>";
  }
  auto rows = [&](const std::vector<PlaceRecord>& places, bool with_change) {
    std::string table =
        "<table><thead><tr><th class=\"w-lead\">Place</th><th class=\"w-score\">Score</th>"
        "<th class=\"w-why\">Why it scored</th><th class=\"w-contacts\">Where</th>"
        "<th class=\"w-adverts\">Adverts</th></tr></thead><tbody>";
    for (const PlaceRecord& place : places) {
      table += "<tr><td><span class=\"ent id\">" + EscapeMarkup(place.id) + "</span><br><span class=\"status " +
               EscapeMarkup(place.status) + "\">" + EscapeMarkup(place.status) + "</span>";
      if (with_change) {
        const std::string change = PlaceChangeInWindow(place, data.window);
        if (change != place.status) table += " <span class=\"note\">" + change + "</span>";
      }
      table += "</td><td class=\"num\">" + Score(place.score) + "</td><td><ul>";
      for (size_t i = 0; i < place.reasons.size(); ++i) {
        table += "<li><span class=\"pts\">" + Points(place.reason_points[i]) + "</span> " +
                 EscapeMarkup(place.reasons[i]) + "</li>";
      }
      const std::string where = PlaceWhere(place);
      table += "</ul></td><td>" + EscapeMarkup(where) + "<br><span class=\"note\">" + EscapeMarkup(place.role) +
               "</span></td><td class=\"num\">" + std::to_string(place.advert_ids.size()) + "</td></tr>";
    }
    return table + "</tbody></table>";
  };
  html += "<h3>New and updated in this window</h3>";
  html += data.changed_places.empty() ? "<p class=\"note\">None.</p>" : rows(data.changed_places, true);
  html += "<h3>Highest scores</h3>" + rows(data.top_places, false);
  return html + "</section>";
}

std::string SiteDayChart(const ReportData& data) {
  std::vector<std::string> labels;
  for (std::int64_t day : data.days) labels.push_back(FormatIso8601(day).substr(5, 5));  // "MM-DD"
  std::vector<BarSeries> series;
  for (const std::string& site : data.sites) {
    BarSeries s{site, std::vector<double>(data.days.size(), 0)};
    for (const SiteDayCount& c : data.site_days) {
      if (c.site != site) continue;
      for (size_t i = 0; i < data.days.size(); ++i) {
        if (data.days[i] == c.day) s.values[i] = static_cast<double>(c.adverts);
      }
    }
    series.push_back(std::move(s));
  }
  return "<section id=\"sites\"><h2>Adverts per site per day</h2><p class=\"note\">Adverts live on each "
         "day (from first seen to last seen), last " +
         std::to_string(kReportChartDays) + " days, UTC.</p>" +
         StackedBarChartSvg("Adverts per site per day", labels, series) + "</section>";
}

std::string CategoryChart(const ReportData& data) {
  std::string html = "<section id=\"indicators\"><h2>Indicators by category</h2><p class=\"note\">Adverts "
                     "seen in the window with at least one indicator of the category.</p>";
  if (data.categories.empty()) return html + "<p class=\"note\">No indicators matched.</p></section>";
  std::vector<BarItem> items;
  for (const CategoryCount& c : data.categories) items.push_back({c.category, static_cast<double>(c.adverts)});
  return html + HorizontalBarChartSvg("Indicators by category", items) + "</section>";
}

}  // namespace

std::string RenderHtmlReport(const ReportData& data, std::int64_t generated_at) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; img-src data:\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\">"
      "<link rel=\"icon\" href=\"data:,\">"
      "<title>plainsight daily report " +
      FormatIso8601(data.window.until).substr(0, 10) + "</title><style>" + kStyle +
      "</style></head><body><main>";
  html += "<header><h1>plainsight daily report</h1><p class=\"window\">From " +
          FormatIso8601(data.window.since) + " to " + FormatIso8601(data.window.until) +
          " &middot; generated " + FormatIso8601(generated_at) + "</p></header>";
  html += Summary(data);
  html += LeadsTable(data);
  html += PlacesTable(data);
  html += SiteDayChart(data);
  html += CategoryChart(data);
  html += "<section id=\"links\"><h2>Links between the top leads' adverts</h2><p class=\"note\">The " +
          std::to_string(data.top_leads.size()) +
          " highest-scoring leads not dismissed: each advert and the contacts it carries.</p>" +
          LinkPictureSvg(data.top_leads) + "</section>";
  html += "<footer>plainsight only flags adverts for review. Every lead needs a person to look at the "
          "adverts before anything is done.</footer></main></body></html>\n";
  return html;
}

}  // namespace plainsight
