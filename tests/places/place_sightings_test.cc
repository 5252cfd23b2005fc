// Place sightings (places/place_sightings.h): which places one advert names,
// in which role, and what is not a place of concern.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "places/place_sightings.h"

namespace plainsight {
namespace {

AdvertRecord Advert(const std::string& kind, const std::string& text, std::vector<std::string> addresses,
                    std::vector<std::string> postcodes, std::vector<std::string> towns) {
  AdvertRecord a;
  a.id = "A-0000000000000001";
  a.kind = kind;
  a.site = "board";
  a.text = text;
  a.addresses = std::move(addresses);
  a.postcodes = std::move(postcodes);
  a.towns = std::move(towns);
  return a;
}

std::vector<std::string> KeysAndRoles(const std::vector<PlaceSighting>& sightings) {
  std::vector<std::string> out;
  for (const PlaceSighting& s : sightings) out.push_back(s.key + " " + s.role);
  return out;
}

TEST_CASE("Sightings_AFullAddressIsAStreetWithTheAdvertsOnePostcodeOrItsOneTown") {
  struct Row {
    const char* rule;
    AdvertRecord advert;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {"street with one postcode",
       Advert("jobs", "Warehouse work at 14 Mill Road, NN1 1AA.", {"14 MILL ROAD"}, {"NN1 1AA"}, {"Northampton"}),
       {"address|14 MILL ROAD|NN1 1AA premises"}},
      {"street with one town and no postcode",
       Advert("jobs", "Packing at 3 Station Road, Corby.", {"3 STATION ROAD"}, {}, {"Corby"}),
       {"address|3 STATION ROAD|town:CORBY premises"}},
      {"a bare street with two towns is not one door",
       Advert("jobs", "Sites at 3 Station Road in Corby or Kettering.", {"3 STATION ROAD"}, {}, {"Corby", "Kettering"}),
       {}},
      {"two postcodes: the street is ambiguous, each postcode is a place",
       Advert("jobs", "Apply at 3 Station Road NN17 1AA or NN16 8BB.", {"3 STATION ROAD"}, {"NN17 1AA", "NN16 8BB"}, {}),
       {"postcode|NN17 1AA premises", "postcode|NN16 8BB premises"}},
      {"a postcode without a street",
       Advert("adult", "Relaxing massage, incall near NN1 3XY.", {}, {"NN1 3XY"}, {}),
       {"postcode|NN1 3XY incall"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.rule);
    CHECK(KeysAndRoles(SightPlaces(row.advert, nullptr)) == row.expected);
  }
}

TEST_CASE("Sightings_TheRoleComesFromTheAdvertsKindAndItsAccommodationOffer") {
  AdvertRecord jobs = Advert("jobs", "Live at 14 Mill Road, NN1 1AA.", {"14 MILL ROAD"}, {"NN1 1AA"}, {});
  jobs.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address", 1.5, "accommodation provided"});
  CHECK(KeysAndRoles(SightPlaces(jobs, nullptr)) == std::vector<std::string>{"address|14 MILL ROAD|NN1 1AA accommodation"});
  AdvertRecord adult = Advert("adult", "Visit me at 14 Mill Road, NN1 1AA.", {"14 MILL ROAD"}, {"NN1 1AA"}, {});
  CHECK(KeysAndRoles(SightPlaces(adult, nullptr)) == std::vector<std::string>{"address|14 MILL ROAD|NN1 1AA incall"});
}

TEST_CASE("Sightings_HousingWordsBesideAJobsAddressMakeItAccommodation") {
  struct Row {
    const char* text;
    const char* role;
  };
  for (const Row& row : std::vector<Row>{
           {"Beds available in our workers' house, 14 Mill Road, NN1 1AA.", "accommodation"},
           {"Live-in option: 14 Mill Road, NN1 1AA, shared with the team.", "accommodation"},
           {"Room in a shared house at 14 Mill Road, NN1 1AA.", "accommodation"},
           {"Report to reception at 14 Mill Road, NN1 1AA.", "premises"},
           {"Our showroom is at 14 Mill Road, NN1 1AA. Rooms to let nearby elsewhere? No.", "premises"}}) {
    CAPTURE(row.text);
    AdvertRecord a = Advert("jobs", row.text, {"14 MILL ROAD"}, {"NN1 1AA"}, {});
    auto sightings = SightPlaces(a, nullptr);
    REQUIRE(sightings.size() == 1);
    CHECK(sightings[0].role == row.role);
  }
}

TEST_CASE("Sightings_JobCentresAndEstatesAsAWholeAreNotPlaces") {
  struct Row {
    const char* rule;
    AdvertRecord advert;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {"apply at a job centre's address",
       Advert("jobs", "Apply in person at the Jobcentre Plus, 21 Gold Street, NN1 1RS.", {"21 GOLD STREET"}, {"NN1 1RS"}, {}),
       {}},
      {"job centre written as two words, after the address",
       Advert("jobs", "Interviews at 21 Gold Street (the job centre), NN1 1RS.", {"21 GOLD STREET"}, {"NN1 1RS"}, {}),
       {}},
      {"an industrial estate named with only its postcode",
       Advert("jobs", "Picking and packing on Brackmills Industrial Estate, NN4 7PB.", {}, {"NN4 7PB"}, {}),
       {}},
      {"a business park with only its postcode",
       Advert("jobs", "Office at Kettering Business Park NN15 6XR.", {}, {"NN15 6XR"}, {}),
       {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.rule);
    CHECK(KeysAndRoles(SightPlaces(row.advert, nullptr)) == row.expected);
  }
}

TEST_CASE("Sightings_AQuoteIsTheAdvertsOwnWords") {
  AdvertRecord a = Advert("jobs", "Rooms at 14 Mill Rd, NN1 1AA for all staff.", {"14 MILL ROAD"}, {"NN1 1AA"}, {});
  auto sightings = SightPlaces(a, nullptr);
  REQUIRE(sightings.size() == 1);
  CHECK(sightings[0].quote == "Rooms at 14 Mill Rd, NN1 1AA for all staff.");
  CHECK(a.text.find(sightings[0].quote) != std::string::npos);
}

TEST_CASE("Sightings_TransportWordingNamesAPickUpPointWithItsTime") {
  AdvertRecord a = Advert("jobs", "Daily pick-up from the Tesco car park at 5am. Good pay.", {}, {}, {});
  auto sightings = SightPlaces(a, nullptr);
  REQUIRE(sightings.size() == 1);
  CHECK(sightings[0].role == "pick-up");
  // No town and no postcode: "the Tesco car park" in another advert may be
  // another town's, so the point stays this advert's own.
  CHECK(sightings[0].key == "pick-up|TESCO CAR PARK|advert:A-0000000000000001");
  CHECK(sightings[0].time == "05:00");
  CHECK(a.text.find(sightings[0].quote) != std::string::npos);
}

TEST_CASE("Sightings_ThePlacesTownIsTheOneWhosePostcodeAreaHoldsIt") {
  auto gazetteer = Gazetteer::Load(std::string(PLAINSIGHT_SOURCE_DIR) + "/config/gazetteer.tsv");
  REQUIRE(gazetteer.ok());
  // A page naming several towns (a "browse by town" bar): Corby's postcode
  // area is NN, Leicester's LE.
  AdvertRecord a = Advert("jobs", "Rooms at 27 Rockingham Road, NN17 2UB. Also hiring in Leicester.",
                          {"27 ROCKINGHAM ROAD"}, {"NN17 2UB"}, {"Corby", "Leicester"});
  auto sightings = SightPlaces(a, gazetteer->get());
  REQUIRE(sightings.size() == 1);
  CHECK(sightings[0].town == "Corby");
  // Two towns in the same postcode area: no guess.
  a.towns = {"Corby", "Kettering"};
  sightings = SightPlaces(a, gazetteer->get());
  REQUIRE(sightings.size() == 1);
  CHECK(sightings[0].town.empty());
  // A location kept as written is not a town.
  a.towns = {"Chobham, Surrey Ireland,"};
  sightings = SightPlaces(a, gazetteer->get());
  REQUIRE(sightings.size() == 1);
  CHECK(sightings[0].town.empty());
}

}  // namespace
}  // namespace plainsight
