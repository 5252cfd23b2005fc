// Each subcommand registers itself on the CLI11 app. Kept apart so that
// main.cc is only wiring.
#pragma once

namespace CLI {
class App;
}

namespace plainsight::cli {

void RegisterCrawl(CLI::App& app);
void RegisterCorrelate(CLI::App& app);
void RegisterLeads(CLI::App& app);
void RegisterShow(CLI::App& app);
void RegisterQuery(CLI::App& app);
void RegisterExtract(CLI::App& app);
void RegisterPatterns(CLI::App& app);
void RegisterDemo(CLI::App& app);
void RegisterReview(CLI::App& app);
void RegisterAudit(CLI::App& app);
void RegisterRun(CLI::App& app);
void RegisterPurge(CLI::App& app);
void RegisterReport(CLI::App& app);
void RegisterExport(CLI::App& app);
void RegisterSite(CLI::App& app);
void RegisterPlaces(CLI::App& app);

}  // namespace plainsight::cli
