// LinkGraph: which adverts are tied together, and by what.
//
// A link source is one thing several adverts share. Sources are strong or
// weak, and only strong ones build groups:
//   strong: an E.164 phone, an e-mail, a full address (street with its
//           postcode, or with its town where no postcode is given; a bare
//           street never links);
//   weak:   a near-duplicate template (MinHash with LSH banding), a shared
//           postcode, a pair of consecutive phone numbers.
// Weak evidence raises the score of a group it falls inside. A template may
// also join adverts, but only when the template itself carries risk
// (template_risk.h), and where it touches two or more groups of two or
// more adverts only among adverts that also name the same town (one ring
// using several phones in one place); it never joins groups in different
// towns (two rings copying one advert text), so weak evidence alone never
// bridges groups that strong identifiers keep apart. Postcodes and
// consecutive phones never join.
//
// Hygiene runs before any merging:
//   - a contact or template on most adverts of one site is that site's own
//     (boilerplate), not a link;
//   - a contact on very many adverts, or on many adverts across many sites,
//     is a hub: reported, not linked;
//   - no group grows past max_lead_adverts: strong sources are applied most
//     specific first (fewest adverts), and one that would push a group over
//     the cap is withheld and reported as a hub instead, so a group that
//     would be giant splits at its broadest link.
// Every decision depends only on the corpus (adverts in id order), never on
// the order adverts were fetched: the same adverts give the same groups.
//
// The decisions that depend on the whole store (hygiene, template
// clusters, consecutive phones, postcode addresses) are LinkFacts
// (link_facts.h); the rest depends only on the adverts grouped, so a
// corpus of some whole units grouped with the store's facts gives what the
// full corpus gives for them. A plain value; not thread-safe while being
// built.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "leads/corpus.h"
#include "leads/link_facts.h"

namespace plainsight {

enum class LinkKind { kContact, kAddress, kTemplate, kPostcode, kConsecutive };

// Strong: kContact (phone, e-mail) and kAddress (full address); the rest
// are weak.
bool IsStrong(LinkKind kind);
// "phone", "email", "address", "template", "postcode", "consecutive phones"
// (the `type` of a lead's links in JSON, see CONTRACT.md).
const char* LinkTypeName(const Corpus& corpus, LinkKind kind, std::uint32_t entity);

struct LinkSource {
  LinkKind kind = LinkKind::kContact;
  std::uint32_t entity = 0;   // kContact, kAddress, kPostcode: index into Corpus::entities
  std::uint32_t entity2 = 0;  // kConsecutive: the other phone
  std::vector<std::uint32_t> members;  // advert indices, ascending, at least 2
  bool active = true;   // false: boilerplate, hub or withheld (neither joins nor scores)
  bool joined = false;  // it united its members' groups (strong always; a risky template)
  // Weak sources that joined (a risky template, a postcode joined to its
  // one address): one advert of each part they joined, for a template may
  // join in one town and only score in another (GroupLink::joined).
  std::vector<std::uint32_t> joined_at;
  std::string risk;     // kTemplate: why the template carries risk, "" when it does not
};

// The part of one source that lies inside one group.
struct GroupLink {
  const LinkSource* source = nullptr;
  std::vector<std::uint32_t> members;  // ascending, at least 2
  bool joined = false;  // the source joined adverts in this group (not only elsewhere)
};

struct LinkGraph {
  std::vector<LinkSource> sources;
  // Per advert, its group's representative (a dense group number).
  std::vector<std::uint32_t> group;
  size_t groups = 0;
  // Per entity: whether it was dropped as boilerplate or hub.
  std::vector<bool> entity_ignored;
  // Entity -> why it is a hub (only hubs are present).
  std::unordered_map<std::uint32_t, std::string> entity_hub;
  std::vector<std::string> boilerplate;  // for CorrelateSummary
  std::vector<std::string> hubs;
  size_t withheld = 0;        // sources withheld by the size cap
  size_t weak_not_joined = 0;  // risky templates kept from bridging strong groups
};

// Groups every advert of `corpus`, with the facts taken from it (the
// corpus holds every stored advert).
LinkGraph BuildLinkGraph(const Corpus& corpus, const LeadSettings& settings);
// Groups the adverts of `corpus` with `facts` given (indices into it).
LinkGraph BuildLinkGraph(const Corpus& corpus, LinkFacts facts, const LeadSettings& settings);

// Per group, the active sources with at least two members inside it, in
// the graph's source order.
std::vector<std::vector<GroupLink>> LinksByGroup(const LinkGraph& graph);

}  // namespace plainsight
