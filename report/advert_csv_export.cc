#include "report/advert_csv_export.h"

#include "core/clock.h"
#include "report/csv_writer.h"

namespace plainsight {

std::string RenderAdvertCsv(const std::vector<AdvertRecord>& adverts) {
  std::string csv = CsvRow({"id", "url", "site", "kind", "title", "first_seen", "last_seen",
                            "removed", "phones", "emails", "postcodes", "indicators", "handles",
                            "company"});
  for (const AdvertRecord& a : adverts) {
    std::vector<std::string> indicators;
    for (const IndicatorRecord& hit : a.indicators) indicators.push_back(hit.id);
    csv += CsvRow({a.id, a.url, a.site, a.kind, a.title, FormatIso8601(a.first_seen),
                   FormatIso8601(a.last_seen), a.removed ? "true" : "false", CsvList(a.phones),
                   CsvList(a.emails), CsvList(a.postcodes), CsvList(indicators),
                   CsvList(a.handles), a.company});
  }
  return csv;
}

}  // namespace plainsight
