// Config loading (core/config.h, ParseConfig) on arbitrary text.
//
// Properties: no crash and no escaping exception (ParseConfig returns errors
// as values); an error message names the source ("fuzz.toml:LINE: ...", as
// the header promises); an accepted config finds each of its sites by name.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/config.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(plainsight::fuzz::AsText(data, size));
  // A base_dir that does not exist: ParseConfig only resolves paths, it must
  // not need to touch them.
  auto config = plainsight::ParseConfig(text, "fuzz.toml", "/nonexistent/plainsight-fuzz");
  if (!config.ok()) {
    FUZZ_CHECK(config.status().message().rfind("fuzz.toml:", 0) == 0,
               "config errors must start with the source name");
    return 0;
  }
  for (const plainsight::SiteConfig& site : config->sites) {
    FUZZ_CHECK(config->FindSite(site.name) != nullptr, "FindSite must find every loaded site");
  }
  return 0;
}
