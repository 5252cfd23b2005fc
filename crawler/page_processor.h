// PageProcessor: what a crawl run's worker threads do with a finished
// fetch: count it, parse and extract it with its site's rules, learn the
// site's chrome, store the advert with its WARC evidence and frontier
// commit in one atomic write, and hand the new links it found (and the
// advert's photos, see ImageProcessor) back to the fetch thread.
//
// A body cut at max_body_bytes (or by the decompression cap) is kept as
// WARC evidence marked truncated, never stored as an advert: an advert
// read from part of a page would be evidence of something the page did
// not say.
//
// Thread safety: Run may be called from many threads at once; the object
// holds no state of its own, and everything shared is in CrawlState.
//
// Ownership: borrows the CrawlState, which outlives it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crawler/crawl_state.h"
#include "crawler/crawl_work.h"
#include "crawler/image_processor.h"
#include "crawler/page_meta.h"

namespace plainsight {

class PageProcessor {
 public:
  explicit PageProcessor(CrawlState* state) : state_(*state), images_(state) {}
  PageProcessor(const PageProcessor&) = delete;
  PageProcessor& operator=(const PageProcessor&) = delete;

  // Processes the queue's work until it is closed and drained.
  void Run();

 private:
  void Process(Work& work);
  // Settles a response that stores nothing; true when it was one.
  bool SettleWithoutContent(const Work& work, std::int64_t now);
  void ProcessSitemap(Work& work);
  void StoreAdvert(const Work& work, AdvertExtraction x, std::int64_t now, bool provisional,
                   PageMeta meta, PageCommit commit);
  // Links worth fetching, new to this run; adds them to `commit` so they are
  // persisted with the page.
  std::vector<Pending> Discover(const Work& work, const std::vector<std::string>& links,
                                const std::string& base_href, PageCommit* commit);
  std::vector<size_t> SiteOrder(size_t first) const;

  CrawlState& state_;
  ImageProcessor images_;  // advert photos: found on advert pages, kept when fetched
};

}  // namespace plainsight
