#include "extractors/adult_fields.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

TEST_CASE("AdultFields_Ages_StatedFormsInRangeOnly", "[adult_fields]") {
  static const struct {
    const char* text;
    std::vector<int> ages;
  } kCases[] = {
      {"Age 24, new in town", {24}},
      {"Age: 31", {31}},
      {"aged 22 and friendly", {22}},
      {"Sophie, 24 years old", {24}},
      {"Sweet 25yo for companionship", {25}},
      {"26 y/o, relaxing evenings", {26}},
      {"27 yrs old", {27}},
      {"Hi I'm 23, call me", {23}},
      {"Hi I\xE2\x80\x99m only 21", {21}},  // curly apostrophe
      {"I am 40 and love massage", {40}},
      {"Age 24. I'm 24. 24yo", {24}},  // one age, said three ways
      {"aged 22, friend aged 29", {22, 29}},
      // Decoys.
      {"Available 24/7", {}},
      {"Open 24 hours, I'm 24/7", {}},
      {"I'm 30 minutes from the station", {}},
      {"I'm 10 miles away", {}},
      {"Age 18+ only", {}},
      {"I'm 34 DD", {}},
      {"aged 17", {}},  // outside 18..70
      {"age 85", {}},
      {"call 07700 900123 now", {}},
      {"call 0770090012 yo", {}},  // the tail of a phone number
      {"\xC2\xA3"
       "80 per hour",
       {}},
      {"room 24, page 24", {}},
      {"I'm 245 days sober", {}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(ExtractAdultFields(c.text).ages == c.ages);
  }
}

TEST_CASE("AdultFields_Prices_CurrencyMarkOrHourlyRate", "[adult_fields]") {
  static const struct {
    const char* text;
    std::vector<double> prices;
    std::vector<std::string> matches;
  } kCases[] = {
      {"\xC2\xA3"
       "80 per hour",
       {80},
       {"\xC2\xA3"
        "80 per hour"}},
      {"Rates: \xC2\xA3"
       "80/hr",
       {80},
       {"\xC2\xA3"
        "80/hr"}},
      {"\xC2\xA3"
       "150 2 hours",
       {150},
       {"\xC2\xA3"
        "150 2 hours"}},
      {"80 GBP", {80}, {"80 GBP"}},
      {"GBP 120 overnight", {120}, {"GBP 120 overnight"}},
      {"60 pounds for 30 mins", {60}, {"60 pounds for 30 mins"}},
      {"\xC2\xA3"
       "50 half hour, \xC2\xA3"
       "90 an hour",
       {50, 90},
       {"\xC2\xA3"
        "50 half hour",
        "\xC2\xA3"
        "90 an hour"}},
      {"80ph", {80}, {"80ph"}},
      {"100 per hour", {100}, {"100 per hour"}},
      {"\xC2\xA3"
       "1,200 per night",
       {1200},
       {"\xC2\xA3"
        "1,200 per night"}},
      {"\xC2\xA3"
       "79.50 p/h",
       {79.5},
       {"\xC2\xA3"
        "79.50 p/h"}},
      {"\xC2\xA3"
       "80-100",
       {80},
       {"\xC2\xA3"
        "80"}},  // a range keeps its first amount
      {"\xC2\xA3"
       "80/hr and again \xC2\xA3"
       "80/hr",
       {80},
       {"\xC2\xA3"
        "80/hr"}},
      // Decoys: no currency mark and no hourly rate.
      {"Available 24 hours", {}, {}},
      {"call 07700 900123", {}, {}},
      {"Age 24, 5ft 6", {}, {}},
      {"24/7 outcalls", {}, {}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const AdultFields fields = ExtractAdultFields(c.text);
    CHECK(fields.prices == c.prices);
    CHECK(fields.price_matches == c.matches);
  }
}

TEST_CASE("AdultFields_AgesAndPrices_FromOneAdvert", "[adult_fields]") {
  const AdultFields fields = ExtractAdultFields(
      "New in Northampton! Lily, 23 years old. Relaxing massage and companionship. "
      "\xC2\xA3"
      "70 30 mins, \xC2\xA3"
      "120 per hour. Available 24/7. Call 07700 900456.");
  CHECK(fields.ages == std::vector<int>{23});
  CHECK(fields.prices == std::vector<double>{70, 120});
  CHECK(fields.price_matches == std::vector<std::string>{"\xC2\xA3"
                                                         "70 30 mins",
                                                         "\xC2\xA3"
                                                         "120 per hour"});
}

}  // namespace
}  // namespace plainsight
