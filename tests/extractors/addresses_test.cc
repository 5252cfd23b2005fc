#include "extractors/addresses.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

TEST_CASE("Addresses_NumberNameSuffix_SuffixExpanded", "[addresses]") {
  static const struct {
    const char* text;
    const char* address;  // nullptr: none
  } kCases[] = {
      {"Visit 14 Mill Road today", "14 MILL ROAD"},
      {"14 Mill Rd", "14 MILL ROAD"},
      {"14 Mill Rd.", "14 MILL ROAD"},
      {"3a Station St", "3A STATION STREET"},
      {"221B BAKER STREET", "221B BAKER STREET"},
      {"7 Church Lane", "7 CHURCH LANE"},
      {"12 Queens Ave", "12 QUEENS AVENUE"},
      {"5 Orchard Cl", "5 ORCHARD CLOSE"},
      {"40 Meadow Dr", "40 MEADOW DRIVE"},
      {"9 Kings Way", "9 KINGS WAY"},
      {"2 Abbey Ct", "2 ABBEY COURT"},
      {"18 Park Crescent", "18 PARK CRESCENT"},
      {"1 Market Pl", "1 MARKET PLACE"},
      {"6 Albion Terrace", "6 ALBION TERRACE"},
      {"33 Beech Grove", "33 BEECH GROVE"},
      {"10 Rose Gdns", "10 ROSE GARDENS"},
      {"4 Victoria Park", "4 VICTORIA PARK"},
      {"8 Market Sq", "8 MARKET SQUARE"},
      {"11 Castle Hill", "11 CASTLE HILL"},
      {"27 Cheyne Row", "27 CHEYNE ROW"},
      {"3 Canal Walk", "3 CANAL WALK"},
      {"15 Stable Mews", "15 STABLE MEWS"},
      {"14 St Mary's Road", "14 ST MARY'S ROAD"},
      {"120 Upper Lower Middle Road", "120 UPPER LOWER MIDDLE ROAD"},
      {"14, Mill road", "14 MILL ROAD"},
      {"a 5 minute walk from the station", nullptr},
      {"a 5 Minute Walk from town", nullptr},
      {"3 days a week", nullptr},
      {"2 Bed Close to town", nullptr},
      {"14 mill road", nullptr},  // lower-case name reads as prose
      {"Job ID 445566 Park", nullptr},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<AddressMatch> found = FindStreetAddresses(c.text);
    if (c.address == nullptr) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].address == c.address);
  }
}

TEST_CASE("Addresses_Matches_OriginalSpanAndOffset", "[addresses]") {
  const std::string text = "Rooms at 14 Mill Rd. and 2 Abbey Court, Northampton";
  const std::vector<AddressMatch> found = FindStreetAddresses(text);
  static const struct {
    const char* address;
    const char* match;
  } kExpected[] = {{"14 MILL ROAD", "14 Mill Rd."}, {"2 ABBEY COURT", "2 Abbey Court"}};
  REQUIRE(found.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    INFO(i);
    CHECK(found[i].address == kExpected[i].address);
    CHECK(found[i].match == kExpected[i].match);
    CHECK(text.substr(found[i].offset, found[i].match.size()) == found[i].match);
  }
}

}  // namespace
}  // namespace plainsight
