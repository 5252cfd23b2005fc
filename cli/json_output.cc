#include "cli/json_output.h"

#include "cli/cli_common.h"
#include "cli/image_view.h"
#include "core/clock.h"

namespace plainsight::cli {

using nlohmann::json;

json AdvertJson(const AdvertRecord& a, const std::vector<AdvertPhoto>& photos) {
  json indicators = json::array();
  for (const IndicatorRecord& hit : a.indicators) {
    indicators.push_back(
        {{"id", hit.id}, {"category", hit.category}, {"weight", hit.weight}, {"match", hit.match}});
  }
  json pay = json::array();
  for (const PayRecord& p : a.pay) {
    pay.push_back(PayJson(p));
  }
  json out = {{"id", a.id},
              {"url", a.url},
              {"site", a.site},
              {"kind", a.kind},
              {"title", a.title},
              {"first_seen", FormatIso8601(a.first_seen)},
              {"last_seen", FormatIso8601(a.last_seen)},
              {"sha256", a.sha256},
              {"phones", a.phones},
              {"emails", a.emails},
              {"handles", a.handles},
              {"postcodes", a.postcodes},
              {"addresses", a.addresses},
              {"towns", a.towns},
              {"location", a.location},
              {"posted", a.posted},
              {"company", a.company},
              {"pay", pay},
              {"indicators", indicators},
              {"images", AdvertPdqEntities(photos)},
              {"photos", AdvertPhotosJson(photos)},
              {"removed", a.removed}};
  if (a.removed) out["removed_at"] = FormatIso8601(a.removed_at);
  if (!a.warc_file.empty()) {
    out["warc"] = {{"file", a.warc_file}, {"offset", a.warc_offset}, {"length", a.warc_length}};
  }
  return out;
}

json AdvertJson(const AdvertRecord& advert, const Store& store) {
  Result<std::vector<AdvertPhoto>> photos = LoadAdvertPhotos(store, advert.id);
  if (!photos.ok()) throw CliError(kExitStore, photos.status().ToString());
  return AdvertJson(advert, *photos);
}

json LeadJson(const LeadRecord& lead, const Store& store) {
  json adverts = json::array();
  for (const std::string& id : lead.advert_ids) {
    auto advert = store.GetAdvert(id);
    if (advert.ok() && advert->has_value()) adverts.push_back(AdvertJson(**advert, store));
  }
  json terms = json::array();
  for (size_t i = 0; i < lead.reasons.size() && i < lead.reason_points.size(); ++i) {
    terms.push_back({{"reason", lead.reasons[i]}, {"points", lead.reason_points[i]}});
  }
  json links = json::array();
  for (const LeadLink& link : lead.links) {
    links.push_back({{"type", link.type}, {"value", link.value}, {"strength", link.strength},
                     {"adverts", link.adverts}, {"joined", link.joined}});
  }
  return {{"id", lead.id},
          {"score", lead.score},
          {"status", lead.status},
          {"reasons", lead.reasons},
          {"score_terms", terms},
          {"entities", {{"phones", lead.phones}, {"emails", lead.emails}, {"postcodes", lead.postcodes},
                        {"addresses", lead.addresses}, {"handles", lead.handles},
                        {"images", lead.images}}},
          {"links", links},
          {"created_at", FormatIso8601(lead.created_at)},
          {"updated_at", FormatIso8601(lead.updated_at)},
          {"merged_from", lead.merged_from},
          {"adverts", adverts}};
}

}  // namespace plainsight::cli
