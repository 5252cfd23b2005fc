// `demo`: serves the bundled demo sites (a static export of the test farm,
// demo/) on 127.0.0.1, crawls them into a fresh store and prints the leads.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/crawl_job.h"
#include "cli/lead_table.h"
#include "demo/demo_sites.h"
#include "leads/lead_selection.h"

namespace plainsight::cli {
namespace {

namespace fs = std::filesystem;

// Where the read-only data lives: share/plainsight beside the binary in the
// build tree, or under the install prefix (bin/../share/plainsight), as
// packaging/plainsight.toml expects. Found from the running binary, so
// neither a source path nor a prefix is compiled in.
std::vector<fs::path> ShareDirs() {
  std::error_code error;
  const fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const fs::path bin_dir = binary.parent_path();
  return {bin_dir / "share" / "plainsight", bin_dir.parent_path() / "share" / "plainsight"};
}

// The first share dir holding `relative`, or "" when none does.
fs::path FindShared(const fs::path& relative) {
  for (const fs::path& dir : ShareDirs()) {
    std::error_code error;
    if (fs::exists(dir / relative, error)) return dir / relative;
  }
  return {};
}

std::string LookedIn(const fs::path& relative) {
  std::string where;
  for (const fs::path& dir : ShareDirs()) where += (where.empty() ? "" : ", ") + (dir / relative).string();
  return where.empty() ? "nowhere (cannot tell where this binary is)" : where;
}

std::string DemoDataDir(const std::string& option) {
  if (!option.empty()) return option;
  fs::path found = FindShared("demo");
  if (found.empty()) {
    throw CliError(kExitBadInput, "demo data not found (looked in " + LookedIn("demo") +
                                      "); pass --data DIR or set PLAINSIGHT_DEMO_DATA");
  }
  return found.string();
}

// The packs of the user's config when there is one, else the bundled ones.
std::vector<std::string> DemoPatternPaths(const GlobalOptions& g) {
  auto config = LoadConfig(ResolveConfigPath(g));
  if (config.ok() && !config->pattern_paths.empty()) return config->pattern_paths;
  fs::path bundled = FindShared("patterns");
  if (bundled.empty()) {
    throw CliError(kExitBadInput, "bundled pattern packs not found (looked in " + LookedIn("patterns") +
                                      "); give --config a file with [[patterns]]");
  }
  return {(bundled / "adult.toml").string(), (bundled / "jobs.toml").string()};
}

// The user's gazetteer when their config names one that exists, else the bundled one.
std::string DemoGazetteer(const GlobalOptions& g) {
  if (auto user = LoadConfig(ResolveConfigPath(g)); user.ok() && fs::exists(user->gazetteer_path)) {
    return user->gazetteer_path;
  }
  fs::path bundled = FindShared("gazetteer.tsv");
  if (bundled.empty()) {
    throw CliError(kExitBadInput, "bundled gazetteer not found (looked in " + LookedIn("gazetteer.tsv") +
                                      "); give --config a file with a gazetteer");
  }
  return bundled.string();
}

}  // namespace

void RegisterDemo(CLI::App& app) {
  static int delay_ms = 100;
  static std::string data_dir;
  CLI::App* cmd = app.add_subcommand(
      "demo", "Serve the bundled demo sites on 127.0.0.1, crawl them into a fresh store, print the leads");
  cmd->footer("Example:\n  plainsight demo --db /tmp/plainsight-demo");
  cmd->add_option("--delay-ms", delay_ms, "politeness delay per demo site");
  cmd->add_option("--data", data_dir,
                  "the demo sites' data directory (default: share/plainsight/demo beside the binary "
                  "or under its install prefix)")
      ->envname("PLAINSIGHT_DEMO_DATA");
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    // Find everything before creating anything, so a missing file leaves no temporary store behind.
    auto demo_sites = demo::DemoSites::Open(DemoDataDir(data_dir));
    if (!demo_sites.ok()) throw CliError(kExitBadInput, "demo sites: " + demo_sites.status().ToString());
    demo::DemoConfigOptions demo_options;
    demo_options.pattern_paths = DemoPatternPaths(g);
    demo_options.gazetteer_path = DemoGazetteer(g);
    demo_options.per_host_delay_ms = delay_ms;

    std::string store_path = g.db;
    if (store_path.empty()) {
      std::string tmpl = (fs::temp_directory_path() / "plainsight-demo-XXXXXX").string();
      if (::mkdtemp(tmpl.data()) == nullptr) throw CliError(kExitStore, "cannot create a temporary store");
      store_path = tmpl;
    } else if (fs::exists(store_path) && !fs::is_empty(store_path)) {
      throw CliError(kExitBadInput, "--db " + store_path + ": demo needs a fresh, empty store directory");
    }
    Status started = demo_sites->Start();
    if (!started.ok()) throw CliError(kExitBadInput, "demo sites: " + started.ToString());
    demo_options.store_path = (fs::path(store_path) / "store").string();
    std::string config_path = (fs::path(store_path) / "demo.toml").string();
    fs::create_directories(store_path);
    {
      std::ofstream config_file(config_path);
      config_file << demo_sites->ConfigToml(demo_options);
      config_file.close();
      if (!config_file) throw CliError(kExitStore, config_path + ": cannot write");
    }
    std::cerr << "demo: " << demo_sites->sites().size() << " sites on 127.0.0.1, config " << config_path
              << "\n";

    auto config = LoadConfig(config_path);
    if (!config.ok()) throw CliError(kExitBadInput, config.status().ToString());
    auto patterns = LoadPatternsOrThrow(*config);
    auto store = OpenStoreOrThrow(*config, g, false);
    int code = CrawlAndCorrelate(*config, patterns, *store);
    demo_sites->Stop();

    std::vector<LeadRecord> leads;
    Status s = store->ForEachLead([&](const LeadRecord& lead) {
      if (lead.score >= config->leads.min_score) leads.push_back(lead);
      return true;
    });
    if (!s.ok()) throw CliError(kExitStore, s.ToString());
    RankLeads(&leads);
    PrintLeadTable(std::cout, leads, *store);
    std::cout << "\nStore: " << config->store.path << "\nTry:   build/plainsight --config "
              << config_path << " show " << (leads.empty() ? "L-…" : leads.front().id) << "\n";
    g.exit_code = code;
  });
}

}  // namespace plainsight::cli
