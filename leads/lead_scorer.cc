#include "leads/lead_scorer.h"

#include "leads/template_risk.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace plainsight {
namespace {

constexpr std::int64_t kDay = 86400;

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Join(const std::set<std::string>& values, size_t max = 6) {
  std::string out;
  size_t shown = 0;
  for (const auto& v : values) {
    if (shown == max) {
      out += ", …";
      break;
    }
    out += (out.empty() ? "" : ", ") + v;
    ++shown;
  }
  return out;
}

// Adds reasons so that the score is always exactly the sum of their points.
class ReasonList {
 public:
  explicit ReasonList(LeadRecord* lead) : lead_(lead) {}
  void Add(std::string reason, double points) {
    if (points <= 0) return;
    lead_->reasons.push_back(std::move(reason));
    lead_->reason_points.push_back(points);
    lead_->score += points;
  }
  // A cross-advert signal: counted once per kind towards the combination.
  // `risky`: a sign of risk in itself (see lead_scorer.h), not structure.
  void AddSignal(const std::string& kind, std::string reason, double points, bool risky) {
    if (points <= 0) return;
    kinds_.insert(kind);
    if (risky) risk_ = true;
    Add(std::move(reason), points);
  }
  void MarkRisk() { risk_ = true; }
  bool risk() const { return risk_; }
  void Inform(std::string reason) {
    lead_->reasons.push_back(std::move(reason));
    lead_->reason_points.push_back(0.0);
  }
  const std::set<std::string>& kinds() const { return kinds_; }

  // With no sign of risk, the points so far become information and one
  // reason carries at most `cap` of them, so the sum still holds.
  void CapWithoutRisk(double cap) {
    if (risk_ || lead_->score <= cap) return;
    const double earned = lead_->score;
    for (double& points : lead_->reason_points) points = 0;
    lead_->score = 0;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer,
                  "no sign of risk (shared contacts or wording only, no combination of "
                  "indicators): %.2g of %.3g points counted",
                  cap, earned);
    Add(buffer, cap);
  }

 private:
  LeadRecord* lead_;
  std::set<std::string> kinds_;
  bool risk_ = false;
};

double PerAdvertWeight(const LeadSettings& s, EntityType type) {
  switch (type) {
    case EntityType::kPhone:
    case EntityType::kHandle: return s.weight_shared_phone;
    case EntityType::kEmail: return s.weight_shared_email;
    case EntityType::kPostcode:
    case EntityType::kAddress: return s.weight_shared_postcode;
    // A photo near-matching within PDQ distance 31 (full picture or a
    // centred crop) is about as specific as a phone: unrelated pictures sit
    // at 88+ bits on generated photos (images/photo_hashes.h), and the
    // person behind a ring changes phones far more often than pictures
    // (issue 16). Stock photos and site placeholders become hubs or
    // boilerplate before scoring, as a shared switchboard number does; so
    // a shared photo weighs what a shared phone weighs.
    case EntityType::kImage: return s.weight_shared_phone;
  }
  return 0;
}

// One contact shared by `n` adverts on `sites` sites in `towns` towns,
// capped so one prolific contact cannot swamp every other reason.
double SharedContactPoints(const LeadSettings& s, EntityType type, size_t n, size_t sites,
                           size_t towns) {
  double points = PerAdvertWeight(s, type) * static_cast<double>(std::min<size_t>(n - 1, 5));
  points += s.weight_multi_site * static_cast<double>(std::min<size_t>(sites - 1, 3));
  points += s.weight_multi_town * static_cast<double>(std::min<size_t>(towns - 1, 3));
  return points;
}

struct Holding {
  std::uint32_t entity;
  std::vector<std::uint32_t> adverts;
};

// The most distinct first-listed towns among `adverts` posted within
// `window` seconds of each other.
std::set<std::string> TownsWithin(const Corpus& corpus, std::vector<std::uint32_t> adverts,
                                  std::int64_t window) {
  std::sort(adverts.begin(), adverts.end(), [&](std::uint32_t a, std::uint32_t b) {
    return corpus.adverts[a].posted_at < corpus.adverts[b].posted_at;
  });
  std::set<std::string> best;
  std::map<std::uint16_t, int> in_window;
  size_t begin = 0;
  for (size_t end = 0; end < adverts.size(); ++end) {
    const AdvertDigest& d = corpus.adverts[adverts[end]];
    const Run<std::uint16_t> towns = corpus.Towns(adverts[end]);
    if (!towns.empty()) ++in_window[towns[0]];
    while (d.posted_at - corpus.adverts[adverts[begin]].posted_at > window) {
      const Run<std::uint16_t> old = corpus.Towns(adverts[begin]);
      if (!old.empty() && --in_window[old[0]] == 0) in_window.erase(old[0]);
      ++begin;
    }
    if (in_window.size() > best.size()) {
      best.clear();
      for (const auto& [town, count] : in_window) best.insert(corpus.towns[town]);
    }
  }
  return best;
}

// Most adverts posted within one day of each other. Adverts with no page
// date that came with their site's first crawl are left out: their
// first_seen is the crawl's time, not when they were posted.
size_t MaxPerDay(const Corpus& corpus, const std::vector<std::uint32_t>& adverts) {
  std::vector<std::int64_t> times;
  for (std::uint32_t i : adverts) {
    const AdvertDigest& d = corpus.adverts[i];
    if (d.posted_known || d.first_seen >= corpus.site_first_crawl[d.site] + kDay) {
      times.push_back(d.posted_at);
    }
  }
  std::sort(times.begin(), times.end());
  size_t best = 0;
  size_t begin = 0;
  for (size_t end = 0; end < times.size(); ++end) {
    while (times[end] - times[begin] >= kDay) ++begin;
    best = std::max(best, end - begin + 1);
  }
  return best;
}

bool OffersAccommodationOrTransport(const Corpus& corpus, size_t advert) {
  for (std::uint32_t k : corpus.Indicators(advert)) {
    const std::string& c = corpus.indicators[k].category;
    if (c == "living_and_working_same_address" || c == "controlled_transport") return true;
  }
  return false;
}

// "same photo in 5 adverts under 3 names and 2 phones on 2 sites": the
// names and phones the adverts showing one photo carry (either part left
// out when they carry none).
std::string SamePhotoReason(const Corpus& corpus, const std::vector<std::uint32_t>& adverts,
                            size_t sites) {
  std::set<std::uint32_t> names, phones;
  for (std::uint32_t i : adverts) {
    if (corpus.adverts[i].name != 0) names.insert(corpus.adverts[i].name);
    for (std::uint32_t e : corpus.Entities(i)) {
      if (corpus.entity_types[e] == EntityType::kPhone) phones.insert(e);
    }
  }
  std::string under;
  if (!names.empty()) under = Plural(names.size(), "name", "names");
  if (!phones.empty()) {
    under += (under.empty() ? "" : " and ") + Plural(phones.size(), "phone", "phones");
  }
  return "same photo in " + std::to_string(adverts.size()) + " adverts" +
         (under.empty() ? "" : " under " + under) + " on " + Plural(sites, "site", "sites");
}

void AddSharedContactReasons(const Corpus& corpus, const std::vector<Holding>& shared,
                             const LeadSettings& settings, ReasonList& reasons) {
  // A postcode shared by exactly the adverts of a full address ending in
  // it is that address said again: counted once.
  std::set<std::pair<std::string, std::vector<std::uint32_t>>> addressed;
  for (const Holding& h : shared) {
    if (corpus.entity_types[h.entity] != EntityType::kAddress) continue;
    const std::string_view value = corpus.EntityValue(h.entity);
    const size_t comma = value.rfind(", ");
    if (comma != std::string_view::npos) {
      addressed.emplace(std::string(value.substr(comma + 2)), h.adverts);
    }
  }
  for (const Holding& h : shared) {
    if (corpus.entity_types[h.entity] == EntityType::kPostcode &&
        addressed.count({std::string(corpus.EntityValue(h.entity)), h.adverts}) != 0) {
      continue;
    }
    std::set<std::uint16_t> sites, towns;
    for (std::uint32_t i : h.adverts) {
      sites.insert(corpus.adverts[i].site);
      for (std::uint16_t t : corpus.Towns(i)) towns.insert(t);
    }
    std::string reason = corpus.entity_types[h.entity] == EntityType::kImage
                             ? SamePhotoReason(corpus, h.adverts, sites.size())
                             : corpus.EntityKey(h.entity) + " in " +
                                   std::to_string(h.adverts.size()) + " adverts on " +
                                   Plural(sites.size(), "site", "sites");
    if (towns.size() > 1) reason += " in " + std::to_string(towns.size()) + " towns";
    reasons.Add(reason, SharedContactPoints(settings, corpus.entity_types[h.entity],
                                            h.adverts.size(), sites.size(),
                                            std::max<size_t>(towns.size(), 1)));
  }
}

// Signals read off one phone's adverts: how many, how many personas, how
// far they move. Each kind is scored once, for its strongest phone.
void AddPhoneSignals(const Corpus& corpus, const std::vector<Holding>& shared,
                     const LeadSettings& settings, ReasonList& reasons) {
  const Holding* busiest = nullptr;
  const Holding* most_personas = nullptr;
  std::set<std::string> best_ages, best_names;
  const Holding* most_moved = nullptr;
  std::set<std::string> moved_towns;
  for (const Holding& h : shared) {
    if (corpus.entity_types[h.entity] != EntityType::kPhone) continue;
    // Circuits, personas and one number behind many adverts are signs in
    // adult-services adverts (Ibanez & Suthers 2014); in job adverts they
    // are how any employer or agency with branches advertises.
    if (!MostlyAdult(corpus, h.adverts)) continue;
    if (busiest == nullptr || h.adverts.size() > busiest->adverts.size()) busiest = &h;
    std::set<std::string> ages, names;
    for (std::uint32_t i : h.adverts) {
      const AdvertDigest& d = corpus.adverts[i];
      if (!d.adult) continue;
      if (d.age != 0) ages.insert(std::to_string(d.age));
      if (d.name != 0) names.insert(corpus.names[d.name - 1]);
    }
    if ((ages.size() >= 2 || names.size() >= 2) &&
        ages.size() + names.size() > best_ages.size() + best_names.size()) {
      most_personas = &h;
      best_ages = ages;
      best_names = names;
    }
    std::set<std::string> towns =
        TownsWithin(corpus, h.adverts, std::int64_t{settings.movement_days} * kDay);
    if (towns.size() >= 2 && towns.size() > moved_towns.size()) {
      most_moved = &h;
      moved_towns = towns;
    }
  }
  // Ibanez & Suthers 2014: one number behind many adverts.
  if (busiest != nullptr &&
      busiest->adverts.size() >= static_cast<size_t>(settings.phone_many_adverts)) {
    reasons.AddSignal("many_adverts",
                      corpus.EntityKey(busiest->entity) + " behind " +
                          std::to_string(busiest->adverts.size()) + " adverts",
                      settings.weight_phone_many_adverts, true);
  }
  if (most_personas != nullptr) {
    std::string reason = corpus.EntityKey(most_personas->entity) + " advertises";
    if (best_ages.size() >= 2) reason += " " + std::to_string(best_ages.size()) + " ages (" + Join(best_ages) + ")";
    if (best_ages.size() >= 2 && best_names.size() >= 2) reason += " and";
    if (best_names.size() >= 2) reason += " " + std::to_string(best_names.size()) + " names (" + Join(best_names) + ")";
    reasons.AddSignal("personas", reason + ": several people under one number",
                      settings.weight_many_personas, true);
  }
  if (most_moved != nullptr) {
    reasons.AddSignal("movement",
                      corpus.EntityKey(most_moved->entity) + " in " +
                          std::to_string(moved_towns.size()) + " towns within " +
                          std::to_string(settings.movement_days) + " days (" + Join(moved_towns) +
                          "): moved between towns",
                      settings.weight_movement, true);
  }
}

void AddContactSignals(const Corpus& corpus, const std::vector<Holding>& shared,
                       const LeadSettings& settings, ReasonList& reasons) {
  // Posting rate (Zhou, Peng & Ferrara 2024).
  const Holding* fastest = nullptr;
  size_t fastest_count = 0;
  // Many job adverts at one address or email with accommodation/transport
  // (police "spot the signs"; GLAA).
  const Holding* crowded = nullptr;
  size_t crowded_count = 0;
  // Recruitment linkage (Ramchandani, Bastani & Wyatt 2025).
  const Holding* recruitment = nullptr;
  for (const Holding& h : shared) {
    // Bulk posting is how boards and agencies work: a sign only in adult
    // adverts (Zhou, Peng & Ferrara 2024 studied escort adverts).
    size_t per_day = MostlyAdult(corpus, h.adverts) ? MaxPerDay(corpus, h.adverts) : 0;
    if (static_cast<double>(per_day) > settings.posting_rate_per_day && per_day > fastest_count) {
      fastest = &h;
      fastest_count = per_day;
    }
    EntityType type = corpus.entity_types[h.entity];
    bool jobs = false, adult = false;
    size_t housed = 0;
    for (std::uint32_t i : h.adverts) {
      const AdvertDigest& d = corpus.adverts[i];
      jobs |= d.jobs;
      adult |= d.adult;
      if (d.jobs && OffersAccommodationOrTransport(corpus, i)) ++housed;
    }
    if (jobs && adult && recruitment == nullptr) recruitment = &h;
    if (type != EntityType::kPhone && housed >= static_cast<size_t>(settings.jobs_at_address_min) &&
        housed > crowded_count) {
      crowded = &h;
      crowded_count = housed;
    }
  }
  if (fastest != nullptr) {
    reasons.AddSignal("posting_rate",
                      std::to_string(fastest_count) + " adverts posted within one day under " +
                          corpus.EntityKey(fastest->entity),
                      settings.weight_posting_rate, true);
  }
  if (crowded != nullptr) {
    reasons.AddSignal("jobs_at_address",
                      std::to_string(crowded_count) + " job adverts at " +
                          corpus.EntityKey(crowded->entity) +
                          " offer accommodation or transport: many workers at one address",
                      settings.weight_jobs_at_address, true);
  }
  if (recruitment != nullptr) {
    reasons.AddSignal("recruitment",
                      "one contact on both job adverts and adult-services adverts (recruitment "
                      "link): " + corpus.EntityKey(recruitment->entity),
                      settings.weight_recruitment_link, true);
  }
}

void AddLinkSignals(const Corpus& corpus, const LinkGraph& graph,
                    const std::vector<GroupLink>& links, const LeadSettings& settings,
                    ReasonList& reasons, std::vector<std::uint32_t>* template_members) {
  const GroupLink* consecutive = nullptr;
  size_t consecutive_pairs = 0;
  const GroupLink* largest_template = nullptr;
  for (const GroupLink& link : links) {
    if (link.source->kind == LinkKind::kConsecutive) {
      ++consecutive_pairs;
      if (consecutive == nullptr) consecutive = &link;
    }
    if (link.source->kind == LinkKind::kTemplate &&
        (largest_template == nullptr || link.members.size() > largest_template->members.size())) {
      largest_template = &link;
    }
  }
  // Phones bought together: an adult-services sign (INDICATORS.md); in a
  // handful of job adverts neighbouring numbers are chance.
  if (consecutive != nullptr && MostlyAdult(corpus, consecutive->members)) {
    const LinkSource& c = *consecutive->source;
    std::string reason = "consecutive phone numbers " + std::string(corpus.EntityValue(c.entity)) +
                         " and " + std::string(corpus.EntityValue(c.entity2));
    if (consecutive_pairs > 1) reason += " (and " + std::to_string(consecutive_pairs - 1) + " more pairs)";
    reasons.AddSignal("consecutive_phones", reason + ": phones bought together",
                      settings.weight_consecutive_phones, true);
  }
  if (largest_template != nullptr) {
    // InfoShield (Lee et al. ICDE 2021): one template, only the slots change.
    const std::vector<std::uint32_t>& members = largest_template->members;
    const size_t n = members.size();
    std::set<std::string> sites;
    for (std::uint32_t i : members) sites.insert(corpus.sites[corpus.adverts[i].site]);
    // Copied wording on its own is structure (an employer reuses its text);
    // it is a sign only when the template carries risk (template_risk.h).
    const std::string risk = TemplateRisk(corpus, graph.entity_ignored, members, settings);
    reasons.AddSignal("template",
                      std::to_string(n) + " adverts on " + Plural(sites.size(), "site", "sites") +
                          " written from one template (near-duplicate wording, a weak link)",
                      settings.weight_template * static_cast<double>(std::min<size_t>(n - 1, 5)),
                      false);
    const size_t phones = DistinctPhones(corpus, graph.entity_ignored, members);
    if (MostlyAdult(corpus, members) &&
        phones >= static_cast<size_t>(settings.template_rotating_phones)) {
      reasons.AddSignal("rotating_phones",
                        "one template with " + std::to_string(phones) +
                            " different phones: numbers rotated under one writer",
                        settings.weight_template_rotating_phones, true);
    } else if (!risk.empty()) {
      reasons.MarkRisk();
    }
    *template_members = members;
  }
}

// The lead's links for the analyst (CONTRACT.md "links"): every source
// inside the group, strong first.
void ListLinks(const Corpus& corpus, const std::vector<GroupLink>& links, LeadRecord* lead) {
  for (const GroupLink& link : links) {
    const LinkSource& s = *link.source;
    LeadLink out;
    out.type = LinkTypeName(corpus, s.kind, s.entity);
    out.strength = IsStrong(s.kind) ? "strong" : "weak";
    out.adverts = link.members.size();
    out.joined = link.joined;
    switch (s.kind) {
      case LinkKind::kContact:
      case LinkKind::kAddress:
      case LinkKind::kPostcode: out.value = corpus.EntityValue(s.entity); break;
      case LinkKind::kTemplate:
        // The template may reach beyond the lead (it joins only what strong
        // links keep together), so its size and risk are for all of it.
        out.value = "near-duplicate wording, " + std::to_string(s.members.size()) +
                    " adverts in all" + (s.risk.empty() ? "" : " (risk: " + s.risk + ")");
        break;
      case LinkKind::kConsecutive:
        out.value = std::string(corpus.EntityValue(s.entity)) + " and " +
                    std::string(corpus.EntityValue(s.entity2));
        break;
    }
    lead->links.push_back(std::move(out));
  }
  std::stable_sort(lead->links.begin(), lead->links.end(),
                   [](const LeadLink& a, const LeadLink& b) {
                     return (a.strength == "strong") > (b.strength == "strong");
                   });
}

}  // namespace

ScoredGroup ScoreGroup(const Corpus& corpus, const LinkGraph& graph,
                       const std::vector<std::uint32_t>& members,
                       const std::vector<GroupLink>& links, const LeadSettings& settings) {
  ScoredGroup out;
  LeadRecord& lead = out.lead;
  ReasonList reasons(&lead);

  std::map<std::uint32_t, std::vector<std::uint32_t>> by_entity;
  std::set<std::string> hubs;
  std::set<std::string> phones, emails, postcodes, addresses, handles, images;
  for (std::uint32_t i : members) {
    lead.advert_ids.emplace_back(corpus.Id(i));
    for (std::uint32_t e : corpus.Entities(i)) {
      if (graph.entity_ignored[e]) {
        auto hub = graph.entity_hub.find(e);
        if (hub != graph.entity_hub.end()) hubs.insert(hub->second);
        continue;
      }
      by_entity[e].push_back(i);
      const std::string_view value = corpus.EntityValue(e);
      switch (corpus.entity_types[e]) {
        case EntityType::kPhone: phones.emplace(value); break;
        case EntityType::kEmail: emails.emplace(value); break;
        case EntityType::kPostcode: postcodes.emplace(value); break;
        case EntityType::kAddress: addresses.emplace(value); break;
        case EntityType::kHandle: handles.emplace(value); break;
        case EntityType::kImage: images.emplace(value); break;
      }
    }
  }
  std::vector<Holding> shared;
  for (auto& [entity, adverts] : by_entity) {
    if (adverts.size() >= 2) shared.push_back({entity, std::move(adverts)});
  }
  // By type, then value: entity numbers follow advert ids, which follow
  // URLs, so ordering by them would make the same group's reasons read in
  // another order on another store.
  std::sort(shared.begin(), shared.end(), [&](const Holding& a, const Holding& b) {
    if (corpus.entity_types[a.entity] != corpus.entity_types[b.entity]) {
      return corpus.entity_types[a.entity] < corpus.entity_types[b.entity];
    }
    return corpus.EntityValue(a.entity) < corpus.EntityValue(b.entity);
  });

  AddSharedContactReasons(corpus, shared, settings, reasons);
  AddPhoneSignals(corpus, shared, settings, reasons);
  AddContactSignals(corpus, shared, settings, reasons);
  AddLinkSignals(corpus, graph, links, settings, reasons, &out.template_members);

  size_t removed_quickly = 0;
  for (std::uint32_t i : members) {
    const AdvertDigest& d = corpus.adverts[i];
    if (d.removed_at >= 0 && d.removed_at - d.first_seen < std::int64_t{settings.removal_days} * kDay) {
      ++removed_quickly;
    }
  }
  if (removed_quickly > 0) {
    reasons.AddSignal("quick_removal",
                      Plural(removed_quickly, "advert", "adverts") + " removed within " +
                          std::to_string(settings.removal_days) + " days of first being seen",
                      settings.weight_quick_removal, false);
  }

  // Each indicator counts once per lead, with how many adverts carry it,
  // and quotes the words of the first of the lead's own adverts that
  // matched it (corpus entries are per id and match).
  struct IndicatorInLead {
    std::uint32_t first = 0;  // corpus indicator entry quoted
    std::uint32_t advert = 0;  // the advert it was quoted from
    size_t adverts = 0;
    std::uint32_t last_advert = 0xffffffffu;
  };
  std::map<std::string, IndicatorInLead> indicators;
  for (std::uint32_t i : members) {
    for (std::uint32_t k : corpus.Indicators(i)) {
      auto [it, inserted] = indicators.try_emplace(corpus.indicators[k].id);
      IndicatorInLead& entry = it->second;
      if (inserted) {
        entry.first = k;
        entry.advert = i;
      }
      if (entry.last_advert != i) {  // one advert may match an indicator with several words
        ++entry.adverts;
        entry.last_advert = i;
      }
    }
  }
  std::set<std::string> categories;
  double strongest = 0;
  for (const auto& [id, entry] : indicators) {
    const CorpusIndicator& hit = corpus.indicators[entry.first];
    categories.insert(hit.category);
    strongest = std::max(strongest, hit.weight);
    reasons.Add("indicator " + id + " (" + hit.category + ") in " +
                    Plural(entry.adverts, "advert", "adverts") + ": \"" + hit.match + "\" (" +
                    std::string(corpus.Id(entry.advert)) + ")",
                hit.weight);
  }
  // One weak keyword is no sign of risk (98% of work-abroad adverts carry
  // one: Volodko et al. 2020); two categories together, or one strong
  // indicator (fees, documents held, deductions, pay below the minimum
  // wage), is.
  if (categories.size() >= 2 || strongest >= 2.0) reasons.MarkRisk();

  // Combinations count more than sums: (k - 1)^2 for k distinct kinds of
  // sign (indicator categories and cross-advert signals together).
  const size_t k = categories.size() + reasons.kinds().size();
  if (k >= 2) {
    const double capped = static_cast<double>(std::min<size_t>(k, 8));
    std::string what;
    if (!categories.empty()) what += Plural(categories.size(), "indicator category", "indicator categories") + ": " + Join(categories, 8);
    if (!reasons.kinds().empty()) {
      what += (what.empty() ? "" : "; ") +
              Plural(reasons.kinds().size(), "cross-advert signal", "cross-advert signals") + ": " +
              Join(reasons.kinds(), 10);
    }
    reasons.Add(std::to_string(k) + " different kinds of sign together (" + what + ")",
                settings.weight_combination * (capped - 1) * (capped - 1));
  }
  reasons.CapWithoutRisk(settings.no_risk_max_points);

  for (const std::string& hub : hubs) {
    reasons.Inform("hub not used to link (shown for review): " + hub);
  }
  ListLinks(corpus, links, &lead);
  lead.hubs.assign(hubs.begin(), hubs.end());
  lead.phones.assign(phones.begin(), phones.end());
  lead.emails.assign(emails.begin(), emails.end());
  lead.postcodes.assign(postcodes.begin(), postcodes.end());
  lead.addresses.assign(addresses.begin(), addresses.end());
  lead.handles.assign(handles.begin(), handles.end());
  lead.images.assign(images.begin(), images.end());
  return out;
}

}  // namespace plainsight
