// Farm2Places_*: the real binary crawls the started farm2 (default seed)
// and `places --format json --min-score 0` is scored against the farm's
// planted places (tests/farm2/planted_places.h, TruthPlace), which were
// written from a brief by someone who had not read the places code.
// Targets (issue 15): every planted shared-housing place (and the one used
// by both kinds) in the top 5; pick-up points of concern listed at the
// default min_score; no decoy (an employer's premises, a business park, a
// job centre, a care home, a cafe) among the places an analyst is shown at
// the default min_score (so none in the top 20 of that listing). Set PLAINSIGHT_FARM2_KEEP=1 to
// keep the store and places.json.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/strings.h"
#include "tests/farm2/config_toml.h"
#include "tests/farm2/farm2.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using farm2::Farm2;
using nlohmann::json;

constexpr double kDefaultPlacesMinScore = 3.0;

// Letters and digits only, upper case: "14 Mill Rd." and "14 MILL RD" agree.
std::string Folded(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (IsAsciiAlnum(c)) out.push_back(AsciiUpper(c));
  }
  return out;
}

struct PlacesRun {
  PlacesRun() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-farm2-places-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    if (!farm.Start().ok()) return;
    farm2::ConfigOptions options;
    options.store_path = dir + "/store";
    config = dir + "/plainsight.toml";
    if (!farm2::WriteConfig(farm, options, config).ok()) return;
    crawl = testing::RunPlainsight({"--config", config, "crawl"});
    places_run = testing::RunPlainsight({"--config", config, "places", "--format", "json", "--min-score", "0"});
    std::ofstream(dir + "/places.json") << places_run.out;
    doc = json::parse(places_run.out, nullptr, false);
    ok = crawl.exit_code == 0 && places_run.exit_code == 0 && !doc.is_discarded();
    if (!ok) return;
    // One line per place an analyst sees first, for the test log.
    int rank = 0;
    for (const json& place : doc["places"]) {
      if (++rank > 12) break;
      std::cout << rank << ". " << place["score"].get<double>() << " " << place["address"].get<std::string>()
                << " " << place["postcode"].get<std::string>() << " " << place["town"].get<std::string>() << " ("
                << place["role"].get<std::string>() << ", " << place["adverts"].get<int>() << " adverts)\n";
    }
  }
  ~PlacesRun() {
    farm.Stop();
    const char* keep = std::getenv("PLAINSIGHT_FARM2_KEEP");
    if (keep != nullptr && *keep != '\0' && std::string(keep) != "0")
      std::cout << "farm2 places run kept in " << dir << "\n";
    else
      fs::remove_all(dir);
  }

  // The rank (1-based) of the listed place that is `truth`, 0 when none is.
  // An address place matches when its street is in the planted address and
  // the postcodes agree; a postcode place on its postcode; a pick-up point
  // on its town and landmark words. The first (highest) match counts.
  int RankOf(const farm2::TruthPlace& truth) const {
    int rank = 0;
    for (const json& place : doc["places"]) {
      ++rank;
      const std::string address = place["address"].get<std::string>();
      const std::string postcode = place["postcode"].get<std::string>();
      const std::string town = place["town"].get<std::string>();
      if (truth.role == "pick-up") {
        if (place["role"] != "pick-up" || !EqualsIgnoreCaseAscii(town, truth.town)) continue;
        if (truth.address.empty() || Folded(address).find(Folded(truth.address)) != std::string::npos ||
            Folded(truth.address).find(Folded(address)) != std::string::npos) {
          return rank;
        }
        continue;
      }
      // "Unit 4, Tanners Yard, 27 Bridge Street" holds the street the
      // adverts' address reader keeps ("4 Tanners Yard"); a place matches
      // when its street is in the planted address and the postcodes agree.
      if (!truth.postcode.empty() && postcode != truth.postcode) continue;
      if (place["role"] == "pick-up") continue;
      if (!truth.address.empty() && !address.empty()) {
        if (Folded(truth.address).find(Folded(address)) != std::string::npos) return rank;
        continue;
      }
      if (!truth.postcode.empty()) return rank;  // a postcode place, or the planted place gives none
    }
    return 0;
  }

  double ScoreAt(int rank) const { return doc["places"][static_cast<size_t>(rank - 1)]["score"].get<double>(); }

  Farm2 farm;
  std::string dir, config;
  testing::RunResult crawl, places_run;
  json doc;
  bool ok = false;
};

const PlacesRun& Run() {
  static PlacesRun run;
  INFO("crawl stderr:\n" << run.crawl.err << "\nplaces stderr:\n" << run.places_run.err);
  REQUIRE(run.ok);
  return run;
}

bool IsHousing(const farm2::TruthPlace& place) {
  return place.of_concern && place.role == "premises" &&
         (place.name.find("housing") != std::string::npos || place.name.find("dual") != std::string::npos);
}

TEST_CASE("Farm2Places_EveryPlantedSharedHousingPlaceIsInTheTopFive") {
  const PlacesRun& run = Run();
  int housing = 0;
  for (const farm2::TruthPlace& truth : run.farm.truth_places()) {
    if (!IsHousing(truth)) continue;
    ++housing;
    const int rank = run.RankOf(truth);
    INFO(truth.name << " (" << truth.address << ", " << truth.postcode << "): rank " << rank);
    CHECK(rank >= 1);
    CHECK(rank <= 5);
  }
  CHECK(housing >= 4);
}

TEST_CASE("Farm2Places_PickUpPointsOfConcernAreListedAtTheDefaultMinScore") {
  const PlacesRun& run = Run();
  for (const farm2::TruthPlace& truth : run.farm.truth_places()) {
    if (!truth.of_concern || truth.role != "pick-up") continue;
    const int rank = run.RankOf(truth);
    INFO(truth.name << ": rank " << rank);
    REQUIRE(rank >= 1);
    CHECK(run.ScoreAt(rank) >= kDefaultPlacesMinScore);
  }
}

TEST_CASE("Farm2Places_NoDecoyIsShownAtTheDefaultMinScore") {
  const PlacesRun& run = Run();
  for (const farm2::TruthPlace& truth : run.farm.truth_places()) {
    if (truth.of_concern) continue;
    const int rank = run.RankOf(truth);
    INFO(truth.name << " (" << truth.address << ", " << truth.postcode << "): rank " << rank
                    << (rank > 0 ? ", score " + std::to_string(run.ScoreAt(rank)) : ""));
    if (rank == 0) continue;  // not a place at all (a job centre, an estate as a whole)
    // Shown means listed by default (at or above min_score); the top 20 of
    // what is shown is what an analyst reads.
    CHECK(run.ScoreAt(rank) < kDefaultPlacesMinScore);
  }
}

}  // namespace
}  // namespace plainsight
