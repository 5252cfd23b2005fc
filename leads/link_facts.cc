#include "leads/link_facts.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

#include "leads/template_clusters.h"

namespace plainsight {
namespace {

std::vector<size_t> SiteTotals(const Corpus& corpus) {
  std::vector<size_t> totals(corpus.sites.size(), 0);
  for (const AdvertDigest& d : corpus.adverts) ++totals[d.site];
  return totals;
}

// Each site's holders among `members`, by site name.
SiteCounts PerSite(const Corpus& corpus, const std::vector<std::uint32_t>& members) {
  SiteCounts per_site;
  for (std::uint32_t i : members) ++per_site[corpus.sites[corpus.adverts[i].site]];
  return per_site;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "+447700900123" -> block 447700900, number 123. False for anything that
// is not "+" and 7-15 digits.
bool SplitPhoneBlock(std::string_view e164, std::uint64_t* block, int* number) {
  if (e164.size() < 8 || e164.size() > 16 || e164[0] != '+') return false;
  std::uint64_t digits = 0;
  for (size_t i = 1; i < e164.size(); ++i) {
    if (e164[i] < '0' || e164[i] > '9') return false;
    digits = digits * 10 + static_cast<std::uint64_t>(e164[i] - '0');
  }
  *block = digits / 1000;
  *number = static_cast<int>(digits % 1000);
  return true;
}

// Distinct phones, e-mails and handles over `members`' adverts.
size_t DistinctContacts(const Corpus& corpus, const std::vector<std::uint32_t>& members) {
  std::unordered_set<std::uint32_t> contacts;
  for (std::uint32_t advert : members) {
    for (std::uint32_t entity : corpus.advert_entities[advert]) {
      const EntityType type = corpus.entity_types[entity];
      if (type == EntityType::kPhone || type == EntityType::kEmail || type == EntityType::kHandle) {
        contacts.insert(entity);
      }
    }
  }
  return contacts.size();
}

// Pairs of phones at most consecutive_phone_window apart in a 1000-number
// block holding 2 to consecutive_block_max_phones of the phones.
void FindConsecutivePhones(const Corpus& corpus, const std::vector<bool>& ignored,
                           const LeadSettings& settings, LinkFacts* facts) {
  struct Numbered {
    std::uint64_t block;
    int number;
    std::uint32_t entity;
    bool operator<(const Numbered& o) const {
      return block != o.block ? block < o.block : number < o.number;
    }
  };
  std::vector<Numbered> phones;
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (corpus.entity_types[e] != EntityType::kPhone || ignored[e]) continue;
    Numbered n{0, 0, static_cast<std::uint32_t>(e)};
    if (SplitPhoneBlock(corpus.EntityValue(e), &n.block, &n.number)) phones.push_back(n);
  }
  std::sort(phones.begin(), phones.end());
  const auto max_in_block = static_cast<size_t>(settings.consecutive_block_max_phones);
  for (size_t begin = 0; begin < phones.size();) {
    size_t end = begin + 1;
    while (end < phones.size() && phones[end].block == phones[begin].block) ++end;
    if (end - begin >= 2 && end - begin <= max_in_block) {
      for (size_t x = begin; x < end; ++x) {
        for (size_t y = x + 1; y < end; ++y) {
          if (phones[y].number - phones[x].number > settings.consecutive_phone_window) break;
          facts->consecutive.emplace_back(phones[x].entity, phones[y].entity);
        }
      }
    }
    begin = end;
  }
}

// The full addresses at each postcode ("19 ABINGTON GROVE, NN1 4TH" ends
// in its postcode) that are not ignored.
void FindPostcodeAddresses(const Corpus& corpus, const std::vector<bool>& ignored,
                           LinkFacts* facts) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> addresses_at;
  std::unordered_map<std::string_view, std::uint32_t> postcode_entity;
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    const std::string_view value = corpus.EntityValue(e);
    if (corpus.entity_types[e] == EntityType::kPostcode) {
      postcode_entity.emplace(value, static_cast<std::uint32_t>(e));
    }
    if (corpus.entity_types[e] != EntityType::kAddress || ignored[e]) continue;
    const size_t comma = value.rfind(", ");
    if (comma != std::string_view::npos) {
      addresses_at[value.substr(comma + 2)].push_back(static_cast<std::uint32_t>(e));
    }
  }
  for (auto& [postcode, addresses] : addresses_at) {
    auto entity = postcode_entity.find(postcode);
    if (entity != postcode_entity.end()) {
      facts->postcode_addresses[entity->second] = std::move(addresses);
    }
  }
}

// The site on which `per_site` are most of the adverts (at least
// boilerplate_share of them and boilerplate_min_adverts), the first by
// name: a site's own contact or page layout, not a link between writers.
const std::pair<const std::string, std::int64_t>* BoilerplateSite(const SiteCounts& per_site,
                                                                  const SiteCounts& totals,
                                                                  const LeadSettings& settings) {
  for (const auto& entry : per_site) {
    const auto total = totals.find(entry.first);
    if (total == totals.end() || total->second <= 0) continue;
    if (entry.second >= settings.boilerplate_min_adverts &&
        static_cast<double>(entry.second) / static_cast<double>(total->second) >=
            settings.boilerplate_share) {
      return &entry;
    }
  }
  return nullptr;
}

void AddVerdict(std::uint32_t e, EntityVerdict verdict, LinkFacts* facts) {
  if (verdict.hygiene == Hygiene::kLinks) return;
  facts->entity_ignored[e] = true;
  if (verdict.hygiene == Hygiene::kBoilerplate) {
    facts->boilerplate.push_back(std::move(verdict.line));
    return;
  }
  if (verdict.over_cap) ++facts->over_cap;
  facts->hubs.push_back(verdict.line);
  facts->entity_hub[e] = std::move(verdict.line);
}

// Adds a template cluster's line when it is a site's layout or a hub;
// true when it may link.
bool AddTemplateVerdict(EntityVerdict verdict, LinkFacts* facts) {
  if (verdict.hygiene == Hygiene::kLinks) return true;
  (verdict.hygiene == Hygiene::kBoilerplate ? facts->boilerplate : facts->hubs)
      .push_back(std::move(verdict.line));
  return false;
}

}  // namespace

EntityType LinkKeyType(const std::string& key) {
  for (EntityType type : {EntityType::kPhone, EntityType::kEmail, EntityType::kPostcode,
                          EntityType::kAddress, EntityType::kHandle, EntityType::kImage}) {
    const std::string name = EntityTypeName(type);
    if (key.size() > name.size() && key.compare(0, name.size(), name) == 0 &&
        key[name.size()] == ' ') {
      return type;
    }
  }
  return EntityType::kPhone;
}

EntityVerdict JudgeTemplate(const SiteCounts& per_site, const SiteCounts& totals,
                            const LeadSettings& settings) {
  EntityVerdict verdict;
  std::int64_t size = 0;
  for (const auto& [site, n] : per_site) size += n;
  if (const auto* site = BoilerplateSite(per_site, totals, settings)) {
    verdict.hygiene = Hygiene::kBoilerplate;
    verdict.line = site->first + ": one near-duplicate template on " +
                   std::to_string(site->second) + " of " + std::to_string(totals.at(site->first)) +
                   " adverts (site layout)";
  } else if (size > settings.hub_max_adverts) {
    verdict.hygiene = Hygiene::kHub;
    verdict.line = "near-duplicate template on " + std::to_string(size) + " adverts across " +
                   Plural(per_site.size(), "site", "sites");
  }
  return verdict;
}

EntityVerdict JudgeEntity(const std::string& key, EntityType type, const SiteCounts& holders,
                          const SiteCounts& site_totals, const LeadSettings& settings,
                          const std::string& image_hub) {
  EntityVerdict verdict;
  std::int64_t count = 0;
  for (const auto& [site, n] : holders) count += n;
  if (count < 2) return verdict;
  if (const auto* site = BoilerplateSite(holders, site_totals, settings)) {
    verdict.hygiene = Hygiene::kBoilerplate;
    verdict.line = site->first + ": " + key + " on " + std::to_string(site->second) + " of " +
                   std::to_string(site_totals.at(site->first)) + " adverts";
    return verdict;
  }
  verdict.hygiene = Hygiene::kHub;
  if (!image_hub.empty()) {
    verdict.line = image_hub;
    return verdict;
  }
  const auto sites = static_cast<std::int64_t>(holders.size());
  if (count > settings.hub_max_adverts ||
      (count > settings.hub_multi_site_adverts && sites >= settings.hub_min_sites)) {
    verdict.line = key + " on " + std::to_string(count) + " adverts across " +
                   Plural(holders.size(), "site", "sites");
    return verdict;
  }
  // A contact or address on more adverts than the cap would make a group
  // past it whatever else links, so grouping would always withhold it:
  // decided here by its own count, it ties no unit of the incremental run
  // together (incremental_correlation.md, step 2). Postcodes never join
  // by themselves, so they stay for grouping to judge.
  if (count > settings.max_lead_adverts && type != EntityType::kPostcode) {
    verdict.line = key + ": on " + std::to_string(count) + " adverts, over max_lead_adverts " +
                   std::to_string(settings.max_lead_adverts);
    verdict.over_cap = true;
    return verdict;
  }
  verdict.hygiene = Hygiene::kLinks;
  return verdict;
}

EntityHolders IndexHolders(const Corpus& corpus) {
  EntityHolders h;
  h.offsets.assign(corpus.EntityCount() + 1, 0);
  for (std::uint32_t e : corpus.advert_entities.values) ++h.offsets[e + 1];
  for (size_t e = 0; e < corpus.EntityCount(); ++e) h.offsets[e + 1] += h.offsets[e];
  h.adverts.resize(h.offsets.back());
  std::vector<std::uint32_t> fill(h.offsets.begin(), h.offsets.end() - 1);
  for (size_t i = 0; i < corpus.adverts.size(); ++i) {
    for (std::uint32_t e : corpus.Entities(i)) h.adverts[fill[e]++] = static_cast<std::uint32_t>(i);
  }
  return h;  // adverts are visited in order, so each entity's holders ascend
}

LinkFacts ComputeLinkFacts(const Corpus& corpus, const EntityHolders& holders,
                           const LeadSettings& settings) {
  LinkFacts facts;
  const std::vector<size_t> site_totals = SiteTotals(corpus);
  facts.entity_ignored.assign(corpus.EntityCount(), false);

  SiteCounts totals;
  for (size_t site = 0; site < site_totals.size(); ++site) {
    totals[corpus.sites[site]] = static_cast<std::int64_t>(site_totals[site]);
  }
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (holders.Count(e) < 2) continue;
    const std::vector<std::uint32_t> members = holders.Of(e);
    const SiteCounts per_site = PerSite(corpus, members);
    std::string image_hub;
    if (corpus.entity_types[e] == EntityType::kImage) {
      const size_t contacts = DistinctContacts(corpus, members);
      if (contacts > static_cast<size_t>(settings.image_hub_contacts)) {
        image_hub = corpus.EntityKey(e) + " on " + std::to_string(members.size()) +
                    " adverts under " + std::to_string(contacts) + " contacts across " +
                    Plural(per_site.size(), "site", "sites") + " (stock or placeholder photo)";
      }
    }
    AddVerdict(static_cast<std::uint32_t>(e),
               JudgeEntity(corpus.EntityKey(e), corpus.entity_types[e], per_site, totals, settings,
                           image_hub),
               &facts);
  }

  std::vector<const std::uint16_t*> signatures(corpus.adverts.size());
  for (size_t i = 0; i < signatures.size(); ++i) signatures[i] = corpus.Signature(i);
  TemplateBanding banding;
  banding.signature_length = corpus.signature_length;
  banding.bands = std::max<size_t>(corpus.signature_bands, 1);
  banding.threshold = settings.near_duplicate_threshold;
  for (auto& members : FindTemplateClusters(signatures, banding)) {
    if (AddTemplateVerdict(JudgeTemplate(PerSite(corpus, members), totals, settings), &facts)) {
      facts.templates.push_back(std::move(members));
    }
  }

  FindConsecutivePhones(corpus, facts.entity_ignored, settings, &facts);
  FindPostcodeAddresses(corpus, facts.entity_ignored, &facts);
  return facts;
}

Result<LinkFacts> StoredLinkFacts(const Store& store, const Corpus& corpus,
                                  const std::vector<std::vector<std::string>>& clusters,
                                  const LeadSettings& settings) {
  LinkFacts facts;
  facts.entity_ignored.assign(corpus.EntityCount(), false);
  KeptVerdicts verdicts(store, settings);
  {
    std::vector<std::string> keys;
    keys.reserve(corpus.EntityCount());
    for (size_t e = 0; e < corpus.EntityCount(); ++e) keys.push_back(corpus.EntityKey(e));
    auto judged = verdicts.Entities(keys);
    if (!judged.ok()) return judged.status();
    for (size_t e = 0; e < corpus.EntityCount(); ++e) {
      AddVerdict(static_cast<std::uint32_t>(e), std::move((*judged)[e]), &facts);
    }
  }

  for (const std::vector<std::string>& ids : clusters) {
    std::vector<std::uint32_t> inside;
    for (const std::string& id : ids) {
      const long i = corpus.Find(id);
      if (i >= 0) inside.push_back(static_cast<std::uint32_t>(i));
    }
    auto verdict = verdicts.Cluster(ids);
    if (!verdict.ok()) return verdict.status();
    if (!AddTemplateVerdict(std::move(*verdict), &facts)) continue;
    if (inside.size() != ids.size()) {
      return Status::InvalidArgument("a template cluster that links reaches outside the corpus");
    }
    std::sort(inside.begin(), inside.end());
    facts.templates.push_back(std::move(inside));
  }

  // Consecutive phones: each 1000-number block's phones in the store
  // decide whether its pairs count; the pairs are those in the corpus.
  std::map<std::uint64_t, std::vector<std::pair<int, std::uint32_t>>> blocks;
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (corpus.entity_types[e] != EntityType::kPhone || facts.entity_ignored[e]) continue;
    std::uint64_t block = 0;
    int number = 0;
    if (SplitPhoneBlock(corpus.EntityValue(e), &block, &number)) {
      blocks[block].emplace_back(number, static_cast<std::uint32_t>(e));
    }
  }
  const std::string phone_type = std::string(EntityTypeName(EntityType::kPhone)) + " ";
  std::vector<std::string> prefixes;
  std::vector<std::uint64_t> block_of;  // by prefix
  for (const auto& entry : blocks) {
    prefixes.push_back(phone_type + "+" + std::to_string(entry.first));
    block_of.push_back(entry.first);
  }
  std::vector<size_t> in_store(prefixes.size(), 0);  // its linking phones
  Status failed;
  Status s = ForEachEntityCounts(
      store, prefixes, [&](size_t p, const std::string& key, const SiteCounts& holders) {
        std::uint64_t its_block = 0;
        int number = 0;
        if (!SplitPhoneBlock(std::string_view(key).substr(phone_type.size()), &its_block,
                             &number) ||
            its_block != block_of[p]) {
          return true;  // a longer number sharing the digits
        }
        auto verdict = verdicts.Entity(key, holders);
        if (!verdict.ok()) {
          failed = verdict.status();
          return false;
        }
        if (verdict->hygiene == Hygiene::kLinks) ++in_store[p];
        return true;
      });
  if (!s.ok()) return s;
  if (!failed.ok()) return failed;
  size_t p = 0;
  for (auto& entry : blocks) {
    auto& phones = entry.second;
    const size_t linking = in_store[p++];
    if (linking < 2 || linking > static_cast<size_t>(settings.consecutive_block_max_phones)) {
      continue;
    }
    std::sort(phones.begin(), phones.end());
    for (size_t x = 0; x < phones.size(); ++x) {
      for (size_t y = x + 1; y < phones.size(); ++y) {
        if (phones[y].first - phones[x].first > settings.consecutive_phone_window) break;
        facts.consecutive.emplace_back(phones[x].second, phones[y].second);
      }
    }
  }
  FindPostcodeAddresses(corpus, facts.entity_ignored, &facts);
  return facts;
}

Status KeptVerdicts::ReadTotals(const SiteCounts& per_site) {
  for (const auto& [site, n] : per_site) {
    if (totals_.count(site) != 0) continue;
    auto total = ReadSiteTotal(store_, site);
    if (!total.ok()) return total.status();
    totals_[site] = *total;
  }
  return Status::OK();
}

Result<EntityVerdict> KeptVerdicts::Entity(const std::string& entity) {
  auto holders = ReadEntityCounts(store_, entity);
  if (!holders.ok()) return holders.status();
  return Entity(entity, *holders);
}

Result<EntityVerdict> KeptVerdicts::Entity(const std::string& entity, const SiteCounts& holders) {
  Status s = ReadTotals(holders);
  if (!s.ok()) return s;
  EntityVerdict verdict = JudgeEntity(entity, LinkKeyType(entity), holders, totals_, settings_);
  for (const auto& [site, n] : holders) verdict.adverts += n;
  return verdict;
}

Result<std::vector<EntityVerdict>> KeptVerdicts::Entities(
    const std::vector<std::string>& entities) {
  auto holders = ReadEntityCounts(store_, entities);
  if (!holders.ok()) return holders.status();
  std::vector<EntityVerdict> verdicts;
  verdicts.reserve(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    auto verdict = Entity(entities[i], (*holders)[i]);
    if (!verdict.ok()) return verdict.status();
    verdicts.push_back(std::move(*verdict));
  }
  return verdicts;
}

Result<std::vector<std::string>> KeptVerdicts::LinkingPhones(const std::string& prefix,
                                                             size_t length) {
  auto phones = LinkingPhones({{prefix, length}});
  if (!phones.ok()) return phones.status();
  return std::move(phones->front());
}

Result<std::vector<std::vector<std::string>>> KeptVerdicts::LinkingPhones(
    const std::vector<std::pair<std::string, size_t>>& blocks) {
  std::vector<std::vector<std::string>> phones(blocks.size());
  std::vector<std::string> prefixes;
  prefixes.reserve(blocks.size());
  for (const auto& block : blocks) prefixes.push_back(block.first);
  Status failed;
  Status s = ForEachEntityCounts(
      store_, prefixes, [&](size_t b, const std::string& key, const SiteCounts& holders) {
        if (key.size() != blocks[b].second) return true;
        auto verdict = Entity(key, holders);
        if (!verdict.ok()) {
          failed = verdict.status();
          return false;
        }
        if (verdict->hygiene == Hygiene::kLinks) phones[b].push_back(key);
        return true;
      });
  if (!s.ok()) return s;
  if (!failed.ok()) return failed;
  return phones;
}

Result<EntityVerdict> KeptVerdicts::Cluster(const std::vector<std::string>& members) {
  SiteCounts per_site;
  auto adverts = store_.GetAdvertSummaries(members);
  if (!adverts.ok()) return adverts.status();
  for (size_t i = 0; i < members.size(); ++i) {
    const std::optional<AdvertSummary>& advert = (*adverts)[i];
    if (!advert.has_value()) {
      return Status::Corruption("template cluster names gone advert " + members[i]);
    }
    ++per_site[advert->site];
  }
  Status s = ReadTotals(per_site);
  if (!s.ok()) return s;
  return JudgeTemplate(per_site, totals_, settings_);
}

}  // namespace plainsight
