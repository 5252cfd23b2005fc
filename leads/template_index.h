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
// An update finds every bucket a changed advert left or entered, and the
// clusters of all adverts in those buckets and of the changed adverts
// (whose ties in the buckets they stay in change with their values): only
// their ties can change.
// It re-ties every bucket of every advert in those clusters (reading whole
// buckets, so a bucket's first and previous members are the true ones) and
// takes the connected sets anew; an advert tied to one outside the set
// brings its cluster in too. The ties of buckets nothing entered or left
// are as they were, so the clusters come out as a full banding of all
// indexed adverts would give them (the test compares the two after random
// inserts, deletes and re-signings).
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
  size_t adverts_retied = 0;  // adverts whose buckets were tied again
  // Adverts outside the set that ties reached (bringing their clusters in).
  size_t outside_ties = 0;
  size_t buckets_read = 0;
};

// Applies `changes` and re-ties what they touch. InvalidArgument when an id
// comes twice or values have another length than the banding's; Corruption
// when a stored signature has.
//
// Cost: every advert of every cluster touched, and every member of a
// touched bucket, has all its buckets read; one new copy of a text posted
// 100,000 times reads about 4 million postings. Narrowing that to the
// positions whose ties can change is left for when it is measured.
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
