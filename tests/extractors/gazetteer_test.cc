#include "extractors/gazetteer.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

namespace plainsight {
namespace {

constexpr char kHeader[] = "name\tcounty\tregion\tpostcode_areas\tkind\n";

const Gazetteer& Shipped() {
  static const std::shared_ptr<const Gazetteer> gazetteer = [] {
    Result<std::shared_ptr<const Gazetteer>> loaded =
        Gazetteer::Load(PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return *gazetteer;
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
  for (const auto& c : kCases) {
    INFO(c.tsv);
    Result<std::shared_ptr<const Gazetteer>> parsed = Gazetteer::Parse(c.tsv, "t.tsv");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().IsInvalidArgument());
    CHECK(parsed.status().message() == c.error);
  }
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

}  // namespace
}  // namespace plainsight
