// LinkFacts: the decisions linking takes from the whole store rather than
// from the adverts a group is made of (docs/incremental_correlation.md,
// step 4). BuildLinkGraph (link_graph.h) groups the adverts of a corpus
// with these given, so a corpus holding only some whole units of the store
// can be grouped as the full corpus would group them, once the facts come
// from aggregates kept in the store instead of from a full corpus.
//
// The decisions:
//   - which contacts, photos and addresses are a site's own (on most of
//     one site's adverts) or hubs (on very many adverts, or many adverts
//     over many sites, or a photo under many contacts, or on more adverts
//     than the size cap): they never link, and the lines saying so quote
//     their counts over the whole store;
//   - the near-duplicate template clusters (template_clusters.h) that may
//     link, i.e. are neither a site's layout nor a hub;
//   - pairs of consecutive phone numbers, in 1000-number blocks holding
//     few enough of the store's phones;
//   - the full addresses the store knows at each postcode.
//
// ComputeLinkFacts takes them from a corpus of every stored advert (the
// full run). A plain value.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/config.h"
#include "leads/corpus.h"
#include "leads/link_counts.h"
#include "store/store.h"

namespace plainsight {

// Adverts holding each entity of a corpus, as one flat array.
struct EntityHolders {
  std::vector<std::uint32_t> offsets;  // entity e's holders: [offsets[e], offsets[e+1])
  std::vector<std::uint32_t> adverts;  // each entity's ascending

  size_t Count(size_t e) const { return offsets[e + 1] - offsets[e]; }
  std::vector<std::uint32_t> Of(size_t e) const {
    return {adverts.begin() + offsets[e], adverts.begin() + offsets[e + 1]};
  }
};

EntityHolders IndexHolders(const Corpus& corpus);

struct LinkFacts {
  // Per corpus entity: boilerplate or hub (links nothing, scores nothing).
  std::vector<bool> entity_ignored;
  // Entity -> why it is a hub (hubs only; leads list these lines).
  std::unordered_map<std::uint32_t, std::string> entity_hub;
  std::vector<std::string> boilerplate;  // "site: phone +44… on N of M adverts"
  std::vector<std::string> hubs;         // entity and template hubs, in that order
  // Of the entity hubs, those on more adverts than max_lead_adverts (which
  // grouping would withhold anyway): counted with the withheld links.
  size_t over_cap = 0;
  // Template clusters that may link: advert indices, each ascending.
  std::vector<std::vector<std::uint32_t>> templates;
  // Consecutive phones: (lower, higher) phone entities, neither ignored.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> consecutive;
  // Postcode entity -> the full address entities known at it, none
  // ignored (grouping joins the postcode to the one of them not withheld
  // by the size cap, when there is exactly one).
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> postcode_addresses;
};

// The facts of a corpus of every stored advert. `holders` is
// IndexHolders(corpus).
LinkFacts ComputeLinkFacts(const Corpus& corpus, const EntityHolders& holders,
                           const LeadSettings& settings);

// The facts of a corpus of whole units (an incremental run's, loaded by
// LoadCorpusOf), decided as ComputeLinkFacts decides them but from what
// the store keeps: each entity's holders per site and the sites' totals
// (link_counts.h), the template clusters that touch the corpus
// (`clusters`, from template_index.h; a cluster that may link lies whole
// in the corpus, the others may reach outside it) and each 1000-number
// block's phones. Photos are not decided here (a store with photos takes
// the full run).
Result<LinkFacts> StoredLinkFacts(const Store& store, const Corpus& corpus,
                                  const std::vector<std::vector<std::string>>& clusters,
                                  const LeadSettings& settings);

// One entity's hygiene by its holders per site, as both kinds of run
// decide it: `line` says why it does not link ("site-a: phone +44… on 9
// of 12 adverts", "phone +44… on 30 adverts across 4 sites"); `image_hub`,
// when not empty, is the line of a photo under too many contacts.
struct EntityVerdict {
  Hygiene hygiene = Hygiene::kLinks;
  std::string line;
  bool over_cap = false;  // a hub only by being on more adverts than the cap
  // The adverts holding it by the kept counts (KeptVerdicts; 0 otherwise).
  std::int64_t adverts = 0;
};
EntityVerdict JudgeEntity(const std::string& key, EntityType type, const SiteCounts& holders,
                          const SiteCounts& site_totals, const LeadSettings& settings,
                          const std::string& image_hub = "");
// The type of an entity key ("phone +44…" is a phone).
EntityType LinkKeyType(const std::string& key);
// A near-duplicate template cluster's, by its members per site: a site's
// layout (most of one site's adverts) or a hub (over hub_max_adverts).
EntityVerdict JudgeTemplate(const SiteCounts& per_site, const SiteCounts& site_totals,
                            const LeadSettings& settings);

// Judges entities and template clusters as the facts do, by the counts
// the store keeps now (each site's total read once).
class KeptVerdicts {
 public:
  KeptVerdicts(const Store& store, const LeadSettings& settings)
      : store_(store), settings_(settings) {}
  // `entity` is a key such as "phone +44…".
  Result<EntityVerdict> Entity(const std::string& entity);
  Result<EntityVerdict> Entity(const std::string& entity, const SiteCounts& holders);
  // Each of `entities`, in their order, their counts read in one batch.
  Result<std::vector<EntityVerdict>> Entities(const std::vector<std::string>& entities);
  // The phones of one 1000-number block that link, ascending: the kept
  // entity keys of `length` under `prefix` ("phone +447700900").
  Result<std::vector<std::string>> LinkingPhones(const std::string& prefix, size_t length);
  // The same for each of `blocks` (prefix, length), in their order: one
  // pass over the counts.
  Result<std::vector<std::vector<std::string>>> LinkingPhones(
      const std::vector<std::pair<std::string, size_t>>& blocks);
  // A cluster by its members' sites (read from the store).
  Result<EntityVerdict> Cluster(const std::vector<std::string>& members);

 private:
  Status ReadTotals(const SiteCounts& per_site);

  const Store& store_;
  const LeadSettings& settings_;
  SiteCounts totals_;
};

}  // namespace plainsight
