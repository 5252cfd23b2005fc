// Where the site probe gets its pages: an interface, so the probe runs on
// saved pages in tests and on the network from `plainsight site probe`.
//
// The network source fetches one page at a time through PoliteFetch
// (crawler/polite_fetch.h: robots.txt, per-host delay, redirects as new
// requests, the crawl's user agent, body cap and address policy); bodies
// are converted to UTF-8.
//
// A source is used from one thread.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "core/status.h"
#include "crawler/fetcher.h"

namespace plainsight {

struct ProbePage {
  std::string url;        // as asked
  std::string final_url;  // after redirects
  std::string html;       // UTF-8
};

class ProbePageSource {
 public:
  virtual ~ProbePageSource() = default;
  // The page, or why not: Unavailable when robots.txt disallows it,
  // NotFound for an HTTP error status, IoError when the transfer failed.
  virtual Result<ProbePage> Get(const std::string& url) = 0;
  // Whether robots.txt lets a crawl fetch `url`; true when the source does
  // not know. May fetch robots.txt.
  virtual bool Allowed(const std::string& url) = 0;
};

// `fetcher` may be null: a libcurl fetcher is made.
std::unique_ptr<ProbePageSource> NewNetworkProbeSource(const CrawlSettings& crawl,
                                                       std::unique_ptr<Fetcher> fetcher = nullptr);

}  // namespace plainsight
