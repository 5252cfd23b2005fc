// Places on the project's own farm (tests/farm): the planted agency's
// office, named by five low-pay job adverts on two boards that offer
// accommodation, transport and fees (planted_groups.cc, PlantAgency), is in
// the top 5, and it is the only place shown at the default min_score: every
// other address on the farm is one ordinary advert's own premises.
#include <catch2/catch.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"

namespace plainsight {
namespace {

using nlohmann::json;

TEST_CASE("Farm1Places_TheAgencysOfficeIsInTheTopFiveAndTheOnlyPlaceShown") {
  const json doc = [] {
    testing::FarmDesk desk("plainsight-farm1-places", 0);
    desk.Crawl();
    return desk.Json({"places", "--format", "json", "--min-score", "0"});
  }();  // the farm has stopped and the folder is gone

  int rank = 0, agency_rank = 0;
  for (const json& place : doc["places"]) {
    ++rank;
    if (rank <= 8) {
      std::cout << rank << ". " << place["score"].get<double>() << " " << place["address"].get<std::string>() << " "
                << place["postcode"].get<std::string>() << " (" << place["adverts"].get<int>() << " adverts)\n";
    }
    if (place["address"] == "14 Wharf Lane" && place["postcode"] == "NN1 9ZQ") agency_rank = rank;
  }
  CHECK(agency_rank >= 1);
  CHECK(agency_rank <= 5);

  // The farm plants no other place: every other address is one ordinary
  // advert's (its own employer's premises) and must not be shown.
  int shown = 0;
  for (const json& place : doc["places"]) shown += place["score"].get<double>() >= 3.0;
  CHECK(shown == 1);
}

}  // namespace
}  // namespace plainsight
