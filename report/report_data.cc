#include "report/report_data.h"

#include <algorithm>
#include <set>

namespace plainsight {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

std::int64_t DayStart(std::int64_t unix_seconds) {
  std::int64_t day = unix_seconds / kDaySeconds;
  if (unix_seconds < 0 && unix_seconds % kDaySeconds != 0) --day;  // floor, not truncate
  return day * kDaySeconds;
}

bool Within(std::int64_t t, const ReportWindow& w) { return t >= w.since && t <= w.until; }

bool HigherScoreFirst(const ReportLead& a, const ReportLead& b) {
  if (a.lead.score != b.lead.score) return a.lead.score > b.lead.score;
  return a.lead.id < b.lead.id;
}

Result<ReportLead> ExpandLead(const Store& store, const LeadRecord& lead, bool added) {
  ReportLead out{lead, {}, added, {}};
  for (const std::string& id : lead.advert_ids) {
    auto advert = store.GetAdvert(id);
    if (!advert.ok()) return advert.status();
    if (advert->has_value()) out.adverts.push_back(**advert);
  }
  auto images = LeadImages(store, lead);
  if (!images.ok()) return images.status();
  out.images = std::move(*images);
  return out;
}

}  // namespace

Result<std::vector<ReportImage>> LeadImages(const Store& store, const LeadRecord& lead) {
  return KeptImagesOf(store, lead.advert_ids);
}

std::string TopReason(const LeadRecord& lead) {
  std::string best;
  double best_points = 0;
  for (size_t i = 0; i < lead.reasons.size(); ++i) {
    double points = i < lead.reason_points.size() ? lead.reason_points[i] : 0;
    if (best.empty() || points > best_points) {
      best = lead.reasons[i];
      best_points = points;
    }
  }
  return best;
}

Result<ReportData> GatherReport(const Store& store, const ReportWindow& window,
                                std::size_t top_lead_count) {
  ReportData data;
  data.window = window;
  const std::int64_t last_day = DayStart(window.until);
  for (int i = kReportChartDays - 1; i >= 0; --i) data.days.push_back(last_day - i * kDaySeconds);
  const std::int64_t first_day = data.days.front();

  std::map<std::string, std::vector<std::uint64_t>> per_site;  // site -> count per chart day
  std::map<std::string, std::uint64_t> per_category;
  Status s = store.ForEachAdvert([&](const AdvertRecord& a) {
    ++data.adverts.total;
    const bool seen = Within(a.last_seen, window);
    if (seen) ++data.adverts.seen;
    if (Within(a.first_seen, window)) ++data.adverts.added;
    if (a.removed && Within(a.removed_at, window)) ++data.adverts.removed;
    auto& days = per_site[a.site];
    days.resize(static_cast<size_t>(kReportChartDays));
    const std::int64_t from = std::max(DayStart(a.first_seen), first_day);
    const std::int64_t to = std::min(DayStart(std::max(a.last_seen, a.first_seen)), last_day);
    for (std::int64_t day = from; day <= to; day += kDaySeconds) {
      ++days[static_cast<size_t>((day - first_day) / kDaySeconds)];
    }
    if (seen) {
      std::set<std::string> categories;
      for (const IndicatorRecord& hit : a.indicators) categories.insert(hit.category);
      for (const std::string& c : categories) ++per_category[c];
    }
    return true;
  });
  if (!s.ok()) return s;

  for (const auto& [site, counts] : per_site) {
    data.sites.push_back(site);
    for (size_t i = 0; i < counts.size(); ++i) {
      data.site_days.push_back({site, data.days[i], counts[i]});
    }
  }
  for (const auto& [category, count] : per_category) data.categories.push_back({category, count});
  std::stable_sort(data.categories.begin(), data.categories.end(),
                   [](const CategoryCount& a, const CategoryCount& b) { return a.adverts > b.adverts; });

  std::vector<LeadRecord> leads;
  s = store.ForEachLead([&](const LeadRecord& lead) {
    leads.push_back(lead);
    return true;
  });
  if (!s.ok()) return s;

  std::vector<ReportLead> ranked;  // not dismissed, for the top leads
  for (const LeadRecord& lead : leads) {
    ++data.leads.total;
    ++data.leads.by_status[lead.status];
    const bool added = Within(lead.created_at, window);
    const bool updated = !added && Within(lead.updated_at, window);
    if (added) ++data.leads.added;
    if (updated) ++data.leads.updated;
    if (added || updated) {
      auto expanded = ExpandLead(store, lead, added);
      if (!expanded.ok()) return expanded.status();
      data.changed_leads.push_back(std::move(expanded).value());
    }
    if (lead.status != "dismissed") ranked.push_back({lead, {}, added, {}});
  }
  std::sort(data.changed_leads.begin(), data.changed_leads.end(), HigherScoreFirst);
  std::sort(ranked.begin(), ranked.end(), HigherScoreFirst);
  if (ranked.size() > top_lead_count) ranked.resize(top_lead_count);
  for (const ReportLead& r : ranked) {
    auto expanded = ExpandLead(store, r.lead, r.added_in_window);
    if (!expanded.ok()) return expanded.status();
    data.top_leads.push_back(std::move(expanded).value());
  }
  return data;
}

void AddPlacesToReport(const std::vector<PlaceRecord>& places, double min_score, ReportData* data,
                       std::size_t top_place_count) {
  for (const PlaceRecord& place : places) {
    if (place.score < min_score) continue;
    if (data->top_places.size() < top_place_count) data->top_places.push_back(place);
    for (const PlaceMention& mention : place.mentions) {
      if (mention.first_seen >= data->window.since && mention.first_seen <= data->window.until) {
        data->changed_places.push_back(place);
        break;
      }
    }
  }
}

std::string PlaceChangeInWindow(const PlaceRecord& place, const ReportWindow& window) {
  return place.first_seen >= window.since ? "new" : "updated";
}

}  // namespace plainsight
