// HostScheduler: the fetch thread of a crawl run. It keeps one queue per
// host and starts transfers on the Fetcher as politeness (per-host
// connections and delay, measured from the end of the previous response),
// robots.txt (RFC 9309, from the store's cache or fetched first), the page
// budgets and the workers' back-pressure allow (advert images, PageRole::
// kImage, take the same queues, politeness and robots.txt, outside the
// page budgets, one fetch per image URL per run, at most max_images_per_run
// fetches, the rest refused against their advert); it retries with back-off,
// follows redirects as new polite requests, and hands every finished fetch
// to the workers through the CrawlState's queue.
//
// Thread safety: everything here runs on the fetch thread only (the thread
// that calls Run); its members need no lock. What it shares with the
// workers lives in CrawlState.
//
// Ownership: borrows the CrawlState, which outlives it.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "crawler/crawl_state.h"
#include "crawler/crawl_work.h"
#include "crawler/robots_rules.h"
#include "crawler/url.h"
#include "crawler/work_share.h"

namespace plainsight {

class HostScheduler {
 public:
  explicit HostScheduler(CrawlState* state);
  HostScheduler(const HostScheduler&) = delete;
  HostScheduler& operator=(const HostScheduler&) = delete;

  // Queues a page under its host (a host whose error budget is spent takes
  // nothing more). In a cluster, a page of a host another worker owns is
  // handed over to it instead (host_scheduler_share.cc).
  void Enqueue(Pending page);

  // Fetches until every queue is empty, nothing is in flight and the
  // workers have finished what they were handed.
  void Run();

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;
  using milliseconds = std::chrono::milliseconds;
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
    // WorkShare::WaitBeforeFirstRequest applied since this worker last came
    // to own the host (always true without a share).
    bool first_request_cleared = false;
  };

  struct InFlight {
    std::string host;
    Pending page;
    bool robots = false;
  };

  // What the store knows of an advert page before it is fetched.
  struct Revisit {
    std::string advert_url;  // the URL its advert is stored under
    bool stored = false;     // an advert is stored under it
    bool removed = false;    // ... and was marked removed
    bool recent = false;     // fetched less than recrawl_after_hours ago
    std::string etag;
    std::string last_modified;
  };

  FetchRequest MakeRequest(const HostState& host, const std::string& url);
  bool PageBudgetLeft(const Pending& page, const HostState& host) const;
  // max_images_per_run: [crawl]'s for the run, a site's own for its photos.
  bool ImageBudgetLeft(const Pending& image) const;
  // A site's own `concurrency` (its [[sites]] value, else [crawl]'s) bounds
  // its transfers across all its hosts.
  bool SiteHasRoom(int site) const;
  void StartRobots(HostState& host);
  // Every request to a host goes out here, so a cluster's ledger hears of it.
  void SendRequest(const HostState& host, FetchRequest request);
  // Starts every transfer allowed now; returns how long until the next may start.
  milliseconds StartReady();
  // Starts one page of `host`, or settles it without a fetch. False when
  // the page budget is spent (the host's queue is then dropped).
  bool StartPage(const std::string& key, HostState& host, Pending page);
  bool StartImage(const std::string& key, HostState& host, Pending page);
  Revisit LookUpRevisit(const Pending& page) const;
  void ApplyRobots(HostState& host, long status, const std::string& body, const std::string& error);
  void OnRobotsFetched(HostState& host, const FetchResult& result);
  void OnFinished(FetchResult& result, SteadyTime now);
  // Requeues a throttled or failed fetch with back-off; spends the host's
  // error budget. Returns true if the result was consumed here.
  bool HandleRetry(HostState& host, Pending& page, const FetchResult& result, SteadyTime now);
  // A 3xx becomes a new request for its target, queued under the target
  // host's politeness and robots.txt. Returns true if it was followed.
  bool FollowRedirect(Pending& page, FetchResult& result);
  bool Idle() const;
  void DrainInbox();
  void EnqueueHere(Pending page, const std::string& key, const Url& parsed);

  // Cluster (host_scheduler_share.cc); unused without CrawlerOptions::share.
  // Each loop: hands over what it no longer owns and seeds what it gained
  // when the owners changed, flushes pages for other workers' hosts, takes
  // in pages handed to it.
  void ShareWork(SteadyTime now);
  // False when it could not mark itself busy for the hosts it gained.
  bool Rebalance();
  void FlushHandOver(SteadyTime now);
  void TakeInHanded(SteadyTime now);
  // Idle here: says so, and asks whether every worker is.
  bool ClusterDone(SteadyTime now);
  // Busy again before taking in work, so no worker sees the cluster idle meanwhile.
  bool MarkBusy();
  // WorkShare::MayFetch (true without a share), logging when a pause starts and ends.
  bool FetchAllowedByShare();
  // WorkShare::HostRequested, without a share nothing.
  void TellShareHostRequested(const std::string& host_port);
  // Asks WorkShare::WaitBeforeFirstRequest: zero clears the host, a wait
  // moves host.next_allowed (on an error, by a second).
  void ClearFirstRequest(HostState& host, SteadyTime now);

  CrawlState& state_;
  std::map<std::string, HostState> hosts_;
  std::string last_host_served_;  // StartReady's round robin resumes after it
  std::map<std::uint64_t, InFlight> in_flight_;
  std::uint64_t next_token_ = 1;
  int pages_started_ = 0;
  std::map<int, int> site_pages_started_;
  int images_started_ = 0;  // image fetches started (first attempts)
  std::map<int, int> site_images_started_;
  std::map<int, int> site_in_flight_;  // transfers of each site's pages and robots.txt
  std::vector<PageToHand> to_hand_;  // pages for other workers' hosts, not yet handed
  // Pages handed over this run, by host: queued here again if the host
  // comes back (its owner may have died with them, and FirstSeen would
  // keep this worker from finding them again).
  std::map<std::string, std::vector<FrontierEntry>> handed_away_;
  std::set<std::string> own_seeds_;  // seed URLs queued here (depth 0)
  std::uint64_t share_generation_ = 0;
  bool share_idle_ = false;
  std::uint64_t idle_generation_ = 0;  // the generation share_idle_ was said for
  int hand_failures_ = 0;
  bool fetch_paused_ = false;  // WorkShare::MayFetch() said no; logged once per pause
  SteadyTime next_receive_{};
  SteadyTime next_cluster_check_{};
  SteadyTime next_hand_retry_{};
  std::mt19937 jitter_{12345};
  std::uniform_real_distribution<double> jitter_dist_{0.0, 1.0};
};

}  // namespace plainsight
