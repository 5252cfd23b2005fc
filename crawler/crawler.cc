#include "crawler/crawler.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_set>

#include "core/sha256.h"
#include "crawler/bounded_queue.h"
#include "crawler/provisional_advert.h"
#include "crawler/retry_policy.h"
#include "crawler/robots_cache.h"
#include "crawler/robots_rules.h"
#include "crawler/site_rules.h"
#include "crawler/sitemap.h"
#include "crawler/url.h"
#include "crawler/url_filter.h"
#include "store/warc_writer.h"

namespace plainsight {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;
using std::chrono::milliseconds;

struct Pending {
  std::string url;  // normalised; the page's identity
  int site = 0;
  int depth = 0;
  PageRole role = PageRole::kFollow;
  int attempts = 0;
  std::string fetch_url;  // where a redirect took it; empty = url
  int redirects = 0;

  const std::string& FetchUrl() const { return fetch_url.empty() ? url : fetch_url; }
};

// A page not yet tried (retry and redirect state start empty).
Pending NewPending(std::string url, int site, int depth, PageRole role) {
  Pending page;
  page.url = std::move(url);
  page.site = site;
  page.depth = depth;
  page.role = role;
  return page;
}

constexpr int kMaxRedirects = 5;

enum class RobotsState { kUnknown, kFetching, kReady };

struct HostState {
  std::string key;     // host:port
  std::string origin;  // scheme://host[:port]
  std::deque<Pending> queue;
  int in_flight = 0;
  SteadyTime next_allowed{};
  RobotsState robots_state = RobotsState::kUnknown;
  RobotsRules robots = RobotsRules::AllowAll();
  const CrawlSettings* settings = nullptr;  // of the first site that reached this host
  int site = 0;
  milliseconds delay{0};
  int errors = 0;
  int pages_started = 0;
  bool skipped = false;  // error budget spent
};

struct InFlight {
  std::string host;
  Pending page;
  bool robots = false;
};

// What a worker gets: a finished fetch, or (not_fetched) an advert recently
// fetched that only needs marking as seen again.
struct Work {
  FetchResult result;
  Pending page;
  bool not_fetched = false;
};

struct PageMeta {
  std::int64_t fetched_at = 0;
  std::string etag;
  std::string last_modified;
};

std::optional<PageMeta> ParsePageMeta(const std::string& bytes) {
  try {
    auto j = nlohmann::json::parse(bytes);
    return PageMeta{j.value("fetched_at", std::int64_t{0}), j.value("etag", ""),
                    j.value("last_modified", "")};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

bool IsHtml(const std::string& content_type) {
  if (content_type.empty()) return true;  // sniffing is gumbo's job
  std::string lower;
  for (char c : content_type) {
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return lower.find("text/html") != std::string::npos ||
         lower.find("application/xhtml") != std::string::npos ||
         lower.find("text/plain") != std::string::npos;
}

// URLs already queued or done in this run. Shared by the fetch thread and
// the workers.
class SeenSet {
 public:
  bool Insert(const std::string& url) {
    std::lock_guard<std::mutex> lock(mutex_);
    return urls_.insert(url).second;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> urls_;  // guarded by mutex_
};

const char kRunStartedKey[] = "run\x1fstarted";

}  // namespace

class Crawler::Run_ {
 public:
  Run_(Crawler& crawler, std::vector<SiteRules> rules)
      : c_(crawler), rules_(std::move(rules)), queue_(QueueCapacity(crawler)), jitter_(12345) {
    summary_.sites.resize(rules_.size());
    young_site_mutex_ = std::make_unique<std::mutex[]>(rules_.size());
    for (size_t i = 0; i < rules_.size(); ++i) {
      summary_.sites[i].name = rules_[i].site->name;
      site_index_[rules_[i].site->name] = static_cast<int>(i);
    }
    now_ = c_.clock_.NowUnixSeconds();
    today_ = FormatIso8601(now_).substr(0, 10);
    // What each site's chrome looks like, as learnt by earlier runs.
    for (const SiteRules& r : rules_) {
      auto profile = std::make_unique<SiteBoilerplate>();
      auto saved = c_.store_->GetMeta(BoilerplateKey(r.site->name));
      if (saved.ok() && saved->has_value()) SiteBoilerplate::Deserialize(**saved, profile.get());
      boilerplate_.push_back(std::move(profile));
    }
  }

  static std::string BoilerplateKey(const std::string& site) { return "boilerplate\x1f" + site; }

  Result<CrawlSummary> Execute() {
    SteadyTime started = c_.clock_.Monotonic();
    Status s = OpenWarc();
    if (!s.ok()) return s;
    s = LoadOrStartFrontier();
    if (!s.ok()) return s;
    int workers = c_.options_.workers > 0
                      ? c_.options_.workers
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i) pool.emplace_back([this] { WorkerLoop(); });
    FetchLoop();
    queue_.Close();
    for (std::thread& t : pool) t.join();
    Finish();
    summary_.seconds = std::chrono::duration<double>(c_.clock_.Monotonic() - started).count();
    return summary_;
  }

 private:
  static size_t QueueCapacity(const Crawler& c) {
    if (c.options_.queue_capacity > 0) return c.options_.queue_capacity;
    return static_cast<size_t>(2 * std::max(1u, std::thread::hardware_concurrency())) +
           static_cast<size_t>(c.config_.crawl.concurrency);
  }

  Status OpenWarc() {
    if (!c_.config_.store.warc) return Status::OK();
    WarcWriter::Options options;
    options.dir =
        c_.options_.warc_dir.empty() ? c_.config_.store.path + "/warc" : c_.options_.warc_dir;
    options.max_file_bytes = static_cast<std::uint64_t>(c_.config_.store.warc_max_file_mb) << 20;
    auto writer = WarcWriter::Open(options);
    if (!writer.ok()) return writer.status();
    warc_ = std::move(writer).value();
    warc_dir_ = options.dir;
    return Status::OK();
  }

  // A non-empty frontier is a run that was interrupted: carry it on.
  Status LoadOrStartFrontier() {
    std::vector<Pending> pending;
    bool any = false;
    Status s = c_.store_->ForEachFrontierEntry([&](const FrontierEntry& e, bool done) {
      any = true;
      seen_.Insert(e.url);
      if (done && e.advert) MarkAdvertSeen(AdvertIdForUrl(e.url));
      auto site = site_index_.find(e.site);
      if (done || site == site_index_.end()) return true;
      pending.push_back(NewPending(e.url, site->second, e.depth,
                                   e.advert ? PageRole::kAdvert : PageRole::kFollow));
      return true;
    });
    if (!s.ok()) return s;
    if (any) {
      summary_.resumed = true;
      spdlog::info("resuming an interrupted crawl: {} URLs still to fetch", pending.size());
      for (Pending& p : pending) Enqueue(std::move(p));
      return Status::OK();
    }
    s = c_.store_->PutMeta(kRunStartedKey, std::to_string(now_));
    if (!s.ok()) return s;
    std::vector<FrontierEntry> seeds;
    for (size_t i = 0; i < rules_.size(); ++i) {
      for (const std::string& seed : rules_[i].site->seeds) {
        auto url = NormalizeUrl(seed);
        if (!url) {
          spdlog::warn("site {}: seed is not an http(s) URL: {}", rules_[i].site->name, seed);
          continue;
        }
        if (!seen_.Insert(*url)) continue;
        bool advert = rules_[i].Classify(*url) == PageRole::kAdvert;
        seeds.push_back({*url, rules_[i].site->name, 0, advert});
        Enqueue(NewPending(*url, static_cast<int>(i), 0,
                           advert ? PageRole::kAdvert : PageRole::kFollow));
      }
    }
    return c_.store_->AddToFrontier(seeds);
  }

  // --- fetch thread -------------------------------------------------------

  void Enqueue(Pending page) {
    auto parsed = ParseUrl(page.FetchUrl());
    if (!parsed) return;
    std::string key = parsed->HostPort();
    auto [it, inserted] = hosts_.try_emplace(key);
    HostState& host = it->second;
    if (inserted) {
      host.key = key;
      host.origin = parsed->Origin();
      host.site = page.site;
      host.settings = &rules_[static_cast<size_t>(page.site)].site->crawl;
      host.delay = milliseconds(host.settings->per_host_delay_ms);
      if (!host.settings->respect_robots) host.robots_state = RobotsState::kReady;
    }
    if (host.skipped) return;
    host.queue.push_back(std::move(page));
  }

  FetchRequest MakeRequest(const HostState& host, const std::string& url) {
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

  bool PageBudgetLeft(const Pending& page, const HostState& host) {
    int global_max = c_.config_.crawl.max_pages;
    if (global_max > 0 && pages_started_ >= global_max) return false;
    int site_max = rules_[static_cast<size_t>(page.site)].site->crawl.max_pages;
    if (site_max > 0 && site_pages_started_[page.site] >= site_max) return false;
    int host_max = host.settings->max_pages_per_host;
    if (host_max > 0 && host.pages_started >= host_max) return false;
    return true;
  }

  SiteSummary& SiteOf(int site) { return summary_.sites[static_cast<size_t>(site)]; }

  // Robots from the store's 24-hour cache, else a fetch.
  void StartRobots(HostState& host) {
    if (auto cached = LoadCachedRobots(*c_.store_, host.origin, now_)) {
      ApplyRobots(host, cached->status, cached->body, "");
      return;
    }
    FetchRequest request = MakeRequest(host, host.origin + "/robots.txt");
    request.follow_redirects = true;
    in_flight_[request.token] = {host.key, {}, true};
    host.robots_state = RobotsState::kFetching;
    ++host.in_flight;
    c_.fetcher_->Start(std::move(request));
  }

  // Starts every transfer that politeness, concurrency and back-pressure
  // allow; returns how long until the next one may start.
  milliseconds StartReady() {
    SteadyTime now = c_.clock_.Monotonic();
    milliseconds wait(200);
    auto concurrency = static_cast<size_t>(c_.config_.crawl.concurrency);
    for (auto& [key, host] : hosts_) {
      while (!host.queue.empty()) {
        if (c_.fetcher_->InFlight() >= concurrency) return milliseconds(50);
        if (outstanding_.load() + c_.fetcher_->InFlight() >= queue_.capacity())
          return milliseconds(20);
        if (host.in_flight >= host.settings->per_host_connections) break;
        if (host.robots_state == RobotsState::kFetching) break;
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
        auto parsed = ParseUrl(page.FetchUrl());
        if (page.role != PageRole::kSitemap && !host.robots.Allowed(parsed->PathAndQuery())) {
          ++SiteOf(page.site).robots_blocked;
          spdlog::debug("robots.txt disallows {}", page.url);
          CommitDone(page.url);
          continue;
        }
        if (page.role == PageRole::kAdvert && page.attempts == 0 && page.redirects == 0 &&
            RecentlyFetched(page)) {
          ++outstanding_;
          queue_.Push(Work{{}, std::move(page), true});
          continue;
        }
        if (!PageBudgetLeft(page, host)) {
          summary_.stopped_at_max_pages = true;
          host.queue.clear();
          break;
        }
        ++pages_started_;
        ++site_pages_started_[page.site];
        ++host.pages_started;
        FetchRequest request = MakeRequest(host, page.FetchUrl());
        if (page.redirects == 0) AddConditionalHeaders(page, &request);
        in_flight_[request.token] = {key, page, false};
        ++host.in_flight;
        c_.fetcher_->Start(std::move(request));
      }
    }
    return wait;
  }

  // True when the advert was stored from a fetch younger than its site's
  // recrawl_after_hours: it only needs marking as seen.
  bool RecentlyFetched(const Pending& page) {
    int hours = rules_[static_cast<size_t>(page.site)].site->recrawl_after_hours;
    if (hours <= 0) return false;
    auto bytes = c_.store_->GetPage(page.url);
    if (!bytes.ok() || !bytes->has_value()) return false;
    auto meta = ParsePageMeta(**bytes);
    if (!meta || now_ - meta->fetched_at >= std::int64_t{hours} * 3600) return false;
    auto advert = c_.store_->GetAdvert(AdvertIdForUrl(page.url));
    return advert.ok() && advert->has_value() && !(*advert)->removed;
  }

  void AddConditionalHeaders(const Pending& page, FetchRequest* request) {
    if (page.role != PageRole::kAdvert) return;
    auto bytes = c_.store_->GetPage(page.url);
    if (!bytes.ok() || !bytes->has_value()) return;
    auto advert = c_.store_->GetAdvert(AdvertIdForUrl(page.url));
    if (!advert.ok() || !advert->has_value()) return;  // nothing to revalidate against
    if (auto meta = ParsePageMeta(**bytes)) {
      request->if_none_match = meta->etag;
      request->if_modified_since = meta->last_modified;
    }
  }

  void ApplyRobots(HostState& host, long status, const std::string& body,
                   const std::string& error) {
    if (!error.empty() || status >= 500 || status == 0) {
      // RFC 9309 2.3.1.4: unreachable means assume complete disallow.
      host.robots = RobotsRules::DisallowAll();
      spdlog::warn("robots.txt for {} unreachable ({}): not crawling it this run", host.origin,
                   error.empty() ? "HTTP " + std::to_string(status) : error);
      auto& site = SiteOf(host.site);
      ++site.fetch_errors;
      std::lock_guard<std::mutex> lock(summary_mutex_);
      last_error_[host.site] = "robots.txt unreachable";
    } else if (status >= 400) {
      host.robots = RobotsRules::AllowAll();  // RFC 9309 2.3.1.3
    } else {
      host.robots = RobotsRules::Parse(body, host.settings->user_agent);
      if (auto delay = host.robots.crawl_delay_seconds()) {
        auto asked = milliseconds(static_cast<long long>(*delay * 1000));
        auto cap = milliseconds(host.settings->max_crawl_delay_ms);
        if (asked > cap) {
          spdlog::warn("{} asks Crawl-delay {} s; capped at max_crawl_delay_ms {}", host.origin,
                       *delay, cap.count());
          asked = cap;
        }
        host.delay = std::max(host.delay, asked);
      }
      const SiteConfig& site = *rules_[static_cast<size_t>(host.site)].site;
      if (site.sitemaps) {
        for (const std::string& sitemap : host.robots.sitemaps()) {
          auto url = NormalizeUrl(sitemap);
          if (url && seen_.Insert(*url))
            host.queue.push_front(NewPending(*url, host.site, 0, PageRole::kSitemap));
        }
      }
    }
    host.robots_state = RobotsState::kReady;
  }

  void OnRobotsFetched(HostState& host, const FetchResult& result) {
    if (result.error.empty() && result.status > 0 && result.status < 500) {
      SaveCachedRobots(*c_.store_, host.origin, {now_, result.status, result.body});
    }
    if (result.error.empty()) WriteWarc(result);  // robots.txt is evidence of what we were allowed
    ApplyRobots(host, result.status, result.body, result.error);
  }

  void FetchLoop() {
    std::vector<FetchResult> finished;
    SteadyTime last_progress = c_.clock_.Monotonic();
    while (true) {
      DrainInbox();
      milliseconds wait = StartReady();
      if (Idle()) break;
      finished.clear();
      c_.fetcher_->Poll(wait, &finished);
      SteadyTime now = c_.clock_.Monotonic();
      for (FetchResult& result : finished) {
        auto it = in_flight_.find(result.token);
        if (it == in_flight_.end()) continue;
        InFlight flight = std::move(it->second);
        in_flight_.erase(it);
        HostState& host = hosts_[flight.host];
        --host.in_flight;
        // Politeness counts from the end of the previous response.
        host.next_allowed = now + host.delay;
        if (flight.robots) {
          OnRobotsFetched(host, result);
          host.next_allowed = now + host.delay;  // Crawl-delay applies from now on
          continue;
        }
        if (HandleRetry(host, flight.page, result, now)) continue;
        if (FollowRedirect(flight.page, result)) continue;
        ++outstanding_;
        queue_.Push(Work{std::move(result), std::move(flight.page), false});
      }
      if (c_.options_.progress && now - last_progress > std::chrono::seconds(1)) {
        last_progress = now;
        std::lock_guard<std::mutex> lock(summary_mutex_);
        c_.options_.progress(summary_);
      }
    }
  }

  // Requeues a throttled or failed fetch with back-off; spends the host's
  // error budget. Returns true if the result was consumed here.
  bool HandleRetry(HostState& host, Pending& page, const FetchResult& result, SteadyTime now) {
    RetryDecision decision =
        DecideRetry(result, page.attempts, host.settings->max_retries, c_.options_.retry_base,
                    c_.options_.max_retry_wait, jitter_dist_(jitter_));
    if (decision.counts_as_host_error && ++host.errors >= host.settings->host_error_budget &&
        !host.skipped) {
      host.skipped = true;
      spdlog::error("host {} skipped for this run after {} errors (last: {})", host.key,
                    host.errors, decision.reason);
      std::lock_guard<std::mutex> lock(summary_mutex_);
      SiteOf(host.site).skipped_hosts.push_back(host.key);
      host.queue.clear();
      return false;
    }
    if (!decision.retry || host.skipped) return false;
    spdlog::info("retrying {} in {} ms ({})", page.url, decision.wait.count(), decision.reason);
    {
      std::lock_guard<std::mutex> lock(summary_mutex_);
      ++SiteOf(page.site).retries;
    }
    ++page.attempts;
    host.next_allowed = std::max(host.next_allowed, now + decision.wait);
    host.queue.push_front(std::move(page));
    return true;
  }

  // A 3xx becomes a new request for its target, queued under the target
  // host's politeness and robots.txt. Returns true if it was followed.
  bool FollowRedirect(Pending& page, FetchResult& result) {
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

  bool Idle() {
    if (c_.fetcher_->InFlight() > 0 || outstanding_.load() > 0) return false;
    {
      std::lock_guard<std::mutex> lock(inbox_mutex_);
      if (!inbox_.empty()) return false;
    }
    for (const auto& [key, host] : hosts_) {
      if (!host.queue.empty()) return false;
    }
    return true;
  }

  void DrainInbox() {
    std::vector<Pending> found;
    {
      std::lock_guard<std::mutex> lock(inbox_mutex_);
      found.swap(inbox_);
    }
    for (Pending& page : found) Enqueue(std::move(page));
  }

  // After the loop: removed adverts, failed sites, the frontier closed.
  void Finish() {
    bool complete = !summary_.stopped_at_max_pages;
    for (size_t i = 0; i < summary_.sites.size(); ++i) {
      SiteSummary& s = summary_.sites[i];
      if (!s.skipped_hosts.empty()) {
        s.failed = true;
        s.failure = "host " + s.skipped_hosts.front() + " skipped after too many errors";
      } else if (s.pages_ok == 0 && (s.fetch_errors + s.http_errors) > 0) {
        s.failed = true;
        s.failure = "no page could be fetched (" + last_error_[static_cast<int>(i)] + ")";
      }
      if (complete && !s.failed) SweepRemoved(static_cast<int>(i));
    }
    for (size_t i = 0; i < rules_.size(); ++i) SaveBoilerplate(static_cast<int>(i));
    SettleProvisionalAdverts();
    Status s = c_.store_->ClearFrontier();
    if (s.ok()) s = c_.store_->DeleteMeta(kRunStartedKey);
    if (!s.ok()) spdlog::error("closing the crawl frontier: {}", s.ToString());
  }

  // What a site's chrome looks like is kept as the run goes on, so a killed
  // run's successor starts from it instead of from nothing: with every
  // page's commit while the profile is young, then every 30 s.
  void NoteBoilerplate(int site, bool young, PageCommit* commit) {
    if (young) {
      commit->meta.emplace_back(BoilerplateKey(rules_[static_cast<size_t>(site)].site->name),
                                boilerplate_[static_cast<size_t>(site)]->Serialize());
      return;
    }
    const SteadyTime now = c_.clock_.Monotonic();
    {
      std::lock_guard<std::mutex> lock(boilerplate_saved_mutex_);
      SteadyTime& last = boilerplate_saved_[site];
      if (now - last < std::chrono::seconds(30)) return;
      last = now;
    }
    SaveBoilerplate(site);
  }

  void SaveBoilerplate(int site) {
    std::lock_guard<std::mutex> lock(boilerplate_write_mutex_);  // newest snapshot last
    Status s = c_.store_->PutMeta(BoilerplateKey(rules_[static_cast<size_t>(site)].site->name),
                                  boilerplate_[static_cast<size_t>(site)]->Serialize());
    if (!s.ok()) spdlog::warn("saving boilerplate profile: {}", s.ToString());
  }

  // Extracts every provisional advert (this run's and any a killed run
  // left) again with the chrome learnt by now; see provisional_advert.h.
  void SettleProvisionalAdverts() {
    const size_t prefix = std::strlen(kProvisionalPrefix);
    size_t settled = 0;
    // Each note is settled as it is read: RocksDB iterates a snapshot, so
    // deleting notes on the way is safe.
    Status listed = c_.store_->ForEachMeta(kProvisionalPrefix, [&](const std::string& key,
                                                                   const std::string& bytes) {
      ProvisionalPage page;
      if (!DecodeProvisionalPage(bytes, &page)) return true;
      auto site = site_index_.find(page.site);
      if (site == site_index_.end()) {  // the site left the config: keep what was stored
        (void)c_.store_->DeleteMeta(key);
        return true;
      }
      const size_t i = static_cast<size_t>(site->second);
      AdvertRecord a;
      a.id = key.substr(prefix);
      SetExtractedContent(rules_[i].extractor->Extract(page.body, page.content_type, page.today,
                                                       boilerplate_[i].get(),
                                                       ChromeMode::kExcludeOnly),
                          &a);
      Status s = c_.store_->ReplaceAdvertContent(a, {key});
      if (s.IsNotFound()) s = c_.store_->DeleteMeta(key);  // purged meanwhile
      if (s.ok()) {
        ++settled;
      } else {
        spdlog::error("re-extracting advert {}: {}", a.id, s.ToString());
      }
      return true;
    });
    if (!listed.ok()) spdlog::error("listing provisional adverts: {}", listed.ToString());
    if (settled > 0) spdlog::debug("re-extracted {} provisional adverts", settled);
  }

  // Adverts of a fully crawled site that this run never saw again are gone
  // from its listings: mark them removed (a taken-down advert is evidence).
  void SweepRemoved(int site) {
    const std::string& name = rules_[static_cast<size_t>(site)].site->name;
    std::vector<std::string> gone;
    // Summaries, not whole adverts: a big store is swept without decoding text.
    Status s = c_.store_->ForEachAdvertSummary([&](const AdvertSummary& a) {
      if (a.site == name && !a.removed && !AdvertSeen(a.id)) gone.push_back(a.id);
      return true;
    });
    for (const std::string& id : gone) {
      if (c_.store_->MarkAdvertRemoved(id, now_).ok()) ++SiteOf(site).adverts_removed;
    }
    if (!s.ok()) spdlog::error("sweeping removed adverts: {}", s.ToString());
  }

  // --- workers ------------------------------------------------------------

  void WorkerLoop() {
    while (auto work = queue_.Pop()) {
      Process(*work);
      --outstanding_;
      c_.fetcher_->Wakeup();
    }
  }

  void Count(int site, const std::function<void(SiteSummary&)>& change) {
    std::lock_guard<std::mutex> lock(summary_mutex_);
    change(summary_.sites[static_cast<size_t>(site)]);
  }

  void CommitDone(const std::string& url) {
    Status s = c_.store_->CommitPage({url, {}, "", {}});
    if (!s.ok()) spdlog::error("frontier: {}", s.ToString());
  }

  // Adverts this run found listed (whatever their fetch gave, bar 404/410):
  // what a complete run did not find is gone.
  void MarkAdvertSeen(const std::string& id) {
    std::lock_guard<std::mutex> lock(adverts_seen_mutex_);
    adverts_seen_.insert(id);
  }
  bool AdvertSeen(const std::string& id) {
    std::lock_guard<std::mutex> lock(adverts_seen_mutex_);
    return adverts_seen_.count(id) != 0;
  }

  void Process(Work& work) {
    const FetchResult& r = work.result;
    const int site = work.page.site;
    if (work.page.role == PageRole::kAdvert && r.status != 404 && r.status != 410) {
      MarkAdvertSeen(AdvertIdForUrl(work.page.url));
    }
    const SiteRules& rules = rules_[static_cast<size_t>(site)];
    std::int64_t now = c_.clock_.NowUnixSeconds();
    if (work.not_fetched) {
      (void)c_.store_->TouchAdvert(AdvertIdForUrl(work.page.url), now);
      CommitDone(work.page.url);
      Count(site, [](SiteSummary& s) { ++s.adverts_not_modified; });
      return;
    }
    if (!r.error.empty()) {
      spdlog::warn("fetch failed: {}: {}", r.url, r.error);
      Count(site, [&](SiteSummary& s) {
        ++s.fetch_errors;
        last_error_[site] = r.error;
      });
      CommitDone(work.page.url);
      return;
    }
    Count(site, [](SiteSummary& s) { ++s.pages_fetched; });
    if (r.status == 304) {
      Count(site, [](SiteSummary& s) {
        ++s.pages_ok;
        ++s.adverts_not_modified;
      });
      if (work.page.role == PageRole::kAdvert) {
        (void)c_.store_->TouchAdvert(AdvertIdForUrl(work.page.url), now);
      }
      CommitDone(work.page.url);
      return;
    }
    if (r.status < 200 || r.status >= 300) {
      spdlog::warn("HTTP {} for {}", r.status, r.url);
      Count(site, [&](SiteSummary& s) {
        ++s.http_errors;
        last_error_[site] = "HTTP " + std::to_string(r.status);
      });
      if ((r.status == 404 || r.status == 410) && work.page.role == PageRole::kAdvert) {
        if (c_.store_->MarkAdvertRemoved(AdvertIdForUrl(work.page.url), now).ok()) {
          Count(site, [](SiteSummary& s) { ++s.adverts_removed; });
        }
      }
      CommitDone(work.page.url);
      return;
    }
    Count(site, [](SiteSummary& s) { ++s.pages_ok; });
    if (work.page.role == PageRole::kSitemap) {
      ProcessSitemap(work);
      return;
    }
    if (!IsHtml(r.content_type)) {
      spdlog::info("skipping non-HTML {} ({})", r.url, r.content_type);
      Count(site, [](SiteSummary& s) { ++s.skipped_content; });
      CommitDone(work.page.url);
      return;
    }
    if (r.truncated) {
      spdlog::warn("body of {} cut at max_body_bytes ({} bytes)", r.url, r.body.size());
      Count(site, [](SiteSummary& s) { ++s.truncated; });
    }
    nlohmann::json meta = {{"status", r.status},
                           {"fetched_at", now},
                           {"etag", r.etag},
                           {"last_modified", r.last_modified}};
    PageCommit commit{work.page.url, {}, meta.dump(), {}};
    SiteBoilerplate& chrome = *boilerplate_[static_cast<size_t>(site)];
    // While a site's profile is young, its pages are learnt and committed one
    // at a time, each commit carrying the profile as learnt so far: a killed
    // run's successor then starts from exactly the pages it will not fetch
    // again, neither missing nor counting twice any of them.
    std::unique_lock<std::mutex> young;
    if (chrome.pages() < SiteBoilerplate::kSettledPages) {
      young = std::unique_lock<std::mutex>(young_site_mutex_[static_cast<size_t>(site)]);
    }
    const bool provisional = chrome.pages() < SiteBoilerplate::kSettledPages;
    if (work.page.role == PageRole::kAdvert) {
      AdvertExtraction x = rules.extractor->Extract(r.body, r.content_type, today_, &chrome);
      NoteBoilerplate(site, provisional, &commit);
      std::vector<Pending> found = Discover(work, x.links, x.base_href, &commit);
      // Parsed before the site's chrome is known: extracted again at the end.
      StoreAdvert(work, rules, std::move(x), now, provisional, std::move(commit));
      Publish(std::move(found));
    } else {
      std::string base_href, canonical;
      auto links = rules.extractor->ExtractLinks(r.body, r.content_type, &base_href, &canonical,
                                                 &chrome);
      NoteBoilerplate(site, provisional, &commit);
      std::vector<Pending> found = Discover(work, links, base_href, &commit);
      Status s = c_.store_->CommitPage(commit);
      if (!s.ok()) spdlog::error("storing {}: {}", r.url, s.ToString());
      Publish(std::move(found));
    }
  }

  void ProcessSitemap(Work& work) {
    SitemapUrls urls = ParseSitemap(work.result.body);
    std::vector<std::string> links = std::move(urls.pages);
    PageCommit commit{work.page.url, {}, "", {}};
    std::vector<Pending> found = Discover(work, links, "", &commit);
    for (const std::string& nested : urls.sitemaps) {
      auto url = NormalizeUrl(nested);
      if (url && seen_.Insert(*url))
        found.push_back(NewPending(*url, work.page.site, 0, PageRole::kSitemap));
    }
    (void)c_.store_->CommitPage(commit);
    Publish(std::move(found));
  }

  void WriteWarc(const FetchResult& r, AdvertRecord* advert = nullptr) {
    if (!warc_) return;
    WarcCapture capture;
    capture.target_uri = r.final_url.empty() ? r.url : r.final_url;
    capture.request_headers = r.request_headers;
    capture.response_headers = r.response_headers;
    capture.payload = r.body;
    capture.fetched_unix_ms = c_.clock_.NowUnixSeconds() * 1000;
    capture.ip_address = r.ip_address;
    capture.truncated = r.truncated;
    if (advert != nullptr) capture.payload_sha256 = advert->sha256;
    auto location = warc_->Append(capture);
    if (!location.ok()) {
      spdlog::error("WARC: {}: {}", capture.target_uri, location.status().ToString());
      return;
    }
    if (advert != nullptr) {
      advert->warc_file = location->file;
      advert->warc_offset = location->offset;
      advert->warc_length = location->length;
      advert->sha256 = location->payload_sha256;
    }
  }

  void StoreAdvert(const Work& work, const SiteRules& rules, AdvertExtraction x, std::int64_t now,
                   bool provisional, PageCommit commit) {
    const FetchResult& r = work.result;
    AdvertRecord a;
    a.url = work.page.url;
    // A canonical URL on the same site names the advert, so tracking
    // variants of one page stay one advert.
    if (!x.canonical.empty()) {
      auto canonical = ResolveUrl(r.final_url.empty() ? a.url : r.final_url, x.canonical);
      auto here = ParseUrl(a.url);
      auto there = canonical ? ParseUrl(*canonical) : std::nullopt;
      if (here && there && IsSameSite(*here, *there) &&
          rules.Classify(*canonical) == PageRole::kAdvert) {
        a.url = *canonical;
      }
    }
    a.id = AdvertIdForUrl(a.url);
    MarkAdvertSeen(a.id);
    a.site = rules.site->name;
    a.kind = rules.site->kind;
    SetExtractedContent(std::move(x), &a);
    a.first_seen = now;
    a.last_seen = now;
    a.sha256 = Sha256Hex(r.body);
    if (provisional) {
      commit.meta.emplace_back(ProvisionalKey(a.id),
                               EncodeProvisionalPage({a.site, r.content_type, today_, r.body}));
    }
    // Evidence is written once per distinct capture, not on every revisit.
    auto stored = c_.store_->GetAdvert(a.id);
    bool same_capture = stored.ok() && stored->has_value() && (*stored)->sha256 == a.sha256;
    if (!same_capture) {
      WriteWarc(r, &a);
      if (!a.warc_file.empty()) Count(work.page.site, [](SiteSummary& s) { ++s.warc_records; });
    }
    auto outcome = c_.store_->UpsertAdvert(a, commit);
    if (!outcome.ok()) {
      spdlog::error("storing {}: {}", a.url, outcome.status().ToString());
      Count(work.page.site, [](SiteSummary& s) { ++s.fetch_errors; });
      return;
    }
    Count(work.page.site, [&](SiteSummary& s) {
      switch (*outcome) {
        case UpsertOutcome::kNew:
          ++s.adverts_new;
          break;
        case UpsertOutcome::kChanged:
          ++s.adverts_changed;
          break;
        case UpsertOutcome::kUnchanged:
          ++s.adverts_unchanged;
          break;
      }
    });
  }

  std::vector<size_t> SiteOrder(size_t first) const {
    std::vector<size_t> order{first};
    for (size_t i = 0; i < rules_.size(); ++i) {
      if (i != first) order.push_back(i);
    }
    return order;
  }

  // Links worth fetching, new to this run; adds them to `commit` so they are
  // persisted with the page.
  std::vector<Pending> Discover(const Work& work, const std::vector<std::string>& links,
                                const std::string& base_href, PageCommit* commit) {
    const std::string& page_url =
        work.result.final_url.empty() ? work.page.url : work.result.final_url;
    std::string base = page_url;
    if (!base_href.empty()) {
      if (auto resolved = ResolveUrl(page_url, base_href)) base = *resolved;
    }
    const SiteConfig& own = *rules_[static_cast<size_t>(work.page.site)].site;
    std::vector<Pending> candidates;
    int traps = 0;
    const std::vector<size_t> order = SiteOrder(static_cast<size_t>(work.page.site));
    for (const std::string& href : links) {
      auto resolved = ResolveUrl(base, href);
      if (!resolved) continue;
      std::string url = StripQueryParams(*resolved, own.crawl.strip_params);
      UrlVerdict verdict = CheckUrlTraps(url, static_cast<size_t>(own.crawl.max_url_length));
      if (verdict != UrlVerdict::kOk) {
        ++traps;
        spdlog::debug("skipping {}: {}", url, UrlVerdictName(verdict));
        continue;
      }
      // The page's own site first, then any other configured site.
      for (size_t i : order) {
        PageRole role = rules_[i].Classify(url);
        if (role == PageRole::kNone) continue;
        // A listing's link to another listing of the same site (its next
        // page) is not a hop: a board's pagination runs to hundreds of
        // pages, and the barren-listing rule below stops an endless chain.
        const bool next_listing = role == PageRole::kFollow &&
                                  work.page.role == PageRole::kFollow &&
                                  static_cast<int>(i) == work.page.site;
        int depth = next_listing ? work.page.depth : work.page.depth + 1;
        if (depth <= rules_[i].site->max_depth) {
          candidates.push_back(NewPending(url, static_cast<int>(i), depth, role));
        }
        break;
      }
    }
    std::vector<Pending> fresh;
    int new_adverts = 0;
    for (Pending& p : candidates) {
      if (!seen_.Insert(p.url)) continue;
      if (p.role == PageRole::kAdvert) ++new_adverts;
      fresh.push_back(std::move(p));
    }
    // Endless pagination: after N listing pages in a row that add no advert,
    // stop following listing links for this site.
    if (work.page.role == PageRole::kFollow) {
      std::lock_guard<std::mutex> lock(summary_mutex_);
      int& streak = barren_streak_[work.page.site];
      streak = new_adverts > 0 ? 0 : streak + 1;
      if (streak >= own.crawl.max_barren_listing_pages) {
        auto end = std::remove_if(fresh.begin(), fresh.end(),
                                  [](const Pending& p) { return p.role == PageRole::kFollow; });
        traps += static_cast<int>(fresh.end() - end);
        if (end != fresh.end()) {
          spdlog::warn("site {}: {} listing pages in a row added no advert; not following more",
                       own.name, streak);
        }
        fresh.erase(end, fresh.end());
      }
    }
    if (traps > 0) Count(work.page.site, [&](SiteSummary& s) { s.traps_skipped += traps; });
    for (const Pending& p : fresh) {
      commit->discovered.push_back({p.url, rules_[static_cast<size_t>(p.site)].site->name, p.depth,
                                    p.role == PageRole::kAdvert});
    }
    return fresh;
  }

  void Publish(std::vector<Pending> found) {
    if (found.empty()) return;
    std::lock_guard<std::mutex> lock(inbox_mutex_);
    for (Pending& p : found) inbox_.push_back(std::move(p));
  }

  Crawler& c_;
  std::vector<SiteRules> rules_;
  std::map<std::string, int> site_index_;
  BoundedQueue<Work> queue_;
  std::int64_t now_ = 0;
  std::string today_;
  std::unique_ptr<WarcWriter> warc_;                           // thread-safe
  std::vector<std::unique_ptr<SiteBoilerplate>> boilerplate_;  // per site; thread-safe
  std::string warc_dir_;
  SeenSet seen_;
  std::mutex boilerplate_saved_mutex_;
  std::map<int, SteadyTime> boilerplate_saved_;  // guarded by boilerplate_saved_mutex_
  std::mutex boilerplate_write_mutex_;
  std::unique_ptr<std::mutex[]> young_site_mutex_;  // per site, see Process()

  // Fetch thread only.
  std::map<std::string, HostState> hosts_;
  std::map<std::uint64_t, InFlight> in_flight_;
  std::uint64_t next_token_ = 1;
  int pages_started_ = 0;
  std::map<int, int> site_pages_started_;
  std::mt19937 jitter_;
  std::uniform_real_distribution<double> jitter_dist_{0.0, 1.0};

  std::atomic<size_t> outstanding_{0};  // results queued or being processed
  std::mutex inbox_mutex_;
  std::vector<Pending> inbox_;  // guarded by inbox_mutex_: links found by workers
  std::mutex summary_mutex_;
  CrawlSummary summary_;                   // guarded by summary_mutex_ once workers run
  std::map<int, std::string> last_error_;  // guarded by summary_mutex_
  std::map<int, int> barren_streak_;       // guarded by summary_mutex_
  std::mutex adverts_seen_mutex_;
  std::unordered_set<std::string> adverts_seen_;  // guarded by adverts_seen_mutex_
};

Crawler::Crawler(const Config& config, std::shared_ptr<const PatternSet> patterns, Store* store,
                 const Clock& clock, Fetcher* fetcher, CrawlerOptions options)
    : config_(config),
      patterns_(std::move(patterns)),
      store_(store),
      clock_(clock),
      fetcher_(fetcher),
      options_(std::move(options)) {
  if (fetcher_ == nullptr) {
    owned_fetcher_ = NewCurlFetcher();
    fetcher_ = owned_fetcher_.get();
  }
}

Crawler::~Crawler() = default;

Result<CrawlSummary> Crawler::Run() {
  auto rules = CompileSiteRules(config_, patterns_);
  if (!rules.ok()) return rules.status();
  Run_ run(*this, std::move(rules).value());
  return run.Execute();
}

}  // namespace plainsight
