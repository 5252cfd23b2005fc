// `export`: links for i2 Analyst's Notebook, GraphML, an advert CSV, or a
// lead's evidence pack (WARC captures with SHA-256 manifest).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "places/place_builder.h"
#include "places/place_formats.h"
#include "report/advert_csv_export.h"
#include "report/evidence_export.h"
#include "report/export_scope.h"
#include "report/graphml_export.h"
#include "report/i2_export.h"

namespace plainsight::cli {
namespace {

struct ExportArgs {
  std::string format;
  std::string out;
  std::string lead;
  std::string evidence;
  bool places = false;
  bool with_images = false;
};

// --out names a file, or an existing directory to put `default_name` in;
// empty or "-" is stdout.
void WriteExport(const std::string& out, const std::string& default_name, const std::string& text) {
  if (out.empty() || out == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::string path = out;
  std::error_code ec;
  if (std::filesystem::is_directory(out, ec)) path = out + "/" + default_name;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) throw CliError(kExitBadInput, path + ": cannot write");
}

void RunEvidenceExport(const Config& config, const Store& store, const ExportArgs& args) {
  if (args.lead.empty()) throw CliError(kExitBadInput, "--evidence needs --lead ID");
  auto lead = store.GetLead(args.lead);
  if (!lead.ok()) throw CliError(kExitStore, lead.status().ToString());
  if (!lead->has_value()) throw CliError(kExitBadInput, "no lead " + args.lead);
  EvidenceRequest request;
  request.warc_dir = config.store.path + "/warc";
  request.out_dir = args.evidence;
  request.lead_json =
      LeadJson(**lead, store).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  request.now = SystemClock::Get().NowUnixSeconds();
  request.include_images = args.with_images;
  auto summary = ExportEvidence(store, **lead, request);
  if (!summary.ok()) {
    // Integrity failures and unreadable captures are bad input for this
    // command (exit 1), naming the advert.
    throw CliError(kExitBadInput, "evidence export failed: " + summary.status().message());
  }
  AuditOrThrow(config, "export", static_cast<std::int64_t>(summary->exported.size()));
  std::cout << "wrote " << summary->exported.size() << " captures for " << args.lead << " to "
            << args.evidence;
  if (!summary->without_capture.empty()) {
    std::cout << " (" << summary->without_capture.size() << " adverts have no capture)";
  }
  if (!summary->images.empty()) std::cout << ", and " << summary->images.size() << " photos";
  std::cout << "\n";
}

}  // namespace

void RegisterExport(CLI::App& app) {
  static ExportArgs args;
  CLI::App* cmd = app.add_subcommand("export", "Export links (i2, GraphML), adverts (CSV) or a lead's evidence");
  cmd->footer(
      "Examples:\n  plainsight export --format i2 --out links.csv\n"
      "  plainsight export --format graphml --lead L-3f2a9c0d11aa --out lead.graphml\n"
      "  plainsight export --lead L-3f2a9c0d11aa --evidence evidence/L-3f2a9c0d11aa");
  cmd->add_option("--format", args.format, "i2, graphml or csv; with --places: csv or geojson")
      ->check(CLI::IsMember({"i2", "graphml", "csv", "geojson"}));
  cmd->add_flag("--places", args.places,
                "the places of concern at or above places.min_score (CSV or GeoJSON at town-centre precision)");
  cmd->add_option("--out", args.out, "file or existing directory to write (default: stdout)");
  cmd->add_option("--lead", args.lead, "only this lead and its adverts");
  cmd->add_option("--evidence", args.evidence,
                  "with --lead: write the lead's WARC captures, payloads and SHA-256 manifest here");
  cmd->add_flag("--with-images", args.with_images,
                "with --evidence: also write the photos of the lead's adverts (from their WARC "
                "captures, with SHA-256)");
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    if (args.with_images && args.evidence.empty()) {
      throw CliError(kExitBadInput, "--with-images needs --lead ID --evidence DIR");
    }
    if (args.evidence.empty() && args.format.empty()) {
      throw CliError(kExitBadInput,
                     "export needs --format i2|graphml|csv, --places --format csv|geojson, or --lead ID --evidence DIR");
    }
    if (!args.evidence.empty() && !args.format.empty()) {
      throw CliError(kExitBadInput, "--evidence and --format cannot be combined");
    }
    if (args.places ? args.format != "csv" && args.format != "geojson" : args.format == "geojson") {
      throw CliError(kExitBadInput, "--format geojson goes with --places, and --places with csv or geojson");
    }
    Config config = LoadConfigOrThrow(g);
    auto store = OpenStoreOrThrow(config, g, /*read_only=*/true);
    if (args.places) {
      PlaceFilter filter;
      filter.min_score = config.places.min_score;
      auto gazetteer = LoadGazetteerOrNull(config);
      std::vector<PlaceRecord> places = SelectPlaces(BuildPlacesOrThrow(config, *store, gazetteer.get()), filter);
      AuditOrThrow(config, "export", static_cast<std::int64_t>(places.size()));
      if (args.format == "csv") {
        WriteExport(args.out, "plainsight-places.csv", PlacesCsv(places));
      } else {
        WriteExport(args.out, "plainsight-places.geojson",
                    PlacesGeoJson(places, gazetteer.get()).dump(2) + "\n");
      }
      return;
    }
    if (!args.evidence.empty()) {
      RunEvidenceExport(config, *store, args);
      return;
    }
    auto scope = CollectExportScope(*store, args.lead);
    if (!scope.ok()) {
      throw CliError(scope.status().IsNotFound() ? kExitBadInput : kExitStore, scope.status().ToString());
    }
    const std::string stem = args.lead.empty() ? "plainsight" : "plainsight-" + args.lead;
    std::string text, name;
    std::size_t rows = 0;
    if (args.format == "i2") {
      text = RenderI2Csv(BuildEntityGraph(*scope), &rows);
      name = stem + "-i2.csv";
    } else if (args.format == "graphml") {
      EntityGraph graph = BuildEntityGraph(*scope);
      text = RenderGraphMl(graph);
      rows = graph.nodes().size();
      name = stem + ".graphml";
    } else {
      text = RenderAdvertCsv(scope->adverts, scope->images);
      rows = scope->adverts.size();
      name = stem + "-adverts.csv";
    }
    AuditOrThrow(config, "export", static_cast<std::int64_t>(rows));
    WriteExport(args.out, name, text);
  });
}

}  // namespace plainsight::cli
