#include "crawler/picture_fetch.h"

#include "crawler/polite_fetch.h"

namespace plainsight {

Result<std::string> FetchPicture(const CrawlSettings& crawl, const std::string& url,
                                 std::unique_ptr<Fetcher> fetcher) {
  PoliteFetch fetch(crawl, std::move(fetcher));
  Result<FetchedBody> fetched = fetch.Get(url, crawl.max_image_bytes);
  if (!fetched.ok()) return fetched.status();
  if (fetched->truncated) {
    return Status::InvalidArgument(fetched->final_url + ": over max_image_bytes (" +
                                   std::to_string(crawl.max_image_bytes) + " bytes)");
  }
  return std::move(fetched->body);
}

}  // namespace plainsight
