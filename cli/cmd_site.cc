// `site probe URL`: a ready [[sites]] block for a new site, from one
// listing page (crawler/site_probe.h).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "crawler/site_probe.h"
#include "crawler/site_probe_toml.h"

namespace plainsight::cli {

void RegisterSite(CLI::App& app) {
  static std::string url, kind, name;
  CLI::App* cmd = app.add_subcommand("site", "Work out how to crawl a new site");
  cmd->require_subcommand(1);
  cmd->footer("Example:\n  plainsight site probe https://jobs.example.org/search?page=1");
  CLI::App* probe = cmd->add_subcommand(
      "probe", "Read one listing page and a few adverts; print a [[sites]] block for them");
  probe->footer(
      "Robots.txt and the config's [crawl] user_agent and per_host_delay_ms are kept.\n"
      "Example:\n  plainsight site probe https://jobs.example.org/search?page=1 --kind jobs "
      ">> config/plainsight.toml");
  probe->add_option("URL", url, "a listing page of the site (a page that links to many adverts)")
      ->required();
  probe->add_option("--kind", kind, "which indicator packs apply (default: guessed)")
      ->check(CLI::IsMember({"jobs", "adult"}));
  probe->add_option("--name", name, "the site's config name, [a-z0-9-]+ (default: from the host)");
  probe->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    Config config = LoadConfigOrThrow(g);
    ProbeOptions options;
    options.listing_url = url;
    options.kind = kind;
    options.name = name;
    options.strip_params = config.crawl.strip_params;
    if (std::filesystem::exists(config.gazetteer_path)) {
      auto gazetteer = Gazetteer::Load(config.gazetteer_path);
      if (!gazetteer.ok()) throw CliError(kExitBadInput, gazetteer.status().ToString());
      options.gazetteer = *gazetteer;
    }
    auto source = NewNetworkProbeSource(config.crawl);
    auto proposal = ProbeSite(options, *source);
    if (!proposal.ok()) {
      const Status& s = proposal.status();
      // A bad URL or name is bad input; a site that cannot be read, or
      // has no advert links, is a site that failed.
      throw CliError(s.IsInvalidArgument() ? kExitBadInput : kExitSitesFailed,
                     "site probe: " + s.message());
    }
    for (const std::string& warning : proposal->warnings) {
      std::cerr << "plainsight: site probe: " << warning << "\n";
    }
    std::cout << RenderSiteToml(*proposal);
  });
}

}  // namespace plainsight::cli
