// The CLI's side of cluster mode ([cluster] in the config): starting a
// crawl worker, publishing its adverts when it ends, and taking the
// workers' adverts into the correlating store. Errors become CliError
// (Redis unreachable or a worker name in use: exit 2).
#pragma once

#include <memory>
#include <string>

#include "cluster/crawl_share.h"
#include "core/config.h"
#include "store/store.h"

namespace plainsight::cli {

// Joins the cluster as `worker`; exit 1 without [cluster], 2 when Redis
// cannot be reached or a live worker already has the name.
std::unique_ptr<cluster::CrawlShare> StartCrawlWorker(const Config& config, const std::string& worker);

// After the worker's crawl: publishes what changed in its store, then gives
// up the name once the others have had time to see the run end.
void FinishCrawlWorker(const Config& config, Store& store, cluster::CrawlShare& share);

// With [cluster]: applies every advert the workers published (exit 2 when
// Redis cannot be reached). Without: nothing.
void TakeInWorkersAdverts(const Config& config, Store& store);

}  // namespace plainsight::cli
