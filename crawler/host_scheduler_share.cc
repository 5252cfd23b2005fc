// The cluster half of the fetch thread (HostScheduler, CrawlerOptions::share):
// hand-over of other workers' hosts, taking in what was handed here,
// re-balancing when workers join or leave, and the cluster-wide run end.
// See crawler/work_share.h for the protocol and cluster/crawl_share.h for
// its Redis side.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "crawler/host_scheduler.h"
#include "crawler/url.h"

namespace plainsight {
namespace {

using std::chrono::milliseconds;

// How often an idle or busy worker looks for pages handed to it, and
// checks whether the whole cluster is done.
constexpr milliseconds kReceiveEvery{100};
constexpr milliseconds kClusterCheckEvery{100};
// Redis unreachable for this many hand-over attempts (one a second): the
// pages are fetched here rather than held back for ever.
constexpr int kHandOverAttempts = 30;

}  // namespace

void HostScheduler::ShareWork(SteadyTime now) {
  WorkShare& share = *state_.env.options.share;
  // Counted as done only once re-balanced: a failure is tried again next loop.
  if (const std::uint64_t generation = share.generation(); generation != share_generation_) {
    if (Rebalance()) share_generation_ = generation;
  }
  FlushHandOver(now);
  TakeInHanded(now);
}

bool HostScheduler::Rebalance() {
  WorkShare& share = *state_.env.options.share;
  for (auto& [key, host] : hosts_) {
    // Asked again before the next request: a host kept may still be one
    // this worker lost while its membership lapsed and has just regained.
    host.first_request_cleared = false;
    if (share.Owns(key)) continue;
    std::deque<Pending> keep;  // pages mid-redirect stay here
    for (Pending& page : host.queue) {
      if (page.fetch_url.empty()) {
        to_hand_.push_back({key, FrontierEntryFor(page, state_.rules(page.site).site->name)});
      } else {
        keep.push_back(std::move(page));
      }
    }
    host.queue = std::move(keep);
    // Its seeds are queued again here if the host comes back.
    for (auto it = own_seeds_.begin(); it != own_seeds_.end();) {
      auto parsed = ParseUrl(*it);
      it = parsed && parsed->HostPort() == key ? own_seeds_.erase(it) : std::next(it);
    }
  }
  // Hosts gained (a worker left or died): crawl them from their seeds, as
  // the pages the other worker held may be lost with it, with the pages
  // this worker handed to it.
  std::vector<FrontierEntry> entries;
  std::vector<Pending> gained;
  for (Pending& page : state_.SeedPages()) {
    auto parsed = ParseUrl(page.url);
    if (!parsed || !share.Owns(parsed->HostPort()) || own_seeds_.count(page.url) > 0) continue;
    entries.push_back(FrontierEntryFor(page, state_.rules(page.site).site->name));
    gained.push_back(std::move(page));
  }
  const bool handed_back = std::any_of(handed_away_.begin(), handed_away_.end(),
                                       [&](const auto& host) { return share.Owns(host.first); });
  if (gained.empty() && !handed_back) return true;
  if (!MarkBusy()) return false;  // tried again next loop, nothing taken yet
  std::set<std::string> queued;
  for (const Pending& page : gained) queued.insert(page.url);
  for (auto it = handed_away_.begin(); it != handed_away_.end();) {
    if (!share.Owns(it->first)) {
      ++it;
      continue;
    }
    for (FrontierEntry& entry : it->second) {
      if (!queued.insert(entry.url).second) continue;
      if (std::optional<int> site = state_.SiteIndex(entry.site)) {
        gained.push_back(PendingFor(entry, *site));
        entries.push_back(std::move(entry));
      }
    }
    it = handed_away_.erase(it);
  }
  Status s = state_.env.store.AddToFrontier(entries);
  if (!s.ok()) spdlog::error("frontier: {}", s.ToString());
  spdlog::info("cluster: {} page(s) of hosts gained from other workers (their seeds, and what "
               "was handed to them)", gained.size());
  for (Pending& page : gained) {
    state_.FirstSeen(page.url);
    Enqueue(std::move(page));
  }
  return true;
}

void HostScheduler::FlushHandOver(SteadyTime now) {
  if (to_hand_.empty() || now < next_hand_retry_) return;
  WorkShare& share = *state_.env.options.share;
  Status s = share.HandOver(to_hand_);
  if (s.ok()) {
    // Its owner has it (in Redis): close it here.
    for (PageToHand& page : to_hand_) {
      state_.CommitDone(page.page.url);
      handed_away_[page.host_port].push_back(std::move(page.page));
    }
    state_.Update([&](CrawlSummary& summary) { summary.pages_handed_over += to_hand_.size(); });
    to_hand_.clear();
    hand_failures_ = 0;
    return;
  }
  if (++hand_failures_ < kHandOverAttempts) {
    spdlog::warn("cluster: handing {} page(s) over: {} (attempt {} of {})", to_hand_.size(),
                 s.ToString(), hand_failures_, kHandOverAttempts);
    next_hand_retry_ = now + std::chrono::seconds(1);
    return;
  }
  spdlog::error("cluster: could not hand {} page(s) over ({}); fetching them here",
                to_hand_.size(), s.ToString());
  for (PageToHand& page : to_hand_) {
    std::optional<int> site = state_.SiteIndex(page.page.site);
    if (!site) continue;
    Pending pending = PendingFor(page.page, *site);
    if (auto fetch = ParseUrl(pending.FetchUrl())) {
      EnqueueHere(std::move(pending), page.host_port, *fetch);
    }
  }
  to_hand_.clear();
  hand_failures_ = 0;
}

void HostScheduler::TakeInHanded(SteadyTime now) {
  if (now < next_receive_) return;
  next_receive_ = now + kReceiveEvery;
  WorkShare& share = *state_.env.options.share;
  Result<std::vector<HandedPage>> handed = share.Receive();
  if (!handed.ok()) {
    spdlog::warn("cluster: reading pages handed over: {}", handed.status().ToString());
    next_receive_ = now + std::chrono::seconds(1);
    return;
  }
  if (handed->empty() || !MarkBusy()) return;
  std::vector<std::string> tickets;
  std::vector<FrontierEntry> fresh;
  std::vector<Pending> pages;
  for (HandedPage& h : *handed) {
    tickets.push_back(h.ticket);
    std::optional<int> site = state_.SiteIndex(h.page.site);
    if (h.page.url.empty() || !site || !state_.FirstSeen(h.page.url)) continue;
    pages.push_back(PendingFor(h.page, *site));
    fresh.push_back(std::move(h.page));
  }
  // In this worker's frontier first, then acknowledged: a crash in between
  // leaves them pending in Redis, and they come back (once, by FirstSeen).
  Status s = state_.env.store.AddToFrontier(fresh);
  if (s.ok()) s = share.Acknowledge(tickets);
  if (!s.ok()) spdlog::warn("cluster: taking in {} handed page(s): {}", tickets.size(), s.ToString());
  state_.Update([&](CrawlSummary& summary) { summary.pages_taken_in += pages.size(); });
  for (Pending& page : pages) Enqueue(std::move(page));
}

bool HostScheduler::MarkBusy() {
  if (!share_idle_) return true;
  Status s = state_.env.options.share->SetIdle(false, share_generation_);
  if (!s.ok()) {
    spdlog::warn("cluster: {}", s.ToString());
    return false;
  }
  share_idle_ = false;
  return true;
}

bool HostScheduler::FetchAllowedByShare() {
  const WorkShare* share = state_.env.options.share;
  const bool allowed = share == nullptr || share->MayFetch();
  if (allowed == !fetch_paused_) return allowed;
  fetch_paused_ = !allowed;
  if (fetch_paused_) {
    spdlog::warn("cluster: this worker's membership was not renewed in time; no fetch starts "
                 "until it is, as another worker may take its hosts over");
  } else {
    spdlog::info("cluster: membership renewed; fetching again");
  }
  return allowed;
}

void HostScheduler::TellShareHostRequested(const std::string& host_port) {
  if (WorkShare* share = state_.env.options.share) share->HostRequested(host_port);
}

void HostScheduler::ClearFirstRequest(HostState& host, SteadyTime now) {
  WorkShare* share = state_.env.options.share;
  if (share == nullptr) {
    host.first_request_cleared = true;
    return;
  }
  Result<milliseconds> wait = share->WaitBeforeFirstRequest(host.key, host.delay);
  if (!wait.ok()) {
    spdlog::warn("cluster: when {} was last requested: {}", host.key, wait.status().ToString());
    host.next_allowed = std::max(host.next_allowed, now + std::chrono::seconds(1));
    return;
  }
  if (wait->count() == 0) {
    host.first_request_cleared = true;
    return;
  }
  spdlog::debug("cluster: {} had a response lately (another worker, or this one before it "
                "restarted); asking again in {} ms", host.key, wait->count());
  host.next_allowed = std::max(host.next_allowed, now + *wait);
}

bool HostScheduler::ClusterDone(SteadyTime now) {
  WorkShare& share = *state_.env.options.share;
  // Idle for the owners re-balanced for; said again when they change.
  if (!share_idle_ || idle_generation_ != share_generation_) {
    if (Status s = share.SetIdle(true, share_generation_); !s.ok()) return false;
    share_idle_ = true;
    idle_generation_ = share_generation_;
  }
  if (now < next_cluster_check_) return false;
  next_cluster_check_ = now + kClusterCheckEvery;
  Result<bool> done = share.ClusterIdle();
  if (!done.ok()) {
    spdlog::warn("cluster: checking whether every worker is done: {}", done.status().ToString());
    return false;
  }
  return *done;
}

}  // namespace plainsight
