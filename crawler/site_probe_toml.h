// The site probe's proposal as a `[[sites]]` TOML block that plainsight
// loads as it is (append it to a config). Every pattern line has a comment
// above it saying what it matched on the listing pages; every field line a
// comment giving what it read on each sample advert ("A" | "B" | "C"); a
// field with no proposal is a comment saying why. Regexes are TOML literal
// strings, so their backslashes stay as written.
//
// Pure function; thread-safe.
#pragma once

#include <string>

#include "crawler/site_probe.h"

namespace plainsight {

std::string RenderSiteToml(const SiteProposal& proposal);

}  // namespace plainsight
