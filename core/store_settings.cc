#include "core/store_settings.h"

namespace plainsight {

const SettingKeys<StoreSettings>& StoreSettingKeys() {
  using S = StoreSettings;
  static const SettingKeys<S> keys = {
      {"path", &S::path},
      {"retention_days", &S::retention_days, 1, 100000},
      {"warc", &S::warc},
      {"warc_max_file_mb", &S::warc_max_file_mb, 1, 1 << 20},
  };
  return keys;
}

}  // namespace plainsight
