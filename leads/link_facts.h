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

}  // namespace plainsight
