#include "crawler/crawler.h"

#include <spdlog/spdlog.h>

#include <cstring>
#include <thread>
#include <vector>

#include "crawler/crawl_state.h"
#include "crawler/host_scheduler.h"
#include "crawler/page_processor.h"
#include "crawler/chrome_images.h"
#include "crawler/provisional_advert.h"
#include "crawler/url.h"
#include "store/meta_keys.h"

namespace plainsight {
namespace {

// One run's life cycle: resume or seed the frontier, run the fetch thread
// (HostScheduler, on the calling thread) and the workers (PageProcessor)
// until both are done, then close the run.
class CrawlRun {
 public:
  CrawlRun(const CrawlEnv& env, std::vector<SiteRules> rules)
      : state_(env, std::move(rules)), scheduler_(&state_), processor_(&state_) {}

  Result<CrawlSummary> Execute() {
    const auto started = state_.env.clock.Monotonic();
    Status s = state_.OpenWarc();
    if (!s.ok()) return s;
    s = LoadOrStartFrontier();
    if (!s.ok()) return s;
    const int workers = state_.env.options.workers > 0
                            ? state_.env.options.workers
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i) pool.emplace_back([this] { processor_.Run(); });
    scheduler_.Run();
    state_.queue().Close();
    for (std::thread& t : pool) t.join();
    Finish();
    const double seconds =
        std::chrono::duration<double>(state_.env.clock.Monotonic() - started).count();
    state_.Update([&](CrawlSummary& summary) { summary.seconds = seconds; });
    return state_.Summary();
  }

 private:
  // A non-empty frontier is a run that was interrupted: carry it on.
  Status LoadOrStartFrontier() {
    Store& store = state_.env.store;
    std::vector<Pending> pending;
    bool any = false;
    Status s = store.ForEachFrontierEntry([&](const FrontierEntry& e, bool done) {
      any = true;
      state_.FirstSeen(e.url);
      if (done && e.advert) state_.MarkAdvertSeen(AdvertIdForUrl(e.url));
      std::optional<int> site = state_.SiteIndex(e.site);
      if (done || !site) return true;
      pending.push_back(PendingFor(e, *site));
      return true;
    });
    if (!s.ok()) return s;
    if (any) {
      state_.Update([](CrawlSummary& summary) { summary.resumed = true; });
      spdlog::info("resuming an interrupted crawl: {} URLs still to fetch", pending.size());
      for (Pending& p : pending) scheduler_.Enqueue(std::move(p));
      return Status::OK();
    }
    s = store.PutMeta(meta_keys::kRunStarted, std::to_string(state_.now()));
    if (!s.ok()) return s;
    std::vector<FrontierEntry> seeds;
    WorkShare* share = state_.env.options.share;
    for (Pending& page : state_.SeedPages()) {
      // In a cluster each worker seeds the hosts it owns (and those it gains later).
      if (share != nullptr && !share->Owns(ParseUrl(page.url)->HostPort())) continue;
      if (!state_.FirstSeen(page.url)) continue;
      seeds.push_back(FrontierEntryFor(page, state_.rules(page.site).site->name));
      scheduler_.Enqueue(std::move(page));
    }
    return store.AddToFrontier(seeds);
  }

  // After the loop: removed adverts, failed sites, the frontier closed.
  void Finish() {
    const CrawlSummary summary = state_.Summary();
    const bool complete = !summary.stopped_at_max_pages;
    for (size_t i = 0; i < summary.sites.size(); ++i) {
      const int site = static_cast<int>(i);
      const SiteSummary& s = summary.sites[i];
      std::string failure;
      if (!s.skipped_hosts.empty()) {
        failure = "host " + s.skipped_hosts.front() + " skipped after too many errors";
      } else if (s.pages_ok == 0 && (s.fetch_errors + s.http_errors) > 0) {
        failure = "no page could be fetched (" + state_.LastError(site) + ")";
      }
      if (!failure.empty()) {
        state_.Count(site, [&](SiteSummary& changed) {
          changed.failed = true;
          changed.failure = failure;
        });
      } else if (complete && state_.env.options.share == nullptr) {
        // A cluster worker sees only its own hosts' listings.
        SweepRemoved(site);
      }
    }
    for (size_t i = 0; i < state_.site_count(); ++i) state_.SaveBoilerplate(static_cast<int>(i));
    SettleProvisionalAdverts();
    auto chrome = SettleChromeImages(state_.env.store, CrawlState::kChromeMinPages);
    if (!chrome.ok()) {
      spdlog::error("settling site chrome among images: {}", chrome.status().ToString());
    } else if (chrome->rows_refused > 0) {
      spdlog::info("{} advert image(s) found to be site chrome ({} URLs) and dropped",
                   chrome->rows_refused, chrome->chrome_urls);
    }
    Status s = state_.env.store.ClearFrontier();
    if (s.ok()) s = state_.env.store.DeleteMeta(meta_keys::kRunStarted);
    if (!s.ok()) spdlog::error("closing the crawl frontier: {}", s.ToString());
  }

  // Extracts every provisional advert (this run's and any a killed run
  // left) again with the chrome learnt by now; see provisional_advert.h.
  void SettleProvisionalAdverts() {
    Store& store = state_.env.store;
    const size_t prefix = std::strlen(kProvisionalPrefix);
    size_t settled = 0;
    // Each note is settled as it is read: RocksDB iterates a snapshot, so
    // deleting notes on the way is safe.
    Status listed = store.ForEachMeta(kProvisionalPrefix, [&](const std::string& key,
                                                              const std::string& bytes) {
      ProvisionalPage page;
      if (!DecodeProvisionalPage(bytes, &page)) return true;
      std::optional<int> site = state_.SiteIndex(page.site);
      if (!site) {  // the site left the config: keep what was stored
        (void)store.DeleteMeta(key);
        return true;
      }
      AdvertRecord a;
      a.id = key.substr(prefix);
      SetExtractedContent(state_.rules(*site).extractor->Extract(
                              page.body, page.content_type, page.today,
                              &state_.boilerplate(*site), ChromeMode::kExcludeOnly),
                          &a);
      Status s = store.ReplaceAdvertContent(a, {key});
      if (s.IsNotFound()) s = store.DeleteMeta(key);  // purged meanwhile
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
    Store& store = state_.env.store;
    const std::string& name = state_.rules(site).site->name;
    std::vector<std::string> gone;
    // Summaries, not whole adverts: a big store is swept without decoding text.
    Status s = store.ForEachAdvertSummary([&](const AdvertSummary& a) {
      if (a.site == name && !a.removed && !state_.AdvertSeen(a.id)) gone.push_back(a.id);
      return true;
    });
    int removed = 0;
    for (const std::string& id : gone) {
      if (store.MarkAdvertRemoved(id, state_.now()).ok()) ++removed;
    }
    state_.Count(site, [&](SiteSummary& summary) { summary.adverts_removed += removed; });
    if (!s.ok()) spdlog::error("sweeping removed adverts: {}", s.ToString());
  }

  CrawlState state_;
  HostScheduler scheduler_;
  PageProcessor processor_;
};

}  // namespace

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
  CrawlRun run(CrawlEnv{config_, *store_, clock_, *fetcher_, options_}, std::move(rules).value());
  return run.Execute();
}

}  // namespace plainsight
