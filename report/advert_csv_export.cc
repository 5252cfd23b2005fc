#include "report/advert_csv_export.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "report/csv_writer.h"

namespace plainsight {

std::string RenderAdvertCsv(const std::vector<AdvertRecord>& adverts,
                            const std::vector<ReportImage>& images) {
  std::map<std::string, std::vector<const ReportImage*>> images_of;
  for (const ReportImage& image : images) images_of[image.advert_id].push_back(&image);
  std::string csv = CsvRow({"id", "url", "site", "kind", "title", "first_seen", "last_seen",
                            "removed", "phones", "emails", "postcodes", "indicators", "handles",
                            "company", "images", "image_urls", "image_sha256", "image_pdq"});
  for (const AdvertRecord& a : adverts) {
    std::vector<std::string> indicators;
    for (const IndicatorRecord& hit : a.indicators) indicators.push_back(hit.id);
    std::vector<std::string> entities, urls, sha256s, pdqs;
    for (const ReportImage* image : images_of[a.id]) {
      if (!image->entity.empty() &&
          std::find(entities.begin(), entities.end(), image->entity) == entities.end()) {
        entities.push_back(image->entity);
      }
      urls.push_back(image->url);
      sha256s.push_back(image->sha256);
      pdqs.push_back(image->pdq);
    }
    csv += CsvRow({a.id, a.url, a.site, a.kind, a.title, FormatIso8601(a.first_seen),
                   FormatIso8601(a.last_seen), a.removed ? "true" : "false", CsvList(a.phones),
                   CsvList(a.emails), CsvList(a.postcodes), CsvList(indicators),
                   CsvList(a.handles), a.company, CsvList(entities), CsvList(urls),
                   CsvList(sha256s), CsvList(pdqs)});
  }
  return csv;
}

}  // namespace plainsight
