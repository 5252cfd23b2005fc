#include "crawler/polite_fetch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "crawler/url.h"

namespace plainsight {
namespace {

using std::chrono::milliseconds;

constexpr int kMaxRedirects = 5;
constexpr char kPrivateAddress[] =
    " (a private or loopback address; [crawl] allow_private_addresses is off)";

}  // namespace

PoliteFetch::PoliteFetch(const CrawlSettings& crawl, std::unique_ptr<Fetcher> fetcher)
    : crawl_(crawl), fetcher_(fetcher ? std::move(fetcher) : NewCurlFetcher()) {}

Result<FetchedBody> PoliteFetch::Get(const std::string& url, std::int64_t max_bytes) {
  auto current = NormalizeUrl(url);
  if (!current) return Status::InvalidArgument("not an http(s) URL: " + url);
  for (int redirects = 0;; ++redirects) {
    if (!Allowed(*current)) return NotAllowed(*current);
    FetchResult result = FetchOnce(*current, false, max_bytes);
    if (!result.error.empty()) {
      std::string what = *current + ": " + result.error;
      if (result.refused_address) what += kPrivateAddress;
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
    FetchedBody fetched;
    fetched.url = *NormalizeUrl(url);
    fetched.final_url = *current;
    fetched.content_type = std::move(result.content_type);
    fetched.body = std::move(result.body);
    fetched.truncated = result.truncated;
    return fetched;
  }
}

bool PoliteFetch::Allowed(const std::string& url) {
  if (!crawl_.respect_robots) return true;
  auto parsed = ParseUrl(url);
  if (!parsed) return false;
  return RobotsFor(url).Allowed(parsed->PathAndQuery());
}

Status PoliteFetch::NotAllowed(const std::string& url) {
  auto parsed = ParseUrl(url);
  const Host& host = HostOf(parsed->HostPort());
  if (host.robots_refused_address) {
    return Status::IoError(parsed->Origin() + "/robots.txt: " + host.robots_unreachable +
                           kPrivateAddress);
  }
  if (!host.robots_unreachable.empty()) {
    return Status::Unavailable("robots.txt for " + parsed->Origin() + " unreachable (" +
                               host.robots_unreachable + "): treated as disallowing " + url);
  }
  return Status::Unavailable("robots.txt disallows " + url);
}

PoliteFetch::Host& PoliteFetch::HostOf(const std::string& host_port) {
  auto [it, inserted] = hosts_.try_emplace(host_port);
  if (inserted) it->second.delay = milliseconds(crawl_.per_host_delay_ms);
  return it->second;
}

const RobotsRules& PoliteFetch::RobotsFor(const std::string& url) {
  auto parsed = ParseUrl(url);
  Host& host = HostOf(parsed->HostPort());
  if (host.robots_known) return host.robots;
  host.robots_known = true;
  const std::string robots_url = parsed->Origin() + "/robots.txt";
  FetchResult result = FetchOnce(robots_url, true, crawl_.max_body_bytes);
  if (!result.error.empty() || result.status == 0 || result.status >= 500) {
    // RFC 9309 2.3.1.4: unreachable means complete disallow.
    host.robots_unreachable =
        result.error.empty() ? "HTTP " + std::to_string(result.status) : result.error;
    host.robots_refused_address = result.refused_address;
    spdlog::warn("robots.txt for {} unreachable ({}): treating the site as disallowed",
                 parsed->Origin(), host.robots_unreachable);
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

FetchResult PoliteFetch::FetchOnce(const std::string& url, bool follow_redirects,
                                   std::int64_t max_bytes) {
  auto parsed = ParseUrl(url);
  Host& host = HostOf(parsed->HostPort());
  const auto now = std::chrono::steady_clock::now();
  if (now < host.next_allowed) std::this_thread::sleep_for(host.next_allowed - now);
  FetchRequest request;
  request.token = ++next_token_;
  request.url = url;
  request.user_agent = crawl_.user_agent;
  request.timeout_ms = crawl_.timeout_ms;
  request.max_body_bytes = max_bytes;
  request.allow_private_addresses = crawl_.allow_private_addresses;
  request.proxy = crawl_.proxy;
  request.headers = crawl_.headers;
  request.cookies = crawl_.cookies;
  request.follow_redirects = follow_redirects;
  spdlog::info("fetching {}", url);
  fetcher_->Start(std::move(request));
  std::vector<FetchResult> finished;
  while (finished.empty()) fetcher_->Poll(milliseconds(200), &finished);
  host.next_allowed = std::chrono::steady_clock::now() + host.delay;
  return std::move(finished.front());
}

}  // namespace plainsight
