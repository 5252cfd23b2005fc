// CrawlState: what one crawl run's fetch thread (HostScheduler) and its
// worker threads (PageProcessor) share, and nothing else: the compiled site
// rules, the queue between them, the URLs already met, the links workers
// found, the run's summary, the WARC writer, each site's chrome profile,
// and the run's advert images (which URLs are site chrome, which were
// fetched, which pictures were written).
//
// Thread safety: every method may be called from any thread. Members that a
// lock protects are annotated (GUARDED_BY), so clang's -Wthread-safety
// refuses an unlocked access at compile time. The summary changes only
// through Count/Update, under summary_mutex_.
//
// Ownership: borrows everything in CrawlEnv; they outlive the run. Owns the
// site rules, the queue, the WARC writer and the chrome profiles.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/status.h"
#include "core/thread_annotations.h"
#include "crawler/bounded_queue.h"
#include "crawler/crawl_summary.h"
#include "crawler/crawl_work.h"
#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "crawler/site_rules.h"
#include "extractors/boilerplate.h"
#include "store/store.h"
#include "warc/writer.h"

namespace plainsight {

// What a run borrows from its Crawler.
struct CrawlEnv {
  const Config& config;
  Store& store;
  const Clock& clock;
  Fetcher& fetcher;
  const CrawlerOptions& options;
};

class CrawlState {
 public:
  CrawlState(const CrawlEnv& env, std::vector<SiteRules> rules);
  CrawlState(const CrawlState&) = delete;
  CrawlState& operator=(const CrawlState&) = delete;

  // Read-only after construction.
  const CrawlEnv env;
  const SiteRules& rules(int site) const { return rules_[static_cast<size_t>(site)]; }
  size_t site_count() const { return rules_.size(); }
  std::optional<int> SiteIndex(const std::string& name) const;
  std::int64_t now() const { return now_; }  // the run's start, unix seconds
  const std::string& today() const { return today_; }

  // Fetched pages on their way to the workers; `outstanding` counts those
  // queued or being processed, so the fetch loop knows when all is done.
  BoundedQueue<Work>& queue() { return queue_; }
  void Handed() { ++outstanding_; }
  void Processed() { --outstanding_; }
  size_t outstanding() const { return outstanding_.load(); }

  // Every site's seeds as pages to fetch (normalised; a seed that is not
  // an http(s) URL is logged and left out).
  std::vector<Pending> SeedPages() const;

  // True the first time `url` is met in this run (queued or done).
  bool FirstSeen(const std::string& url) EXCLUDES(seen_mutex_);

  // Adverts this run found listed (whatever their fetch gave, bar 404/410):
  // what a complete run did not find is gone.
  void MarkAdvertSeen(const std::string& id) EXCLUDES(adverts_mutex_);
  bool AdvertSeen(const std::string& id) const EXCLUDES(adverts_mutex_);
  // URLs an advert was stored or touched under in this run: another URL
  // known to name the same advert is not fetched again.
  void MarkAdvertUrlDone(const std::string& advert_url) EXCLUDES(adverts_mutex_);
  bool AdvertUrlDone(const std::string& advert_url) const EXCLUDES(adverts_mutex_);

  // Links workers found, for the fetch thread to queue.
  void Publish(std::vector<Pending> found) EXCLUDES(inbox_mutex_);
  std::vector<Pending> TakeInbox() EXCLUDES(inbox_mutex_);
  bool InboxEmpty() const EXCLUDES(inbox_mutex_);

  // The run's summary.
  void Count(int site, const std::function<void(SiteSummary&)>& change) EXCLUDES(summary_mutex_);
  void Update(const std::function<void(CrawlSummary&)>& change) EXCLUDES(summary_mutex_);
  // A fetch or robots.txt that failed: counted, and kept as the site's last error.
  void NoteError(int site, const std::string& error, bool http) EXCLUDES(summary_mutex_);
  std::string LastError(int site) const EXCLUDES(summary_mutex_);
  CrawlSummary Summary() const EXCLUDES(summary_mutex_);
  // A listing page was processed; returns how many in a row have added no advert.
  int NoteListing(int site, bool added_advert) EXCLUDES(summary_mutex_);

  // Evidence. OpenWarc before any thread starts; WriteWarc from any thread.
  Status OpenWarc();
  // Appends the capture; with `advert`, records where it went in it.
  // Returns true when a record was written.
  bool WriteWarc(const FetchResult& r, AdvertRecord* advert = nullptr);

  // Each site's chrome profile (thread-safe itself). While a site's profile
  // is young, its pages are learnt and committed one at a time under
  // young_site_mutex(site); see PageProcessor.
  SiteBoilerplate& boilerplate(int site) { return *boilerplate_[static_cast<size_t>(site)]; }
  Mutex& young_site_mutex(int site) { return young_site_mutex_[static_cast<size_t>(site)]; }
  // Keeps the profile as the run goes on, so a killed run's successor starts
  // from it: in every page's commit while it is young, then every 30 s.
  void NoteBoilerplate(int site, bool young, PageCommit* commit) EXCLUDES(boilerplate_saved_mutex_);
  void SaveBoilerplate(int site) EXCLUDES(boilerplate_write_mutex_);

  // A page finished with nothing to store: its frontier entry is closed.
  void CommitDone(const std::string& url);

  // Advert images.
  //
  // Site chrome: an image URL shown on at least kChromeMinPages advert
  // pages of a site AND on more than half of the advert pages of that site
  // scanned so far in this run is a logo, a banner or a placeholder, not a
  // photo of the advert: its frontier entries are closed unfetched. A photo
  // reused across adverts (a stock photo, one person under many names)
  // stays well under half of a site's adverts, and is evidence; a logo sits
  // on all of them. The share is also checked again when the image reaches
  // the front of its host queue, by when the site's next adverts (queued
  // before it) have been counted, so even the first advert's logo is
  // caught. Counts are per run, and no image is skipped before the run has
  // counted kChromeMinSample advert pages of the site: on a handful (the
  // start of a run, or a run resumed near its end) one person's photos on
  // three adverts in a row would pass for chrome, and a skip is final for
  // the run. What the sample lets through is settled at the end of the run
  // (chrome_images.h).
  static constexpr int kChromeMinPages = 3;
  static constexpr int kChromeMinSample = 20;
  // One advert page's image URLs (distinct, normalised).
  void NoteAdvertImages(int site, const std::vector<std::string>& urls) EXCLUDES(images_mutex_);
  bool IsChromeImage(int site, const std::string& url) const EXCLUDES(images_mutex_);

  // One fetch per image URL per run, however many adverts show it. The
  // fetch thread claims an image before fetching it: kFetch (first claim:
  // fetch it), kWaiting (being fetched: `page` waits and is handed back by
  // SettleImage), or kSettled (done in this run: `outcome` filled).
  struct ImageOutcome {
    std::string sha256;  // of the picture kept; empty on error
    std::string error;
  };
  enum class ImageClaim { kFetch, kWaiting, kSettled };
  ImageClaim ClaimImage(const Pending& page, ImageOutcome* outcome) EXCLUDES(images_mutex_);
  // Records the outcome of `image_url`'s fetch; returns the waiting pages.
  std::vector<Pending> SettleImage(const std::string& image_url, const ImageOutcome& outcome)
      EXCLUDES(images_mutex_);
  // True the first time this run keeps the picture `sha256` (so only one
  // worker writes its WARC record and StoredImage).
  bool FirstPictureWrite(const std::string& sha256) EXCLUDES(images_mutex_);
  // Appends an image's capture to the WARC; `where` gets its location.
  bool WriteImageWarc(const FetchResult& r, const std::string& sha256, WarcLocation* where);

 private:
  std::string BoilerplateKey(int site) const;

  std::vector<SiteRules> rules_;
  std::map<std::string, int> site_index_;
  std::int64_t now_ = 0;
  std::string today_;
  BoundedQueue<Work> queue_;
  std::atomic<size_t> outstanding_{0};
  std::unique_ptr<WarcWriter> warc_;  // thread-safe; set before threads start
  std::vector<std::unique_ptr<SiteBoilerplate>> boilerplate_;
  std::unique_ptr<Mutex[]> young_site_mutex_;

  mutable Mutex seen_mutex_;
  std::unordered_set<std::string> seen_ GUARDED_BY(seen_mutex_);

  mutable Mutex adverts_mutex_;
  std::unordered_set<std::string> adverts_seen_ GUARDED_BY(adverts_mutex_);
  std::unordered_set<std::string> advert_urls_done_ GUARDED_BY(adverts_mutex_);

  mutable Mutex inbox_mutex_;
  std::vector<Pending> inbox_ GUARDED_BY(inbox_mutex_);

  struct SiteImages {
    int advert_pages = 0;
    std::unordered_map<std::string, int> pages_showing;  // image URL -> advert pages
  };
  mutable Mutex images_mutex_;
  std::map<int, SiteImages> site_images_ GUARDED_BY(images_mutex_);
  std::unordered_map<std::string, ImageOutcome> image_outcomes_ GUARDED_BY(images_mutex_);
  std::unordered_map<std::string, std::vector<Pending>> image_waiters_ GUARDED_BY(images_mutex_);
  std::unordered_set<std::string> pictures_written_ GUARDED_BY(images_mutex_);

  mutable Mutex summary_mutex_;
  CrawlSummary summary_ GUARDED_BY(summary_mutex_);
  std::map<int, std::string> last_error_ GUARDED_BY(summary_mutex_);
  std::map<int, int> barren_streak_ GUARDED_BY(summary_mutex_);

  Mutex boilerplate_saved_mutex_;
  std::map<int, std::chrono::steady_clock::time_point> boilerplate_saved_ GUARDED_BY(boilerplate_saved_mutex_);
  Mutex boilerplate_write_mutex_;  // the newest snapshot is written last
};

}  // namespace plainsight
