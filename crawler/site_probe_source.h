// Where the site probe gets its pages: an interface, so the probe runs on
// saved pages in tests and on the network from `plainsight site probe`.
//
// The network source fetches one page at a time through a Fetcher (the
// crawler's libcurl one by default), politely: robots.txt is read first for
// each origin (RFC 9309: a 4xx means allow all, a 5xx or no answer means
// disallow all) and its rules are obeyed; requests to one host are at least
// the crawl's per_host_delay_ms apart (or the robots.txt Crawl-delay, capped
// at max_crawl_delay_ms), measured from the end of the previous response;
// redirects are followed as new requests under the same rules, at most 5.
// It uses the crawl's user agent, timeout, body cap, proxy, headers and
// address policy (private and loopback addresses only with
// allow_private_addresses). Bodies are converted to UTF-8.
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
