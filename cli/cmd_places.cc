// `places`: the addresses, postcodes and pick-up points behind the adverts,
// ranked for planning safeguarding visits (places/place_builder.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "places/place_builder.h"
#include "places/place_formats.h"

namespace plainsight::cli {
namespace {

struct PlacesArgs {
  double min_score = -1;
  std::string since, kind, town;
  int limit = 0;
  std::string format = "table";
};

void PrintPlaceTable(std::ostream& out, const std::vector<PlaceRecord>& places) {
  char line[512];
  std::snprintf(line, sizeof line, "%-14s %6s  %-10s %-8s %4s  %-5s  %s\n", "PLACE", "SCORE", "STATUS",
                "ROLE", "ADS", "KINDS", "WHERE");
  out << line;
  for (const PlaceRecord& p : places) {
    std::string kinds;
    for (const std::string& kind : p.kinds) kinds += kind == "jobs" ? "J" : "A";
    const std::string where = PlaceWhere(p);
    std::snprintf(line, sizeof line, "%-14s %6.1f  %-10s %-8s %4zu  %-5s  %s%s\n", p.id.c_str(), p.score,
                  p.status.c_str(), p.role.c_str(), p.advert_ids.size(), kinds.c_str(), where.c_str(),
                  p.hub ? "  (hub)" : "");
    out << line;
  }
}

}  // namespace

void RegisterPlaces(CLI::App& app) {
  static PlacesArgs args;
  CLI::App* cmd = app.add_subcommand("places", "List places of concern (addresses, postcodes, pick-up points), strongest first");
  cmd->footer(
      "Examples:\n  plainsight places --limit 20\n"
      "  plainsight places --kind jobs --town Corby --format json");
  cmd->add_option("--min-score", args.min_score, "only places scoring at least this (default: places.min_score)");
  cmd->add_option("--since", args.since, "only places with an advert seen since (ISO 8601, or 24h / 7d)");
  cmd->add_option("--kind", args.kind, "only places with adverts of this kind")
      ->check(CLI::IsMember({"jobs", "adult"}));
  cmd->add_option("--town", args.town, "only places in this town");
  cmd->add_option("--limit", args.limit, "at most this many places");
  cmd->add_option("--format", args.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->callback([] {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadOnly);
    PlaceFilter filter;
    filter.min_score = args.min_score >= 0 ? args.min_score : config.places.min_score;
    if (!args.since.empty() && !ParseTimeSpec(args.since, SystemClock::Get().NowUnixSeconds(), &filter.since)) {
      throw CliError(kExitBadInput, "--since: not a date, time or age: " + args.since);
    }
    filter.kind = args.kind;
    filter.town = args.town;
    filter.limit = args.limit > 0 ? static_cast<size_t>(args.limit) : 0;
    std::vector<PlaceRecord> places = SelectPlaces(BuildPlacesOrThrow(config, *store), filter);
    AuditOrThrow(config, "places", static_cast<std::int64_t>(places.size()));
    if (args.format == "json") {
      nlohmann::json out = {{"places", nlohmann::json::array()}};
      for (const PlaceRecord& place : places) out["places"].push_back(PlaceJson(place, false));
      std::cout << out.dump(2) << "\n";
    } else if (args.format == "csv") {
      std::cout << PlacesCsv(places);
    } else {
      PrintPlaceTable(std::cout, places);
    }
  });
}

}  // namespace plainsight::cli
