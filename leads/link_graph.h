// LinkGraph: which adverts are tied together, and by what.
//
// A link source is one thing several adverts share: a contact (phone,
// email, postcode, street address), a near-duplicate template (MinHash with
// LSH banding; adverts in one LSH bucket that pass the Jaccard check are
// united, so n copies of a template cost n, not n^2/2), or a pair of
// consecutive phone numbers. Hygiene runs before any merging:
//   - a contact or template on most adverts of one site is that site's own
//     (boilerplate), not a link;
//   - a contact on very many adverts, or on many adverts across many sites,
//     is a hub: reported, not linked;
//   - no group grows past max_lead_adverts: sources are applied strongest
//     first (contacts, then addresses, templates, consecutive numbers; the
//     more specific before the broader), and a source that would push a
//     group over the cap is withheld and reported as a hub instead. A group
//     that would be giant thus splits along its weakest links.
//
// Recomputed in full on every run from the Corpus (the union-find over a
// million adverts takes well under a second); only signatures are cached.
// A plain value; not thread-safe while being built.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "leads/corpus.h"

namespace plainsight {

enum class LinkKind { kContact, kAddress, kTemplate, kConsecutive };

struct LinkSource {
  LinkKind kind = LinkKind::kContact;
  std::uint32_t entity = 0;   // kContact, kAddress: index into Corpus::entities
  std::uint32_t entity2 = 0;  // kConsecutive: the other phone
  std::vector<std::uint32_t> members;  // advert indices, ascending, at least 2
  bool active = true;                  // false: boilerplate, hub or withheld
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
  size_t withheld = 0;  // sources withheld by the size cap
};

LinkGraph BuildLinkGraph(const Corpus& corpus, const LeadSettings& settings);

}  // namespace plainsight
