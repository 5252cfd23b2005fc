#include "core/cluster_settings.h"

namespace plainsight {

const SettingKeys<ClusterSettings>& ClusterSettingKeys() {
  using S = ClusterSettings;
  static const SettingKeys<S> keys = {
      {"redis", &S::redis},
      {"worker_ttl_ms", &S::worker_ttl_ms, 1000, 600000},
  };
  return keys;
}

}  // namespace plainsight
