// SiteRules: a site's follow/adverts patterns compiled once, plus its
// extractor. Immutable after Compile(); shared read-only by every worker.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "extractors/advert_extractor.h"

namespace plainsight {

// kImage: an advert's photo (never a Classify answer; the crawler queues
// it from an advert page, see crawler/advert_images.h).
enum class PageRole { kNone, kFollow, kAdvert, kSitemap, kImage };

struct SiteRules {
  const SiteConfig* site = nullptr;
  std::vector<std::unique_ptr<RE2>> follow;
  std::vector<std::unique_ptr<RE2>> adverts;
  std::shared_ptr<const AdvertExtractor> extractor;

  // Adverts win over follow when both match. Full-URL match.
  PageRole Classify(const std::string& url) const;
};

// Errors name the config file and the site's line.
Result<std::vector<SiteRules>> CompileSiteRules(const Config& config,
                                                const std::shared_ptr<const PatternSet>& patterns);

}  // namespace plainsight
