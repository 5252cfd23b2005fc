// The analyst's desk for places (issue 15), with the real binary on a
// crawled farm store: the contract JSON, show, review and "updated",
// filters, the exports and the report section.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

using nlohmann::json;

// The farm crawled once, for an analyst to work on its places.
struct PlacesDesk : testing::FarmDesk {
  PlacesDesk() : FarmDesk("plainsight-places-desk", 0) { Crawl(); }
  json TopPlace() const {
    json places = Json({"places", "--format", "json"})["places"];
    REQUIRE_FALSE(places.empty());
    return places[0];
  }
};

TEST_CASE("PlacesCommand_JsonHasTheContractsFieldsHighestScoreFirst") {
  PlacesDesk d;
  json places = d.Json({"places", "--format", "json", "--min-score", "0"})["places"];
  REQUIRE(places.size() > 1);
  double previous = 1e9;
  for (const json& place : places) {
    for (const char* field : {"id", "address", "postcode", "town", "role", "score", "status", "reasons", "adverts",
                              "leads", "kinds", "first_seen", "last_seen"}) {
      INFO(field);
      CHECK(place.contains(field));
    }
    CHECK(place["id"].get<std::string>().rfind("P-", 0) == 0);
    CHECK((place["role"] == "premises" || place["role"] == "pick-up"));
    CHECK(place["score"].get<double>() <= previous);
    previous = place["score"].get<double>();
    double sum = 0;
    for (const json& points : place["reason_points"]) sum += points.get<double>();
    CHECK(sum == Approx(place["score"].get<double>()).margin(0.02));
  }
}

TEST_CASE("PlacesCommand_FiltersByKindTownAndLimit") {
  PlacesDesk d;
  json all = d.Json({"places", "--format", "json", "--min-score", "0"})["places"];
  json adult = d.Json({"places", "--format", "json", "--min-score", "0", "--kind", "adult"})["places"];
  CHECK(adult.size() < all.size());
  for (const json& place : adult) {
    CHECK(std::find(place["kinds"].begin(), place["kinds"].end(), "adult") != place["kinds"].end());
  }
  json northampton = d.Json({"places", "--format", "json", "--min-score", "0", "--town", "northampton"})["places"];
  REQUIRE_FALSE(northampton.empty());
  CHECK(d.Json({"places", "--format", "json", "--min-score", "0", "--limit", "2"})["places"].size() == 2);
  auto bad = d.Run({"places", "--since", "yesterday-ish"});
  CHECK(bad.exit_code == 1);
}

TEST_CASE("ShowPlace_PrintsReasonsAndEachAdvertsOwnWords") {
  PlacesDesk d;
  json top = d.TopPlace();
  const std::string id = top["id"].get<std::string>();
  auto table = d.Run({"show", id});
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("Why it scored:") != std::string::npos);
  CHECK(table.out.find("Adverts, oldest first") != std::string::npos);
  json shown = d.Json({"show", id, "--format", "json"});
  REQUIRE(shown["mentions"].size() == shown["adverts"].get<size_t>());
  // Each quote names the place (that it is the advert's own text is
  // checked against the text in tests/places/place_sightings_test.cc).
  const std::string address = top["address"].get<std::string>();
  const std::string postcode = top["postcode"].get<std::string>();
  for (const json& mention : shown["mentions"]) {
    const std::string quote = mention["quote"].get<std::string>();
    INFO(quote);
    CHECK(((!address.empty() && quote.find(address) != std::string::npos) ||
           (!postcode.empty() && quote.find(postcode) != std::string::npos)));
  }
  CHECK(d.Run({"show", "P-000000000000"}).exit_code == 1);
}

TEST_CASE("ReviewPlace_RecordsTheDecisionAuditsItAndRefusesALeadsStatus") {
  PlacesDesk d;
  const std::string id = d.TopPlace()["id"].get<std::string>();
  CHECK(d.Run({"review", id, "--status", "escalated", "--note", "x"}).exit_code == 1);
  auto review = d.Run({"review", id, "--status", "visited", "--note", "visited on 3 December", "--analyst", "pc42"});
  INFO(review.err);
  REQUIRE(review.exit_code == 0);
  CHECK(review.out.find("new -> visited by pc42") != std::string::npos);
  CHECK(d.TopPlace()["status"] == "visited");
  json audit = d.Json({"audit", "--format", "json"})["audit"];
  bool audited = false;
  for (const json& entry : audit) audited = audited || (entry["command"] == "review" && entry["user"] == "pc42");
  CHECK(audited);
}

TEST_CASE("ExportPlaces_GeoJsonAtTownCentrePrecisionAndCsv") {
  PlacesDesk d;
  json geo = d.Json({"export", "--places", "--format", "geojson"});
  CHECK(geo["type"] == "FeatureCollection");
  REQUIRE_FALSE(geo["features"].empty());
  for (const json& feature : geo["features"]) {
    const std::string precision = feature["properties"]["precision"].get<std::string>();
    if (feature["geometry"].is_null()) {
      CHECK(precision.rfind("unknown", 0) == 0);
      continue;
    }
    CHECK(precision.find("town centre") != std::string::npos);
    const double lon = feature["geometry"]["coordinates"][0].get<double>();
    const double lat = feature["geometry"]["coordinates"][1].get<double>();
    CHECK(lat > 49.8);
    CHECK(lat < 61.0);
    CHECK(lon > -8.7);
    CHECK(lon < 1.8);
  }
  auto csv = d.Run({"export", "--places", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("id,score,status,role,address,postcode,town,", 0) == 0);
  CHECK(d.Run({"export", "--format", "geojson"}).exit_code == 1);
  CHECK(d.Run({"export", "--places", "--format", "i2"}).exit_code == 1);
}

TEST_CASE("Report_HasAPlacesSectionInHtmlAndJson") {
  PlacesDesk d;
  json report = d.Json({"report", "--format", "json", "--since", "7d"});
  REQUIRE(report.contains("places"));
  REQUIRE(report.contains("top_places"));
  CHECK_FALSE(report["top_places"].empty());
  CHECK(report["places"][0]["change"] == "new");
  auto html = d.Run({"report", "--since", "7d"});
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("<section id=\"places\">") != std::string::npos);
}

}  // namespace
}  // namespace plainsight
