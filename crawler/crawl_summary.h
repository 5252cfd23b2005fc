// CrawlSummary: what one crawl run did, per site, for the operator's log and
// the exit code. Plain values.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace plainsight {

struct SiteSummary {
  std::string name;
  int pages_fetched = 0;     // responses received (robots.txt excluded)
  int adverts_new = 0;
  int adverts_changed = 0;
  int adverts_unchanged = 0;
  int adverts_not_modified = 0;  // 304 revalidations
  int fetch_errors = 0;      // network failures, timeouts, refused addresses
  int http_errors = 0;       // 4xx/5xx answers
  int robots_blocked = 0;    // URLs not fetched because robots.txt disallows them
  int skipped_content = 0;   // not HTML
  int truncated = 0;         // cut at max_body_bytes
  int pages_ok = 0;          // 2xx/304 answers
  int adverts_removed = 0;   // 404/410 or gone from the listings
  int retries = 0;
  int traps_skipped = 0;     // URLs refused as traps (too long, repeated segments, barren listings)
  int warc_records = 0;
  int canonical_duplicates = 0;  // advert URLs not fetched: another URL of the same advert was done
  // Advert photos (max_images_per_advert).
  int images_fetched = 0;  // image responses received
  int images_stored = 0;   // new pictures kept (by SHA-256, WARC record written)
  int images_shared = 0;   // adverts' images already fetched in this run: not fetched again
  int images_chrome = 0;   // image URLs skipped as site chrome (logos, banners)
  int images_refused = 0;  // fetched or tried and not kept; why, below
  std::map<std::string, int> image_refusals;  // reason ("HTTP 404", "over max_image_bytes", ...) -> count
  std::vector<std::string> skipped_hosts;  // error budget exhausted
  bool failed = false;       // nothing of the site could be fetched
  std::string failure;       // why, for the summary
};

struct CrawlSummary {
  std::vector<SiteSummary> sites;
  double seconds = 0;
  bool stopped_at_max_pages = false;
  bool resumed = false;  // continued an interrupted run
  // A cluster worker's pages for other workers' hosts, and those it took in.
  std::size_t pages_handed_over = 0;
  std::size_t pages_taken_in = 0;

  bool AnyFailed() const;
  int TotalPages() const;
  int TotalNewAdverts() const;
  // One paragraph for the log: totals, then one line per site.
  std::string ToText() const;
};

}  // namespace plainsight
