// `crawl` and `correlate`.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/cluster_wiring.h"
#include "cli/commands.h"
#include "cli/crawl_job.h"
#include "core/clock.h"
#include "leads/correlate.h"

namespace plainsight::cli {

void RegisterCrawl(CLI::App& app) {
  CLI::App* cmd =
      app.add_subcommand("crawl", "Crawl every configured site once, then update the leads");
  cmd->footer(
      "Examples:\n  plainsight crawl --config config/plainsight.toml\n"
      "  plainsight crawl --worker w1 --db /var/lib/plainsight/w1   (one worker of a [cluster])");
  static std::string worker;
  cmd->add_option("--worker", worker,
                  "run as this worker of the config's [cluster]: crawl the hosts it owns, hand the "
                  "others over, publish adverts to the correlating store");
  cmd->callback([] {
    auto [config, patterns, store] =
        BeginStoreCommand(StoreAccess::kReadWrite, NeedsPatterns::kYes);
    if (worker.empty()) {
      Globals().exit_code = CrawlAndCorrelate(config, patterns, *store);
      return;
    }
    std::unique_ptr<cluster::CrawlShare> share = StartCrawlWorker(config, worker);
    Globals().exit_code = CrawlAndCorrelate(config, patterns, *store, share.get());
    FinishCrawlWorker(config, *store, *share);
  });
}

void RegisterCorrelate(CLI::App& app) {
  CLI::App* cmd =
      app.add_subcommand("correlate", "Recompute links and leads from the stored adverts");
  cmd->footer("Example:\n  plainsight correlate --rebuild");
  static bool rebuild = false;
  cmd->add_flag("--rebuild", rebuild, "recompute everything from scratch (lead ids are kept)");
  cmd->callback([] {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadWrite);
    TakeInWorkersAdverts(config, *store);  // with [cluster]: what the workers found
    // Default: reuse cached near-duplicate signatures; --rebuild re-signs
    // every advert (lead ids and review decisions are kept either way).
    std::int64_t now = SystemClock::Get().NowUnixSeconds();
    auto summary = rebuild ? CorrelateRebuild(*store, config.leads, now)
                           : Correlate(*store, config.leads, now);
    if (!summary.ok()) throw CliError(kExitStore, summary.status().ToString());
    std::cerr << "leads: " << summary->leads << " (" << summary->new_leads << " new, "
              << summary->updated_leads << " updated) from " << summary->adverts << " adverts, "
              << summary->changed_adverts << " changed since the last correlation";
    if (summary->incremental) {
      std::cerr << "; incremental: " << summary->recomputed_adverts << " adverts recomputed";
    } else if (!summary->full_run_reason.empty()) {
      std::cerr << "; full run: " << summary->full_run_reason;
    }
    std::cerr << "\n";
  });
}

}  // namespace plainsight::cli
