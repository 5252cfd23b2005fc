#include "extractors/pay.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace plainsight {
namespace {

constexpr double kNone = -1;  // no value expected (hours/hourly are null)

struct PayCase {
  const char* text;
  double amount;
  double amount_low;
  const char* per;
  double hours;
  double hourly;
};

void CheckOptional(const std::optional<double>& got, double want) {
  if (want == kNone) {
    CHECK_FALSE(got.has_value());
  } else {
    REQUIRE(got.has_value());
    CHECK(*got == Approx(want).epsilon(0.001));
  }
}

void CheckCases(const PayCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const PayCase& c = cases[i];
    INFO("case " << i << ": " << c.text);
    const std::vector<PayMatch> found = FindPay(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount == Approx(c.amount));
    CHECK(found[0].amount_low == Approx(c.amount_low));
    CHECK(found[0].per == c.per);
    CheckOptional(found[0].hours, c.hours);
    CheckOptional(found[0].hourly, c.hourly);
  }
}

TEST_CASE("Pay_Units_EveryWayOfWritingThePeriod", "[pay]") {
  static const PayCase kCases[] = {
      {"\xC2\xA3"
       "10.50 per hour",
       10.5, 10.5, "hour", 1, 10.5},
      {"\xC2\xA3"
       "9 p/h",
       9, 9, "hour", 1, 9},
      {"\xC2\xA3"
       "9ph",
       9, 9, "hour", 1, 9},
      {"\xC2\xA3"
       "9 an hour",
       9, 9, "hour", 1, 9},
      {"\xC2\xA3"
       "9 hourly",
       9, 9, "hour", 1, 9},
      {"\xC2\xA3"
       "9/hr",
       9, 9, "hour", 1, 9},
      {"\xC2\xA3"
       "80 per day",
       80, 80, "day", kNone, kNone},
      {"\xC2\xA3"
       "80 a day",
       80, 80, "day", kNone, kNone},
      {"\xC2\xA3"
       "80 daily",
       80, 80, "day", kNone, kNone},
      {"\xC2\xA3"
       "100 per shift",
       100, 100, "shift", kNone, kNone},
      {"\xC2\xA3"
       "300 per week",
       300, 300, "week", kNone, kNone},
      {"\xC2\xA3"
       "300pw",
       300, 300, "week", kNone, kNone},
      {"\xC2\xA3"
       "300 a week",
       300, 300, "week", kNone, kNone},
      {"\xC2\xA3"
       "300 weekly",
       300, 300, "week", kNone, kNone},
      {"\xC2\xA3"
       "1,200 per month",
       1200, 1200, "month", kNone, kNone},
      {"\xC2\xA3"
       "1200 pcm",
       1200, 1200, "month", kNone, kNone},
      {"\xC2\xA3"
       "24,000 per year",
       24000, 24000, "year", kNone, kNone},
      {"\xC2\xA3"
       "24,000 pa",
       24000, 24000, "year", kNone, kNone},
      {"\xC2\xA3"
       "24,000 p.a.",
       24000, 24000, "year", kNone, kNone},
      {"\xC2\xA3"
       "24000 per annum",
       24000, 24000, "year", kNone, kNone},
      {"\xC2\xA3"
       "24000 a year",
       24000, 24000, "year", kNone, kNone},
      {"Salary \xC2\xA3"
       "25k",
       25000, 25000, "year", kNone, kNone},
      {"GBP 300 per week", 300, 300, "week", kNone, kNone},
      {"300 pounds a week", 300, 300, "week", kNone, kNone},
      {"Hourly rate of \xC2\xA3"
       "12.50",
       12.5, 12.5, "hour", 1, 12.5},
      {"Weekly pay: \xC2\xA3"
       "350",
       350, 350, "week", kNone, kNone},
      {"\xC2\xA3"
       "300 for 6 days",
       300, 300, "total", kNone, kNone},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Pay_Ranges_UpperBoundIsAmount", "[pay]") {
  static const PayCase kCases[] = {
      {"\xC2\xA3"
       "8\xE2\x80\x93\xC2\xA3"
       "10 per hour",
       10, 8, "hour", 1, 10},
      {"\xC2\xA3"
       "8-10ph",
       10, 8, "hour", 1, 10},
      {"\xC2\xA3"
       "8 to \xC2\xA3"
       "10 an hour",
       10, 8, "hour", 1, 10},
      {"\xC2\xA3"
       "25k-\xC2\xA3"
       "30k per annum",
       30000, 25000, "year", kNone, kNone},
      {"\xC2\xA3"
       "25-30k",
       30000, 25000, "year", kNone, kNone},
      {"\xC2\xA3"
       "22,000 - \xC2\xA3"
       "26,000",
       26000, 22000, "year", kNone, kNone},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Pay_Hours_StatedOrDerived_GiveHourly", "[pay]") {
  static const PayCase kCases[] = {
      {"\xC2\xA3"
       "300 a week, 48 hours",
       300, 300, "week", 48, 6.25},
      {"Work 48 hours per week for \xC2\xA3"
       "300 weekly",
       300, 300, "week", 48, 6.25},
      {"\xC2\xA3"
       "300 for 6 days x 10 hours",
       300, 300, "total", 60, 5},
      {"\xC2\xA3"
       "300 per week, 6 days x 10 hours",
       300, 300, "week", 60, 5},
      {"\xC2\xA3"
       "300 per week, 10 hours a day, 6 days a week",
       300, 300, "week", 60, 5},
      {"\xC2\xA3"
       "100 per shift, 12-hour shifts",
       100, 100, "shift", 12, 8.3333},
      {"\xC2\xA3"
       "80 per day, 8am to 8pm",
       80, 80, "day", 12, 6.6667},
      {"\xC2\xA3"
       "80 a day (9am-5pm)",
       80, 80, "day", 8, 10},
      {"\xC2\xA3"
       "400 per week, Mon-Sat 8am to 6pm",
       400, 400, "week", 60, 6.6667},
      {"\xC2\xA3"
       "400 per week, 08:00-20:00, 5 days",
       400, 400, "week", 60, 6.6667},
      {"\xC2\xA3"
       "1,300 per month, 40 hours per week",
       1300, 1300, "month", 173.333, 7.5},
      {"\xC2\xA3"
       "20,800 per annum, 40 hours",
       20800, 20800, "year", 2080, 10},
      {"\xC2\xA3"
       "300 for 48 hours",
       300, 300, "total", 48, 6.25},
      {"\xC2\xA3"
       "50 for 5 hours work",
       50, 50, "total", 5, 10},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Pay_Decoys_NoPayFromOtherNumbers", "[pay]") {
  static const char* const kTexts[] = {
      "Ref: 12345678",
      "Job ID 445566, start 12/03/2026",
      "Shifts 6am-2pm, 5 days per week, 40 hours",
      "Registration fee \xC2\xA3"
      "50",  // a fee, not pay
      "Uniform deposit \xC2\xA3"
      "25 refundable",
      "Age 28, size 10, 5ft 6",
      "Call 07700 900123",
      "Rooms from 300",  // no currency mark
  };
  for (const char* text : kTexts) {
    INFO(text);
    CHECK(FindPay(text).empty());
  }
}

TEST_CASE("Pay_Matches_SpanIncludesHoursWording", "[pay]") {
  static const struct {
    const char* text;
    const char* match;
    size_t offset;
  } kCases[] = {
      {"Pay: \xC2\xA3"
       "300 a week, 48 hours. Apply now",
       "\xC2\xA3"
       "300 a week, 48 hours",
       5},
      {"Earn \xC2\xA3"
       "9ph",
       "\xC2\xA3"
       "9ph",
       5},
      {"Work 48 hours per week for \xC2\xA3"
       "300 weekly",
       "48 hours per week for \xC2\xA3"
       "300 weekly",
       5},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<PayMatch> found = FindPay(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == c.match);
    CHECK(found[0].offset == c.offset);
  }
}

TEST_CASE("Pay_SeveralAmounts_HoursStayWithTheirOwnLine", "[pay]") {
  const std::string text =
      "Day shift \xC2\xA3"
      "80 per day, 8am to 8pm.\n"
      "Night shift \xC2\xA3"
      "100 per shift.\n"
      "Or \xC2\xA3"
      "10.50 per hour";
  const std::vector<PayMatch> found = FindPay(text);
  static const struct {
    const char* per;
    double amount;
    double hourly;
  } kExpected[] = {{"day", 80, 6.6667}, {"shift", 100, kNone}, {"hour", 10.5, 10.5}};
  REQUIRE(found.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO(i);
    CHECK(found[i].per == kExpected[i].per);
    CHECK(found[i].amount == Approx(kExpected[i].amount));
    CheckOptional(found[i].hourly, kExpected[i].hourly);
  }
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

TEST_CASE("Pay_NeutralAdverts_OnlyTheStatedPay", "[pay]") {
  static const struct {
    const char* text;
    std::vector<std::string> pers;
  } kCases[] = {
      {"Warehouse operative, Job ID 445566. Ref: 12345678. Start 12/03/2026.\n"
       "Shifts 6am-2pm or 2pm-10pm, 5 days per week. \xC2\xA3"
       "11.44 per hour.\n"
       "Apply by 31/03/2026. Site postcode NN4 7PA. Call 01632 960123.",
       {"hour"}},
      {"Relaxing evenings and companionship. Age 28, size 10. Available 10:00-22:00, "
       "7 days. Established 2019. 07700 900123",
       {}},
      {"Care assistant, \xC2\xA3"
       "24,000 - \xC2\xA3"
       "26,000 per annum, 37.5 hours per week, "
       "ref CA-2026-114",
       {"year"}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    std::vector<std::string> pers;
    for (const PayMatch& pay : FindPay(c.text)) pers.push_back(pay.per);
    CHECK(pers == c.pers);
  }
}

}  // namespace
}  // namespace plainsight
