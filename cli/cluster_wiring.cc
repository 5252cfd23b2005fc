#include "cli/cluster_wiring.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <optional>
#include <set>
#include <thread>

#include "cli/cli_common.h"
#include "cluster/advert_channel.h"
#include "core/redis_url.h"
#include "crawler/url.h"

namespace plainsight::cli {
namespace {

using std::chrono::milliseconds;

RedisUrl ClusterUrl(const Config& config) {
  Result<RedisUrl> url = ParseRedisUrl(config.cluster.redis);
  if (!url.ok()) throw CliError(kExitBadInput, "[cluster] redis: " + url.status().ToString());
  return *url;
}

cluster::RedisConnection Connect(const Config& config) {
  Result<cluster::RedisConnection> redis =
      cluster::RedisConnection::Connect(ClusterUrl(config), milliseconds(3000));
  if (!redis.ok()) throw CliError(kExitStore, "cluster: " + redis.status().ToString());
  return std::move(redis).value();
}

}  // namespace

std::unique_ptr<cluster::CrawlShare> StartCrawlWorker(const Config& config, const std::string& worker) {
  if (!config.cluster.enabled()) {
    throw CliError(kExitBadInput, "--worker needs a [cluster] table with redis in " + config.source_path);
  }
  // Every worker reads the same config, so they agree on the hosts to share.
  std::set<std::string> hosts;
  for (const SiteConfig& site : config.sites) {
    for (const std::string& seed : site.seeds) {
      if (std::optional<Url> url = ParseUrl(seed)) hosts.insert(url->HostPort());
    }
  }
  Result<std::unique_ptr<cluster::CrawlShare>> share = cluster::CrawlShare::Start(
      ClusterUrl(config), worker, milliseconds(config.cluster.worker_ttl_ms),
      std::vector<std::string>(hosts.begin(), hosts.end()));
  if (!share.ok()) throw CliError(kExitStore, "cluster: " + share.status().ToString());
  // The store group exists before this worker publishes anything.
  cluster::RedisConnection redis = Connect(config);
  if (Status s = cluster::EnsureAdvertsGroup(redis); !s.ok()) {
    throw CliError(kExitStore, "cluster: " + s.ToString());
  }
  return std::move(share).value();
}

void FinishCrawlWorker(const Config& config, Store& store, cluster::CrawlShare& share) {
  const auto ended = std::chrono::steady_clock::now();
  cluster::RedisConnection redis = Connect(config);
  Result<std::size_t> published = cluster::PublishChangedAdverts(store, redis, share.worker());
  if (!published.ok()) {
    throw CliError(kExitStore, "cluster: publishing adverts (kept for the next run): " +
                                   published.status().ToString());
  }
  std::cerr << "cluster: worker " << share.worker() << " published " << *published
            << " advert(s) to the correlating store\n";
  // Leaving at once would hand this worker's hosts to the others, which
  // may not have seen the run end yet, and they would crawl them again.
  std::this_thread::sleep_until(ended + milliseconds(300));
  if (Status s = share.Leave(); !s.ok()) spdlog::warn("cluster: leaving: {}", s.ToString());
}

void TakeInWorkersAdverts(const Config& config, Store& store) {
  if (!config.cluster.enabled()) return;
  cluster::RedisConnection redis = Connect(config);
  Result<cluster::TakeInSummary> taken = cluster::TakeInPublishedAdverts(store, redis);
  if (!taken.ok()) throw CliError(kExitStore, "cluster: taking in adverts: " + taken.status().ToString());
  std::cerr << "cluster: " << taken->entries << " advert update(s) taken in from workers ("
            << taken->stored << " stored, " << taken->deleted << " deleted, "
            << taken->photo_updates << " with new photos, " << taken->malformed << " malformed)\n";
}

}  // namespace plainsight::cli
