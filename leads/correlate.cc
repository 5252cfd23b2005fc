#include "leads/correlate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/sha256.h"
#include "leads/union_find.h"

namespace plainsight {
namespace {

struct Item {
  std::string id;
  std::string site;
  std::string kind;
  std::vector<std::string> towns;
  std::vector<std::string> entities;  // "phone\x1f+44…"
  std::vector<IndicatorRecord> indicators;
};

const char kSep = '\x1f';

std::string Key(EntityType type, const std::string& value) {
  return std::string(EntityTypeName(type)) + kSep + value;
}

std::pair<std::string, std::string> SplitKey(const std::string& key) {
  size_t at = key.find(kSep);
  return {key.substr(0, at), key.substr(at + 1)};
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Adds reasons so that the score is always exactly the sum of their points.
class LeadBuilder {
 public:
  void Add(std::string reason, double points) {
    if (points <= 0) return;
    lead_.reasons.push_back(std::move(reason));
    lead_.reason_points.push_back(points);
    lead_.score += points;
  }

  LeadRecord& lead() { return lead_; }

 private:
  LeadRecord lead_;
};

// Points for one contact shared by `n` adverts on `sites` sites in `towns`
// towns. Capped so one prolific contact cannot swamp every other reason.
double SharedContactPoints(const LeadSettings& s, const std::string& type, size_t n, size_t sites,
                           size_t towns) {
  double per_advert = type == "phone"   ? s.weight_shared_phone
                      : type == "email" ? s.weight_shared_email
                                        : s.weight_shared_postcode;
  double points = per_advert * static_cast<double>(std::min<size_t>(n - 1, 5));
  points += s.weight_multi_site * static_cast<double>(std::min<size_t>(sites - 1, 3));
  points += s.weight_multi_town * static_cast<double>(std::min<size_t>(towns - 1, 3));
  return points;
}

}  // namespace

Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now) {
  CorrelateSummary summary;
  std::vector<Item> items;
  Status s = store.ForEachAdvert([&](const AdvertRecord& a) {
    Item item{a.id, a.site, a.kind, a.towns, {}, a.indicators};
    for (const auto& v : a.phones) item.entities.push_back(Key(EntityType::kPhone, v));
    for (const auto& v : a.emails) item.entities.push_back(Key(EntityType::kEmail, v));
    for (const auto& v : a.postcodes) item.entities.push_back(Key(EntityType::kPostcode, v));
    for (const auto& v : a.addresses) item.entities.push_back(Key(EntityType::kAddress, v));
    items.push_back(std::move(item));
    return true;
  });
  if (!s.ok()) return s;
  summary.adverts = items.size();

  // Which adverts carry each contact, and how often per site.
  std::unordered_map<std::string, std::vector<size_t>> holders;
  std::map<std::string, size_t> site_totals;
  for (size_t i = 0; i < items.size(); ++i) {
    ++site_totals[items[i].site];
    for (const std::string& e : items[i].entities) holders[e].push_back(i);
  }
  std::set<std::string> ignored;  // boilerplate and hubs
  for (const auto& [entity, adverts] : holders) {
    std::map<std::string, size_t> per_site;
    for (size_t i : adverts) ++per_site[items[i].site];
    for (const auto& [site, count] : per_site) {
      double share = static_cast<double>(count) / static_cast<double>(site_totals[site]);
      if (count >= static_cast<size_t>(settings.boilerplate_min_adverts) &&
          share >= settings.boilerplate_share) {
        auto [type, value] = SplitKey(entity);
        summary.boilerplate.push_back(site + ": " + type + " " + value + " on " +
                                      std::to_string(count) + " of " +
                                      std::to_string(site_totals[site]) + " adverts");
        ignored.insert(entity);
        break;
      }
    }
    if (ignored.count(entity) == 0 && adverts.size() > static_cast<size_t>(settings.hub_max_adverts)) {
      auto [type, value] = SplitKey(entity);
      summary.hubs.push_back(type + " " + value + " on " + std::to_string(adverts.size()) + " adverts");
      ignored.insert(entity);
    }
  }

  UnionFind groups(items.size());
  for (const auto& [entity, adverts] : holders) {
    if (ignored.count(entity) != 0) continue;
    for (size_t k = 1; k < adverts.size(); ++k) groups.Union(adverts[0], adverts[k]);
  }
  std::map<size_t, std::vector<size_t>> components;
  for (size_t i = 0; i < items.size(); ++i) components[groups.Find(i)].push_back(i);

  // Earlier leads, for stable ids and kept review decisions.
  std::map<std::string, LeadRecord> previous;
  std::unordered_map<std::string, std::string> lead_of_advert;
  s = store.ForEachLead([&](const LeadRecord& lead) {
    for (const auto& id : lead.advert_ids) lead_of_advert[id] = lead.id;
    previous[lead.id] = lead;
    return true;
  });
  if (!s.ok()) return s;

  std::vector<LeadRecord> leads;
  std::set<std::string> used_ids;
  for (auto& [root, members] : components) {
    LeadBuilder builder;
    LeadRecord& lead = builder.lead();
    std::set<std::string> kinds;
    std::set<std::string> lead_phones, lead_emails, lead_postcodes;
    for (size_t i : members) {
      lead.advert_ids.push_back(items[i].id);
      kinds.insert(items[i].kind);
    }
    std::sort(lead.advert_ids.begin(), lead.advert_ids.end());

    // Shared contacts, strongest first in the reasons.
    std::map<std::string, std::vector<size_t>> shared;
    for (size_t i : members) {
      for (const std::string& e : items[i].entities) {
        if (ignored.count(e) != 0) continue;
        auto [type, value] = SplitKey(e);
        if (type == "phone") lead_phones.insert(value);
        if (type == "email") lead_emails.insert(value);
        if (type == "postcode") lead_postcodes.insert(value);
        shared[e].push_back(i);
      }
    }
    bool cross_kind_link = false;
    for (const auto& [entity, adverts] : shared) {
      if (adverts.size() < 2) continue;
      std::set<std::string> sites, towns, entity_kinds;
      for (size_t i : adverts) {
        sites.insert(items[i].site);
        entity_kinds.insert(items[i].kind);
        for (const auto& t : items[i].towns) towns.insert(t);
      }
      auto [type, value] = SplitKey(entity);
      if (entity_kinds.size() > 1) cross_kind_link = true;
      std::string reason = type + " " + value + " in " + std::to_string(adverts.size()) +
                           " adverts on " + Plural(sites.size(), "site", "sites");
      if (towns.size() > 1) reason += " in " + std::to_string(towns.size()) + " towns";
      builder.Add(reason, SharedContactPoints(settings, type, adverts.size(),
                                              sites.size(), std::max<size_t>(towns.size(), 1)));
    }
    if (cross_kind_link) {
      builder.Add("one contact on both job adverts and adult-services adverts (recruitment link)",
                  settings.weight_recruitment_link);
    }

    // Each indicator counts once per lead; what separates leads is how many
    // different kinds of sign they combine (single keywords are weak).
    std::map<std::string, std::pair<IndicatorRecord, size_t>> indicators;
    for (size_t i : members) {
      std::set<std::string> once;
      for (const IndicatorRecord& hit : items[i].indicators) {
        if (!once.insert(hit.id).second) continue;
        auto [it, inserted] = indicators.try_emplace(hit.id, hit, 0);
        ++it->second.second;
      }
    }
    std::set<std::string> categories;
    for (const auto& [id, entry] : indicators) {
      const auto& [hit, count] = entry;
      categories.insert(hit.category);
      std::string reason = "indicator " + id + " (" + hit.category + ") in " +
                           Plural(count, "advert", "adverts") + ": \"" + hit.match + "\"";
      builder.Add(reason, hit.weight);
    }
    if (categories.size() >= 2) {
      double k = static_cast<double>(std::min<size_t>(categories.size(), 6));
      std::string list;
      for (const auto& c : categories) list += (list.empty() ? "" : ", ") + c;
      builder.Add(std::to_string(categories.size()) + " different kinds of indicator together (" +
                      list + ")",
                  0.5 * (k - 1) * (k - 1));
    }

    bool linked = members.size() >= 2;
    if (lead.score <= 0 || (!linked && lead.score < settings.single_advert_min_score)) continue;
    lead.phones.assign(lead_phones.begin(), lead_phones.end());
    lead.emails.assign(lead_emails.begin(), lead_emails.end());
    lead.postcodes.assign(lead_postcodes.begin(), lead_postcodes.end());

    // Stable id: the oldest earlier lead this group overlaps.
    const LeadRecord* ancestor = nullptr;
    std::set<std::string> overlapping;
    for (const auto& id : lead.advert_ids) {
      auto it = lead_of_advert.find(id);
      if (it != lead_of_advert.end()) overlapping.insert(it->second);
    }
    for (const auto& old_id : overlapping) {
      const LeadRecord& old = previous[old_id];
      if (used_ids.count(old_id) != 0) continue;
      if (ancestor == nullptr || old.created_at < ancestor->created_at ||
          (old.created_at == ancestor->created_at && old.id < ancestor->id)) {
        ancestor = &old;
      }
    }
    if (ancestor != nullptr) {
      lead.id = ancestor->id;
      lead.created_at = ancestor->created_at;
      lead.status = ancestor->status;
      lead.merged_from = ancestor->merged_from;
      for (const auto& old_id : overlapping) {
        if (old_id != ancestor->id &&
            std::find(lead.merged_from.begin(), lead.merged_from.end(), old_id) == lead.merged_from.end()) {
          lead.merged_from.push_back(old_id);
        }
      }
      bool grew = false;
      for (const auto& id : lead.advert_ids) {
        if (std::find(ancestor->advert_ids.begin(), ancestor->advert_ids.end(), id) ==
            ancestor->advert_ids.end()) {
          grew = true;
        }
      }
      lead.updated_at = grew ? now : ancestor->updated_at;
      if (grew && lead.status != "new" && lead.status != "updated") {
        lead.status = "updated";
        ++summary.updated_leads;
      }
    } else {
      lead.id = "L-" + Sha256Hex(lead.advert_ids.front()).substr(0, 12);
      while (used_ids.count(lead.id) != 0) lead.id = "L-" + Sha256Hex(lead.id).substr(0, 12);
      lead.created_at = now;
      lead.updated_at = now;
      ++summary.new_leads;
    }
    used_ids.insert(lead.id);
    leads.push_back(std::move(lead));
  }
  std::sort(leads.begin(), leads.end(), [](const LeadRecord& a, const LeadRecord& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  summary.leads = leads.size();
  s = store.ReplaceLeads(leads);
  if (!s.ok()) return s;
  return summary;
}

}  // namespace plainsight
