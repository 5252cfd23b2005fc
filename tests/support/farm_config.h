// Config files for tests that crawl the project's farm: the bundled
// indicator packs and gazetteer, a store under the test's temp dir. One
// place, so every farm test crawls with the same configuration.
#pragma once

#include <fstream>
#include <string>

#include "core/config.h"
#include "tests/farm/farm.h"

namespace plainsight::testing {

// The farm's options with the bundled packs and the store at `store_path`.
inline farm::ConfigOptions FarmConfigOptions(const std::string& store_path, int per_host_delay_ms) {
  farm::ConfigOptions options;
  options.store_path = store_path;
  options.pattern_paths = {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
                           PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"};
  options.per_host_delay_ms = per_host_delay_ms;
  return options;
}

// The whole config as TOML, with the bundled gazetteer.
inline std::string FarmConfigToml(const farm::Farm& farm, const farm::ConfigOptions& options) {
  return "gazetteer = \"" PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv\"\n" +
         farm.ConfigToml(options);
}

// Writes FarmConfigToml to `path` and returns `path`.
inline std::string WriteFarmConfig(const farm::Farm& farm, const farm::ConfigOptions& options,
                                   const std::string& path) {
  std::ofstream(path) << FarmConfigToml(farm, options);
  return path;
}

// The farm's config as the library reads it: `options` parsed, relative
// paths under `dir`, and the bundled gazetteer.
inline Result<Config> ParseFarmConfig(const farm::Farm& farm, const farm::ConfigOptions& options,
                                      const std::string& dir) {
  Result<Config> parsed = ParseConfig(farm.ConfigToml(options), "farm.toml", dir);
  if (parsed.ok()) parsed->gazetteer_path = PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv";
  return parsed;
}

}  // namespace plainsight::testing
