// TemplateIndex: the near-duplicate template clusters of the stored
// adverts (template_clusters.h), kept in the store's meta family so that a
// run can bring them up to date from the adverts whose signatures changed,
// instead of banding every signed advert (docs/incremental_correlation.md,
// step 7).
//
// Kept (keys in store/meta_keys.h): each signed advert's 16-bit signature
// as indexed, one posting per band bucket it falls in, and each cluster of
// two or more adverts with, per member, the cluster it is in.
//
// An update reads every bucket a changed advert entered, left or stayed in
// (re-signed, its ties there are judged anew) and ties each twice, with
// its members before and after the changes: only these ties can differ.
// New ties join clusters. A lost tie splits nothing when the touched
// buckets' ties after the changes still join its two ends (for an advert
// that is gone: all its old neighbours); only a cluster where they do not
// has every bucket of every member read and tied again (a tie to an advert
// outside bringing that one's cluster in). So the clusters come out as a
// full banding of all indexed adverts would give them (the test compares
// the two after random inserts, deletes and re-signings), while a new
// copy of a common text costs its own buckets, not its family's.
//
// The index is valid only for the banding it was written with; an update
// of an index written with another (or never finished) fails with
// NotFound, and the caller writes it anew from a full run.
//
// Free functions; one writer at a time per store (correlate holds the
// store's lock). Each update is one atomic write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "leads/template_clusters.h"
#include "store/store.h"

namespace plainsight {

// One advert's signature now: values empty when it has none (too short a
// text, or the advert is gone).
struct TemplateSignature {
  std::string id;
  std::vector<std::uint16_t> values;
};

// Replaces the index with one of `adverts` (in any order, each id once;
// only those with values are indexed) and their clusters, found by a full
// banding.
Status WriteTemplateIndex(Store& store, const std::vector<TemplateSignature>& adverts,
                          const TemplateBanding& banding);

struct TemplateIndexUpdate {
  // Clusters that are no longer as they were, and those that replace them;
  // a cluster that came out unchanged is in neither.
  std::vector<std::vector<std::string>> removed;
  std::vector<std::vector<std::string>> added;
  size_t ties_lost = 0;        // ties of touched buckets the changes undid
  size_t ties_bridged = 0;     // of them, between adverts the new ties still join
  size_t clusters_retied = 0;  // old clusters a lost tie may have split
  size_t adverts_retied = 0;   // adverts whose every bucket was tied again
  // Adverts outside the re-tied clusters that their ties reached.
  size_t outside_ties = 0;
  size_t buckets_read = 0;
};

// Applies `changes` and re-ties what they touch. InvalidArgument when an id
// comes twice or values have another length than the banding's; Corruption
// when a stored signature has.
//
// Cost: the touched buckets whole (one new copy of a text posted 100,000
// times reads its 42 buckets of about 100,000 ids each), and every bucket
// of the clusters a lost tie may have split.
Result<TemplateIndexUpdate> UpdateTemplateIndex(Store& store,
                                                const std::vector<TemplateSignature>& changes,
                                                const TemplateBanding& banding);

// Whether an index written whole with `banding` is kept.
Result<bool> TemplateIndexReady(const Store& store, const TemplateBanding& banding);

// The cluster `id` is in, ascending; empty when it is in none.
Result<std::vector<std::string>> TemplateClusterOf(const Store& store, const std::string& id);

// The cluster each of `ids` is in, in their order: two batched reads.
Result<std::vector<std::vector<std::string>>> TemplateClustersOf(
    const Store& store, const std::vector<std::string>& ids);

// Every cluster in the index, each ascending, sorted.
Result<std::vector<std::vector<std::string>>> ReadTemplateClusters(const Store& store);

}  // namespace plainsight
