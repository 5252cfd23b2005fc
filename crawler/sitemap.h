// Sitemaps (sitemaps.org protocol): the <loc> URLs of a urlset or a
// sitemapindex. Pure; thread-safe. Reads at most the first 50 MB, as the
// protocol caps a sitemap file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

struct SitemapUrls {
  std::vector<std::string> pages;     // from <url><loc>
  std::vector<std::string> sitemaps;  // from <sitemap><loc> (an index)
};

SitemapUrls ParseSitemap(std::string_view xml);

}  // namespace plainsight
