// CrawlSummary: what one crawl run did, per site, for the operator's log and
// the exit code. Plain values.
#pragma once

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
  std::vector<std::string> skipped_hosts;  // error budget exhausted
  bool failed = false;       // nothing of the site could be fetched
  std::string failure;       // why, for the summary
};

struct CrawlSummary {
  std::vector<SiteSummary> sites;
  double seconds = 0;
  bool stopped_at_max_pages = false;
  bool resumed = false;  // continued an interrupted run

  bool AnyFailed() const;
  int TotalPages() const;
  int TotalNewAdverts() const;
  // One paragraph for the log: totals, then one line per site.
  std::string ToText() const;
};

}  // namespace plainsight
