// LinkCounts: the counts the store-wide link decisions rest on
// (link_facts.h), kept in the store and brought up to date from the
// change log, so an incremental run can decide boilerplate, hubs and
// site-wide wording for the units it recomputes without reading every
// advert (docs/incremental_correlation.md, steps 5 and 6).
//
// Kept (keys in store/meta_keys.h):
//   - per site, its adverts (removed ones too, as the corpus holds them);
//   - per entity (as corpus.h forms them: full addresses, named handles),
//     its holders on each site: the entity's count, its sites and its
//     share of each site;
//   - per site and indicator wording (indicator id and matched text), the
//     site's adverts with it;
//   - per advert, what the counts hold of it (its digest), so a change is
//     applied as the difference between the digest and the advert now;
//   - per site, its entities and its wordings by their count there, so the
//     ones a change of the site's total can flip are a range, not a scan;
//   - per entity, the adverts holding it (the adverts a unit reaches).
//
// Thread safety: free functions; one writer at a time per store
// (correlation holds the store's lock). Each application of changes is one
// atomic write, and a digest is written with the counts it moved, so a
// crash never leaves an advert counted twice or not at all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"

namespace plainsight {

// Replaces every kept count with a count of all stored adverts (one scan of
// the summaries). Holds every entity key and every advert's digest in
// memory while it counts: fine for tests and small stores, not for 10M
// adverts, where the full run should write them from its corpus.
Status RecountLinkCounts(Store& store);

// Holders of one entity per site, by site name.
using SiteCounts = std::map<std::string, std::int64_t>;

// What an application of changes moved, with the counts before and after,
// for deciding which decisions flipped (FlippedHygiene).
struct LinkCountChanges {
  size_t adverts = 0;  // adverts whose digest changed
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> sites;  // total before, after
  std::map<std::string, std::pair<SiteCounts, SiteCounts>> entities;   // "phone +44…"
  // Site "\x1f" indicator id "\x1f" match: adverts before, after.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> wordings;
};

// Applies the difference between each named advert's digest and the
// advert as stored now (new, changed, removed, deleted: a deleted advert
// has no summary and loses its digest). Ids may repeat; order does not
// matter. NotFound when no recount of this form was written whole (the
// caller recounts). The adverts are read as stored when it runs: a run
// that applies the changes after loading its corpus may count a later
// edit its corpus did not see, so apply before loading.
Result<LinkCountChanges> ApplyLinkCountChanges(Store& store, const std::vector<std::string>& ids);

// The adverts holding `entity` (a key such as "phone +44…"), ascending.
Result<std::vector<std::string>> LinkHolders(const Store& store, const std::string& entity);
// The holders of each of `entities`, in their order: one pass over the
// store for all.
Result<std::vector<std::vector<std::string>>> LinkHolders(const Store& store,
                                                          const std::vector<std::string>& entities);

// The site the counts hold `id` on, before changes are applied to it
// (empty when they hold nothing of it).
Result<std::string> CountedSiteOf(const Store& store, const std::string& id);

// Whether a whole recount is kept (changes can be applied to it).
Result<bool> LinkCountsReady(const Store& store);

// The kept counts, one at a time (an incremental run decides only the
// entities and wordings of the adverts it recomputes): an entity's holders
// per site (empty when none), a site's adverts, a site's adverts with one
// indicator wording.
Result<SiteCounts> ReadEntityCounts(const Store& store, const std::string& entity);
// Each of `entities`' counts, in their order: one batched read.
Result<std::vector<SiteCounts>> ReadEntityCounts(const Store& store,
                                                 const std::vector<std::string>& entities);
Result<std::int64_t> ReadSiteTotal(const Store& store, const std::string& site);
Result<std::int64_t> ReadWordingCount(const Store& store, const std::string& site,
                                      const std::string& indicator, const std::string& match);
// Every kept entity whose key starts with `prefix` (a phone's 1000-number
// block: "phone +447700900"), in key order, with its holders per site.
Status ForEachEntityCounts(
    const Store& store, const std::string& prefix,
    const std::function<bool(const std::string& entity, const SiteCounts& holders)>& visit);
// The same under each of `prefixes` (in their order; one may begin
// another), with the index of the prefix: one pass with one iterator,
// much cheaper than a call per prefix for the tens of thousands of phone
// blocks a day's units reach.
Status ForEachEntityCounts(const Store& store, const std::vector<std::string>& prefixes,
                           const std::function<bool(size_t prefix, const std::string& entity,
                                                    const SiteCounts& holders)>& visit);

// The hygiene decision link_facts.cc takes for an entity that is not a
// photo, from its holders per site and the sites' totals: a site's own
// (boilerplate), a hub, or a link.
enum class Hygiene { kLinks, kBoilerplate, kHub };
Hygiene DecideHygiene(const SiteCounts& holders, const SiteCounts& site_totals,
                      const LeadSettings& settings);

// The entities (keys) whose hygiene decision `changes`, just applied,
// flipped: those whose own counts moved, and those whose share of a site
// crossed the boilerplate share because the site's total moved (found
// through the kept counts by site, not by reading every entity).
Result<std::vector<std::string>> FlippedHygiene(const Store& store, const LinkCountChanges& changes,
                                                const LeadSettings& settings);

// The wordings (site "\x1f" indicator id "\x1f" match) whose site-wide
// decision (corpus.h: on at least boilerplate_share of the site's adverts
// and boilerplate_min_adverts of them, the site's own wording) `changes`
// flipped, found as FlippedHygiene finds entities.
Result<std::vector<std::string>> FlippedWordings(const Store& store,
                                                 const LinkCountChanges& changes,
                                                 const LeadSettings& settings);

// For tests and operators: holds every kept key and a fresh count in
// memory. Compares every kept count and digest with a fresh count of the stored
// adverts; returns the differences ("entity phone +44…: site-a 3, kept 2"),
// at most `max_differences` of them. Empty: the counts are exact.
Result<std::vector<std::string>> CheckLinkCounts(const Store& store, size_t max_differences = 20);

}  // namespace plainsight
