// plainsight: finds signs of modern slavery in online adverts and puts the
// strongest leads, with their reasons, in front of an analyst.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <set>
#include <string>

#include "cli/cli_common.h"
#include "cli/commands.h"

namespace {

// The first word that is neither an option nor an option's value, when it
// is not a subcommand of `app`.
std::optional<std::string> UnknownSubcommand(CLI::App& app, int argc, char** argv) {
  static const std::set<std::string> kTakesValue = {"--config", "--db", "--log-format"};
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (kTakesValue.count(word) != 0) {
      ++i;
      continue;
    }
    if (word.empty() || word[0] == '-') continue;
    try {
      app.get_subcommand(word);
      return std::nullopt;
    } catch (const CLI::OptionNotFound&) {
      return word;
    }
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace plainsight::cli;
  CLI::App app{"plainsight: flags adverts that show signs of modern slavery for an analyst to review"};
  app.set_version_flag("--version", std::string("plainsight ") + PLAINSIGHT_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions& g = Globals();
  for (int i = 1; i < argc; ++i) g.command_line += (i > 1 ? " " : "") + std::string(argv[i]);
  app.add_option("--config", g.config_path,
                 "config file (default: $PLAINSIGHT_CONFIG, else config/plainsight.toml)");
  app.add_option("--db", g.db, "store directory (overrides store.path)");
  app.add_flag_function("-v,--verbose", [&](std::int64_t n) { g.verbosity += static_cast<int>(n); },
                        "more log output (repeatable)");
  app.add_flag_function("-q,--quiet", [&](std::int64_t n) { g.verbosity -= static_cast<int>(n); },
                        "less log output");
  app.add_option("--log-format", g.log_format, "log format on stderr")
      ->check(CLI::IsMember({"text", "json"}));

  RegisterCrawl(app);
  RegisterCorrelate(app);
  RegisterLeads(app);
  RegisterShow(app);
  RegisterQuery(app);
  RegisterExtract(app);
  RegisterPatterns(app);
  RegisterDemo(app);
  RegisterReview(app);
  RegisterAudit(app);
  RegisterRun(app);
  RegisterPurge(app);
  RegisterReport(app);
  RegisterExport(app);
  RegisterSite(app);
  RegisterPlaces(app);

  // "plainsight foo" names foo, rather than CLI11's "A subcommand is required".
  if (auto unknown = UnknownSubcommand(app, argc, argv)) {
    std::cerr << "plainsight: unknown command '" << *unknown
              << "'; run 'plainsight --help' for the commands\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "plainsight: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const CliError& e) {
    std::cerr << "plainsight: " << e.what() << "\n";
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "plainsight: internal error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return g.exit_code;
}
