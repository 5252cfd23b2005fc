#include "cluster/crawl_share.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <utility>

#include "cluster/rendezvous.h"
#include "cluster/stream.h"

namespace plainsight::cluster {
namespace {

const std::string kPrefix = std::string("plainsight:") + CrawlShare::kNamespace + ":";
const std::string kHandedKey = kPrefix + "handed";
const std::string kTakenKey = kPrefix + "taken";
const char* kGroup = "crawlers";
constexpr std::size_t kReceiveBatch = 200;

std::string HandStream(std::uint32_t bucket) { return kPrefix + "hand:" + std::to_string(bucket); }
std::string HostStream(const std::string& host) { return kPrefix + "host:" + host; }
std::string IdleKey(const std::string& worker) { return kPrefix + "idle:" + worker; }

// XADD and its count in one step: a crash cannot leave one without the other.
constexpr const char* kHandScript = R"lua(
redis.call('XADD', KEYS[1], '*', 'url', ARGV[1], 'site', ARGV[2], 'depth', ARGV[3],
           'advert', ARGV[4], 'image', ARGV[5], 'image_of', ARGV[6], 'image_order', ARGV[7])
return redis.call('INCR', KEYS[2])
)lua";
// XACK and its count: only entries that were pending count.
constexpr const char* kAckScript = R"lua(
local n = redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
redis.call('INCRBY', KEYS[2], n)
return n
)lua";

// A broken connection is dialled again before the command (Redis restarted).
Result<RedisReply> Call(RedisConnection& redis, const std::vector<std::string>& argv) {
  if (redis.broken()) {
    if (Status s = redis.Reconnect(); !s.ok()) return s;
  }
  return redis.CheckedCommand(argv);
}

std::optional<FrontierEntry> EntryFromFields(const StreamEntry& entry) {
  FrontierEntry page;
  int found = 0;
  for (const auto& [name, value] : entry.fields) {
    if (name == "url") {
      page.url = value;
      ++found;
    } else if (name == "site") {
      page.site = value;
      ++found;
    } else if (name == "depth") {
      page.depth = std::atoi(value.c_str());
    } else if (name == "advert") {
      page.advert = value == "1";
    } else if (name == "image") {
      page.image = value == "1";
    } else if (name == "image_of") {
      page.image_of = value;
    } else if (name == "image_order") {
      page.image_order = std::atoi(value.c_str());
    }
  }
  if (found != 2 || page.url.empty()) return std::nullopt;
  return page;
}

// "<stream> <entry id>": the ticket names the stream it acknowledges in
// (stream names hold no space; entry ids are "ms-seq").
std::string Ticket(const std::string& stream, const std::string& id) { return stream + " " + id; }

}  // namespace

CrawlShare::CrawlShare(RedisConnection calls, RedisConnection renewals, std::string worker,
                       std::chrono::milliseconds ttl, std::vector<std::string> configured_hosts)
    : calls_(std::move(calls)),
      renewals_(std::move(renewals)),
      worker_(std::move(worker)),
      ttl_(ttl),
      configured_hosts_(configured_hosts.begin(), configured_hosts.end()) {}

Result<std::unique_ptr<CrawlShare>> CrawlShare::Start(const RedisUrl& url, const std::string& worker,
                                                      std::chrono::milliseconds ttl,
                                                      std::vector<std::string> configured_hosts) {
  const auto timeout = std::chrono::milliseconds(2000);
  Result<RedisConnection> calls = RedisConnection::Connect(url, timeout);
  if (!calls.ok()) return calls.status();
  Result<RedisConnection> renewals = RedisConnection::Connect(url, timeout);
  if (!renewals.ok()) return renewals.status();
  for (std::string& host : configured_hosts) {
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::unique_ptr<CrawlShare> share(new CrawlShare(std::move(calls).value(),
                                                   std::move(renewals).value(), worker, ttl,
                                                   std::move(configured_hosts)));
  if (Status s = share->Setup(); !s.ok()) return s;
  return share;
}

Status CrawlShare::Setup() {
  // Groups before any hand-over, so no entry is added before its group;
  // and before joining, as they take a few hundred round trips and the
  // membership must not lapse meanwhile.
  StreamQueue queue(calls_);
  for (std::uint32_t b = 0; b < kDefaultBucketCount; ++b) {
    if (Status s = queue.EnsureGroup(HandStream(b), kGroup); !s.ok()) return s;
  }
  for (const std::string& host : configured_hosts_) {
    if (Status s = queue.EnsureGroup(HostStream(host), kGroup); !s.ok()) return s;
  }
  membership_ = std::make_unique<Membership>(renewals_, kNamespace, worker_, ttl_);
  lister_ = std::make_unique<Membership>(calls_, kNamespace, worker_, ttl_);
  ledger_ = std::make_unique<HostLedger>(calls_, kNamespace);
  if (Status s = membership_->Join(); !s.ok()) return s;
  // Busy until the crawler says otherwise; a restarted worker's old key goes.
  if (Result<RedisReply> r = Call(calls_, {"DEL", IdleKey(worker_)}); !r.ok()) return r.status();
  // Workers started together (one cron time) see each other before the
  // first fetch; otherwise the first to join would crawl every host until
  // the others showed up, and they would fetch those hosts' pages again.
  std::this_thread::sleep_for(RenewEvery());
  if (Status s = RefreshOwners(renewals_, *membership_); !s.ok()) return s;
  renewer_ = std::thread([this] { RenewLoop(); });
  return Status::OK();
}

CrawlShare::~CrawlShare() { (void)Leave(); }

Status CrawlShare::Leave() {
  if (left_) return Status::OK();
  left_ = true;
  {
    MutexLock lock(&stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (renewer_.joinable()) renewer_.join();
  (void)Call(calls_, {"DEL", IdleKey(worker_)});
  if (renewals_.broken()) (void)renewals_.Reconnect();
  return membership_ ? membership_->Leave() : Status::OK();
}

Status CrawlShare::RefreshOwners(RedisConnection& redis, Membership& membership) {
  if (redis.broken()) {
    if (Status s = redis.Reconnect(); !s.ok()) return s;
  }
  const auto sent = std::chrono::steady_clock::now();
  Result<Membership::Renewal> renewal = membership.Renew();
  if (!renewal.ok()) return renewal.status();
  const bool rejoined = *renewal == Membership::Renewal::kLapsed;
  if (rejoined) {
    spdlog::warn("cluster: worker {} lapsed (renewed too late, or Redis restarted); joining again",
                 worker_);
    if (Status s = membership.Join(); !s.ok()) return s;
    // Others may have taken its hosts meanwhile: every host it owns now
    // counts as gained now (a generation change below), so the first
    // request to each waits for the others to notice (WaitBeforeFirstRequest).
  }
  Result<std::vector<std::string>> live = membership.LiveWorkers();
  if (!live.ok()) return live.status();
  MutexLock lock(&owners_mutex_);
  renewed_at_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(sent.time_since_epoch()).count();
  if (*live == live_ && !owners_.empty() && !rejoined) return Status::OK();
  live_ = std::move(live).value();
  const std::vector<std::string> old_owners = std::exchange(owners_, BucketOwners(live_));
  std::map<std::string, std::string> old_host_owners = std::exchange(
      host_owners_,
      BalancedHostOwners(std::vector<std::string>(configured_hosts_.begin(), configured_hosts_.end()),
                         live_));
  const SteadyTime now = std::chrono::steady_clock::now();
  if (old_owners.empty()) started_ = now;
  bucket_gained_.resize(owners_.size(), now);
  for (std::size_t b = 0; b < owners_.size(); ++b) {
    if (owners_[b] == worker_ && (rejoined || old_owners.size() <= b || old_owners[b] != worker_)) {
      bucket_gained_[b] = now;
    }
  }
  for (const auto& [host, owner] : host_owners_) {
    if (owner == worker_ && (rejoined || old_host_owners[host] != worker_)) host_gained_[host] = now;
  }
  generation_.fetch_add(1);
  const auto own_hosts = std::count_if(host_owners_.begin(), host_owners_.end(),
                                       [this](const auto& entry) { return entry.second == worker_; });
  spdlog::info("cluster: {} live worker(s); {} owns {} of {} configured hosts", live_.size(),
               worker_, own_hosts, host_owners_.size());
  return Status::OK();
}

std::chrono::milliseconds CrawlShare::RenewEvery() const {
  return std::max(std::chrono::milliseconds(100), ttl_ / 3);
}

void CrawlShare::RenewLoop() {
  const auto every = RenewEvery();
  MutexLock lock(&stop_mutex_);
  while (!stopping_) {
    stop_cv_.wait_for(stop_mutex_, every, [this]() NO_THREAD_SAFETY_ANALYSIS { return stopping_; });
    if (stopping_) break;
    stop_mutex_.unlock();
    Status s = RefreshOwners(renewals_, *membership_);
    if (!s.ok()) spdlog::warn("cluster: renewing worker {}: {}", worker_, s.ToString());
    stop_mutex_.lock();
  }
}

bool CrawlShare::Owns(const std::string& host_port) const {
  MutexLock lock(&owners_mutex_);
  if (owners_.empty()) return true;
  if (auto it = host_owners_.find(host_port); it != host_owners_.end()) return it->second == worker_;
  return owners_[BucketOf(host_port)] == worker_;
}

bool CrawlShare::MayFetch() const {
  const auto renewed = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(renewed_at_ns_.load()));
  return std::chrono::steady_clock::now() - renewed < ttl_ * 2 / 3;
}

namespace {
std::int64_t UnixMillisNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

std::optional<CrawlShare::Gained> CrawlShare::GainedAt(const std::string& host_port) const {
  MutexLock lock(&owners_mutex_);
  std::optional<SteadyTime> at;
  if (auto it = host_owners_.find(host_port); it != host_owners_.end()) {
    auto gained = host_gained_.find(host_port);
    if (it->second == worker_ && gained != host_gained_.end()) at = gained->second;
  } else if (const std::uint32_t bucket = BucketOf(host_port);
             bucket < owners_.size() && owners_[bucket] == worker_ && bucket < bucket_gained_.size()) {
    at = bucket_gained_[bucket];
  }
  if (!at) return std::nullopt;
  return Gained{*at, *at > started_};
}

Result<std::chrono::milliseconds> CrawlShare::WaitBeforeFirstRequest(
    const std::string& host_port, std::chrono::milliseconds delay) {
  using std::chrono::milliseconds;
  if (calls_.broken()) {
    if (Status s = calls_.Reconnect(); !s.ok()) return s;
  }
  // A host no worker owns here (a photo's, a redirect's): every worker may
  // fetch from it, so there is no previous owner to wait for.
  const std::optional<Gained> gained = GainedAt(host_port);
  if (!gained) return milliseconds(0);
  // The previous owner sees the change at its next renewal at the latest,
  // and then starts nothing more on the host; the requests it started are
  // in the ledger by then.
  const SteadyTime settled = gained->at + RenewEvery() + milliseconds(250);
  const SteadyTime now = std::chrono::steady_clock::now();
  const auto until_settled = std::max(milliseconds(1), std::chrono::ceil<milliseconds>(settled - now));
  if (gained->mid_run && now < settled) return until_settled;
  Result<std::optional<std::int64_t>> last = ledger_->LastRequest(host_port);
  if (!last.ok()) return last.status();
  // Owned since this worker started, and nobody requested it lately: a cold start.
  if (!last->has_value()) return milliseconds(0);
  if (now < settled) return until_settled;
  return milliseconds(std::max<std::int64_t>(0, **last + delay.count() - UnixMillisNow()));
}

void CrawlShare::HostRequested(const std::string& host_port) {
  // Not redialled here, once per request: the next call that may wait does.
  if (calls_.broken()) return;
  Result<std::int64_t> recorded = ledger_->RecordRequest(host_port, UnixMillisNow());
  if (!recorded.ok()) {
    spdlog::debug("cluster: recording a request to {}: {}", host_port,
                  recorded.status().ToString());
  }
}

std::string CrawlShare::StreamFor(const std::string& host_port) const {
  return configured_hosts_.count(host_port) > 0 ? HostStream(host_port)
                                                 : HandStream(BucketOf(host_port));
}

std::vector<std::string> CrawlShare::live() const {
  MutexLock lock(&owners_mutex_);
  return live_;
}

std::vector<std::string> CrawlShare::OwnedStreams() const {
  MutexLock lock(&owners_mutex_);
  std::vector<std::string> owned;
  for (const auto& [host, owner] : host_owners_) {
    if (owner == worker_) owned.push_back(HostStream(host));
  }
  for (std::uint32_t b = 0; b < owners_.size(); ++b) {
    if (owners_[b] == worker_) owned.push_back(HandStream(b));
  }
  return owned;
}

Status CrawlShare::HandOver(const std::vector<PageToHand>& pages) {
  for (const auto& [host, page] : pages) {
    Result<RedisReply> r =
        Call(calls_, {"EVAL", kHandScript, "2", StreamFor(host), kHandedKey, page.url,
                      page.site, std::to_string(page.depth), page.advert ? "1" : "0",
                      page.image ? "1" : "0", page.image_of, std::to_string(page.image_order)});
    if (!r.ok()) return r.status();
  }
  return Status::OK();
}

Result<std::vector<HandedPage>> CrawlShare::Receive() {
  // Nothing outstanding anywhere: skip polling the buckets.
  Result<RedisReply> counts = Call(calls_, {"MGET", kHandedKey, kTakenKey});
  if (!counts.ok()) return counts.status();
  std::vector<HandedPage> handed;
  if (counts->IsArray() && counts->elements.size() == 2 &&
      counts->elements[0].text == counts->elements[1].text) {
    return handed;
  }
  StreamQueue queue(calls_);
  const auto now = std::chrono::steady_clock::now();
  const bool claim = now >= next_claim_;
  if (claim) next_claim_ = now + ttl_ / 2;
  for (const std::string& stream : OwnedStreams()) {
    std::vector<StreamEntry> entries;
    if (claim) {  // pages a worker that died (or a lost acknowledgement) left pending
      Result<std::vector<StreamEntry>> claimed =
          queue.ClaimIdle(stream, kGroup, worker_, ttl_, kReceiveBatch);
      if (!claimed.ok()) return claimed.status();
      entries = std::move(claimed).value();
    }
    Result<std::vector<StreamEntry>> fresh =
        queue.ReadNew(stream, kGroup, worker_, kReceiveBatch, std::chrono::milliseconds(0));
    if (!fresh.ok()) return fresh.status();
    entries.insert(entries.end(), fresh->begin(), fresh->end());
    for (const StreamEntry& entry : entries) {
      std::optional<FrontierEntry> page = EntryFromFields(entry);
      if (!page) {
        spdlog::warn("cluster: hand-over entry {} in {} is malformed; acknowledged and dropped",
                     entry.id, stream);
        page = FrontierEntry{};  // an empty URL: the crawler drops it, the ticket is acked
      }
      handed.push_back(HandedPage{Ticket(stream, entry.id), std::move(*page)});
    }
    if (handed.size() >= kReceiveBatch) break;
  }
  return handed;
}

Status CrawlShare::Acknowledge(const std::vector<std::string>& tickets) {
  std::map<std::string, std::vector<std::string>> by_stream;
  for (const std::string& ticket : tickets) {
    const size_t space = ticket.rfind(' ');
    if (space == std::string::npos) return Status::InvalidArgument("not a hand-over ticket: " + ticket);
    by_stream[ticket.substr(0, space)].push_back(ticket.substr(space + 1));
  }
  for (auto& [stream, ids] : by_stream) {
    std::vector<std::string> argv = {"EVAL", kAckScript, "2", stream, kTakenKey, kGroup};
    argv.insert(argv.end(), ids.begin(), ids.end());
    if (Result<RedisReply> r = Call(calls_, argv); !r.ok()) return r.status();
    // Housekeeping: a failure only leaves entries for the next trim.
    if (Result<std::int64_t> trimmed = StreamQueue(calls_).TrimAcknowledged(stream); !trimmed.ok()) {
      spdlog::debug("cluster: trimming {}: {}", stream, trimmed.status().ToString());
    }
  }
  return Status::OK();
}

namespace {
std::string LiveSetValue(const std::vector<std::string>& live) {
  std::string value;
  for (const std::string& w : live) value += w + "\n";
  return value;
}
}  // namespace

Status CrawlShare::SetIdle(bool idle, std::uint64_t rebalanced_for) {
  if (!idle) return Call(calls_, {"DEL", IdleKey(worker_)}).status();
  std::string value;
  {
    MutexLock lock(&owners_mutex_);
    // Owners moved since the crawler re-balanced: idle for no live set.
    value = generation_.load() == rebalanced_for ? LiveSetValue(live_) : "stale";
  }
  return Call(calls_, {"SET", IdleKey(worker_), value}).status();
}

Result<bool> CrawlShare::ClusterIdle() {
  Result<RedisReply> before = Call(calls_, {"MGET", kHandedKey, kTakenKey});
  if (!before.ok()) return before.status();
  Result<std::vector<std::string>> live = lister_->LiveWorkers();
  if (!live.ok()) return live.status();
  if (std::find(live->begin(), live->end(), worker_) == live->end()) return false;
  std::vector<std::string> get = {"MGET"};
  for (const std::string& w : *live) get.push_back(IdleKey(w));
  Result<RedisReply> idle = Call(calls_, get);
  if (!idle.ok()) return idle.status();
  const std::string expected = LiveSetValue(*live);
  bool all_idle = idle->IsArray() && idle->elements.size() == live->size();
  for (const RedisReply& value : idle->elements) all_idle = all_idle && value.text == expected;
  Result<RedisReply> after = Call(calls_, {"MGET", kHandedKey, kTakenKey});
  if (!after.ok()) return after.status();
  auto pair = [](const RedisReply& r) {
    return r.IsArray() && r.elements.size() == 2
               ? std::make_pair(r.elements[0].text, r.elements[1].text)
               : std::make_pair(std::string("?"), std::string("!"));
  };
  const auto [handed, taken] = pair(*before);
  return all_idle && handed == taken && pair(*after) == pair(*before);
}

}  // namespace plainsight::cluster
