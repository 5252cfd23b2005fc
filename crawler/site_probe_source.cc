#include "crawler/site_probe_source.h"

#include "crawler/polite_fetch.h"
#include "extractors/charset.h"

namespace plainsight {
namespace {

// Pages through the analyst's polite single fetch (crawler/polite_fetch.h),
// converted to UTF-8.
class NetworkProbeSource final : public ProbePageSource {
 public:
  NetworkProbeSource(const CrawlSettings& crawl, std::unique_ptr<Fetcher> fetcher)
      : max_body_bytes_(crawl.max_body_bytes), fetch_(crawl, std::move(fetcher)) {}

  Result<ProbePage> Get(const std::string& url) override {
    Result<FetchedBody> fetched = fetch_.Get(url, max_body_bytes_);
    if (!fetched.ok()) return fetched.status();
    ProbePage page;
    page.url = url;
    page.final_url = fetched->final_url;
    page.html = ToUtf8(fetched->body, fetched->content_type);
    return page;
  }

  bool Allowed(const std::string& url) override { return fetch_.Allowed(url); }

 private:
  std::int64_t max_body_bytes_;
  PoliteFetch fetch_;
};

}  // namespace

std::unique_ptr<ProbePageSource> NewNetworkProbeSource(const CrawlSettings& crawl,
                                                       std::unique_ptr<Fetcher> fetcher) {
  return std::make_unique<NetworkProbeSource>(crawl, std::move(fetcher));
}

}  // namespace plainsight
