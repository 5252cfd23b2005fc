#include "extractors/gazetteer.h"

#include <stdlib.h>  // mkdtemp

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace plainsight {
namespace {

constexpr char kHeader[] = "name\tcounty\tregion\tpostcode_areas\tkind\n";
constexpr char kHeaderWithCoordinates[] = "name\tcounty\tregion\tpostcode_areas\tkind\tlat\tlon\n";

const Gazetteer& Shipped() {
  static const std::shared_ptr<const Gazetteer> gazetteer = [] {
    Result<std::shared_ptr<const Gazetteer>> loaded =
        Gazetteer::Load(PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return *gazetteer;
}

// Great-circle distance in km between two places' centres (haversine, mean
// Earth radius): plenty for checking towns to a few per cent.
double DistanceKm(const Place& a, const Place& b) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double lat1 = *a.lat * kRadians;
  const double lat2 = *b.lat * kRadians;
  const double dlat = lat2 - lat1;
  const double dlon = (*b.lon - *a.lon) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(h));
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  Place a;
  a.lat = lat1;
  a.lon = lon1;
  Place b;
  b.lat = lat2;
  b.lon = lon2;
  return DistanceKm(a, b);
}

// Gazetteer::Parse refuses `tsv` (source "t.tsv") with InvalidArgument and
// exactly `error`.
void CheckParseRefuses(const std::string& tsv, const char* error) {
  INFO(tsv);
  Result<std::shared_ptr<const Gazetteer>> parsed = Gazetteer::Parse(tsv, "t.tsv");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.status().IsInvalidArgument());
  CHECK(parsed.status().message() == error);
}

// "A|B|C" for a list, so a table row can hold the expected places.
std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += "|";
    out += name;
  }
  return out;
}

TEST_CASE("Gazetteer_Parse_ErrorsNameSourceAndLine", "[gazetteer]") {
  static const struct {
    std::string tsv;
    const char* error;
  } kCases[] = {
      {"", "t.tsv: missing header"},
      {"# only a comment\n", "t.tsv: missing header"},
      {"# comment\nname\tcounty\n",
       "t.tsv:2: expected header name, county, region, postcode_areas, kind (tab-separated)"},
      {std::string(kHeader) + "Bath\tSomerset\tSouth West\tBA\n",
       "t.tsv:2: expected 5 tab-separated fields, got 4"},
      {std::string(kHeader) + "Bath\tSomerset\tSouth West\tBA\tvillage\n",
       "t.tsv:2: kind must be city or town, got 'village'"},
      {std::string(kHeader) + "Bath\tSomerset\tSouth West\tB1\tcity\n",
       "t.tsv:2: bad postcode area 'B1'"},
      {std::string(kHeader) + "Bath\tSomerset\tSouth West\t \tcity\n", "t.tsv:2: no postcode area"},
      {std::string(kHeader) +
           "|Hull\tEast Riding of Yorkshire\tYorkshire and the Humber\tHU\tcity\n",
       "t.tsv:2: empty name"},
      {std::string(kHeader) + "Bath\t\tSouth West\tBA\tcity\n", "t.tsv:2: empty county"},
      {std::string(kHeader) + "Bath\tSomerset\t\tBA\tcity\n", "t.tsv:2: empty region"},
      {std::string(kHeader) +
           "Bath\tSomerset\tSouth West\tBA\tcity\nbath\tSomerset\tSouth West\tBA\tcity\n",
       "t.tsv:3: duplicate place 'bath' in Somerset"},
      // Comment and blank lines still count towards line numbers.
      {"# a\n\n" + std::string(kHeader) + "# b\n\nBath\tSomerset\n",
       "t.tsv:6: expected 5 tab-separated fields, got 2"},
  };
  for (const auto& c : kCases) CheckParseRefuses(c.tsv, c.error);
}

TEST_CASE("Gazetteer_Parse_SameNameInTwoCountiesFirstRowWins", "[gazetteer]") {
  const std::string tsv = std::string(kHeader) +
                          "Bangor\tGwynedd\tWales\tLL\tcity\r\n"
                          "Bangor\tCounty Down\tNorthern Ireland\tBT\tcity\r\n";
  Result<std::shared_ptr<const Gazetteer>> parsed = Gazetteer::Parse(tsv, "t.tsv");
  REQUIRE(parsed.ok());
  const Gazetteer& gazetteer = **parsed;
  CHECK(gazetteer.size() == 2);
  const Place* bangor = gazetteer.Find("bangor");
  REQUIRE(bangor != nullptr);
  CHECK(bangor->county == "Gwynedd");
  CHECK(gazetteer.MainPlaceForPostcodeArea("BT") == "Bangor");
}

TEST_CASE("Gazetteer_Load_MissingFileIsIoErrorNamingPath", "[gazetteer]") {
  const std::string path = PLAINSIGHT_SOURCE_DIR "/config/no-such-gazetteer.tsv";
  Result<std::shared_ptr<const Gazetteer>> loaded = Gazetteer::Load(path);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().code() == Status::Code::kIoError);
  CHECK(loaded.status().message().rfind(path + ": cannot read gazetteer", 0) == 0);
}

TEST_CASE("Gazetteer_ShippedFile_HoldsCitiesAndLocalTowns", "[gazetteer]") {
  const Gazetteer& gazetteer = Shipped();
  CHECK(gazetteer.size() >= 400);
  size_t cities = 0;
  for (const Place& place : gazetteer.places()) {
    if (place.kind == "city") ++cities;
  }
  CHECK(cities >= 76);
  static const struct {
    const char* name;
    const char* county;
    const char* first_area;
  } kCases[] = {
      {"Northampton", "Northamptonshire", "NN"},
      {"Kettering", "Northamptonshire", "NN"},
      {"Corby", "Northamptonshire", "NN"},
      {"Wellingborough", "Northamptonshire", "NN"},
      {"Daventry", "Northamptonshire", "NN"},
      {"Rushden", "Northamptonshire", "NN"},
      {"Brackley", "Northamptonshire", "NN"},
      {"Towcester", "Northamptonshire", "NN"},
      {"Raunds", "Northamptonshire", "NN"},
      {"Desborough", "Northamptonshire", "NN"},
      {"Rothwell", "Northamptonshire", "NN"},
      {"Oundle", "Northamptonshire", "PE"},
      {"Higham Ferrers", "Northamptonshire", "NN"},
      {"Irthlingborough", "Northamptonshire", "NN"},
      {"Burton Latimer", "Northamptonshire", "NN"},
      {"Thrapston", "Northamptonshire", "NN"},
      {"Earls Barton", "Northamptonshire", "NN"},
      {"Brixworth", "Northamptonshire", "NN"},
      {"Moulton", "Northamptonshire", "NN"},
      {"London", "Greater London", "E"},
      {"Birmingham", "West Midlands", "B"},
      {"Leicester", "Leicestershire", "LE"},
      {"Milton Keynes", "Buckinghamshire", "MK"},
      {"Bedford", "Bedfordshire", "MK"},
      {"Peterborough", "Cambridgeshire", "PE"},
      {"Cambridge", "Cambridgeshire", "CB"},
      {"Oxford", "Oxfordshire", "OX"},
      {"Coventry", "West Midlands", "CV"},
      {"Lincoln", "Lincolnshire", "LN"},
      {"Oakham", "Rutland", "LE"},
      {"Banbury", "Oxfordshire", "OX"},
      {"Rugby", "Warwickshire", "CV"},
      {"Stamford", "Lincolnshire", "PE"},
      {"Luton", "Bedfordshire", "LU"},
      {"Aylesbury", "Buckinghamshire", "HP"},
      {"Market Harborough", "Leicestershire", "LE"},
      {"Huntingdon", "Cambridgeshire", "PE"},
      {"Wrexham", "Wrexham", "LL"},
      {"Dunfermline", "Fife", "KY"},
      {"Armagh", "County Armagh", "BT"},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    const Place* place = gazetteer.Find(c.name);
    REQUIRE(place != nullptr);
    CHECK(place->name == c.name);
    CHECK(place->county == c.county);
    REQUIRE_FALSE(place->postcode_areas.empty());
    CHECK(place->postcode_areas.front() == c.first_area);
  }
}

TEST_CASE("Gazetteer_Find_IgnoresCaseApostrophesHyphensAndDots", "[gazetteer]") {
  static const struct {
    const char* query;
    const char* name;  // nullptr: not found
  } kCases[] = {
      {"northampton", "Northampton"},
      {"  MILTON KEYNES ", "Milton Keynes"},
      {"Stoke on Trent", "Stoke-on-Trent"},
      {"stoke", "Stoke-on-Trent"},  // other spelling
      {"Hull", "Kingston upon Hull"},
      {"Londonderry", "Derry"},
      {"Kings Lynn", "King's Lynn"},
      {"St. Albans", "St Albans"},
      {"ashby de la zouch", "Ashby-de-la-Zouch"},
      {"Milton", nullptr},
      {"Northamptonshire", nullptr},
      {"", nullptr},
  };
  for (const auto& c : kCases) {
    INFO(c.query);
    const Place* place = Shipped().Find(c.query);
    if (c.name == nullptr) {
      CHECK(place == nullptr);
      continue;
    }
    REQUIRE(place != nullptr);
    CHECK(place->name == c.name);
  }
}

TEST_CASE("Gazetteer_FindPlaces_WholeWordsLongestFirstAnyCase", "[gazetteer]") {
  static const struct {
    const char* text;
    const char* places;  // "A|B", in order of first occurrence
  } kCases[] = {
      {"Visiting Milton Keynes this week", "Milton Keynes"},
      {"new in NORTHAMPTON town centre", "Northampton"},
      {"kettering, corby and wellingborough", "Kettering|Corby|Wellingborough"},
      {"Corby today, corby tomorrow, then Kettering", "Corby|Kettering"},
      {"Stoke on Trent or stoke-on-trent", "Stoke-on-Trent"},
      {"Newcastle upon Tyne and Newcastle-under-Lyme", "Newcastle upon Tyne|Newcastle-under-Lyme"},
      {"Ashby de la Zouch", "Ashby-de-la-Zouch"},
      {"Brighton and Hove, or just Brighton", "Brighton and Hove|Brighton"},
      {"Kings Lynn and King\xE2\x80\x99s Lynn", "King's Lynn"},
      {"St. Albans", "St Albans"},
      {"Northampton's finest", "Northampton"},
      {"Corby\xE2\x80\x99s best", "Corby"},
      {"\xE2\x80\x98Kettering\xE2\x80\x99 \xC2\xAB"
       "Daventry\xC2\xBB",
       "Kettering|Daventry"},
      {"\xE2\x80\xA2 Towcester \xE2\x80\x94 Brackley", "Towcester|Brackley"},
      {"Caf\xC3\xA9 Oundle", "Oundle"},
      {"(Leicester)", "Leicester"},
      {"Leicester/Nottingham", "Leicester|Nottingham"},
      {"\"Oxford\" - 2 miles", "Oxford"},
      {"Bedford\xC2\xA0town", "Bedford"},  // no-break space
      {"all over Bedfordshire and Northamptonshire", ""},
      {"Corbyn", ""},
      {"Milton\nKeynes", ""},  // a line break splits a name
      {"Milton, Keynes", ""},
      {"flat on London Road, Kettering", "Kettering"},  // a street, not the city
      {"shopping on Oxford Street", ""},
      {"Leicester Square", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(Joined(Shipped().FindPlaces(c.text)) == c.places);
  }
}

TEST_CASE("Gazetteer_FindPlaces_CommonWordNamesNeedCapitalAndContext", "[gazetteer]") {
  static const struct {
    const char* text;
    const char* places;
  } kCases[] = {
      {"Based in Bath, near Bristol", "Bath|Bristol"},
      {"a relaxing bath and massage", ""},
      {"Bath and shower available", ""},  // sentence-initial
      {"Reading is my hobby", ""},
      {"I love reading", ""},
      {"Now visiting Reading and Slough", "Reading|Slough"},
      {"NEW IN READING", ""},  // all capitals says nothing
      {"Outcalls to Sandy and Bedford", "Sandy|Bedford"},
      {"Hi, I'm Sandy", ""},
      {"my name is Leigh", ""},
      {"on the High Street", ""},
      {"off Bath Road", ""},
      {"tickets for the Reading Festival", ""},
      {"near Derby County ground", ""},
      {"Available from March 2025", ""},
      {"back in March", ""},
      {"5th March", ""},
      {"just outside March, Cambridgeshire", "March"},
      {"Items on Sale", ""},
      {"a great Deal", ""},
      {"Visiting Wells. Then Deal!", "Wells"},  // "Then Deal": capitalised neighbour
      {"Nr. Bath", "Bath"},                     // an abbreviation's dot does not end a sentence
      {"in Leeds. Bath next week", "Leeds"},
      {"Royal Tunbridge Wells", "Royal Tunbridge Wells"},
      {"Tunbridge Wells", "Royal Tunbridge Wells"},
      {"ships in Hull", "Kingston upon Hull"},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(Joined(Shipped().FindPlaces(c.text)) == c.places);
  }
}

TEST_CASE("Gazetteer_FindPlacesInLocation_CommonWordsNeedNoContext", "[gazetteer]") {
  static const struct {
    const char* field;
    const char* places;
  } kCases[] = {
      {"reading, berkshire", "Reading"},
      {"Bath", "Bath"},
      {"March / Wisbech", "March|Wisbech"},
      {"London Road", ""},
      {"somewhere", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.field);
    CHECK(Joined(Shipped().FindPlacesInLocation(c.field)) == c.places);
  }
}

TEST_CASE("Gazetteer_MainPlaceForPostcodeArea_FirstRowListingTheArea", "[gazetteer]") {
  static const struct {
    const char* area;
    const char* place;
  } kCases[] = {
      {"NN", "Northampton"},
      {"nn", "Northampton"},
      {"MK", "Milton Keynes"},
      {"PE", "Peterborough"},
      {"LE", "Leicester"},
      {"CV", "Coventry"},
      {"LU", "Luton"},
      {"OX", "Oxford"},
      {"SW", "London"},
      {"BT", "Belfast"},
      {"HP", "Hemel Hempstead"},
      {"WS", "Walsall"},
      {"LN", "Lincoln"},
      {"CB", "Cambridge"},
      {"XX", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.area);
    CHECK(Shipped().MainPlaceForPostcodeArea(c.area) == c.place);
  }
}

TEST_CASE("TownsForAdvert_LocationThenTextThenPostcodeAreas", "[gazetteer]") {
  static const struct {
    const char* location;
    const char* text;
    std::vector<std::string> postcodes;
    const char* towns;
  } kCases[] = {
      {"kettering",
       "Also visiting Corby and Kettering",
       {"NN1 1AA", "NN17 1AA", "MK40 1AA"},
       "Kettering|Corby|Northampton|Milton Keynes"},
      {"Reading, Berkshire", "", {}, "Reading"},
      {"Little Houghton ", "Near Northampton", {}, "Little Houghton|Northampton"},  // unknown: kept
      {"   ", "Rushden", {"NN10 0AA"}, "Rushden|Northampton"},
      {"", "", {"XX1 1AA", "garbage"}, ""},
      {"", "", {}, ""},
      {"Hull", "", {"HU1 1AA"}, "Kingston upon Hull"},
  };
  for (const auto& c : kCases) {
    INFO(c.location << " / " << c.text);
    CHECK(Joined(TownsForAdvert(Shipped(), c.location, c.text, c.postcodes)) == c.towns);
  }
}

TEST_CASE("Gazetteer_ShippedFile_EveryPlaceHasCoordinatesInsideTheUkBox", "[gazetteer]") {
  const Gazetteer& gazetteer = Shipped();
  REQUIRE(gazetteer.size() >= 900);
  for (const Place& place : gazetteer.places()) {
    INFO(place.name << ", " << place.county);
    REQUIRE(place.lat.has_value());
    REQUIRE(place.lon.has_value());
    CHECK(*place.lat >= 49.8);
    CHECK(*place.lat <= 60.95);
    CHECK(*place.lon >= -8.7);
    CHECK(*place.lon <= 1.8);
  }
}

// Generous boxes around each ONS region of England and each other nation,
// drawn from the map rather than from the file, so a swapped or mistyped
// coordinate lands outside its own region's box.
TEST_CASE("Gazetteer_ShippedFile_EveryPlaceLiesInItsRegionBox", "[gazetteer]") {
  struct Box {
    double min_lat, max_lat, min_lon, max_lon;
  };
  static const std::map<std::string, Box> kRegions = {
      {"North East", {54.4, 55.85, -2.7, -0.7}},
      {"North West", {52.9, 55.2, -3.7, -1.9}},
      {"Yorkshire and the Humber", {53.25, 54.6, -2.6, 0.2}},
      {"East Midlands", {51.95, 53.65, -2.05, 0.4}},
      {"West Midlands", {51.8, 53.25, -3.25, -1.15}},
      {"East of England", {51.45, 53.0, -0.75, 1.8}},
      {"London", {51.28, 51.7, -0.52, 0.34}},
      {"South East", {50.55, 52.2, -1.97, 1.5}},
      {"South West", {49.85, 52.15, -6.5, -1.45}},
      {"Wales", {51.35, 53.45, -5.4, -2.6}},
      {"Scotland", {54.6, 60.95, -8.7, -0.7}},
      {"Northern Ireland", {54.0, 55.35, -8.2, -5.4}},
  };
  for (const Place& place : Shipped().places()) {
    INFO(place.name << ", " << place.county << ", " << place.region << ": " << *place.lat << ", "
                    << *place.lon);
    const auto region = kRegions.find(place.region);
    REQUIRE(region != kRegions.end());
    const Box& box = region->second;
    CHECK(*place.lat >= box.min_lat);
    CHECK(*place.lat <= box.max_lat);
    CHECK(*place.lon >= box.min_lon);
    CHECK(*place.lon <= box.max_lon);
  }
}

TEST_CASE("Gazetteer_ShippedFile_KnownDistancesWithinTenPercent", "[gazetteer]") {
  static const struct {
    const char* from;
    const char* to;
    double km;  // straight line, centre to centre
  } kCases[] = {
      {"London", "Manchester", 262}, {"Edinburgh", "Glasgow", 67},     {"Cardiff", "Bristol", 40},
      {"Belfast", "Derry", 95},      {"Northampton", "Kettering", 21}, {"Norwich", "Ipswich", 65},
      {"Plymouth", "Exeter", 59},
  };
  for (const auto& c : kCases) {
    INFO(c.from << " - " << c.to);
    const Place* from = Shipped().Find(c.from);
    const Place* to = Shipped().Find(c.to);
    REQUIRE(from != nullptr);
    REQUIRE(to != nullptr);
    REQUIRE(from->lat.has_value());
    REQUIRE(to->lat.has_value());
    CHECK(DistanceKm(*from, *to) == Approx(c.km).epsilon(0.10));
  }
}

// Towns spread over the country, each against its centre as independently
// recalled (2 decimals): the file must agree to within 3 km.
TEST_CASE("Gazetteer_ShippedFile_SampleTownsWithinThreeKmOfKnownCentres", "[gazetteer]") {
  static const struct {
    const char* name;
    double lat, lon;
  } kCases[] = {
      {"London", 51.51, -0.13},    {"Birmingham", 52.48, -1.90},  {"Manchester", 53.48, -2.24},
      {"Leeds", 53.80, -1.55},     {"Liverpool", 53.41, -2.99},   {"Newcastle", 54.97, -1.61},
      {"Sheffield", 53.38, -1.47}, {"Bristol", 51.45, -2.59},     {"Nottingham", 52.95, -1.15},
      {"Leicester", 52.64, -1.13}, {"Southampton", 50.90, -1.40}, {"Norwich", 52.63, 1.30},
      {"Cambridge", 52.21, 0.12},  {"Oxford", 51.75, -1.26},      {"York", 53.96, -1.08},
      {"Plymouth", 50.37, -4.14},  {"Penzance", 50.12, -5.54},    {"Dover", 51.13, 1.31},
      {"Carlisle", 54.89, -2.93},  {"Northampton", 52.24, -0.89}, {"Cardiff", 51.48, -3.18},
      {"Swansea", 51.62, -3.94},   {"Aberystwyth", 52.41, -4.08}, {"Edinburgh", 55.95, -3.19},
      {"Glasgow", 55.86, -4.25},   {"Aberdeen", 57.15, -2.09},    {"Inverness", 57.48, -4.22},
      {"Lerwick", 60.15, -1.15},   {"Belfast", 54.60, -5.93},     {"Enniskillen", 54.34, -7.64},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    const Place* place = Shipped().Find(c.name);
    REQUIRE(place != nullptr);
    REQUIRE(place->lat.has_value());
    CHECK(DistanceKm(*place->lat, *place->lon, c.lat, c.lon) < 3.0);
  }
}

TEST_CASE("Gazetteer_Find_EveryCanonicalNameFindsAPlaceOfThatName", "[gazetteer]") {
  // The places export looks a town's centre up by the canonical name that
  // FindPlaces and TownsForAdvert return.
  for (const Place& place : Shipped().places()) {
    INFO(place.name);
    const Place* found = Shipped().Find(place.name);
    REQUIRE(found != nullptr);
    CHECK(found->name == place.name);
    CHECK(found->lat.has_value());
  }
}

TEST_CASE("Gazetteer_Parse_WithoutCoordinateColumnsCoordinatesAreUnknown", "[gazetteer]") {
  const std::string tsv = std::string(kHeader) + "Bath\tSomerset\tSouth West\tBA\tcity\n";
  Result<std::shared_ptr<const Gazetteer>> parsed = Gazetteer::Parse(tsv, "t.tsv");
  REQUIRE(parsed.ok());
  const Place* bath = (*parsed)->Find("Bath");
  REQUIRE(bath != nullptr);
  CHECK_FALSE(bath->lat.has_value());
  CHECK_FALSE(bath->lon.has_value());
}

TEST_CASE("Gazetteer_Parse_CoordinateColumnsFoundByNameEitherOrder", "[gazetteer]") {
  static const struct {
    std::string tsv;
    bool known;
    double lat, lon;
  } kCases[] = {
      {std::string(kHeaderWithCoordinates) +
           "Bath\tSomerset\tSouth West\tBA\tcity\t51.381\t-2.359\n",
       true, 51.381, -2.359},
      {"name\tcounty\tregion\tpostcode_areas\tkind\tlon\tlat\n"
       "Bath\tSomerset\tSouth West\tBA\tcity\t-2.359\t51.381\r\n",
       true, 51.381, -2.359},
      {std::string(kHeaderWithCoordinates) + "Bath\tSomerset\tSouth West\tBA\tcity\t 51 \t 1\n",
       true, 51.0, 1.0},
      // Both blank: a row whose centre nobody has looked up yet.
      {std::string(kHeaderWithCoordinates) + "Bath\tSomerset\tSouth West\tBA\tcity\t\t\n", false, 0,
       0},
      // The box's edges are inside it.
      {std::string(kHeaderWithCoordinates) +
           "Unst\tShetland Islands\tScotland\tZE\ttown\t60.95\t1.8\n",
       true, 60.95, 1.8},
      {std::string(kHeaderWithCoordinates) + "Scilly\tCornwall\tSouth West\tTR\ttown\t49.8\t-8.7\n",
       true, 49.8, -8.7},
  };
  for (const auto& c : kCases) {
    INFO(c.tsv);
    Result<std::shared_ptr<const Gazetteer>> parsed = Gazetteer::Parse(c.tsv, "t.tsv");
    REQUIRE(parsed.ok());
    REQUIRE((*parsed)->size() == 1);
    const Place& place = (*parsed)->places().front();
    REQUIRE(place.lat.has_value() == c.known);
    REQUIRE(place.lon.has_value() == c.known);
    if (!c.known) continue;
    CHECK(*place.lat == Approx(c.lat));
    CHECK(*place.lon == Approx(c.lon));
  }
}

TEST_CASE("Gazetteer_Parse_BadCoordinatesErrorNamingSourceAndLine", "[gazetteer]") {
  const std::string bath = "Bath\tSomerset\tSouth West\tBA\tcity\t";
  const struct {
    std::string tsv;
    const char* error;
  } kCases[] = {
      {kHeaderWithCoordinates + bath + "51.3x1\t-2.359\n",
       "t.tsv:2: lat is not a decimal number: '51.3x1'"},
      {kHeaderWithCoordinates + bath + "51.381\t-2,359\n",
       "t.tsv:2: lon is not a decimal number: '-2,359'"},
      {kHeaderWithCoordinates + bath + "5.1e1\t-2.359\n",
       "t.tsv:2: lat is not a decimal number: '5.1e1'"},
      {kHeaderWithCoordinates + bath + "nan\t-2.359\n",
       "t.tsv:2: lat is not a decimal number: 'nan'"},
      {kHeaderWithCoordinates + bath + "+51.381\t-2.359\n",
       "t.tsv:2: lat is not a decimal number: '+51.381'"},
      {kHeaderWithCoordinates + bath + "51.\t-2.359\n",
       "t.tsv:2: lat is not a decimal number: '51.'"},
      {kHeaderWithCoordinates + bath + "-\t-2.359\n", "t.tsv:2: lat is not a decimal number: '-'"},
      // Outside the UK and Ireland box, or a swapped pair.
      {kHeaderWithCoordinates + bath + "48.857\t2.352\n",
       "t.tsv:2: lat 48.857 is outside the UK and Ireland (49.800..60.950)"},
      {kHeaderWithCoordinates + bath + "51.381\t2.359\n",
       "t.tsv:2: lon 2.359 is outside the UK and Ireland (-8.700..1.800)"},
      {kHeaderWithCoordinates + bath + "-2.359\t51.381\n",
       "t.tsv:2: lat -2.359 is outside the UK and Ireland (49.800..60.950)"},
      {kHeaderWithCoordinates + bath + "53.35\t-9.5\n",
       "t.tsv:2: lon -9.500 is outside the UK and Ireland (-8.700..1.800)"},
      {kHeaderWithCoordinates + bath + "61\t-1\n",
       "t.tsv:2: lat 61.000 is outside the UK and Ireland (49.800..60.950)"},
      {kHeaderWithCoordinates + bath + "51.381\t\n",
       "t.tsv:2: lat and lon must both be given or both be empty"},
      {std::string(kHeaderWithCoordinates) + "Bath\tSomerset\tSouth West\tBA\tcity\n",
       "t.tsv:2: expected 7 tab-separated fields, got 5"},
      {"# c\n" + std::string(kHeaderWithCoordinates) + bath + "51.381\t-2.359\n# d\n" + bath +
           "91\t-2.359\n",
       "t.tsv:5: lat 91.000 is outside the UK and Ireland (49.800..60.950)"},
      // Header: both columns or neither, and no others.
      {"name\tcounty\tregion\tpostcode_areas\tkind\tlat\n" + bath + "51.381\n",
       "t.tsv:1: header needs both lat and lon, or neither"},
      {"name\tcounty\tregion\tpostcode_areas\tkind\tlatitude\tlongitude\n" + bath +
           "51.381\t-2.359\n",
       "t.tsv:1: unknown column 'latitude' (after kind only lat and lon)"},
      {"name\tcounty\tregion\tpostcode_areas\tkind\tlat\tlat\n" + bath + "51.381\t51.381\n",
       "t.tsv:1: column 'lat' twice"},
      {"name\tcounty\tregion\tpostcode_areas\tkindlat\tlon\n",
       "t.tsv:1: expected header name, county, region, postcode_areas, kind (tab-separated)"},
      {"name\tcounty\tregion\tpostcode_areas\tkind\t\n",
       "t.tsv:1: unknown column '' (after kind only lat and lon)"},
  };
  for (const auto& c : kCases) CheckParseRefuses(c.tsv, c.error);
}

TEST_CASE("Gazetteer_Load_BadCoordinateErrorNamesPathAndLine", "[gazetteer]") {
  static const struct {
    const char* row_coordinates;
    const char* error_after_path;
  } kCases[] = {
      {"51.38.1\t-2.359", ":3: lat is not a decimal number: '51.38.1'"},
      {"51.381\t12.359", ":3: lon 12.359 is outside the UK and Ireland (-8.700..1.800)"},
  };
  std::string dir_template =
      (std::filesystem::temp_directory_path() / "plainsight-gazetteer-XXXXXX").string();
  REQUIRE(::mkdtemp(dir_template.data()) != nullptr);
  const std::string path = dir_template + "/gazetteer.tsv";
  for (const auto& c : kCases) {
    INFO(c.row_coordinates);
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << "# places\n"
          << kHeaderWithCoordinates << "Bath\tSomerset\tSouth West\tBA\tcity\t" << c.row_coordinates
          << "\n";
    }
    Result<std::shared_ptr<const Gazetteer>> loaded = Gazetteer::Load(path);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().IsInvalidArgument());
    CHECK(loaded.status().message() == path + c.error_after_path);
  }
  std::filesystem::remove_all(dir_template);
}

}  // namespace
}  // namespace plainsight
