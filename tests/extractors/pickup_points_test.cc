#include "extractors/pickup_points.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "extractors/gazetteer.h"

namespace plainsight {
namespace {

const Gazetteer* Shipped() {
  static const std::shared_ptr<const Gazetteer> gazetteer = [] {
    Result<std::shared_ptr<const Gazetteer>> loaded =
        Gazetteer::Load(PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return gazetteer.get();
}

struct Row {
  const char* text;
  const char* place;
  const char* town;
  const char* postcode;
  const char* time;
};

void CheckOnePoint(const Row& row, const Gazetteer* gazetteer) {
  INFO(row.text);
  const std::string text = row.text;
  const std::vector<PickupPoint> found = FindPickupPoints(text, gazetteer);
  REQUIRE(found.size() == 1);
  CHECK(found[0].place == row.place);
  CHECK(found[0].town == row.town);
  CHECK(found[0].postcode == row.postcode);
  CHECK(found[0].time == row.time);
  CHECK(text.substr(found[0].offset, found[0].match.size()) == found[0].match);
}

TEST_CASE("PickupPoints_CueThenPlace_PlaceTownPostcodeTime", "[pickup_points]") {
  static const Row kRows[] = {
      // The worked examples from the brief.
      {"Pick-up from the Tesco car park, Corby, 5am", "the Tesco car park", "Corby", "", "05:00"},
      {"Pickup point: Kettering bus station", "Kettering bus station", "Kettering", "", ""},
      {"You will be picked up at 5.30am from outside McDonald's, Wellingborough",
       "outside McDonald's", "Wellingborough", "", "05:30"},
      {"Transport from Peterborough train station at 6am", "Peterborough train station",
       "Peterborough", "", "06:00"},
      {"Minibus leaves from the Asda car park at 4:45", "the Asda car park", "", "", "04:45"},
      {"Collection from Boston market place daily 5am", "Boston market place", "Boston", "",
       "05:00"},
      {"Lifts from Spalding bus station", "Spalding bus station", "Spalding", "", ""},
      {"We collect you from the Corby Morrisons car park", "the Corby Morrisons car park", "Corby",
       "", ""},
      {"Meeting point for transport: Lidl car park, Wisbech", "Lidl car park", "Wisbech", "", ""},
      {"Daily transport from Northampton (pick up at the railway station)", "the railway station",
       "Northampton", "", ""},
      {"Pick-up in Corby", "Corby", "Corby", "", ""},
      // Landmarks with a place word.
      {"Free transport from Lincoln bus station, 6am start", "Lincoln bus station", "Lincoln", "",
       "06:00"},
      {"Transport provided from the Sainsbury's car park in Grantham", "the Sainsbury's car park",
       "Grantham", "", ""},
      {"Picked up from Stamford bus station 05:00", "Stamford bus station", "Stamford", "",
       "05:00"},
      {"Van leaves from Holbeach market square at 5am", "Holbeach market square", "Holbeach", "",
       "05:00"},
      {"Pick up at Peterborough station, 4.30am", "Peterborough station", "Peterborough", "",
       "04:30"},
      {"Shuttle from Luton Airport at 5am", "Luton Airport", "Luton", "", "05:00"},
      {"Transport is provided from Leicester railway station at 5.15am",
       "Leicester railway station", "Leicester", "", "05:15"},
      {"We will pick you up from Kings Lynn bus station at 6.00am", "Kings Lynn bus station",
       "King's Lynn", "", "06:00"},
      {"Pick-up from the Market Square, Bedford, 5am", "the Market Square", "Bedford", "",
       "05:00"},
      {"Daily pick-ups from Grantham town centre at 6:30am", "Grantham town centre", "Grantham",
       "", "06:30"},
      {"Transport leaves from the Ely leisure centre at 7am", "the Ely leisure centre", "Ely", "",
       "07:00"},
      {"PICK UP FROM CORBY BUS STATION 5AM", "CORBY BUS STATION", "Corby", "", "05:00"},
      {"Lift from the B&Q car park, Corby", "the B&Q car park", "Corby", "", ""},
      {"Coach departs from Boston bus station 6am daily", "Boston bus station", "Boston", "",
       "06:00"},
      {"Collection at 5am from the Asda car park, Lincoln", "the Asda car park", "Lincoln", "",
       "05:00"},
      {"Pick up in Reading town centre", "Reading town centre", "Reading", "", ""},
      {"Transport meeting point is the Asda car park, Boston", "the Asda car park", "Boston", "",
       ""},
      {"Workers are driven daily from Wisbech retail park", "Wisbech retail park", "Wisbech", "",
       ""},
      {"Company minibus from the Tesco Extra car park, Spalding", "the Tesco Extra car park",
       "Spalding", "", ""},
      // "outside X", "opposite X".
      {"We pick you up from outside the Co-op, Sleaford at 5am", "outside the Co-op", "Sleaford",
       "", "05:00"},
      {"Pick up from outside Greggs in Boston at 5am", "outside Greggs", "Boston", "", "05:00"},
      {"Minibus departs from opposite the town hall, Daventry, at 4.45am",
       "opposite the town hall", "Daventry", "", "04:45"},
      // Corners, addresses, postcodes.
      {"Pick-up at the corner of Mill Road and Church Street, 5:45am",
       "the corner of Mill Road and Church Street", "", "", "05:45"},
      {"Pick up from 14 Mill Road, Corby NN17 1AA at 6am", "14 Mill Road", "Corby", "NN17 1AA",
       "06:00"},
      {"Pick-up from NN17 1AA", "NN17 1AA", "", "NN17 1AA", ""},
      {"We collect workers from Spalding bus station (PE11 1AA) at 5am", "Spalding bus station",
       "Spalding", "PE11 1AA", "05:00"},
      // A town alone after an explicit cue.
      {"We drive you from Boston to the farm every morning", "Boston", "Boston", "", ""},
      {"We can pick workers up from Spalding at 5:45am", "Spalding", "Spalding", "", "05:45"},
      {"Transport to the farm from Holbeach at 5am", "Holbeach", "Holbeach", "", "05:00"},
      {"Lifts from Kettering, 5.30am", "Kettering", "Kettering", "", "05:30"},
      {"Transport to and from site from Skegness bus station", "Skegness bus station", "Skegness",
       "", ""},
      {"Lifts to work from Louth market place", "Louth market place", "Louth", "", ""},
      // A town then the spot in it.
      {"Transport from Corby at the bus station, 5am", "the bus station", "Corby", "", "05:00"},
      // A time before the cue.
      {"5am pick-up from the Aldi car park, Rushden", "the Aldi car park", "Rushden", "", "05:00"},
      {"Pick-up 0500hrs from Wisbech bus station", "Wisbech bus station", "Wisbech", "", "05:00"},
      // A vehicle clause after the cue: the vehicle and its departure verb
      // connect to the place and are never part of it.
      {"Free transport: the minibus leaves Kettering bus station at 5am.",
       "Kettering bus station", "Kettering", "", "05:00"},
      {"Transport: van leaves from the Asda car park, Wisbech at 4.45am", "the Asda car park",
       "Wisbech", "", "04:45"},
      {"the works bus departs Corby railway station daily at 6am", "Corby railway station",
       "Corby", "", "06:00"},
      {"Transport provided, the minibus sets off from the Tesco car park, Corby at 5am",
       "the Tesco car park", "Corby", "", "05:00"},
      {"Free transport - our van waits at Boston bus station from 4.30am", "Boston bus station",
       "Boston", "", "04:30"},
      {"Transport provided: the bus stops at the Lidl car park, Spalding, 5.15am",
       "the Lidl car park", "Spalding", "", "05:15"},
      {"Minibus departs the Aldi car park, Rushden at 6am", "the Aldi car park", "Rushden", "",
       "06:00"},
      {"Company van goes from Wellingborough bus station at 5am", "Wellingborough bus station",
       "Wellingborough", "", "05:00"},
      // "meet ... at X" or "be at X for <time>" after a transport cue.
      {"Transport provided, meet the driver at Kettering bus station for 5am.",
       "Kettering bus station", "Kettering", "", "05:00"},
      {"Transport from 5am - meet the van at the Lidl car park, Spalding", "the Lidl car park",
       "Spalding", "", "05:00"},
      {"Lifts available, meet your driver outside the Co-op, Boston at 4:30", "outside the Co-op",
       "Boston", "", "04:30"},
      {"Free transport, meet us at Corby train station at 5.30am", "Corby train station", "Corby",
       "", "05:30"},
      {"Transport provided - be at the Tesco car park, Kettering for 5am", "the Tesco car park",
       "Kettering", "", "05:00"},
      {"Minibus provided: meet the minibus opposite the town hall, Daventry",
       "opposite the town hall", "Daventry", "", ""},
      // A time between the vehicle and the cue.
      {"Van pick up 5.30am from Northampton bus station.", "Northampton bus station",
       "Northampton", "", "05:30"},
      // Curly apostrophe and non-breaking space as typed on phones.
      {"Picked up from outside McDonald\xE2\x80\x99s,\xC2\xA0" "Corby", "outside McDonald\xE2\x80\x99s",
       "Corby", "", ""},
  };
  for (const Row& row : kRows) CheckOnePoint(row, Shipped());
}

TEST_CASE("PickupPoints_Times_TwentyFourHourClock", "[pickup_points]") {
  static const struct {
    const char* text;
    const char* time;
  } kRows[] = {
      {"Pick-up from the Tesco car park at 5am", "05:00"},
      {"Pick-up from the Tesco car park at 5.30am", "05:30"},
      {"Pick-up from the Tesco car park at 05:00", "05:00"},
      {"Pick-up from the Tesco car park at 5:45am", "05:45"},
      {"Pick-up from the Tesco car park at 5:45 am", "05:45"},
      {"Pick-up from the Tesco car park at 5 a.m. sharp", "05:00"},
      {"Pick-up from the Tesco car park at 6", "06:00"},
      {"Pick-up from the Tesco car park at 5.30", "05:30"},
      {"Pick-up from the Tesco car park at 6, back by 7pm", "06:00"},
      {"Pick-up from the Tesco car park at 12pm", "12:00"},
      {"Pick-up from the Tesco car park at 12am", "00:00"},
      {"Pick-up from the Tesco car park at 12:30am", "00:30"},
      {"Pick-up from the Tesco car park at 10pm", "22:00"},
      {"Pick-up from the Tesco car park at 0445hrs", "04:45"},
      {"Pick up at 12pm from the Tesco car park", "12:00"},
      {"Pick up at 12am from the Tesco car park", "00:00"},
      {"Pick-up from the Tesco car park", ""},
      // Not times: "at 6 miles", a 13am, a 25:00.
      {"Pick-up from the Tesco car park at 6 miles out", ""},
      {"Pick-up from the Tesco car park at 13am", ""},
      {"Pick-up from the Tesco car park at 25:00", ""},
  };
  for (const auto& row : kRows) {
    INFO(row.text);
    const std::vector<PickupPoint> found = FindPickupPoints(row.text, Shipped());
    REQUIRE(found.size() == 1);
    CHECK(found[0].place == "the Tesco car park");
    CHECK(found[0].time == row.time);
  }
}

TEST_CASE("PickupPoints_NoCueOrNoPlace_NothingFound", "[pickup_points]") {
  static const char* const kRows[] = {
      "Pick up the phone and call 07700 900123",
      "Pick up new skills on the job",
      "Pick up and pack orders in our Corby warehouse",
      "Picking and packing, Corby, 6am starts",
      "Order pickers wanted in Kettering",
      "Parcel collection point at the Tesco car park",
      "Click and collect from the Asda car park",
      "Transport provided",
      "Transport provided. Corby bus station is nearby.",
      "Free parking on site",
      "Close to the bus station",
      "We are 5 minutes from the train station",
      "Own transport essential",
      "Must have own transport from Corby",
      "Must drive, full UK licence",
      "Pick-up truck driver wanted, Corby",
      "Forklift drivers wanted at the Corby retail park",
      "Collection of waste from the Corby retail park",
      "Car park attendant wanted at Kettering railway station",
      "Incall near Corby train station, discreet parking, call 07700 900456",
      "Public transport from Corby bus station is excellent",
      "Transport links from Kettering station",
      "Bus from Corby town centre every 20 minutes",
      "Transport to Kettering",
      "Pick up in March",
      "Pick up your uniform from reception",
      "Pick up the kids from school",
      "Lifts to all floors",
      "Orders can be collected from the Corby store",
      "Pick up from Monday to Friday",
      "Transport provided from day one",
      "Easy pickup of parcels at the Post Office",
      "Pick up some extra shifts at the weekend",
      "Van driver needed from Corby",
      "Pick up from London Road",
      "Pick up from London road",
      "Pickup lines at the bar",
      "Grocery pick up from the Tesco car park",
      "Picked up the award at the Corby town hall",
      "Pick up at reception",
      "Pick up at 5am",
      "Transport: own car essential",
      "Drivers must collect parcels from the depot, email jobs@example.org",
      "Pick up from where you left off",
      "Transport to site provided. Apply to jobs@example.com",
      // "meet" and departure verbs without an employer transport cue, or
      // without a place after them.
      "Meet the team at our Kettering office",
      "the bus leaves from outside the school",
      "Bus leaves Corby bus station at 5am",
      "our driver will meet you",
      "Transport provided, our driver will meet you",
      "Meet the driver requirements: clean licence",
      "Transport provided, meet the driver requirements: clean licence",
      "Transport provided, meet the team at Corby bus station",
      "Transport provided, be at the Tesco car park",
      "Minibus leaves for Kettering bus station at 5am",
      "Transport to site, the van leaves the farm at 5pm",
  };
  for (const char* text : kRows) {
    INFO(text);
    CHECK(FindPickupPoints(text, Shipped()).empty());
  }
}

TEST_CASE("PickupPoints_ListAfterOneCue_OnePointEachInOrder", "[pickup_points]") {
  const std::string text = "Pick-up points: Corby, Kettering and Wellingborough at 5am.";
  const std::vector<PickupPoint> found = FindPickupPoints(text, Shipped());
  static const char* const kTowns[] = {"Corby", "Kettering", "Wellingborough"};
  REQUIRE(found.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO(i);
    CHECK(found[i].place == kTowns[i]);
    CHECK(found[i].town == kTowns[i]);
    CHECK(found[i].time == "05:00");
  }
}

TEST_CASE("PickupPoints_SeveralCues_TextOrderWithSpansAndOffsets", "[pickup_points]") {
  const std::string text =
      "Warehouse work, \xE2\x82\xAC" "10.42/hr. Minibus leaves from the Asda car park at 4:45. "
      "Second shift: pick-up from Kettering bus station at 1pm!";
  const std::vector<PickupPoint> found = FindPickupPoints(text, Shipped());
  REQUIRE(found.size() == 2);
  CHECK(found[0].match == "Minibus leaves from the Asda car park at 4:45");
  CHECK(found[0].time == "04:45");
  CHECK(found[1].match == "pick-up from Kettering bus station at 1pm");
  CHECK(found[1].town == "Kettering");
  CHECK(found[1].time == "13:00");
  for (const PickupPoint& point : found) {
    CHECK(text.substr(point.offset, point.match.size()) == point.match);
  }
  CHECK(found[0].offset < found[1].offset);
}

TEST_CASE("PickupPoints_VehicleOrMeetClause_MatchRunsFromCueToTime", "[pickup_points]") {
  static const struct {
    const char* text;
    const char* match;
  } kRows[] = {
      {"Free transport: the minibus leaves Kettering bus station at 5am.",
       "transport: the minibus leaves Kettering bus station at 5am"},
      {"Transport provided, meet the driver at Kettering bus station for 5am.",
       "Transport provided, meet the driver at Kettering bus station for 5am"},
      {"Van pick up 5.30am from Northampton bus station.",
       "pick up 5.30am from Northampton bus station"},
      {"Good pay. Lifts available, meet your driver outside the Co-op, Boston at 4:30",
       "Lifts available, meet your driver outside the Co-op, Boston at 4:30"},
  };
  for (const auto& row : kRows) {
    INFO(row.text);
    const std::string text = row.text;
    const std::vector<PickupPoint> found = FindPickupPoints(text, Shipped());
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == row.match);
    CHECK(found[0].offset == text.find(row.match));
  }
}

TEST_CASE("PickupPoints_NullGazetteer_LandmarksWithoutTownsAndNoTownAlone", "[pickup_points]") {
  static const Row kRows[] = {
      {"Pick-up from the Tesco car park, Corby, 5am", "the Tesco car park", "", "", "05:00"},
      {"Pickup point: Kettering bus station", "Kettering bus station", "", "", ""},
      {"Pick up from 14 Mill Road, Corby NN17 1AA at 6am", "14 Mill Road", "", "NN17 1AA", "06:00"},
  };
  for (const Row& row : kRows) CheckOnePoint(row, nullptr);
  CHECK(FindPickupPoints("Pick-up in Corby", nullptr).empty());
  CHECK(FindPickupPoints("Transport from Peterborough at 6am", nullptr).empty());
}

}  // namespace
}  // namespace plainsight
