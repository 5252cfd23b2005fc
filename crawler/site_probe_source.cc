#include "crawler/site_probe_source.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>
#include <vector>

#include "crawler/robots_rules.h"
#include "crawler/url.h"
#include "extractors/charset.h"

namespace plainsight {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kMaxRedirects = 5;

class NetworkProbeSource final : public ProbePageSource {
 public:
  NetworkProbeSource(const CrawlSettings& crawl, std::unique_ptr<Fetcher> fetcher)
      : crawl_(crawl), fetcher_(fetcher ? std::move(fetcher) : NewCurlFetcher()) {}

  Result<ProbePage> Get(const std::string& url) override {
    auto current = NormalizeUrl(url);
    if (!current) return Status::InvalidArgument("not an http(s) URL: " + url);
    for (int redirects = 0;; ++redirects) {
      if (!Allowed(*current)) {
        return Status::Unavailable("robots.txt disallows " + *current);
      }
      FetchResult result = FetchOnce(*current, false);
      if (!result.error.empty()) {
        std::string what = *current + ": " + result.error;
        if (result.refused_address) {
          what += " (a private or loopback address; [crawl] allow_private_addresses is off)";
        }
        return Status::IoError(what);
      }
      if (result.status >= 300 && result.status < 400 && !result.redirect_url.empty()) {
        if (redirects >= kMaxRedirects) {
          return Status::IoError(*current + ": more than " + std::to_string(kMaxRedirects) +
                                 " redirects");
        }
        auto target = NormalizeUrl(result.redirect_url);
        if (!target) return Status::IoError(*current + ": redirect to " + result.redirect_url);
        spdlog::debug("{} redirects to {}", *current, *target);
        current = target;
        continue;
      }
      if (result.status < 200 || result.status >= 300) {
        return Status::NotFound("HTTP " + std::to_string(result.status) + " for " + *current);
      }
      ProbePage page;
      page.url = url;
      page.final_url = *current;
      page.html = ToUtf8(result.body, result.content_type);
      return page;
    }
  }

  bool Allowed(const std::string& url) override {
    if (!crawl_.respect_robots) return true;
    auto parsed = ParseUrl(url);
    if (!parsed) return false;
    return RobotsFor(*parsed).Allowed(parsed->PathAndQuery());
  }

 private:
  struct Host {
    Clock::time_point next_allowed{};
    milliseconds delay{0};
    bool robots_known = false;
    RobotsRules robots = RobotsRules::AllowAll();
  };

  Host& HostOf(const Url& url) {
    auto [it, inserted] = hosts_.try_emplace(url.HostPort());
    if (inserted) it->second.delay = milliseconds(crawl_.per_host_delay_ms);
    return it->second;
  }

  const RobotsRules& RobotsFor(const Url& url) {
    Host& host = HostOf(url);
    if (host.robots_known) return host.robots;
    host.robots_known = true;
    const std::string robots_url = url.Origin() + "/robots.txt";
    FetchResult result = FetchOnce(robots_url, true);
    if (!result.error.empty() || result.status == 0 || result.status >= 500) {
      // RFC 9309 2.3.1.4: unreachable means complete disallow.
      spdlog::warn("robots.txt for {} unreachable ({}): treating the site as disallowed",
                   url.Origin(),
                   result.error.empty() ? "HTTP " + std::to_string(result.status) : result.error);
      host.robots = RobotsRules::DisallowAll();
    } else if (result.status >= 400) {
      host.robots = RobotsRules::AllowAll();  // RFC 9309 2.3.1.3
    } else {
      host.robots = RobotsRules::Parse(result.body, crawl_.user_agent);
      if (auto delay = host.robots.crawl_delay_seconds()) {
        auto asked = milliseconds(static_cast<long long>(*delay * 1000));
        host.delay = std::max(host.delay, std::min(asked, milliseconds(crawl_.max_crawl_delay_ms)));
      }
    }
    return host.robots;
  }

  // One transfer, after the host's politeness delay.
  FetchResult FetchOnce(const std::string& url, bool follow_redirects) {
    auto parsed = ParseUrl(url);
    Host& host = HostOf(*parsed);
    Clock::time_point now = Clock::now();
    if (now < host.next_allowed) std::this_thread::sleep_for(host.next_allowed - now);
    FetchRequest request;
    request.token = ++next_token_;
    request.url = url;
    request.user_agent = crawl_.user_agent;
    request.timeout_ms = crawl_.timeout_ms;
    request.max_body_bytes = crawl_.max_body_bytes;
    request.allow_private_addresses = crawl_.allow_private_addresses;
    request.proxy = crawl_.proxy;
    request.headers = crawl_.headers;
    request.cookies = crawl_.cookies;
    request.follow_redirects = follow_redirects;
    spdlog::info("fetching {}", url);
    fetcher_->Start(std::move(request));
    std::vector<FetchResult> finished;
    while (finished.empty()) fetcher_->Poll(milliseconds(200), &finished);
    host.next_allowed = Clock::now() + host.delay;
    return std::move(finished.front());
  }

  CrawlSettings crawl_;
  std::unique_ptr<Fetcher> fetcher_;
  std::map<std::string, Host> hosts_;
  std::uint64_t next_token_ = 0;
};

}  // namespace

std::unique_ptr<ProbePageSource> NewNetworkProbeSource(const CrawlSettings& crawl,
                                                       std::unique_ptr<Fetcher> fetcher) {
  return std::make_unique<NetworkProbeSource>(crawl, std::move(fetcher));
}

}  // namespace plainsight
