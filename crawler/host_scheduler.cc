#include "crawler/host_scheduler.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

#include "crawler/chrome_images.h"
#include "crawler/page_meta.h"
#include "crawler/retry_policy.h"
#include "crawler/robots_cache.h"
#include "crawler/url.h"
#include "store/image_record.h"

namespace plainsight {
namespace {

constexpr int kMaxRedirects = 5;

}  // namespace

HostScheduler::HostScheduler(CrawlState* state) : state_(*state) {}

void HostScheduler::Enqueue(Pending page) {
  auto parsed = ParseUrl(page.FetchUrl());
  if (!parsed) return;
  std::string key = parsed->HostPort();
  // A page mid-redirect stays with the worker that followed the redirect:
  // its owner would fetch the original URL and hand the target back.
  if (WorkShare* share = state_.env.options.share;
      share != nullptr && page.fetch_url.empty() && !share->Owns(key)) {
    to_hand_.push_back({key, FrontierEntryFor(page, state_.rules(page.site).site->name)});
    return;
  }
  EnqueueHere(std::move(page), key, *parsed);
}

void HostScheduler::EnqueueHere(Pending page, const std::string& key, const Url& parsed) {
  auto [it, inserted] = hosts_.try_emplace(key);
  HostState& host = it->second;
  if (inserted) {
    host.key = key;
    host.origin = parsed.Origin();
    host.site = page.site;
    host.settings = &state_.rules(page.site).site->crawl;
    host.delay = milliseconds(host.settings->per_host_delay_ms);
    if (!host.settings->respect_robots) host.robots_state = RobotsState::kReady;
  }
  if (host.skipped) return;
  if (page.depth == 0 && page.role != PageRole::kImage) own_seeds_.insert(page.url);
  host.queue.push_back(std::move(page));
}

FetchRequest HostScheduler::MakeRequest(const HostState& host, const std::string& url) {
  FetchRequest request;
  request.token = next_token_++;
  request.url = url;
  request.user_agent = host.settings->user_agent;
  request.timeout_ms = host.settings->timeout_ms;
  request.max_body_bytes = host.settings->max_body_bytes;
  request.allow_private_addresses = host.settings->allow_private_addresses;
  request.proxy = host.settings->proxy;
  request.headers = host.settings->headers;
  request.cookies = host.settings->cookies;
  return request;
}

bool HostScheduler::PageBudgetLeft(const Pending& page, const HostState& host) const {
  const int global_max = state_.env.config.crawl.max_pages;
  if (global_max > 0 && pages_started_ >= global_max) return false;
  const int site_max = state_.rules(page.site).site->crawl.max_pages;
  auto started = site_pages_started_.find(page.site);
  if (site_max > 0 && started != site_pages_started_.end() && started->second >= site_max)
    return false;
  const int host_max = host.settings->max_pages_per_host;
  return host_max <= 0 || host.pages_started < host_max;
}

bool HostScheduler::ImageBudgetLeft(const Pending& image) const {
  const int global_max = state_.env.config.crawl.max_images_per_run;
  if (images_started_ >= global_max) return false;
  const int site_max = state_.rules(image.site).site->crawl.max_images_per_run;
  auto started = site_images_started_.find(image.site);
  return started == site_images_started_.end() || started->second < site_max;
}

bool HostScheduler::SiteHasRoom(int site) const {
  auto it = site_in_flight_.find(site);
  return it == site_in_flight_.end() || it->second < state_.rules(site).site->crawl.concurrency;
}

// Robots from the store's 24-hour cache, else a fetch.
void HostScheduler::StartRobots(HostState& host) {
  if (auto cached = LoadCachedRobots(state_.env.store, host.origin, state_.now())) {
    ApplyRobots(host, cached->status, cached->body, "");
    return;
  }
  FetchRequest request = MakeRequest(host, host.origin + "/robots.txt");
  request.follow_redirects = true;
  in_flight_[request.token] = {host.key, {}, true};
  host.robots_state = RobotsState::kFetching;
  ++host.in_flight;
  ++site_in_flight_[host.site];
  SendRequest(host, std::move(request));
}

void HostScheduler::SendRequest(const HostState& host, FetchRequest request) {
  TellShareHostRequested(host.key);  // the request starts
  state_.env.fetcher.Start(std::move(request));
}

HostScheduler::milliseconds HostScheduler::StartReady() {
  const SteadyTime now = state_.env.clock.Monotonic();
  milliseconds wait(200);
  if (!FetchAllowedByShare()) return milliseconds(100);
  const auto concurrency = static_cast<size_t>(state_.env.config.crawl.concurrency);
  Fetcher& fetcher = state_.env.fetcher;
  // Round robin from the host after the last one served: when concurrency
  // is what binds, every host moves on together, instead of the first few
  // in key order finishing first and the last ones starting late, each
  // then held to one page per delay (two workers of a cluster took 0.61x
  // one worker's time on 40 hosts before, for a 0.5x share of the pages).
  auto it = hosts_.upper_bound(last_host_served_);
  for (size_t visited = 0, total = hosts_.size(); visited < total; ++visited, ++it) {
    if (it == hosts_.end()) it = hosts_.begin();
    const std::string& key = it->first;
    HostState& host = it->second;
    while (!host.queue.empty()) {
      if (fetcher.InFlight() >= concurrency) return milliseconds(50);
      if (state_.outstanding() + fetcher.InFlight() >= state_.queue().capacity())
        return milliseconds(20);
      if (host.in_flight >= host.settings->per_host_connections) break;
      if (!SiteHasRoom(host.site)) break;
      if (host.robots_state == RobotsState::kFetching) break;
      // Asked when the host is otherwise due, and again after each wait it gives.
      if (!host.first_request_cleared && now >= host.next_allowed) ClearFirstRequest(host, now);
      if (now < host.next_allowed) {
        wait = std::min(wait, std::chrono::duration_cast<milliseconds>(host.next_allowed - now) +
                                  milliseconds(1));
        break;
      }
      if (host.robots_state == RobotsState::kUnknown) {
        StartRobots(host);
        if (host.robots_state == RobotsState::kFetching) break;
        continue;
      }
      Pending page = std::move(host.queue.front());
      host.queue.pop_front();
      last_host_served_ = key;
      if (!StartPage(key, host, std::move(page))) break;
    }
  }
  return wait;
}

bool HostScheduler::StartPage(const std::string& key, HostState& host, Pending page) {
  auto parsed = ParseUrl(page.FetchUrl());
  if (page.role != PageRole::kSitemap && !host.robots.Allowed(parsed->PathAndQuery())) {
    spdlog::debug("robots.txt disallows {}", page.FetchUrl());
    if (page.role == PageRole::kImage) {
      // Recorded against the advert, by a worker, like any image refused.
      FetchResult refused;
      refused.url = page.FetchUrl();
      refused.error = "refused by robots.txt";
      state_.Handed();
      state_.queue().Push(Work{std::move(refused), std::move(page), false});
      return true;
    }
    state_.Count(page.site, [](SiteSummary& s) { ++s.robots_blocked; });
    state_.CommitDone(page.url);
    return true;
  }
  if (page.role == PageRole::kImage) return StartImage(key, host, std::move(page));
  Revisit revisit;
  if (page.role == PageRole::kAdvert && page.redirects == 0) {
    revisit = LookUpRevisit(page);
    if (revisit.advert_url != page.url) page.advert_url = revisit.advert_url;
  }
  if (page.role == PageRole::kAdvert && page.attempts == 0 && page.redirects == 0) {
    // Another URL of the same advert (a tracking variant whose canonical a
    // past run recorded) was stored or touched in this run already.
    if (state_.AdvertUrlDone(revisit.advert_url)) {
      state_.MarkAdvertSeen(AdvertIdForUrl(revisit.advert_url));
      state_.Count(page.site, [](SiteSummary& s) { ++s.canonical_duplicates; });
      state_.CommitDone(page.url);
      return true;
    }
    if (revisit.recent && revisit.stored && !revisit.removed) {
      state_.Handed();
      state_.queue().Push(Work{{}, std::move(page), true});
      return true;
    }
  }
  if (!PageBudgetLeft(page, host)) {
    state_.Update([](CrawlSummary& s) { s.stopped_at_max_pages = true; });
    host.queue.clear();
    return false;
  }
  ++pages_started_;
  ++site_pages_started_[page.site];
  ++host.pages_started;
  FetchRequest request = MakeRequest(host, page.FetchUrl());
  if (revisit.stored) {
    request.if_none_match = revisit.etag;
    request.if_modified_since = revisit.last_modified;
  }
  in_flight_[request.token] = {key, page, false};
  ++host.in_flight;
  ++site_in_flight_[page.site];
  SendRequest(host, std::move(request));
  return true;
}

// An advert's photo: not a page (no page budget, no revisit), but the
// same host queue, politeness and retries. Site chrome is dropped here,
// when the site's later adverts have been counted; an image URL already
// fetched in this run is not fetched again.
bool HostScheduler::StartImage(const std::string& key, HostState& host, Pending page) {
  if (page.attempts == 0 && page.redirects == 0) {
    const std::string image_url = ImageUrlOfKey(page.url);
    if (state_.IsChromeImage(page.site, image_url)) {
      state_.Count(page.site, [](SiteSummary& s) { ++s.images_chrome; });
      // Done, and listed as chrome against its advert (chrome_images.h).
      const AdvertImage row{page.image_of, image_url, page.image_order, "", kSiteChromeRefusal,
                            state_.env.clock.NowUnixSeconds()};
      Status s = state_.env.store.CommitPage({page.url, {}, "", AdvertImageEntries(row, nullptr)});
      if (!s.ok()) spdlog::error("frontier: {}", s.ToString());
      return true;
    }
    CrawlState::ImageOutcome outcome;
    switch (state_.ClaimImage(page, &outcome)) {
      case CrawlState::ImageClaim::kWaiting:
        return true;  // handed to a worker with the fetch under way
      case CrawlState::ImageClaim::kSettled:
        state_.Handed();
        state_.queue().Push(Work{{}, std::move(page), true});
        return true;
      case CrawlState::ImageClaim::kFetch:
        break;
    }
    if (!ImageBudgetLeft(page)) {
      // Claimed, so the adverts waiting on this URL are told the same.
      spdlog::debug("{}: {}", image_url, kPerRunImageCapRefusal);
      FetchResult refused;
      refused.url = page.FetchUrl();
      refused.error = kPerRunImageCapRefusal;
      state_.Handed();
      state_.queue().Push(Work{std::move(refused), std::move(page), false});
      return true;
    }
    ++images_started_;
    ++site_images_started_[page.site];
  }
  FetchRequest request = MakeRequest(host, page.FetchUrl());
  request.max_body_bytes = state_.rules(page.site).site->crawl.max_image_bytes;
  in_flight_[request.token] = {key, page, false};
  ++host.in_flight;
  ++site_in_flight_[page.site];
  SendRequest(host, std::move(request));
  return true;
}

// One page record and one advert summary: enough to skip, touch or
// revalidate the advert without decoding it.
HostScheduler::Revisit HostScheduler::LookUpRevisit(const Pending& page) const {
  Revisit revisit;
  revisit.advert_url = page.url;
  auto bytes = state_.env.store.GetPage(page.url);
  if (!bytes.ok() || !bytes->has_value()) return revisit;
  auto meta = DecodePageMeta(**bytes);
  if (!meta) return revisit;
  if (!meta->advert_url.empty()) revisit.advert_url = meta->advert_url;
  auto advert = state_.env.store.GetAdvertSummary(AdvertIdForUrl(revisit.advert_url));
  if (!advert.ok() || !advert->has_value()) return revisit;  // nothing to revalidate against
  revisit.stored = true;
  revisit.removed = (*advert)->removed;
  revisit.etag = meta->etag;
  revisit.last_modified = meta->last_modified;
  const int hours = state_.rules(page.site).site->recrawl_after_hours;
  revisit.recent = hours > 0 && state_.now() - meta->fetched_at < std::int64_t{hours} * 3600;
  return revisit;
}

void HostScheduler::ApplyRobots(HostState& host, long status, const std::string& body,
                                const std::string& error) {
  if (!error.empty() || status >= 500 || status == 0) {
    // RFC 9309 2.3.1.4: unreachable means assume complete disallow.
    host.robots = RobotsRules::DisallowAll();
    spdlog::warn("robots.txt for {} unreachable ({}): not crawling it this run", host.origin,
                 error.empty() ? "HTTP " + std::to_string(status) : error);
    state_.NoteError(host.site, "robots.txt unreachable", false);
  } else if (status >= 400) {
    host.robots = RobotsRules::AllowAll();  // RFC 9309 2.3.1.3
  } else {
    host.robots = RobotsRules::Parse(body, host.settings->user_agent);
    if (auto delay = host.robots.crawl_delay_seconds()) {
      auto asked = milliseconds(static_cast<long long>(*delay * 1000));
      const auto cap = milliseconds(host.settings->max_crawl_delay_ms);
      if (asked > cap) {
        spdlog::warn("{} asks Crawl-delay {} s; capped at max_crawl_delay_ms {}", host.origin,
                     *delay, cap.count());
        asked = cap;
      }
      if (asked > host.delay) host.first_request_cleared = false;  // asked again with this delay
      host.delay = std::max(host.delay, asked);
    }
    if (state_.rules(host.site).site->sitemaps) {
      for (const std::string& sitemap : host.robots.sitemaps()) {
        auto url = NormalizeUrl(sitemap);
        if (url && state_.FirstSeen(*url))
          host.queue.push_front(NewPending(*url, host.site, 0, PageRole::kSitemap));
      }
    }
  }
  host.robots_state = RobotsState::kReady;
}

void HostScheduler::OnRobotsFetched(HostState& host, const FetchResult& result) {
  if (result.error.empty() && result.status > 0 && result.status < 500) {
    SaveCachedRobots(state_.env.store, host.origin, {state_.now(), result.status, result.body});
  }
  if (result.error.empty()) state_.WriteWarc(result);  // evidence of what we were allowed
  ApplyRobots(host, result.status, result.body, result.error);
}

void HostScheduler::Run() {
  std::vector<FetchResult> finished;
  SteadyTime last_progress = state_.env.clock.Monotonic();
  const auto& progress = state_.env.options.progress;
  WorkShare* share = state_.env.options.share;
  while (true) {
    DrainInbox();
    if (share != nullptr) ShareWork(state_.env.clock.Monotonic());
    milliseconds wait = StartReady();
    if (Idle()) {
      if (share == nullptr || ClusterDone(state_.env.clock.Monotonic())) break;
      wait = std::min(wait, milliseconds(50));  // others may still hand pages over
    }
    finished.clear();
    state_.env.fetcher.Poll(wait, &finished);
    const SteadyTime now = state_.env.clock.Monotonic();
    for (FetchResult& result : finished) OnFinished(result, now);
    if (progress && now - last_progress > std::chrono::seconds(1)) {
      last_progress = now;
      progress(state_.Summary());
    }
  }
}

void HostScheduler::OnFinished(FetchResult& result, SteadyTime now) {
  auto it = in_flight_.find(result.token);
  if (it == in_flight_.end()) return;
  InFlight flight = std::move(it->second);
  in_flight_.erase(it);
  HostState& host = hosts_[flight.host];
  --host.in_flight;
  --site_in_flight_[flight.robots ? host.site : flight.page.site];
  // Politeness counts from the end of the previous response.
  host.next_allowed = now + host.delay;
  TellShareHostRequested(flight.host);  // the response ended
  if (flight.robots) {
    OnRobotsFetched(host, result);
    host.next_allowed = now + host.delay;  // Crawl-delay applies from now on
    return;
  }
  if (HandleRetry(host, flight.page, result, now)) return;
  if (FollowRedirect(flight.page, result)) return;
  state_.Handed();
  state_.queue().Push(Work{std::move(result), std::move(flight.page), false});
}

bool HostScheduler::HandleRetry(HostState& host, Pending& page, const FetchResult& result,
                                SteadyTime now) {
  const CrawlerOptions& options = state_.env.options;
  const RetryDecision decision =
      DecideRetry(result, page.attempts, host.settings->max_retries, options.retry_base,
                  options.max_retry_wait, jitter_dist_(jitter_));
  if (decision.counts_as_host_error && ++host.errors >= host.settings->host_error_budget &&
      !host.skipped) {
    host.skipped = true;
    spdlog::error("host {} skipped for this run after {} errors (last: {})", host.key, host.errors,
                  decision.reason);
    state_.Count(host.site, [&](SiteSummary& s) { s.skipped_hosts.push_back(host.key); });
    host.queue.clear();
    return false;
  }
  if (!decision.retry || host.skipped) return false;
  spdlog::info("retrying {} in {} ms ({})", page.url, decision.wait.count(), decision.reason);
  state_.Count(page.site, [](SiteSummary& s) { ++s.retries; });
  ++page.attempts;
  host.next_allowed = std::max(host.next_allowed, now + decision.wait);
  host.queue.push_front(std::move(page));
  return true;
}

bool HostScheduler::FollowRedirect(Pending& page, FetchResult& result) {
  if (result.status < 300 || result.status >= 400 || result.redirect_url.empty()) return false;
  if (page.redirects >= kMaxRedirects) {
    result.error = "too many redirects (limit " + std::to_string(kMaxRedirects) + ")";
    result.status = 0;
    return false;
  }
  auto target = NormalizeUrl(result.redirect_url);
  if (!target) {
    result.error = "redirect to a non-http(s) URL: " + result.redirect_url;
    result.status = 0;
    return false;
  }
  page.fetch_url = *target;
  ++page.redirects;
  page.attempts = 0;
  Enqueue(std::move(page));
  return true;
}

bool HostScheduler::Idle() const {
  if (state_.env.fetcher.InFlight() > 0 || state_.outstanding() > 0) return false;
  if (!state_.InboxEmpty() || !to_hand_.empty()) return false;
  return std::all_of(hosts_.begin(), hosts_.end(),
                     [](const auto& entry) { return entry.second.queue.empty(); });
}

void HostScheduler::DrainInbox() {
  for (Pending& page : state_.TakeInbox()) Enqueue(std::move(page));
}

}  // namespace plainsight
