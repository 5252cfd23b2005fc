// PoliteFetch: one fetch at a time for an analyst's command (`site probe`
// reads pages through it, `query --image URL` one picture), under the
// crawl's own rules, so a command an analyst types is no less polite than
// a crawl:
//   - robots.txt is read first for each origin (RFC 9309: a 4xx means
//     allow all, a 5xx or no answer means disallow all) and obeyed, unless
//     respect_robots is off;
//   - requests to one host are at least per_host_delay_ms apart (or the
//     robots.txt Crawl-delay, capped at max_crawl_delay_ms), measured from
//     the end of the previous response;
//   - redirects are followed as new requests under the same rules, at most 5;
//   - the crawl's user agent, timeout, proxy, headers and cookies, TLS
//     verification on, private and loopback addresses refused unless
//     allow_private_addresses (crawler/fetcher.h).
// Bodies are returned as received (decompressed), never converted: the
// caller decides what they are.
//
// Errors as values: InvalidArgument for a URL that is not http(s),
// Unavailable when robots.txt disallows it ("robots.txt disallows URL") or
// could not be read (saying so: RFC 9309 then disallows everything),
// NotFound for an HTTP error status ("HTTP 404 for URL"), IoError when the
// transfer failed, naming a refused private address as such (also when it
// was robots.txt's transfer that was refused).
//
// Used from one thread (it owns its Fetcher and per-host state).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/crawl_settings.h"
#include "core/status.h"
#include "crawler/fetcher.h"
#include "crawler/robots_rules.h"

namespace plainsight {

struct FetchedBody {
  std::string url;        // as asked, normalised
  std::string final_url;  // after redirects
  std::string content_type;
  std::string body;        // decompressed, at most the max_bytes asked for
  bool truncated = false;  // cut at max_bytes
};

class PoliteFetch {
 public:
  // `fetcher` may be null: a libcurl fetcher is made.
  explicit PoliteFetch(const CrawlSettings& crawl, std::unique_ptr<Fetcher> fetcher = nullptr);
  PoliteFetch(const PoliteFetch&) = delete;
  PoliteFetch& operator=(const PoliteFetch&) = delete;

  // `url`, its body cut at `max_bytes` (after decompression).
  Result<FetchedBody> Get(const std::string& url, std::int64_t max_bytes);

  // Whether robots.txt lets a crawl fetch `url`; may fetch robots.txt.
  bool Allowed(const std::string& url);

 private:
  struct Host {
    std::chrono::steady_clock::time_point next_allowed{};
    std::chrono::milliseconds delay{0};
    bool robots_known = false;
    RobotsRules robots = RobotsRules::AllowAll();
    std::string robots_unreachable;  // why robots.txt could not be read
    bool robots_refused_address = false;
  };
  Host& HostOf(const std::string& host_port);
  const RobotsRules& RobotsFor(const std::string& url);
  // Why robots.txt keeps `url` from being fetched.
  Status NotAllowed(const std::string& url);
  // One transfer, after the host's politeness delay.
  FetchResult FetchOnce(const std::string& url, bool follow_redirects, std::int64_t max_bytes);

  CrawlSettings crawl_;
  std::unique_ptr<Fetcher> fetcher_;
  std::map<std::string, Host> hosts_;  // by host:port
  std::uint64_t next_token_ = 0;
};

}  // namespace plainsight
