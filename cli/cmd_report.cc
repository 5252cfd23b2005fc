// `report`: the daily report (HTML for people, JSON or CSV for systems).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "report/html_report.h"
#include "report/report_data.h"
#include "report/report_formats.h"
#include "report/thumbnails.h"

namespace plainsight::cli {
namespace {

struct ReportArgs {
  std::string since = "24h";
  std::string out;
  std::string format = "html";
  bool thumbnails = false;
};

void WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw CliError(kExitBadInput, path + ": cannot write");
}

}  // namespace

void RegisterReport(CLI::App& app) {
  static ReportArgs args;
  CLI::App* cmd = app.add_subcommand("report", "The daily report: counts, new and updated leads, charts");
  cmd->footer(
      "Examples:\n  plainsight report --out report.html\n  plainsight report --since 7d --format json\n"
      "  plainsight report --thumbnails --out report.html");
  cmd->add_option("--since", args.since, "window start: 24h, 7d, 2026-11-28 or an ISO 8601 time")
      ->capture_default_str();
  cmd->add_option("--out", args.out, "file to write (default: stdout)");
  cmd->add_option("--format", args.format, "html, json or csv")
      ->check(CLI::IsMember({"html", "json", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--thumbnails", args.thumbnails,
                "HTML: show each lead's photos inline, at most " + std::to_string(kThumbnailSide) +
                    " px (embedded from their WARC captures; the file grows with them)");
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    if (args.thumbnails && args.format != "html") {
      throw CliError(kExitBadInput, "--thumbnails goes with --format html");
    }
    const std::int64_t now = SystemClock::Get().NowUnixSeconds();
    ReportWindow window{0, now};
    if (!ParseTimeSpec(args.since, now, &window.since)) {
      throw CliError(kExitBadInput, "--since: cannot read \"" + args.since +
                                        "\" (use 24h, 7d, 2026-11-28 or 2026-11-28T10:00:00Z)");
    }
    Config config = LoadConfigOrThrow(g);
    auto store = OpenStoreOrThrow(config, g, /*read_only=*/true);
    auto data = GatherReport(*store, window);
    if (!data.ok()) throw CliError(kExitStore, data.status().ToString());
    AddPlacesToReport(BuildPlacesOrThrow(config, *store), config.places.min_score, &*data);

    std::string text;
    if (args.format == "json") {
      text = RenderJsonReport(*data, [&](const LeadRecord& lead) {
        return LeadJson(lead, *store).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      });
    } else if (args.format == "csv") {
      text = RenderCsvReport(*data);
    } else {
      if (args.thumbnails) AddThumbnails(config.store.path + "/warc", &*data);
      text = RenderHtmlReport(*data, now);
    }
    AuditOrThrow(config, "report", static_cast<std::int64_t>(data->changed_leads.size()));
    WriteOutput(args.out, text);
  });
}

}  // namespace plainsight::cli
