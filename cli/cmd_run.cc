// `run` (the scheduled job) and `purge` (retention).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/crawl_job.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "leads/correlate.h"
#include "report/html_report.h"
#include "report/report_data.h"
#include "store/retention.h"

namespace plainsight::cli {
namespace {

PurgeSummary Purge(const Config& config, Store& store, bool dry_run) {
  auto summary = PurgeExpired(store, config.store.retention_days, config.leads.min_score,
                              SystemClock::Get().NowUnixSeconds(), dry_run);
  if (!summary.ok()) throw CliError(kExitStore, summary.status().ToString());
  return std::move(summary).value();
}

}  // namespace

void RegisterRun(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "run", "The scheduled job: crawl, correlate, report, purge (one at a time per store)");
  cmd->footer(
      "Example (cron, daily at 05:30):\n"
      "  30 5 * * * plainsight --config /etc/plainsight/plainsight.toml --log-format json run");
  cmd->callback([] {
    // The store's lock is the run lock: a second run stops here with exit 2.
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadWrite, NeedsPatterns::kYes);
    int code = CrawlAndCorrelate(config, patterns, *store);
    // The morning report: one self-contained HTML file per run.
    std::int64_t now = SystemClock::Get().NowUnixSeconds();
    auto data = GatherReport(*store, ReportWindow{now - 86400, now});
    if (!data.ok()) throw CliError(kExitStore, data.status().ToString());
    AddPlacesToReport(BuildPlacesOrThrow(config, *store), config.places.min_score, &*data);
    std::string reports = config.store.path + "/reports";
    std::filesystem::create_directories(reports);
    std::string report_path = reports + "/report-" + FormatIso8601(now).substr(0, 10) + ".html";
    {
      std::ofstream out(report_path, std::ios::binary | std::ios::trunc);
      out << RenderHtmlReport(*data, now);
      if (!out) throw CliError(kExitStore, report_path + ": cannot write the report");
    }
    spdlog::info("run: report written to {}", report_path);
    PurgeSummary purged = Purge(config, *store, false);
    if (!purged.purged.empty()) {
      auto leads = Correlate(*store, config.leads, SystemClock::Get().NowUnixSeconds());
      if (!leads.ok()) throw CliError(kExitStore, leads.status().ToString());
    }
    AuditOrThrow(config, "purge", static_cast<std::int64_t>(purged.purged.size()), "plainsight-run");
    spdlog::info("run: purged {} adverts not seen for {} days ({} kept for leads)",
                 purged.purged.size(), config.store.retention_days, purged.kept_for_leads);
    Globals().exit_code = code;
  });
}

void RegisterPurge(CLI::App& app) {
  static bool dry_run = false;
  CLI::App* cmd = app.add_subcommand(
      "purge", "Delete adverts not seen for store.retention_days, unless a flagged or reviewed lead holds them");
  cmd->footer("Example:\n  plainsight purge --dry-run");
  cmd->add_flag("--dry-run", dry_run, "list what would go, delete nothing");
  cmd->callback([] {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadWrite);
    PurgeSummary purged = Purge(config, *store, dry_run);
    AuditOrThrow(config, dry_run ? "purge-dry-run" : "purge",
                 static_cast<std::int64_t>(purged.purged.size()));
    for (const std::string& id : purged.purged) std::cout << id << "\n";
    std::cerr << (dry_run ? "would purge " : "purged ") << purged.purged.size() << " of "
              << purged.examined << " adverts (" << purged.kept_for_leads
              << " expired but kept: they belong to flagged or reviewed leads)\n";
    if (!dry_run && !purged.purged.empty()) {
      auto leads = Correlate(*store, config.leads, SystemClock::Get().NowUnixSeconds());
      if (!leads.ok()) throw CliError(kExitStore, leads.status().ToString());
    }
  });
}

}  // namespace plainsight::cli
