#include "store/record_codec.h"

#include <nlohmann/json.hpp>

namespace plainsight {
namespace {

using nlohmann::json;

json IndicatorsToJson(const std::vector<IndicatorRecord>& indicators) {
  json out = json::array();
  for (const IndicatorRecord& hit : indicators) {
    out.push_back({{"id", hit.id}, {"category", hit.category}, {"weight", hit.weight},
                   {"match", hit.match}});
  }
  return out;
}

json PayToJson(const std::vector<PayRecord>& pay) {
  json out = json::array();
  for (const PayRecord& p : pay) {
    json record = {{"amount", p.amount},
                   {"amount_max", p.amount_max ? json(*p.amount_max) : json(nullptr)},
                   {"currency", p.currency},
                   {"per", p.per},
                   {"hourly", p.hourly ? json(*p.hourly) : json(nullptr)},
                   {"match", p.match}};
    if (p.up_to) record["up_to"] = true;
    out.push_back(std::move(record));
  }
  return out;
}

PayRecord PayFromJson(const json& p) {
  PayRecord record;
  record.amount = p.value("amount", 0.0);
  record.per = p.value("per", "");
  if (p.contains("hourly") && p["hourly"].is_number()) record.hourly = p["hourly"].get<double>();
  record.match = p.value("match", "");
  // Records from before ranges and currencies were kept have no
  // amount_max, and only ever held pounds.
  if (p.contains("amount_max") && p["amount_max"].is_number()) {
    record.amount_max = p["amount_max"].get<double>();
  }
  record.currency = p.value("currency", "GBP");
  record.up_to = p.value("up_to", false);
  return record;
}

}  // namespace

std::string EncodeAdvert(const AdvertRecord& a) {
  json j = {{"id", a.id},
            {"url", a.url},
            {"site", a.site},
            {"kind", a.kind},
            {"title", a.title},
            {"text", a.text},
            {"location", a.location},
            {"posted", a.posted},
            {"first_seen", a.first_seen},
            {"last_seen", a.last_seen},
            {"sha256", a.sha256},
            {"phones", a.phones},
            {"emails", a.emails},
            {"handles", a.handles},
            {"company", a.company},
            {"postcodes", a.postcodes},
            {"addresses", a.addresses},
            {"towns", a.towns},
            {"indicators", IndicatorsToJson(a.indicators)},
            {"pay", PayToJson(a.pay)},
            {"removed", a.removed},
            {"removed_at", a.removed_at},
            {"warc_file", a.warc_file},
            {"warc_offset", a.warc_offset},
            {"warc_length", a.warc_length}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status DecodeAdvert(const std::string& bytes, AdvertRecord* a) {
  try {
    json j = json::parse(bytes);
    a->id = j.at("id").get<std::string>();
    a->url = j.at("url").get<std::string>();
    a->site = j.value("site", "");
    a->kind = j.value("kind", "");
    a->title = j.value("title", "");
    a->text = j.value("text", "");
    a->location = j.value("location", "");
    a->posted = j.value("posted", "");
    a->first_seen = j.value("first_seen", std::int64_t{0});
    a->last_seen = j.value("last_seen", std::int64_t{0});
    a->sha256 = j.value("sha256", "");
    a->phones = j.value("phones", std::vector<std::string>{});
    a->emails = j.value("emails", std::vector<std::string>{});
    a->handles = j.value("handles", std::vector<std::string>{});
    a->company = j.value("company", "");
    a->postcodes = j.value("postcodes", std::vector<std::string>{});
    a->addresses = j.value("addresses", std::vector<std::string>{});
    a->towns = j.value("towns", std::vector<std::string>{});
    a->indicators.clear();
    for (const json& hit : j.value("indicators", json::array())) {
      a->indicators.push_back({hit.value("id", ""), hit.value("category", ""),
                               hit.value("weight", 0.0), hit.value("match", "")});
    }
    a->pay.clear();
    for (const json& p : j.value("pay", json::array())) a->pay.push_back(PayFromJson(p));
    a->removed = j.value("removed", false);
    a->removed_at = j.value("removed_at", std::int64_t{0});
    a->warc_file = j.value("warc_file", "");
    a->warc_offset = j.value("warc_offset", std::uint64_t{0});
    a->warc_length = j.value("warc_length", std::uint64_t{0});
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("advert record: ") + e.what());
  }
  return Status::OK();
}

std::string EncodeLead(const LeadRecord& l) {
  json j = {{"id", l.id},           {"score", l.score},         {"status", l.status},
            {"reasons", l.reasons}, {"reason_points", l.reason_points},
            {"merged_from", l.merged_from}, {"advert_ids", l.advert_ids}, {"phones", l.phones},
            {"emails", l.emails},   {"postcodes", l.postcodes}, {"created_at", l.created_at},
            {"updated_at", l.updated_at}, {"addresses", l.addresses}, {"hubs", l.hubs},
            {"split_from", l.split_from}, {"template_text", l.template_text},
            {"template_slots", l.template_slots}, {"handles", l.handles}};
  json links = json::array();
  for (const LeadLink& link : l.links) {
    links.push_back({{"type", link.type}, {"value", link.value}, {"strength", link.strength},
                     {"adverts", link.adverts}, {"joined", link.joined}});
  }
  j["links"] = std::move(links);
  if (!l.images.empty()) j["images"] = l.images;  // absent on stores without photos
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status DecodeLead(const std::string& bytes, LeadRecord* l) {
  try {
    json j = json::parse(bytes);
    l->id = j.at("id").get<std::string>();
    l->score = j.value("score", 0.0);
    l->status = j.value("status", "new");
    l->reasons = j.value("reasons", std::vector<std::string>{});
    l->reason_points = j.value("reason_points", std::vector<double>{});
    l->merged_from = j.value("merged_from", std::vector<std::string>{});
    l->advert_ids = j.value("advert_ids", std::vector<std::string>{});
    l->phones = j.value("phones", std::vector<std::string>{});
    l->emails = j.value("emails", std::vector<std::string>{});
    l->postcodes = j.value("postcodes", std::vector<std::string>{});
    l->created_at = j.value("created_at", std::int64_t{0});
    l->updated_at = j.value("updated_at", std::int64_t{0});
    // Fields added later default to empty, so older records still decode.
    l->addresses = j.value("addresses", std::vector<std::string>{});
    l->hubs = j.value("hubs", std::vector<std::string>{});
    l->handles = j.value("handles", std::vector<std::string>{});
    l->images = j.value("images", std::vector<std::string>{});
    l->split_from = j.value("split_from", "");
    l->template_text = j.value("template_text", "");
    l->template_slots = j.value("template_slots", std::vector<std::vector<std::string>>{});
    l->links.clear();
    if (auto links = j.find("links"); links != j.end() && links->is_array()) {
      for (const json& link : *links) {
        l->links.push_back({link.value("type", ""), link.value("value", ""),
                            link.value("strength", ""), link.value("adverts", size_t{0}),
                            link.value("joined", false)});
      }
    }
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("lead record: ") + e.what());
  }
  return Status::OK();
}

}  // namespace plainsight
