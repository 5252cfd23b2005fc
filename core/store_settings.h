// StoreSettings: the [store] table. Plain value; share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/setting_key.h"

namespace plainsight {

struct StoreSettings {
  std::string path = "data/plainsight";  // resolved against the config file's folder
  int retention_days = 90;
  bool warc = true;                      // keep every advert response as WARC evidence
  int warc_max_file_mb = 1024;
};

// Its TOML keys, each listed once with its member and range.
const SettingKeys<StoreSettings>& StoreSettingKeys();

}  // namespace plainsight
