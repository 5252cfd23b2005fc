#include "crawler/crawl_state.h"

#include "crawler/url.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

size_t QueueCapacity(const CrawlEnv& env) {
  if (env.options.queue_capacity > 0) return env.options.queue_capacity;
  return static_cast<size_t>(2 * std::max(1u, std::thread::hardware_concurrency())) +
         static_cast<size_t>(env.config.crawl.concurrency);
}

WarcCapture CaptureOf(const FetchResult& r, std::int64_t fetched_unix_ms) {
  WarcCapture capture;
  capture.target_uri = r.final_url.empty() ? r.url : r.final_url;
  capture.request_headers = r.request_headers;
  capture.response_headers = r.response_headers;
  capture.payload = r.body;
  capture.fetched_unix_ms = fetched_unix_ms;
  capture.ip_address = r.ip_address;
  return capture;
}

}  // namespace

CrawlState::CrawlState(const CrawlEnv& env_in, std::vector<SiteRules> rules)
    : env(env_in), rules_(std::move(rules)), queue_(QueueCapacity(env_in)) {
  young_site_mutex_ = std::make_unique<Mutex[]>(rules_.size());
  now_ = env.clock.NowUnixSeconds();
  today_ = FormatIso8601(now_).substr(0, 10);
  MutexLock lock(&summary_mutex_);
  summary_.sites.resize(rules_.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    summary_.sites[i].name = rules_[i].site->name;
    site_index_[rules_[i].site->name] = static_cast<int>(i);
    // What each site's chrome looks like, as learnt by earlier runs.
    auto profile = std::make_unique<SiteBoilerplate>();
    auto saved = env.store.GetMeta(BoilerplateKey(static_cast<int>(i)));
    if (saved.ok() && saved->has_value()) SiteBoilerplate::Deserialize(**saved, profile.get());
    boilerplate_.push_back(std::move(profile));
  }
}

std::optional<int> CrawlState::SiteIndex(const std::string& name) const {
  auto it = site_index_.find(name);
  if (it == site_index_.end()) return std::nullopt;
  return it->second;
}

bool CrawlState::FirstSeen(const std::string& url) {
  MutexLock lock(&seen_mutex_);
  return seen_.insert(url).second;
}

void CrawlState::MarkAdvertSeen(const std::string& id) {
  MutexLock lock(&adverts_mutex_);
  adverts_seen_.insert(id);
}

bool CrawlState::AdvertSeen(const std::string& id) const {
  MutexLock lock(&adverts_mutex_);
  return adverts_seen_.count(id) != 0;
}

void CrawlState::MarkAdvertUrlDone(const std::string& advert_url) {
  MutexLock lock(&adverts_mutex_);
  advert_urls_done_.insert(advert_url);
}

bool CrawlState::AdvertUrlDone(const std::string& advert_url) const {
  MutexLock lock(&adverts_mutex_);
  return advert_urls_done_.count(advert_url) != 0;
}

void CrawlState::Publish(std::vector<Pending> found) {
  if (found.empty()) return;
  MutexLock lock(&inbox_mutex_);
  for (Pending& p : found) inbox_.push_back(std::move(p));
}

std::vector<Pending> CrawlState::TakeInbox() {
  std::vector<Pending> found;
  MutexLock lock(&inbox_mutex_);
  found.swap(inbox_);
  return found;
}

bool CrawlState::InboxEmpty() const {
  MutexLock lock(&inbox_mutex_);
  return inbox_.empty();
}

void CrawlState::Count(int site, const std::function<void(SiteSummary&)>& change) {
  MutexLock lock(&summary_mutex_);
  change(summary_.sites[static_cast<size_t>(site)]);
}

void CrawlState::Update(const std::function<void(CrawlSummary&)>& change) {
  MutexLock lock(&summary_mutex_);
  change(summary_);
}

void CrawlState::NoteError(int site, const std::string& error, bool http) {
  MutexLock lock(&summary_mutex_);
  SiteSummary& s = summary_.sites[static_cast<size_t>(site)];
  ++(http ? s.http_errors : s.fetch_errors);
  last_error_[site] = error;
}

std::string CrawlState::LastError(int site) const {
  MutexLock lock(&summary_mutex_);
  auto it = last_error_.find(site);
  return it == last_error_.end() ? "" : it->second;
}

CrawlSummary CrawlState::Summary() const {
  MutexLock lock(&summary_mutex_);
  return summary_;
}

int CrawlState::NoteListing(int site, bool added_advert) {
  MutexLock lock(&summary_mutex_);
  int& streak = barren_streak_[site];
  streak = added_advert ? 0 : streak + 1;
  return streak;
}

Status CrawlState::OpenWarc() {
  if (!env.config.store.warc) return Status::OK();
  WarcWriter::Options options;
  options.dir = env.options.warc_dir.empty() ? env.config.store.path + "/warc" : env.options.warc_dir;
  options.max_file_bytes = static_cast<std::uint64_t>(env.config.store.warc_max_file_mb) << 20;
  auto writer = WarcWriter::Open(options);
  if (!writer.ok()) return writer.status();
  warc_ = std::move(writer).value();
  return Status::OK();
}

bool CrawlState::WriteWarc(const FetchResult& r, AdvertRecord* advert) {
  if (!warc_) return false;
  WarcCapture capture = CaptureOf(r, env.clock.NowUnixSeconds() * 1000);
  capture.truncated = r.truncated;
  if (advert != nullptr) capture.payload_sha256 = advert->sha256;
  auto location = warc_->Append(capture);
  if (!location.ok()) {
    spdlog::error("WARC: {}: {}", capture.target_uri, location.status().ToString());
    return false;
  }
  if (advert != nullptr) {
    advert->warc_file = location->file;
    advert->warc_offset = location->offset;
    advert->warc_length = location->length;
    advert->sha256 = location->payload_sha256;
  }
  return true;
}

std::string CrawlState::BoilerplateKey(int site) const {
  return meta_keys::kBoilerplate + rules(site).site->name;
}

void CrawlState::NoteBoilerplate(int site, bool young, PageCommit* commit) {
  if (young) {
    commit->meta.emplace_back(BoilerplateKey(site), boilerplate(site).Serialize());
    return;
  }
  const auto now = env.clock.Monotonic();
  {
    MutexLock lock(&boilerplate_saved_mutex_);
    auto& last = boilerplate_saved_[site];
    if (now - last < std::chrono::seconds(30)) return;
    last = now;
  }
  SaveBoilerplate(site);
}

void CrawlState::SaveBoilerplate(int site) {
  MutexLock lock(&boilerplate_write_mutex_);
  Status s = env.store.PutMeta(BoilerplateKey(site), boilerplate(site).Serialize());
  if (!s.ok()) spdlog::warn("saving boilerplate profile: {}", s.ToString());
}

std::vector<Pending> CrawlState::SeedPages() const {
  std::vector<Pending> seeds;
  for (size_t i = 0; i < site_count(); ++i) {
    const SiteRules& site_rules = rules(static_cast<int>(i));
    for (const std::string& seed : site_rules.site->seeds) {
      auto url = NormalizeUrl(seed);
      if (!url) {
        spdlog::warn("site {}: seed is not an http(s) URL: {}", site_rules.site->name, seed);
        continue;
      }
      const bool advert = site_rules.Classify(*url) == PageRole::kAdvert;
      seeds.push_back(NewPending(*url, static_cast<int>(i), 0,
                                 advert ? PageRole::kAdvert : PageRole::kFollow));
    }
  }
  return seeds;
}

void CrawlState::CommitDone(const std::string& url) {
  Status s = env.store.CommitPage({url, {}, "", {}});
  if (!s.ok()) spdlog::error("frontier: {}", s.ToString());
}

void CrawlState::NoteAdvertImages(int site, const std::vector<std::string>& urls) {
  MutexLock lock(&images_mutex_);
  SiteImages& images = site_images_[site];
  ++images.advert_pages;
  for (const std::string& url : urls) ++images.pages_showing[url];
}

bool CrawlState::IsChromeImage(int site, const std::string& url) const {
  MutexLock lock(&images_mutex_);
  auto images = site_images_.find(site);
  if (images == site_images_.end()) return false;
  auto it = images->second.pages_showing.find(url);
  if (it == images->second.pages_showing.end()) return false;
  return images->second.advert_pages >= kChromeMinSample && it->second >= kChromeMinPages &&
         2 * it->second > images->second.advert_pages;
}

CrawlState::ImageClaim CrawlState::ClaimImage(const Pending& page, ImageOutcome* outcome) {
  const std::string image_url = ImageUrlOfKey(page.url);
  MutexLock lock(&images_mutex_);
  auto done = image_outcomes_.find(image_url);
  if (done != image_outcomes_.end()) {
    *outcome = done->second;
    return ImageClaim::kSettled;
  }
  auto [waiting, first] = image_waiters_.try_emplace(image_url);
  if (first) return ImageClaim::kFetch;
  waiting->second.push_back(page);
  return ImageClaim::kWaiting;
}

std::vector<Pending> CrawlState::SettleImage(const std::string& image_url,
                                             const ImageOutcome& outcome) {
  MutexLock lock(&images_mutex_);
  image_outcomes_[image_url] = outcome;
  std::vector<Pending> waiting;
  auto it = image_waiters_.find(image_url);
  if (it != image_waiters_.end()) {
    waiting = std::move(it->second);
    image_waiters_.erase(it);
  }
  return waiting;
}

bool CrawlState::FirstPictureWrite(const std::string& sha256) {
  MutexLock lock(&images_mutex_);
  return pictures_written_.insert(sha256).second;
}

bool CrawlState::WriteImageWarc(const FetchResult& r, const std::string& sha256,
                                WarcLocation* where) {
  if (!warc_) return false;
  WarcCapture capture = CaptureOf(r, env.clock.NowUnixSeconds() * 1000);
  capture.payload_sha256 = sha256;
  auto location = warc_->Append(capture);
  if (!location.ok()) {
    spdlog::error("WARC: {}: {}", capture.target_uri, location.status().ToString());
    return false;
  }
  *where = *location;
  return true;
}

}  // namespace plainsight
