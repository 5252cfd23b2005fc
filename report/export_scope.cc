#include "report/export_scope.h"

#include <algorithm>

namespace plainsight {

Result<ExportScope> CollectExportScope(const Store& store, const std::string& lead_id) {
  ExportScope scope;
  if (lead_id.empty()) {
    Status s = store.ForEachAdvert([&](const AdvertRecord& a) {
      scope.adverts.push_back(a);
      return true;
    });
    if (!s.ok()) return s;
    s = store.ForEachLead([&](const LeadRecord& lead) {
      scope.leads.push_back(lead);
      return true;
    });
    if (!s.ok()) return s;
  } else {
    auto lead = store.GetLead(lead_id);
    if (!lead.ok()) return lead.status();
    if (!lead->has_value()) return Status::NotFound("no lead " + lead_id);
    scope.leads.push_back(**lead);
    for (const std::string& id : (*lead)->advert_ids) {
      auto advert = store.GetAdvert(id);
      if (!advert.ok()) return advert.status();
      if (advert->has_value()) scope.adverts.push_back(**advert);
    }
    std::sort(scope.adverts.begin(), scope.adverts.end(),
              [](const AdvertRecord& a, const AdvertRecord& b) { return a.id < b.id; });
  }
  std::vector<std::string> ids;
  ids.reserve(scope.adverts.size());
  for (const AdvertRecord& a : scope.adverts) ids.push_back(a.id);
  auto images = KeptImagesOf(store, ids);
  if (!images.ok()) return images.status();
  scope.images = std::move(*images);
  Status s = AddPhotoEntities(store, &scope.images);
  if (!s.ok()) return s;
  return scope;
}

EntityGraph BuildEntityGraph(const ExportScope& scope) {
  EntityGraph graph;
  for (const AdvertRecord& advert : scope.adverts) graph.AddAdvert(advert);
  for (const ReportImage& image : scope.images) graph.AddImage(image);
  for (const LeadRecord& lead : scope.leads) graph.AddLead(lead);
  return graph;
}

}  // namespace plainsight
