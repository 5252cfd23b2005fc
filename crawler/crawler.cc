#include "crawler/crawler.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_set>

#include "core/sha256.h"
#include "crawler/bounded_queue.h"
#include "crawler/robots_rules.h"
#include "crawler/site_rules.h"
#include "crawler/url.h"

namespace plainsight {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;
using std::chrono::milliseconds;

struct Pending {
  std::string url;  // normalised
  int site = 0;
  int depth = 0;
  PageRole role = PageRole::kFollow;
};

enum class RobotsState { kUnknown, kFetching, kReady };

struct HostState {
  std::string origin;  // scheme://host[:port]
  std::deque<Pending> queue;
  int in_flight = 0;
  SteadyTime next_allowed{};
  RobotsState robots_state = RobotsState::kUnknown;
  RobotsRules robots = RobotsRules::AllowAll();
  const CrawlSettings* settings = nullptr;  // of the first site that reached this host
  int site = 0;
  milliseconds delay{0};
};

struct InFlight {
  std::string host;
  Pending page;
  bool robots = false;
};

struct Work {
  FetchResult result;
  Pending page;
};

std::string Today(const Clock& clock) { return FormatIso8601(clock.NowUnixSeconds()).substr(0, 10); }

bool IsHtml(const std::string& content_type) {
  if (content_type.empty()) return true;  // sniffing is gumbo's job
  std::string lower;
  for (char c : content_type) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.find("text/html") != std::string::npos ||
         lower.find("application/xhtml") != std::string::npos ||
         lower.find("text/plain") != std::string::npos;
}

}  // namespace

class Crawler::Run_ {
 public:
  Run_(Crawler& crawler, std::vector<SiteRules> rules)
      : c_(crawler), rules_(std::move(rules)), queue_(QueueCapacity(crawler)) {
    summary_.sites.resize(rules_.size());
    for (size_t i = 0; i < rules_.size(); ++i) summary_.sites[i].name = rules_[i].site->name;
    today_ = Today(c_.clock_);
  }

  CrawlSummary Execute() {
    SteadyTime started = c_.clock_.Monotonic();
    for (size_t i = 0; i < rules_.size(); ++i) {
      for (const std::string& seed : rules_[i].site->seeds) {
        auto url = NormalizeUrl(seed);
        if (!url) {
          spdlog::warn("site {}: seed is not an http(s) URL: {}", rules_[i].site->name, seed);
          continue;
        }
        PageRole role = rules_[i].Classify(*url);
        Enqueue({*url, static_cast<int>(i), 0, role == PageRole::kAdvert ? role : PageRole::kFollow});
      }
    }
    int workers = c_.options_.workers > 0 ? c_.options_.workers
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int i = 0; i < workers; ++i) pool.emplace_back([this] { WorkerLoop(); });
    FetchLoop();
    queue_.Close();
    for (std::thread& t : pool) t.join();
    summary_.seconds = std::chrono::duration<double>(c_.clock_.Monotonic() - started).count();
    for (size_t i = 0; i < summary_.sites.size(); ++i) {
      SiteSummary& s = summary_.sites[i];
      if (s.pages_ok == 0 && (s.fetch_errors + s.http_errors) > 0) {
        s.failed = true;
        s.failure = "no page could be fetched (" + last_error_[static_cast<int>(i)] + ")";
      }
    }
    return summary_;
  }

 private:
  static size_t QueueCapacity(const Crawler& c) {
    if (c.options_.queue_capacity > 0) return c.options_.queue_capacity;
    return static_cast<size_t>(2 * std::max(1u, std::thread::hardware_concurrency())) +
           static_cast<size_t>(c.config_.crawl.concurrency);
  }

  // Fetch thread only.
  void Enqueue(Pending page) {
    if (!seen_.insert(page.url).second) return;
    auto parsed = ParseUrl(page.url);
    if (!parsed) return;
    std::string key = parsed->HostPort();
    auto [it, inserted] = hosts_.try_emplace(key);
    HostState& host = it->second;
    if (inserted) {
      host.origin = parsed->Origin();
      host.site = page.site;
      host.settings = &rules_[static_cast<size_t>(page.site)].site->crawl;
      host.delay = milliseconds(host.settings->per_host_delay_ms);
      if (!host.settings->respect_robots) host.robots_state = RobotsState::kReady;
    }
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
    return request;
  }

  bool PageBudgetLeft(const Pending& page) {
    int global_max = c_.config_.crawl.max_pages;
    if (global_max > 0 && pages_started_ >= global_max) return false;
    int site_max = rules_[static_cast<size_t>(page.site)].site->crawl.max_pages;
    if (site_max > 0 && site_pages_started_[page.site] >= site_max) return false;
    return true;
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
        if (outstanding_.load() + c_.fetcher_->InFlight() >= queue_.capacity()) return milliseconds(20);
        if (host.in_flight >= host.settings->per_host_connections) break;
        if (host.robots_state == RobotsState::kFetching) break;
        if (now < host.next_allowed) {
          wait = std::min(wait, std::chrono::duration_cast<milliseconds>(host.next_allowed - now) + milliseconds(1));
          break;
        }
        if (host.robots_state == RobotsState::kUnknown) {
          FetchRequest request = MakeRequest(host, host.origin + "/robots.txt");
          in_flight_[request.token] = {key, {}, true};
          host.robots_state = RobotsState::kFetching;
          ++host.in_flight;
          c_.fetcher_->Start(std::move(request));
          break;
        }
        Pending page = std::move(host.queue.front());
        host.queue.pop_front();
        SiteSummary& site = summary_.sites[static_cast<size_t>(page.site)];
        auto parsed = ParseUrl(page.url);
        if (!host.robots.Allowed(parsed->PathAndQuery())) {
          ++site.robots_blocked;
          spdlog::debug("robots.txt disallows {}", page.url);
          continue;
        }
        if (!PageBudgetLeft(page)) {
          summary_.stopped_at_max_pages = true;
          host.queue.clear();
          break;
        }
        ++pages_started_;
        ++site_pages_started_[page.site];
        FetchRequest request = MakeRequest(host, page.url);
        in_flight_[request.token] = {key, page, false};
        ++host.in_flight;
        c_.fetcher_->Start(std::move(request));
      }
    }
    return wait;
  }

  void OnRobots(HostState& host, const FetchResult& result) {
    if (!result.error.empty() || result.status >= 500) {
      // RFC 9309 2.3.1.4: unreachable means assume complete disallow.
      host.robots = RobotsRules::DisallowAll();
      spdlog::warn("robots.txt for {} unreachable ({}): not crawling it this run", host.origin,
                   result.error.empty() ? "HTTP " + std::to_string(result.status) : result.error);
      auto& site = summary_.sites[static_cast<size_t>(host.site)];
      ++site.fetch_errors;
      last_error_[host.site] = "robots.txt unreachable";
    } else if (result.status >= 400) {
      host.robots = RobotsRules::AllowAll();  // RFC 9309 2.3.1.3
    } else {
      host.robots = RobotsRules::Parse(result.body, host.settings->user_agent);
      if (auto delay = host.robots.crawl_delay_seconds()) {
        auto robots_delay = milliseconds(static_cast<long long>(*delay * 1000));
        host.delay = std::max(host.delay, std::min(robots_delay, milliseconds(60000)));
      }
    }
    host.robots_state = RobotsState::kReady;
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
          OnRobots(host, result);
          continue;
        }
        ++outstanding_;
        queue_.Push(Work{std::move(result), std::move(flight.page)});
      }
      if (c_.options_.progress && now - last_progress > std::chrono::seconds(1)) {
        last_progress = now;
        std::lock_guard<std::mutex> lock(summary_mutex_);
        c_.options_.progress(summary_);
      }
    }
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

  // Worker threads.
  void WorkerLoop() {
    while (auto work = queue_.Pop()) {
      Process(*work);
      --outstanding_;
      c_.fetcher_->Wakeup();
    }
  }

  void Process(Work& work) {
    const FetchResult& r = work.result;
    const SiteRules& rules = rules_[static_cast<size_t>(work.page.site)];
    auto count = [&](auto&& change) {
      std::lock_guard<std::mutex> lock(summary_mutex_);
      change(summary_.sites[static_cast<size_t>(work.page.site)]);
    };
    if (!r.error.empty()) {
      spdlog::warn("fetch failed: {}: {}", r.url, r.error);
      count([&](SiteSummary& s) {
        ++s.fetch_errors;
        last_error_[work.page.site] = r.error;
      });
      return;
    }
    count([&](SiteSummary& s) { ++s.pages_fetched; });
    std::int64_t now = c_.clock_.NowUnixSeconds();
    if (r.status == 304) {
      count([&](SiteSummary& s) { ++s.pages_ok; ++s.adverts_not_modified; });
      if (work.page.role == PageRole::kAdvert) (void)c_.store_->TouchAdvert(AdvertIdForUrl(work.page.url), now);
      return;
    }
    if (r.status < 200 || r.status >= 300) {
      spdlog::warn("HTTP {} for {}", r.status, r.url);
      count([&](SiteSummary& s) {
        ++s.http_errors;
        last_error_[work.page.site] = "HTTP " + std::to_string(r.status);
      });
      if ((r.status == 404 || r.status == 410) && work.page.role == PageRole::kAdvert) {
        Status s = c_.store_->MarkAdvertRemoved(AdvertIdForUrl(work.page.url), now);
        (void)s;  // NotFound: never stored, nothing to mark
      }
      return;
    }
    count([&](SiteSummary& s) { ++s.pages_ok; });
    if (!IsHtml(r.content_type)) {
      spdlog::info("skipping non-HTML {} ({})", r.url, r.content_type);
      count([&](SiteSummary& s) { ++s.skipped_content; });
      return;
    }
    if (r.truncated) {
      spdlog::warn("body of {} cut at max_body_bytes ({} bytes)", r.url, r.body.size());
      count([&](SiteSummary& s) { ++s.truncated; });
    }
    std::vector<std::string> links;
    std::string base_href, canonical;
    if (work.page.role == PageRole::kAdvert) {
      AdvertExtraction x = rules.extractor->Extract(r.body, r.content_type, today_);
      links = std::move(x.links);
      base_href = x.base_href;
      StoreAdvert(work, rules, std::move(x), now);
    } else {
      links = rules.extractor->ExtractLinks(r.body, r.content_type, &base_href, &canonical);
    }
    Discover(work, links, base_href);
    nlohmann::json page = {{"status", r.status}, {"fetched_at", now},
                           {"sha256", Sha256Hex(r.body)}, {"etag", r.etag},
                           {"last_modified", r.last_modified}};
    (void)c_.store_->PutPage(work.page.url, page.dump());
  }

  void StoreAdvert(const Work& work, const SiteRules& rules, AdvertExtraction x, std::int64_t now) {
    AdvertRecord a;
    a.url = work.page.url;
    a.id = AdvertIdForUrl(a.url);
    a.site = rules.site->name;
    a.kind = rules.site->kind;
    a.title = std::move(x.title);
    a.text = std::move(x.text);
    a.location = std::move(x.location);
    a.posted = std::move(x.posted);
    a.first_seen = now;
    a.last_seen = now;
    a.sha256 = Sha256Hex(work.result.body);
    for (auto& p : x.phones) a.phones.push_back(p.e164);
    for (auto& e : x.emails) a.emails.push_back(e.email);
    a.postcodes = std::move(x.postcodes);
    a.addresses = std::move(x.addresses);
    a.towns = std::move(x.towns);
    if (a.towns.empty() && !rules.site->region.empty()) a.towns.push_back(rules.site->region);
    for (auto& hit : x.indicators) a.indicators.push_back({hit.id, hit.category, hit.weight, hit.match});
    for (auto& p : x.pay) a.pay.push_back({p.amount, p.per, p.hourly, p.match});
    auto outcome = c_.store_->UpsertAdvert(a);
    if (!outcome.ok()) {
      spdlog::error("storing {}: {}", a.url, outcome.status().ToString());
      std::lock_guard<std::mutex> lock(summary_mutex_);
      ++summary_.sites[static_cast<size_t>(work.page.site)].fetch_errors;
      return;
    }
    std::lock_guard<std::mutex> lock(summary_mutex_);
    SiteSummary& s = summary_.sites[static_cast<size_t>(work.page.site)];
    switch (*outcome) {
      case UpsertOutcome::kNew: ++s.adverts_new; break;
      case UpsertOutcome::kChanged: ++s.adverts_changed; break;
      case UpsertOutcome::kUnchanged: ++s.adverts_unchanged; break;
    }
  }

  std::vector<size_t> SiteOrder(size_t first) const {
    std::vector<size_t> order{first};
    for (size_t i = 0; i < rules_.size(); ++i) {
      if (i != first) order.push_back(i);
    }
    return order;
  }

  void Discover(const Work& work, const std::vector<std::string>& links, const std::string& base_href) {
    const std::string& page_url = work.result.final_url.empty() ? work.page.url : work.result.final_url;
    std::string base = page_url;
    if (!base_href.empty()) {
      if (auto resolved = ResolveUrl(page_url, base_href)) base = *resolved;
    }
    std::vector<Pending> found;
    const std::vector<size_t> order = SiteOrder(static_cast<size_t>(work.page.site));
    for (const std::string& href : links) {
      auto url = ResolveUrl(base, href);
      if (!url) continue;
      // The page's own site first, then any other configured site.
      for (size_t i : order) {
        PageRole role = rules_[i].Classify(*url);
        if (role == PageRole::kNone) continue;
        int depth = work.page.depth + 1;
        if (depth <= rules_[i].site->max_depth) {
          found.push_back({*url, static_cast<int>(i), depth, role});
        }
        break;
      }
    }
    if (found.empty()) return;
    std::lock_guard<std::mutex> lock(inbox_mutex_);
    for (Pending& p : found) inbox_.push_back(std::move(p));
  }

  Crawler& c_;
  std::vector<SiteRules> rules_;
  BoundedQueue<Work> queue_;
  std::string today_;

  // Fetch thread only.
  std::map<std::string, HostState> hosts_;
  std::unordered_set<std::string> seen_;
  std::map<std::uint64_t, InFlight> in_flight_;
  std::uint64_t next_token_ = 1;
  int pages_started_ = 0;
  std::map<int, int> site_pages_started_;

  std::atomic<size_t> outstanding_{0};  // results queued or being processed
  std::mutex inbox_mutex_;
  std::vector<Pending> inbox_;  // guarded by inbox_mutex_: links found by workers
  std::mutex summary_mutex_;
  CrawlSummary summary_;                 // guarded by summary_mutex_ once workers run
  std::map<int, std::string> last_error_;  // guarded by summary_mutex_
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
