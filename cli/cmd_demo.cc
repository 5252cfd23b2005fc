// `demo`: serves the bundled demo sites (the test farm) on 127.0.0.1, crawls
// them into a fresh store and prints the leads.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/crawl_job.h"
#include "cli/lead_table.h"
#include "tests/farm/farm.h"

namespace plainsight::cli {
namespace {

namespace fs = std::filesystem;

// The packs of the user's config when there is one, else the bundled ones.
std::vector<std::string> DemoPatternPaths(const GlobalOptions& g) {
  auto config = LoadConfig(ResolveConfigPath(g));
  if (config.ok() && !config->pattern_paths.empty()) return config->pattern_paths;
  fs::path bundled = fs::path(PLAINSIGHT_SOURCE_DIR) / "config" / "patterns";
  return {(bundled / "adult.toml").string(), (bundled / "jobs.toml").string()};
}

}  // namespace

void RegisterDemo(CLI::App& app) {
  static int delay_ms = 100;
  CLI::App* cmd = app.add_subcommand(
      "demo", "Serve the bundled demo sites on 127.0.0.1, crawl them into a fresh store, print the leads");
  cmd->footer("Example:\n  plainsight demo --db /tmp/plainsight-demo");
  cmd->add_option("--delay-ms", delay_ms, "politeness delay per demo site");
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    std::string store_path = g.db;
    if (store_path.empty()) {
      std::string tmpl = (fs::temp_directory_path() / "plainsight-demo-XXXXXX").string();
      if (::mkdtemp(tmpl.data()) == nullptr) throw CliError(kExitStore, "cannot create a temporary store");
      store_path = tmpl;
    } else if (fs::exists(store_path) && !fs::is_empty(store_path)) {
      throw CliError(kExitBadInput, "--db " + store_path + ": demo needs a fresh, empty store directory");
    }
    farm::Farm demo_sites;
    Status started = demo_sites.Start();
    if (!started.ok()) throw CliError(kExitBadInput, "demo sites: " + started.ToString());
    farm::ConfigOptions farm_options;
    farm_options.store_path = (fs::path(store_path) / "store").string();
    farm_options.pattern_paths = DemoPatternPaths(g);
    farm_options.per_host_delay_ms = delay_ms;
    std::string config_path = (fs::path(store_path) / "demo.toml").string();
    fs::create_directories(store_path);
    std::string gazetteer = (fs::path(PLAINSIGHT_SOURCE_DIR) / "config" / "gazetteer.tsv").string();
    if (auto user = LoadConfig(ResolveConfigPath(g)); user.ok() && fs::exists(user->gazetteer_path)) {
      gazetteer = user->gazetteer_path;
    }
    // Top-level keys must come before the first table.
    std::ofstream(config_path) << "gazetteer = \"" << gazetteer << "\"\n"
                               << demo_sites.ConfigToml(farm_options);
    std::cerr << "demo: " << demo_sites.sites().size() << " sites on 127.0.0.1, config " << config_path
              << "\n";

    auto config = LoadConfig(config_path);
    if (!config.ok()) throw CliError(kExitBadInput, config.status().ToString());
    auto patterns = LoadPatternsOrThrow(*config);
    auto store = OpenStoreOrThrow(*config, g, false);
    int code = CrawlAndCorrelate(*config, patterns, *store);
    demo_sites.Stop();

    std::vector<LeadRecord> leads;
    Status s = store->ForEachLead([&](const LeadRecord& lead) {
      if (lead.score >= config->leads.min_score) leads.push_back(lead);
      return true;
    });
    if (!s.ok()) throw CliError(kExitStore, s.ToString());
    std::sort(leads.begin(), leads.end(), [](const LeadRecord& a, const LeadRecord& b) {
      return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    PrintLeadTable(std::cout, leads, *store);
    std::cout << "\nStore: " << config->store.path << "\nTry:   build/plainsight --config "
              << config_path << " show " << (leads.empty() ? "L-…" : leads.front().id) << "\n";
    g.exit_code = code;
  });
}

}  // namespace plainsight::cli
