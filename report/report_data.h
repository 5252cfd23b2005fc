// ReportData: what the daily report says, gathered from a store for a time
// window, before any rendering (HTML, JSON and CSV all draw on the same
// numbers, so the formats never disagree).
//
// Definitions, all over the window [since, until]:
//   adverts seen     last_seen within the window
//   adverts new      first_seen within the window
//   adverts removed  removed, with removed_at within the window
//   leads new        created_at within the window
//   leads updated    not new, updated_at within the window
// The per-site-per-day chart covers the 14 UTC days ending with the day of
// `until`; an advert counts on every day from its first_seen to its
// last_seen. Indicator categories count adverts seen in the window that have
// at least one hit of the category.
//
// Thread safety: GatherReport only reads the store; the result is a plain
// value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "places/place.h"
#include "report/report_image.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

struct ReportWindow {
  std::int64_t since = 0;  // unix seconds
  std::int64_t until = 0;
};

struct AdvertCounts {
  std::uint64_t total = 0;  // stored, whatever their dates
  std::uint64_t seen = 0;
  std::uint64_t added = 0;  // first seen in the window
  std::uint64_t removed = 0;
};

struct LeadCounts {
  std::uint64_t total = 0;
  std::uint64_t added = 0;  // created in the window
  std::uint64_t updated = 0;
  std::map<std::string, std::uint64_t> by_status;  // every lead, by its status
};

// A lead's adverts' kept photos, advert by advert in page order.
Result<std::vector<ReportImage>> LeadImages(const Store& store, const LeadRecord& lead);

// A lead with its adverts expanded (adverts missing from the store are left
// out).
struct ReportLead {
  LeadRecord lead;
  std::vector<AdvertRecord> adverts;
  bool added_in_window = false;  // else updated in the window (or neither, for top_leads)
  std::vector<ReportImage> images;  // LeadImages
};

struct SiteDayCount {
  std::string site;
  std::int64_t day = 0;  // 00:00 UTC of the day, unix seconds
  std::uint64_t adverts = 0;
};

struct CategoryCount {
  std::string category;
  std::uint64_t adverts = 0;
};

struct ReportData {
  ReportWindow window;
  AdvertCounts adverts;
  LeadCounts leads;
  std::vector<ReportLead> changed_leads;  // new or updated in the window, highest score first
  std::vector<ReportLead> top_leads;      // highest scores, dismissed leads left out
  std::vector<std::int64_t> days;         // the 14 chart days, oldest first
  std::vector<std::string> sites;         // sorted
  std::vector<SiteDayCount> site_days;    // every (site, day) pair, sites then days in order
  std::vector<CategoryCount> categories;  // most adverts first, then by name
  // Places of concern (AddPlacesToReport): at or above places.min_score.
  std::vector<PlaceRecord> changed_places;  // with an advert first seen in the window, highest first
  std::vector<PlaceRecord> top_places;      // highest scores
  // Whether the HTML shows the photos inline (report/thumbnails.h).
  bool thumbnails = false;
};

inline constexpr int kReportChartDays = 14;

// `top_lead_count` bounds top_leads (the link picture draws them).
Result<ReportData> GatherReport(const Store& store, const ReportWindow& window,
                                std::size_t top_lead_count = 10);

// Fills data->changed_places and top_places from `places` (ranked, as
// BuildPlaces gives them): those at or above `min_score`; at most
// `top_place_count` top places.
void AddPlacesToReport(const std::vector<PlaceRecord>& places, double min_score, ReportData* data,
                       std::size_t top_place_count = 10);

// A place in the window: "new" when it was first seen in it, else "updated".
std::string PlaceChangeInWindow(const PlaceRecord& place, const ReportWindow& window);

// The one-line reason that earns a lead most points ("" when it has none).
std::string TopReason(const LeadRecord& lead);

}  // namespace plainsight
