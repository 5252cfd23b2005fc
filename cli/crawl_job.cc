#include "cli/crawl_job.h"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/cli_common.h"
#include "core/clock.h"
#include "crawler/crawler.h"
#include "leads/correlate.h"

namespace plainsight::cli {

int CrawlAndCorrelate(const Config& config, std::shared_ptr<const PatternSet> patterns,
                      Store& store) {
  const Clock& clock = SystemClock::Get();
  Crawler crawler(config, std::move(patterns), &store, clock);
  auto summary = crawler.Run();
  if (!summary.ok()) throw CliError(kExitBadInput, summary.status().ToString());
  auto leads = Correlate(store, config.leads, clock.NowUnixSeconds());
  if (!leads.ok()) throw CliError(kExitStore, leads.status().ToString());
  Status flushed = store.Flush();
  if (!flushed.ok()) throw CliError(kExitStore, flushed.ToString());
  std::cerr << summary->ToText();
  std::cerr << "leads: " << leads->leads << " (" << leads->new_leads << " new, "
            << leads->updated_leads << " updated) from " << leads->adverts << " adverts; "
            << leads->boilerplate.size() << " site contacts ignored as boilerplate\n";
  for (const std::string& b : leads->boilerplate) spdlog::debug("boilerplate: {}", b);
  if (summary->AnyFailed()) {
    for (const SiteSummary& s : summary->sites) {
      if (s.failed) std::cerr << "site failed: " << s.name << ": " << s.failure << "\n";
    }
    return kExitSitesFailed;
  }
  return kExitOk;
}

}  // namespace plainsight::cli
