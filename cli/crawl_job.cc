#include "cli/crawl_job.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/cli_common.h"
#include "core/clock.h"
#include "crawler/crawler.h"
#include "leads/correlate.h"
#include "store/journal_follower.h"

namespace plainsight::cli {

int CrawlAndCorrelate(const Config& config, std::shared_ptr<const PatternSet> patterns,
                      Store& store, WorkShare* share) {
  const Clock& clock = SystemClock::Get();
  CrawlerOptions options;
  options.share = share;
  // On a terminal, a live progress line; off one (cron, systemd), the logs.
  bool live =
      ::isatty(STDERR_FILENO) == 1 && Globals().verbosity >= 0 && Globals().log_format == "text";
  auto started = std::chrono::steady_clock::now();
  if (live) {
    options.progress = [started](const CrawlSummary& s) {
      int changed = 0, removed = 0, errors = 0;
      std::string per_site;
      for (const SiteSummary& site : s.sites) {
        changed += site.adverts_changed;
        removed += site.adverts_removed;
        errors += site.fetch_errors + site.http_errors;
        per_site += " " + site.name + ":" + std::to_string(site.pages_fetched);
      }
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      char line[256];
      std::snprintf(line, sizeof line,
                    "pages %d | adverts %d new %d changed %d removed | errors %d | %.1f pages/s |",
                    s.TotalPages(), s.TotalNewAdverts(), changed, removed, errors,
                    seconds > 0 ? s.TotalPages() / seconds : 0.0);
      std::string text = std::string(line) + per_site;
      if (text.size() > 99) {
        text.resize(98);
        text += "…";
      }
      std::fprintf(stderr, "\r\033[K%s", text.c_str());
      std::fflush(stderr);
    };
  }
  Crawler crawler(config, std::move(patterns), &store, clock, nullptr, options);
  auto summary = [&] {
    // Analysts' decisions made during the crawl take effect within seconds;
    // stopped before correlation, which would undo one applied mid-way.
    ReviewJournal journal(config.store.path);
    JournalFollower follower(journal, store, ReviewJournalHandlers(), std::chrono::seconds(2),
                             [](const Result<JournalApplied>& applied) {
                               if (!applied.ok()) {
                                 spdlog::warn("review journal: {}", applied.status().ToString());
                               } else {
                                 spdlog::info("review journal: {} decision(s) applied, {} kept",
                                              applied->applied, applied->kept);
                               }
                             });
    return crawler.Run();
  }();
  if (live) std::fprintf(stderr, "\r\033[K");
  if (!summary.ok()) throw CliError(kExitBadInput, summary.status().ToString());
  // The one-paragraph summary, before correlation (a minute on a big
  // store): on stderr for a person, in the log for a scheduler reading
  // --log-format json.
  if (Globals().log_format == "json") {
    spdlog::info("{}", summary->ToText());
  } else {
    std::cerr << summary->ToText();
  }
  const int crawl_exit = summary->AnyFailed() ? kExitSitesFailed : kExitOk;
  if (summary->AnyFailed()) {
    for (const SiteSummary& s : summary->sites) {
      if (s.failed) std::cerr << "site failed: " << s.name << ": " << s.failure << "\n";
    }
  }
  if (share != nullptr) {  // a worker: the correlating store takes its adverts in
    Status flushed = store.Flush();
    if (!flushed.ok()) throw CliError(kExitStore, flushed.ToString());
    return crawl_exit;
  }
  auto leads = Correlate(store, config.leads, clock.NowUnixSeconds());
  if (!leads.ok()) throw CliError(kExitStore, leads.status().ToString());
  ApplyReviewJournal(config.store.path, store);  // decisions made while correlating
  Status flushed = store.Flush();
  if (!flushed.ok()) throw CliError(kExitStore, flushed.ToString());
  std::cerr << "leads: " << leads->leads << " (" << leads->new_leads << " new, "
            << leads->updated_leads << " updated) from " << leads->adverts << " adverts, "
            << leads->changed_adverts << " changed since the last correlation; ";
  if (leads->incremental) {
    std::cerr << "incremental: " << leads->recomputed_adverts << " adverts recomputed\n";
  } else {
    std::cerr << leads->boilerplate.size() << " site contacts and wording ignored as boilerplate";
    if (!leads->full_run_reason.empty()) std::cerr << "; full run: " << leads->full_run_reason;
    std::cerr << "\n";
  }
  for (const std::string& b : leads->boilerplate) spdlog::debug("boilerplate: {}", b);
  return crawl_exit;
}

}  // namespace plainsight::cli
