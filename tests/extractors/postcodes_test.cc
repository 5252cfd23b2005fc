#include "extractors/postcodes.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

TEST_CASE("Postcodes_AllUkShapes_AnyCaseAnySpacing", "[postcodes]") {
  static const struct {
    const char* text;
    const char* postcode;  // nullptr: none
  } kCases[] = {
      {"Based in NN1 1AA today", "NN1 1AA"},  // AA9 9AA
      {"B1 1AA", "B1 1AA"},                   // A9 9AA
      {"M60 1NW", "M60 1NW"},                 // A99 9AA
      {"W1A 0AX", "W1A 0AX"},                 // A9A 9AA
      {"CR2 6XH", "CR2 6XH"},                 // AA9 9AA
      {"DN55 1PT", "DN55 1PT"},               // AA99 9AA
      {"EC1A 1BB", "EC1A 1BB"},               // AA9A 9AA
      {"GIR 0AA", "GIR 0AA"},
      {"nn11aa", "NN1 1AA"},
      {"Nn4 7pa", "NN4 7PA"},
      {"sw1a1aa", "SW1A 1AA"},
      {"(NN4 7PA)", "NN4 7PA"},
      {"Northampton,NN1 1AA.", "NN1 1AA"},
      {"\xEF\xBC\xAE\xEF\xBC\xAE"
       "1 1AA",
       "NN1 1AA"},                        // fullwidth NN
      {"XX1 1AA", nullptr},               // no such area
      {"QA1 1AA", nullptr},               // Q never starts an area
      {"NN1 1CA", nullptr},               // C is not used in the inward code
      {"NN1 1AAB", nullptr},              // runs on into a word
      {"ANN1 1AA", nullptr},              // starts inside a word
      {"NN123 1AA", nullptr},             // too many digits
      {"model A4 2ND edition", nullptr},  // A is not an area
      {"size 10, 5ft 6, 34C", nullptr},
      {"Ref AB12345", nullptr},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<PostcodeMatch> found = FindPostcodes(c.text);
    if (c.postcode == nullptr) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].postcode == c.postcode);
  }
}

TEST_CASE("Postcodes_Matches_OriginalSpanAndEveryOccurrence", "[postcodes]") {
  const std::string text = "From nn1 1aa to NN4 7PA and back to NN1 1AA";
  const std::vector<PostcodeMatch> found = FindPostcodes(text);
  static const struct {
    const char* postcode;
    const char* match;
    size_t offset;
  } kExpected[] = {
      {"NN1 1AA", "nn1 1aa", 5}, {"NN4 7PA", "NN4 7PA", 16}, {"NN1 1AA", "NN1 1AA", 36}};
  REQUIRE(found.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO(i);
    CHECK(found[i].postcode == kExpected[i].postcode);
    CHECK(found[i].match == kExpected[i].match);
    CHECK(found[i].offset == kExpected[i].offset);
  }
}

TEST_CASE("Postcodes_Area_LeadingLetters", "[postcodes]") {
  static const struct {
    const char* postcode;
    const char* area;
  } kCases[] = {
      {"NN1 1AA", "NN"},  {"B1 1AA", "B"}, {"EC1A 1BB", "EC"},
      {"sw1a 1aa", "SW"}, {"", ""},        {"1AA", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.postcode);
    CHECK(PostcodeArea(c.postcode) == c.area);
  }
}

}  // namespace
}  // namespace plainsight
