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

// The site (if any) on which `members` are most of the adverts: a site's
// own contact or page layout, not a link between writers.
struct SiteShare {
  bool boilerplate = false;
  std::uint16_t site = 0;
  size_t count = 0;
  size_t sites = 0;  // distinct sites among members
};

SiteShare CheckSiteShare(const Corpus& corpus, const std::vector<std::uint32_t>& members,
                         const std::vector<size_t>& site_totals, const LeadSettings& settings) {
  std::map<std::uint16_t, size_t> per_site;
  for (std::uint32_t i : members) ++per_site[corpus.adverts[i].site];
  SiteShare out;
  out.sites = per_site.size();
  for (const auto& [site, count] : per_site) {
    double share = static_cast<double>(count) / static_cast<double>(site_totals[site]);
    if (count >= static_cast<size_t>(settings.boilerplate_min_adverts) &&
        share >= settings.boilerplate_share) {
      out = {true, site, count, per_site.size()};
      return out;
    }
  }
  return out;
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

}  // namespace

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

  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    const size_t count = holders.Count(e);
    if (count < 2) continue;
    const std::vector<std::uint32_t> members = holders.Of(e);
    const SiteShare share = CheckSiteShare(corpus, members, site_totals, settings);
    if (share.boilerplate) {
      facts.boilerplate.push_back(corpus.sites[share.site] + ": " + corpus.EntityKey(e) + " on " +
                                  std::to_string(share.count) + " of " +
                                  std::to_string(site_totals[share.site]) + " adverts");
      facts.entity_ignored[e] = true;
      continue;
    }
    std::string hub;
    if (corpus.entity_types[e] == EntityType::kImage) {
      const size_t contacts = DistinctContacts(corpus, members);
      if (contacts > static_cast<size_t>(settings.image_hub_contacts)) {
        hub = corpus.EntityKey(e) + " on " + std::to_string(count) + " adverts under " +
              std::to_string(contacts) + " contacts across " +
              Plural(share.sites, "site", "sites") + " (stock or placeholder photo)";
      }
    }
    if (hub.empty() && (count > static_cast<size_t>(settings.hub_max_adverts) ||
                        (count > static_cast<size_t>(settings.hub_multi_site_adverts) &&
                         share.sites >= static_cast<size_t>(settings.hub_min_sites)))) {
      hub = corpus.EntityKey(e) + " on " + std::to_string(count) + " adverts across " +
            Plural(share.sites, "site", "sites");
    }
    // A contact or address on more adverts than the cap would make a group
    // past it whatever else links, so grouping would always withhold it:
    // decided here by its own count, it ties no unit of the incremental run
    // together (incremental_correlation.md, step 2). Postcodes never join
    // by themselves, so they stay for grouping to judge.
    const auto cap = static_cast<size_t>(settings.max_lead_adverts);
    if (hub.empty() && count > cap && corpus.entity_types[e] != EntityType::kPostcode) {
      hub = corpus.EntityKey(e) + ": on " + std::to_string(count) +
            " adverts, over max_lead_adverts " + std::to_string(cap);
      ++facts.over_cap;
    }
    if (hub.empty()) continue;
    facts.hubs.push_back(hub);
    facts.entity_hub[static_cast<std::uint32_t>(e)] = std::move(hub);
    facts.entity_ignored[e] = true;
  }

  std::vector<const std::uint16_t*> signatures(corpus.adverts.size());
  for (size_t i = 0; i < signatures.size(); ++i) signatures[i] = corpus.Signature(i);
  TemplateBanding banding;
  banding.signature_length = corpus.signature_length;
  banding.bands = std::max<size_t>(corpus.signature_bands, 1);
  banding.threshold = settings.near_duplicate_threshold;
  for (auto& members : FindTemplateClusters(signatures, banding)) {
    const SiteShare share = CheckSiteShare(corpus, members, site_totals, settings);
    if (share.boilerplate) {
      facts.boilerplate.push_back(corpus.sites[share.site] + ": one near-duplicate template on " +
                                  std::to_string(share.count) + " of " +
                                  std::to_string(site_totals[share.site]) +
                                  " adverts (site layout)");
      continue;
    }
    if (members.size() > static_cast<size_t>(settings.hub_max_adverts)) {
      facts.hubs.push_back("near-duplicate template on " + std::to_string(members.size()) +
                           " adverts across " + Plural(share.sites, "site", "sites"));
      continue;
    }
    facts.templates.push_back(std::move(members));
  }

  FindConsecutivePhones(corpus, facts.entity_ignored, settings, &facts);
  FindPostcodeAddresses(corpus, facts.entity_ignored, &facts);
  return facts;
}

}  // namespace plainsight
