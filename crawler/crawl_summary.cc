#include "crawler/crawl_summary.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace plainsight {

bool CrawlSummary::AnyFailed() const {
  for (const SiteSummary& s : sites) {
    if (s.failed) return true;
  }
  return false;
}

int CrawlSummary::TotalPages() const {
  int total = 0;
  for (const SiteSummary& s : sites) total += s.pages_fetched;
  return total;
}

int CrawlSummary::TotalNewAdverts() const {
  int total = 0;
  for (const SiteSummary& s : sites) total += s.adverts_new;
  return total;
}

std::string CrawlSummary::ToText() const {
  std::ostringstream out;
  int changed = 0, unchanged = 0, errors = 0, blocked = 0;
  for (const SiteSummary& s : sites) {
    changed += s.adverts_changed;
    unchanged += s.adverts_unchanged + s.adverts_not_modified;
    errors += s.fetch_errors + s.http_errors;
    blocked += s.robots_blocked;
  }
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f", seconds > 0 ? TotalPages() / seconds : 0.0);
  out << "crawl: " << TotalPages() << " pages in " << std::llround(seconds) << " s (" << rate
      << " pages/s), adverts " << TotalNewAdverts() << " new, " << changed << " changed, "
      << unchanged << " unchanged; " << errors << " errors, " << blocked
      << " blocked by robots.txt";
  int removed = 0;
  for (const SiteSummary& s : sites) removed += s.adverts_removed;
  out << ", " << removed << " adverts removed";
  if (stopped_at_max_pages) out << "; stopped at max_pages";
  if (resumed) out << "; resumed an interrupted run";
  if (pages_handed_over + pages_taken_in > 0) {
    out << "; cluster: " << pages_handed_over << " pages handed to other workers, "
        << pages_taken_in << " taken in";
  }
  out << "\n";
  for (const SiteSummary& s : sites) {
    out << "  " << s.name << ": " << s.pages_fetched << " pages, " << s.adverts_new << " new, "
        << s.adverts_changed << " changed, " << (s.adverts_unchanged + s.adverts_not_modified)
        << " unchanged, " << (s.fetch_errors + s.http_errors) << " errors, " << s.robots_blocked
        << " robots-blocked";
    if (s.skipped_content > 0) out << ", " << s.skipped_content << " not HTML";
    if (s.truncated > 0) out << ", " << s.truncated << " truncated (kept as evidence only)";
    if (s.canonical_duplicates > 0)
      out << ", " << s.canonical_duplicates << " duplicate advert URLs not fetched";
    if (s.adverts_removed > 0) out << ", " << s.adverts_removed << " removed";
    if (s.retries > 0) out << ", " << s.retries << " retries";
    if (s.traps_skipped > 0) out << ", " << s.traps_skipped << " trap URLs skipped";
    if (s.images_fetched + s.images_chrome + s.images_refused > 0) {
      out << ", images " << s.images_fetched << " fetched, " << s.images_stored << " new, "
          << s.images_chrome << " chrome skipped, " << s.images_refused << " refused";
      const char* sep = " (";
      for (const auto& [reason, count] : s.image_refusals) {
        out << sep << reason << ": " << count;
        sep = ", ";
      }
      if (!s.image_refusals.empty()) out << ")";
    }
    for (const auto& host : s.skipped_hosts) out << ", host " << host << " skipped";
    if (s.failed) out << " -- FAILED: " << s.failure;
    out << "\n";
  }
  return out.str();
}

}  // namespace plainsight
