// The adverts stream: how adverts that crawl workers extracted reach the one
// store that correlates and that analysts use.
//
// A worker, when its crawl ends, publishes every advert its store's change
// log names (store/meta_keys.h kChanged: new, changed, re-extracted,
// removed, back, deleted) to plainsight:crawl:adverts, then clears those log
// entries. Nothing writes to the worker's store meanwhile, so no change can
// slip between the read and the clear; a worker killed before it publishes
// keeps its log, and its next run publishes it. The WARC evidence stays on
// the worker; its location is published as "<worker>/<file>" under the
// store's warc/ folder, where an operator copies the worker's warc/
// folder to (docs/deploy.md).
//
// The correlating store takes them in (`correlate` with [cluster]) through
// the group "store": each entry is applied, then acknowledged, so a
// correlate killed half-way takes the rest (and, harmlessly, the last few
// again) next time. Applying is idempotent: the same capture is stored
// once, an advert re-extracted on the worker replaces the stored content,
// removal and deletion carry over.
//
// Photos go with their advert: each entry lists the advert's images as the
// worker holds them ("image" fields, store/image_record.h AdvertImage JSON)
// and each picture kept ("picture" fields, StoredImage JSON, its WARC file
// named "<worker>/<file>" too), after a field "photos". The store merges
// them into its own rows by URL; a row it holds with a picture is never
// replaced by one without (the worker now crawling the advert may not have
// fetched it yet). A photo fetched in a later run logs its advert as
// changed ("photo"), so it is published then.
//
// Thread safety: none; one connection, one thread. The store is borrowed.
#pragma once

#include <cstddef>
#include <string>

#include "cluster/redis_connection.h"
#include "core/status.h"
#include "store/store.h"

namespace plainsight::cluster {

// Makes the store's group (before any worker publishes: a group sees only
// entries added after it exists). Workers call it too, before publishing.
Status EnsureAdvertsGroup(RedisConnection& redis);

// Publishes and clears the change log; returns how many adverts went out.
Result<std::size_t> PublishChangedAdverts(Store& store, RedisConnection& redis,
                                          const std::string& worker);

struct TakeInSummary {
  std::size_t entries = 0;  // stream entries read
  std::size_t stored = 0;   // adverts new or changed in the store
  std::size_t deleted = 0;
  std::size_t photo_updates = 0;  // adverts with photo rows written (new or changed)
  std::size_t malformed = 0;  // acknowledged and dropped, with a warning
};

// Applies everything published and not yet taken in.
Result<TakeInSummary> TakeInPublishedAdverts(Store& store, RedisConnection& redis);

}  // namespace plainsight::cluster
