// ClusterSettings: the optional [cluster] table. With `redis` set, crawl
// workers on several machines share the configured hosts through that
// Redis (cluster/crawl_share.h), and `correlate` first takes in the adverts
// they published. Plain value; share read-only.
#pragma once

#include <string>

#include "core/setting_key.h"

namespace plainsight {

struct ClusterSettings {
  std::string redis;         // "redis://host:port/db"; empty = no cluster
  int worker_ttl_ms = 6000;  // a worker that has not renewed for this long has left
  bool enabled() const { return !redis.empty(); }
};

// Its TOML keys, each listed once with its member and range. The loader
// checks that `redis` parses as a RedisUrl (core/redis_url.h).
const SettingKeys<ClusterSettings>& ClusterSettingKeys();

}  // namespace plainsight
