#include "extractors/pay.h"

#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractors/advert_extractor.h"

// Many rows below are written in the shape of real UK and Irish job adverts
// (bench/pay_bench.py measures the real ones); the wording, employers and
// places are made up.

namespace plainsight {
namespace {

constexpr double kNone = -1;  // no value expected (amount_max, hours or hourly is null)

void CheckOptional(const std::optional<double>& got, double want) {
  if (want == kNone) {
    CHECK_FALSE(got.has_value());
  } else {
    REQUIRE(got.has_value());
    CHECK(*got == Approx(want).epsilon(0.001));
  }
}

// One pay statement: its amount (a range's lower bound), upper bound,
// period and currency. An hourly amount covers one hour.
struct PayRow {
  const char* text;
  double amount;
  double amount_max;
  const char* per;
  const char* currency;
};

void CheckRow(const PayRow& row, const std::vector<PayMatch>& found, bool up_to) {
  REQUIRE(found.size() == 1);
  const PayMatch& pay = found[0];
  CHECK(pay.amount == Approx(row.amount));
  CheckOptional(pay.amount_max, row.amount_max);
  CHECK(pay.per == row.per);
  CHECK(pay.currency == row.currency);
  CHECK(pay.up_to == up_to);
  if (pay.per == "hour") {
    CheckOptional(pay.hours, 1);
    CheckOptional(pay.hourly, row.amount);  // the lower bound's rate
  }
}

template <size_t N>
void CheckRows(const PayRow (&rows)[N], const PayContext& context = {}, bool up_to = false) {
  for (size_t i = 0; i < N; ++i) {
    INFO("row " << i << ": " << rows[i].text);
    CheckRow(rows[i], FindPay(rows[i].text, context), up_to);
  }
}

template <size_t N>
void CheckNoPay(const char* const (&texts)[N], const PayContext& context = {}) {
  for (const char* text : texts) {
    INFO(text);
    CHECK(FindPay(text, context).empty());
  }
}

const PayContext kSalaryField{.in_salary_field = true, .default_currency = "GBP"};

TEST_CASE("Pay_Units_EveryWayOfWritingThePeriod", "[pay]") {
  static const PayRow kRows[] = {
      {"£10.50 per hour", 10.5, kNone, "hour", "GBP"},
      {"£9 p/h", 9, kNone, "hour", "GBP"},
      {"£9ph", 9, kNone, "hour", "GBP"},
      {"£9 an hour", 9, kNone, "hour", "GBP"},
      {"£9 hourly", 9, kNone, "hour", "GBP"},
      {"£9/hr", 9, kNone, "hour", "GBP"},
      {"£11 phr", 11, kNone, "hour", "GBP"},
      {"£11 per hr", 11, kNone, "hour", "GBP"},
      {"£11 p/hr", 11, kNone, "hour", "GBP"},
      {"£12.50 p.h.", 12.5, kNone, "hour", "GBP"},
      {"£11.44 PER HOUR", 11.44, kNone, "hour", "GBP"},
      {"£80 per day", 80, kNone, "day", "GBP"},
      {"£80 a day", 80, kNone, "day", "GBP"},
      {"£80 daily", 80, kNone, "day", "GBP"},
      {"£100 per shift", 100, kNone, "shift", "GBP"},
      {"£95 a shift", 95, kNone, "shift", "GBP"},
      {"£300 per week", 300, kNone, "week", "GBP"},
      {"£300pw", 300, kNone, "week", "GBP"},
      {"£350 p/w", 350, kNone, "week", "GBP"},
      {"£350 /week", 350, kNone, "week", "GBP"},
      {"£300 a week", 300, kNone, "week", "GBP"},
      {"£300 weekly", 300, kNone, "week", "GBP"},
      {"£1,200 per month", 1200, kNone, "month", "GBP"},
      {"£1200 pcm", 1200, kNone, "month", "GBP"},
      {"£2,100 a month", 2100, kNone, "month", "GBP"},
      {"£2,100 monthly", 2100, kNone, "month", "GBP"},
      {"£24,000 per year", 24000, kNone, "year", "GBP"},
      {"£24,000 pa", 24000, kNone, "year", "GBP"},
      {"£24,000 p.a.", 24000, kNone, "year", "GBP"},
      {"£24000 per annum", 24000, kNone, "year", "GBP"},
      {"£24000 a year", 24000, kNone, "year", "GBP"},
      {"£26,000 /annum", 26000, kNone, "year", "GBP"},
      {"£26,000 p/a", 26000, kNone, "year", "GBP"},
      {"£26,000 annually", 26000, kNone, "year", "GBP"},
      {"£30,000 gross per annum", 30000, kNone, "year", "GBP"},
      {"£30,000 (per annum)", 30000, kNone, "year", "GBP"},
      {"Salary £25k", 25000, kNone, "year", "GBP"},
      {"GBP 300 per week", 300, kNone, "week", "GBP"},
      {"300 pounds a week", 300, kNone, "week", "GBP"},
      {"300 quid a week", 300, kNone, "week", "GBP"},
      {"Hourly rate of £12.50", 12.5, kNone, "hour", "GBP"},
      {"Weekly pay: £350", 350, kNone, "week", "GBP"},
      {"£300 for 6 days", 300, kNone, "total", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Units_PerHourGluedToTheNextWordStillReads", "[pay]") {
  // Real adverts lose the space where a line break was: "per hourHours".
  static const PayRow kRows[] = {
      {"Pay rate - £9.50 per hourHours of work - shifts", 9.5, kNone, "hour", "GBP"},
      {"BREAKFAST CHEF - €11.50 - €12.10 PER HOURP LUS BONUS", 11.5, 12.1, "hour", "EUR"},
      {"£26,000 per annumHours: 40", 26000, kNone, "year", "GBP"},
  };
  CheckRows(kRows);
}

// Before: `amount` was a range's upper bound and `amount_low` its lower one.
// The minimum-wage check needs the lower bound, so `amount` is now the lower
// bound and `amount_max` the upper.
TEST_CASE("Pay_Ranges_LowerBoundIsAmountUpperIsAmountMax", "[pay]") {
  static const PayRow kRows[] = {
      {"£8–£10 per hour", 8, 10, "hour", "GBP"},
      {"£8-10ph", 8, 10, "hour", "GBP"},
      {"£8 to £10 an hour", 8, 10, "hour", "GBP"},
      {"£25k-£30k per annum", 25000, 30000, "year", "GBP"},
      {"£25-30k", 25000, 30000, "year", "GBP"},
      {"£22,000 - £26,000", 22000, 26000, "year", "GBP"},
      {"£7.00 to £9.00 per hour", 7, 9, "hour", "GBP"},
      {"£10-£12 p/h", 10, 12, "hour", "GBP"},
      {"£25k - £30k", 25000, 30000, "year", "GBP"},
      {"£10.10 up to £11.40 per hour", 10.1, 11.4, "hour", "GBP"},
      {"between £25,000 and £28,000", 25000, 28000, "year", "GBP"},
      {"£300 - £350 per week", 300, 350, "week", "GBP"},
      {"£12.00 – £14.00 per hour", 12, 14, "hour", "GBP"},
      {"£65000 - £75000 per annum", 65000, 75000, "year", "GBP"},
      {"€85k to €95k", 85000, 95000, "year", "EUR"},
      {"€12.50-13.50 ph", 12.5, 13.5, "hour", "EUR"},
      {"€13-15p/h", 13, 15, "hour", "EUR"},
      {"€65,000 rising up to €100,000", 65000, 100000, "year", "EUR"},
      {"£19,500 rising to £20,100 after six months", 19500, 20100, "year", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Ranges_EachEndWithItsOwnPeriod", "[pay]") {
  static const PayRow kRows[] = {
      {"£14ph - £16ph", 14, 16, "hour", "GBP"},
      {"£250pd - £275pd or equivalent salary", 250, 275, "day", "GBP"},
      {"(£10.54 p/h - £11.11 p/h basic)", 10.54, 11.11, "hour", "GBP"},
      {"€11.05 per hour increasing to €14.13 per hour", 11.05, 14.13, "hour", "EUR"},
      {"€13.50 per hour rising incrementally to €14.97 per hour", 13.5, 14.97, "hour", "EUR"},
      {"£5.26 per hour to £8.94 per hour", 5.26, 8.94, "hour", "GBP"},
      {"From €26,000.00 per year to €31,000", 26000, 31000, "year", "EUR"},
      {"Rate of pay is £8.91 per hour, rising to £9.50 in April", 8.91, 9.5, "hour", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Ranges_SlashesAndShorthandThousands", "[pay]") {
  static const PayRow kRows[] = {
      {"£13/16 per hour", 13, 16, "hour", "GBP"},
      {"Salary between €50k/€55k plus car", 50000, 55000, "year", "EUR"},
      {"£20 - 27,000pa doe", 20000, 27000, "year", "GBP"},
      {"Salary: £18-£20k (including weekend work)", 18000, 20000, "year", "GBP"},
      {"£25- 27K", 25000, 27000, "year", "GBP"},
      {"£23,00 - £24,000 per annum", 23000, 24000, "year", "GBP"},
      {"€120k- €130k", 120000, 130000, "year", "EUR"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Ranges_NotWithWhatFollowsADash", "[pay]") {
  // The number after a dash is hours, days or a bonus, not the top of a range.
  static const PayRow kRows[] = {
      {"£9.50 per hour - 37.5 hours per week", 9.5, kNone, "hour", "GBP"},
      {"£300 per week - 6 days a week", 300, kNone, "week", "GBP"},
      {"£80 per day - £100 bonus", 80, kNone, "day", "GBP"},
      {"£10 per hour - £300 per week", 10, kNone, "hour", "GBP"},
  };
  for (const PayRow& row : kRows) {
    INFO(row.text);
    const std::vector<PayMatch> found = FindPay(row.text);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].amount == Approx(row.amount));
    CHECK_FALSE(found[0].amount_max.has_value());
    CHECK(found[0].per == row.per);
  }
}

TEST_CASE("Pay_Thousands_KMeansThousands", "[pay]") {
  static const PayRow kRows[] = {
      {"£25k", 25000, kNone, "year", "GBP"},
      {"£21.5K basic", 21500, kNone, "year", "GBP"},
      {"Salary £35K", 35000, kNone, "year", "GBP"},
      {"£28K Great opportunity", 28000, kNone, "year", "GBP"},
      {"€40k DOE", 40000, kNone, "year", "EUR"},
      {"£30k p.a.", 30000, kNone, "year", "GBP"},
      {"Offer: GBP 25k + pa", 25000, kNone, "year", "GBP"},
      {"€30-40k Annually", 30000, 40000, "year", "EUR"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_UpTo_AmountIsTheCeilingAndMarked", "[pay]") {
  static const PayRow kRows[] = {
      {"Up to £35k", 35000, kNone, "year", "GBP"},
      {"up to £11.75 per hour", 11.75, kNone, "hour", "GBP"},
      {"Salary: Up to €15 per hour", 15, kNone, "hour", "EUR"},
      {"a salary of up to £10.00 per hour", 10, kNone, "hour", "GBP"},
      {"Pay Rate: Up to €28-35/hour", 28, 35, "hour", "EUR"},
      {"earn up to £1,000 a week", 1000, kNone, "week", "GBP"},
      {"an annual salary of up to £20,878.", 20878, kNone, "year", "GBP"},
      {"Competitive salary upto £30k", 30000, kNone, "year", "GBP"},
  };
  CheckRows(kRows, {}, /*up_to=*/true);
}

TEST_CASE("Pay_UpTo_MatchIncludesTheWords", "[pay]") {
  const std::vector<PayMatch> found = FindPay("Salary - up to £22k, hybrid");
  REQUIRE(found.size() == 1);
  CHECK(found[0].match == "up to £22k");
  CHECK(found[0].offset == 9);
}

TEST_CASE("Pay_From_IsTheLowerBound", "[pay]") {
  static const PayRow kRows[] = {
      {"Salary: From €12.00 per hour", 12, kNone, "hour", "EUR"},
      {"from £20,000 to £55,000", 20000, 55000, "year", "GBP"},
      {"Hourly rate starting from €11.05", 11.05, kNone, "hour", "EUR"},
      {"Rate of Pay from €11.60 - €12.20 Per Hour", 11.6, 12.2, "hour", "EUR"},
      {"Pay Rates: Starting at £9.50 up to £11.09 per hour", 9.5, 11.09, "hour", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Currencies_ReadAndLabelled", "[pay]") {
  static const PayRow kRows[] = {
      {"€12 per hour", 12, kNone, "hour", "EUR"},
      {"Pay rate between $16 / hour", 16, kNone, "hour", "USD"},
      {"Salary: $500 to $1000 Per Month", 500, 1000, "month", "USD"},
      {"EUR 2,500 per month", 2500, kNone, "month", "EUR"},
      {"25,000 euro per year", 25000, kNone, "year", "EUR"},
      {"1,800 euros a month", 1800, kNone, "month", "EUR"},
      {"US$20 per hour", 20, kNone, "hour", "USD"},
      {"A$35 an hour", 35, kNone, "hour", "AUD"},
      {"₹40,000 per month", 40000, kNone, "month", "INR"},
      {"3,000 zł per month", 3000, kNone, "month", "PLN"},
      {"CHF 30 per hour", 30, kNone, "hour", "CHF"},
      {"Pay rate: € 13.00 per hour", 13, kNone, "hour", "EUR"},
      {"10-12 euro per hour", 10, 12, "hour", "EUR"},
      {"€10,50 per hour", 10.5, kNone, "hour", "EUR"},
      {"Annual salary: £22'000 per annum", 22000, kNone, "year", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_ImpliedPeriod_LabelledSmallAmountsAreHourly", "[pay]") {
  // No period stated: a pay label and an amount under 30 make an hourly
  // rate; a named period or a salary-sized amount decide otherwise.
  static const PayRow kRows[] = {
      {"Pay rate: £9.50", 9.5, kNone, "hour", "GBP"},
      {"Rate of Pay is £11.07 You will be paid on Fridays", 11.07, kNone, "hour", "GBP"},
      {"Live Out Rate of Pay - £10.70", 10.7, kNone, "hour", "GBP"},
      {"Salary: £11.50", 11.5, kNone, "hour", "GBP"},
      {"Hourly Rate: €11.69", 11.69, kNone, "hour", "EUR"},
      {"Pay: £12", 12, kNone, "hour", "GBP"},
      {"contractual rate will be £9.59 + 75p", 9.59, kNone, "hour", "GBP"},
      {"Training: €10.25 starting rate going up to €10.93 once trained", 10.25, 10.93, "hour",
       "EUR"},
      {"Salary/Hourly rate: €12.90", 12.9, kNone, "hour", "EUR"},
      {"Salary per annum 30,000 Euro", 30000, kNone, "year", "EUR"},
      {"Daily rate £120", 120, kNone, "day", "GBP"},
      {"Monthly salary £1,900", 1900, kNone, "month", "GBP"},
      {"Salary: £14 - £16 (DOE)", 14, 16, "hour", "GBP"},
      {"Salary Circa £45,000", 45000, kNone, "year", "GBP"},
      {"Salary approx. £25k", 25000, kNone, "year", "GBP"},
      {"Nights paid at £10.70 flat rate", 10.7, kNone, "hour", "GBP"},
      {"Pay Rate:£8.91", 8.91, kNone, "hour", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_WeeklyPay_SmallAmountIsAnHourlyRatePaidWeekly", "[pay]") {
  static const PayRow kRows[] = {
      {"Weekly pay - £09.50 - £10.65", 9.5, 10.65, "hour", "GBP"},
      {"Weekly pay: £10.50 p/h", 10.5, kNone, "hour", "GBP"},
      {"Weekly pay £11", 11, kNone, "hour", "GBP"},
      {"£9.50 paid weekly", 9.5, kNone, "hour", "GBP"},
      {"Cleaners Required - £11.00PHR paid weekly", 11, kNone, "hour", "GBP"},
      {"£9.50 weekly", 9.5, kNone, "hour", "GBP"},
      {"£8.95 per hour paid weekly", 8.95, kNone, "hour", "GBP"},
      {"Weekly wage £420", 420, kNone, "week", "GBP"},
      {"£1,200 paid monthly", 1200, kNone, "month", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Premiums_AreNotThePay", "[pay]") {
  static const char* const kTexts[] = {
      "an extra £1.70ph",
      "+£2 per hour night premium",
      "£1.50 enhancement",
      "Earn an extra €540 every month",
      "£2 per hour night premium",
      "€100 a month language bonus",
      "OVERTIME RATE: £15.00 p/h",
      "£12.93 p/h O/T rate",
      "plus £20,000 in commission",
      "Welcome Bonus of £1,000",
      "(£30k OTE)",
      "OTE £45k",
      "Refer a friend and get £100!",
      "£250 sign up bonus after 4 weeks",
      "weekend enhancement of £1.50 per hour",
      "an additional £3 per hour for night shifts",
      "shift allowance of £32.42",
      "£3,000 per year London allowance",
      "Accommodation: £80 per week",
      "Registration fee £50",
      "Uniform deposit £25 refundable",
  };
  CheckNoPay(kTexts);
}

TEST_CASE("Pay_Premiums_BaseRateKeptPremiumSkipped", "[pay]") {
  static const PayRow kRows[] = {
      {"Pay rate £10.50 per hour, plus an extra £1.70ph for nights", 10.5, kNone, "hour", "GBP"},
      {"£9.50 per hour + £1 per hour weekend enhancement", 9.5, kNone, "hour", "GBP"},
      {"Rate of Pay - £10.65 +£1.20 LLA (London Living Allowance)", 10.65, kNone, "hour", "GBP"},
      {"£10.30 p/h, OVERTIME RATE: £15.00 p/h", 10.3, kNone, "hour", "GBP"},
      {"Salary: £25k (£30k OTE)", 25000, kNone, "year", "GBP"},
      {"£43,500 OTE £50,000", 43500, kNone, "year", "GBP"},
      {"Junior Sous Chef £30K basic, £5K tips, 5% bonus", 30000, kNone, "year", "GBP"},
      {"€10.50 per hour. Earn an extra €540 every month", 10.5, kNone, "hour", "EUR"},
      {"Salary €28,000 €100 a month language bonus", 28000, kNone, "year", "EUR"},
      {"Commission plus basic salary of £18,000", 18000, kNone, "year", "GBP"},
      {"£9.50 per hour plus bonus", 9.5, kNone, "hour", "GBP"},
      {"£300 per week bonus scheme available", 300, kNone, "week", "GBP"},
      {"Salary: £24,500 (plus OTE and skills allowances, up to £26,500)", 24500, kNone, "year",
       "GBP"},
      {"£10.34 p/h basic + £12.93 p/h O/T rate", 10.34, kNone, "hour", "GBP"},
      {"€10.20 per hour along with quarterly loyalty bonus", 10.2, kNone, "hour", "EUR"},
      {"Salary: £19305 + £4k London allowance", 19305, kNone, "year", "GBP"},
      {"Head Chef, Lantern Rooms, £42,000 & up to £8K Bonus", 42000, kNone, "year", "GBP"},
      {"Salary £18,000 - £22,000 (uncapped comms - £45k OTE)", 18000, 22000, "year", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_Hours_AreNotMoney", "[pay]") {
  static const char* const kTexts[] = {
      "18.75 hours per week",
      "37.5 hrs",
      "Hours: 39 per week",
      "Part-time, 18.75 hours per week",
      "Customer Assistant (21 to 34 Hours)",
  };
  CheckNoPay(kTexts);
  CheckNoPay(kTexts, kSalaryField);
}

TEST_CASE("Pay_NotPay_TurnoverVouchersAndPrices", "[pay]") {
  static const char* const kTexts[] = {
      "has raised €200,000 for charity",
      "manages assets of over €80bn",
      "Projects: Pharmaceutical Plants – €30M – €50M",
      "revenue of $4.1 billion in fiscal 2019",
      "Annual profit potential:£50,000 -£150,000",
      "Digital Media Box Value €225",
      "Venue: Filmbase Cost: €75",
      "rooms starting from €35 per night and a 50% discount",
      "experience at our stage ($50-200M ARR range)",
      "projects worth £20 million",
      "Spa Voucher for €500",
  };
  CheckNoPay(kTexts);
}

TEST_CASE("Pay_PlainText_BareNumbersAreNotMoney", "[pay]") {
  // Outside a salary field a number needs a currency mark to be pay.
  static const char* const kTexts[] = {
      "7.00 to 9.00 per hour", "20000 - 30000/annum", "20-30K", "Up to 35k", "Salary 30K to 32K",
  };
  CheckNoPay(kTexts);
}

TEST_CASE("Pay_SalaryField_BareNumbersAreMoneyInTheSiteCurrency", "[pay]") {
  static const PayRow kRows[] = {
      {"7.00 to 9.00 per hour", 7, 9, "hour", "GBP"},
      {"20000 - 30000/annum", 20000, 30000, "year", "GBP"},
      {"20-30K", 20000, 30000, "year", "GBP"},
      {"9.50", 9.5, kNone, "hour", "GBP"},
      {"25,000", 25000, kNone, "year", "GBP"},
      {"450 per week", 450, kNone, "week", "GBP"},
      {"£25k - £30k", 25000, 30000, "year", "GBP"},
      {"€12 per hour", 12, kNone, "hour", "EUR"},
      {"30K to 32K", 30000, 32000, "year", "GBP"},
      {"35k - 44k (Depending on experience)", 35000, 44000, "year", "GBP"},
      {"20000.00 - 24000.00 per annum", 20000, 24000, "year", "GBP"},
      {"12.00 ph + 1.50 ph night premium", 12, kNone, "hour", "GBP"},
      {"£9.50 - £10.50 per hour", 9.5, 10.5, "hour", "GBP"},
      {"Salary: 25000", 25000, kNone, "year", "GBP"},
  };
  CheckRows(kRows, kSalaryField);
  CheckRows({{"Up to 35k", 35000, kNone, "year", "GBP"}}, kSalaryField, /*up_to=*/true);
}

TEST_CASE("Pay_SalaryField_DefaultCurrencyIsTheSites", "[pay]") {
  const PayContext irish{.in_salary_field = true, .default_currency = "EUR"};
  static const PayRow kRows[] = {
      {"12.50 - 13.50 per hour", 12.5, 13.5, "hour", "EUR"},
      {"11.20 per hour", 11.2, kNone, "hour", "EUR"},
      {"28k - 35k", 28000, 35000, "year", "EUR"},
      {"£25k", 25000, kNone, "year", "GBP"},  // a mark beats the default
  };
  CheckRows(kRows, irish);
  // No default given: pounds.
  CheckRows({{"10.50", 10.5, kNone, "hour", "GBP"}},
            PayContext{.in_salary_field = true, .default_currency = ""});
}

TEST_CASE("Pay_SalaryField_WordsAreNotPay", "[pay]") {
  static const char* const kTexts[] = {"Competitive",           "DOE",
                                       "Negotiable + benefits", "Monday to Friday 9-5",
                                       "10.50 - 37.5 hours",    "Hours: 39 per week"};
  CheckNoPay(kTexts, kSalaryField);
}

TEST_CASE("Pay_RealShapes_JobBoardsAndClassifieds", "[pay]") {
  static const PayRow kRows[] = {
      {"Customer Assistant (11 to 20 hours) £10.10 up to £11.40 per hour* (pro rata)", 10.1, 11.4,
       "hour", "GBP"},
      {"Warehouse Operative Pay: £11.05 per hour Hours: 06.00-14.00 Monday to Friday", 11.05, kNone,
       "hour", "GBP"},
      {"Chef de Partie - Kestrel Inn - £30-£32K + tips - straight shifts", 30000, 32000, "year",
       "GBP"},
      {"Salary: €30,000 - €42,000 DOE Are you looking for a change?", 30000, 42000, "year", "EUR"},
      {"Job Types: Full-time, Permanent Salary: €11.20 per hour Schedule: 10 hour shift", 11.2,
       kNone, "hour", "EUR"},
      {"Benefits package: · Competitive starting salary of €25,000 · Health package", 25000, kNone,
       "year", "EUR"},
      {"Role based in Leeds, £27,500 to £38,000 DOE", 27500, 38000, "year", "GBP"},
      {"Salary: £24,000 per annum (plus paid overtime) Location: London", 24000, kNone, "year",
       "GBP"},
      {"Senior Administrative Salary Scale (€94,118 - €125,825 per annum)", 94118, 125825, "year",
       "EUR"},
      {"Customer Service Advisor in our Cork centre earning €26,165 per annum", 26165, kNone,
       "year", "EUR"},
      {"HOURLY PAY RATE IS £9.75 - £10.30ph DEPENDING ON SHIFT", 9.75, 10.3, "hour", "GBP"},
      {"Pay rate - £8.95 per hour paid weekly, Hours of work - Full time", 8.95, kNone, "hour",
       "GBP"},
      {"Salary: £21,000 per year + Service Charge", 21000, kNone, "year", "GBP"},
      {"Concierge, W8. Salary: £30,000 per annum Location: London", 30000, kNone, "year", "GBP"},
      {"Salary: €55,811 per annum pro rata for shorter contracts", 55811, kNone, "year", "EUR"},
      {"Rate of pay: €15.00-16.00 per hour Full time", 15, 16, "hour", "EUR"},
      {"Offering £9.50 per hour - Paid weekly, every Friday!", 9.5, kNone, "hour", "GBP"},
      {"Project Manager, Cork. Salary: €80K - €85K + package", 80000, 85000, "year", "EUR"},
      {"Pay and benefits £12.50 per hour Temp to perm", 12.5, kNone, "hour", "GBP"},
      {"Pipe Fitter will be paid £23 per hour. Lots of hours", 23, kNone, "hour", "GBP"},
      {"Account Advisor | £23,00 - £24,000 per annum | Desborough", 23000, 24000, "year", "GBP"},
      {"Salary of approx EUR38,000 doe", 38000, kNone, "year", "EUR"},
      {"Part time (5:30-8:30 Mon-Fri). - £10 an hour.", 10, kNone, "hour", "GBP"},
      {"Immediate Start - Thame - Temp - £12.82ph", 12.82, kNone, "hour", "GBP"},
      {"Remuneration Salary DOE - £35k to £40k Monday - Friday", 35000, 40000, "year", "GBP"},
      {"Salary: £23,000.00-£23,500.00 per year Job description", 23000, 23500, "year", "GBP"},
      {"SALARY CIRCA £45,000 Gross per annum- 2 bedroom accommodation provided", 45000, kNone,
       "year", "GBP"},
      {"Basic salary between £25,000 and £28,000 + bonus", 25000, 28000, "year", "GBP"},
      {"Dispatch Operative, Tern Foods. £9.64 per hour. Keywords: packer", 9.64, kNone, "hour",
       "GBP"},
      {"Rates are subject to experience.€12.00 - €14.00 per hourAs a Host you will", 12, 14, "hour",
       "EUR"},
      {"Salary Scale from €33,823 to €60,065 gross per annum.", 33823, 60065, "year", "EUR"},
      {"Food Prep Operative €11.50ph Immediate starts", 11.5, kNone, "hour", "EUR"},
      {"Kitchen Porter, Pay rate: € 12.30Position Details", 12.3, kNone, "hour", "EUR"},
      {"A salary of £19,000per annum + OTE £20,400 (pro rata)", 19000, kNone, "year", "GBP"},
      {"Retail Sales Advisor earning €13,761, OTE €17,000 plus commission", 13761, kNone, "year",
       "EUR"},
      {"Customer Service Advisor - Self Storage Basic £21.5K Balham", 21500, kNone, "year", "GBP"},
      {"The pay rate offered is £12.00 p/hour To be considered", 12, kNone, "hour", "GBP"},
      {"SENIOR FOREST RANGER | €12.96 per hourImagine", 12.96, kNone, "hour", "EUR"},
      {"Salary range for this position is €14.23 – €15.82 per hour", 14.23, 15.82, "hour", "EUR"},
      {"PTS Tackman Rate £16.50ph", 16.5, kNone, "hour", "GBP"},
  };
  CheckRows(kRows);
}

TEST_CASE("Pay_SeveralStatements_EachReadInOrder", "[pay]") {
  static const struct {
    const char* text;
    std::vector<double> amounts;
    std::vector<std::string> pers;
  } kCases[] = {
      {"Pay Rate:£8.91 per hour for days/£9.72 per hour for Nights",
       {8.91, 9.72},
       {"hour", "hour"}},
      {"Excellent Salary of £21,450 (£11 per hour)", {21450, 11}, {"year", "hour"}},
      {"Salary: £10.33 per hour / £21,500.00 + bonus", {10.33, 21500}, {"hour", "year"}},
      {"Salary:€12.50-13.50 ph or€30,000 pa", {12.5, 30000}, {"hour", "year"}},
      {"Hourly Rate: €12.50-€14.88 / €25k-30k depending on Experience",
       {12.5, 25000},
       {"hour", "year"}},
      {"earn £10.12 per hour once trained. £8.91 per hour during your training.",
       {10.12, 8.91},
       {"hour", "hour"}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<PayMatch> found = FindPay(c.text);
    std::vector<double> amounts;
    std::vector<std::string> pers;
    for (const PayMatch& pay : found) {
      amounts.push_back(pay.amount);
      pers.push_back(pay.per);
    }
    CHECK(amounts == c.amounts);
    CHECK(pers == c.pers);
  }
}

TEST_CASE("Pay_ProRata_PartTimeHoursDoNotDivideTheSalary", "[pay]") {
  // A pro-rata salary is the full-time figure: dividing it by part-time
  // hours gives an hourly rate the post does not pay.
  const std::vector<PayMatch> part_time =
      FindPay("Part-time, 18.75 hours per week. Salary: £19,305 pro rata");
  REQUIRE(part_time.size() == 1);
  CHECK(part_time[0].per == "year");
  CHECK_FALSE(part_time[0].hourly.has_value());
  const std::vector<PayMatch> full_time = FindPay("£21,000 pro rata (37.5 hours per week)");
  REQUIRE(full_time.size() == 1);
  CheckOptional(full_time[0].hours, 1950);
  CheckOptional(full_time[0].hourly, 10.769);
  const std::vector<PayMatch> hours_first =
      FindPay("Hours: Part-time, 18.75 hours per week Salary: £19305 pro rata");
  REQUIRE(hours_first.size() == 1);
  CHECK(hours_first[0].per == "year");  // "per week" there belongs to the hours
}

// Rows with hours: the amount an hour is the lower bound over the hours.
struct HoursRow {
  const char* text;
  double amount;
  double amount_max;
  const char* per;
  double hours;
  double hourly;
};

TEST_CASE("Pay_Hours_StatedOrDerived_GiveHourly", "[pay]") {
  static const HoursRow kRows[] = {
      {"£300 a week, 48 hours", 300, kNone, "week", 48, 6.25},
      {"Work 48 hours per week for £300 weekly", 300, kNone, "week", 48, 6.25},
      {"£300 for 6 days x 10 hours", 300, kNone, "total", 60, 5},
      {"£300 per week, 6 days x 10 hours", 300, kNone, "week", 60, 5},
      {"£300 per week, 10 hours a day, 6 days a week", 300, kNone, "week", 60, 5},
      {"£100 per shift, 12-hour shifts", 100, kNone, "shift", 12, 8.3333},
      {"£80 per day, 8am to 8pm", 80, kNone, "day", 12, 6.6667},
      {"£80 a day (9am-5pm)", 80, kNone, "day", 8, 10},
      {"£400 per week, Mon-Sat 8am to 6pm", 400, kNone, "week", 60, 6.6667},
      {"£400 per week, 08:00-20:00, 5 days", 400, kNone, "week", 60, 6.6667},
      {"£1,300 per month, 40 hours per week", 1300, kNone, "month", 173.333, 7.5},
      {"£20,800 per annum, 40 hours", 20800, kNone, "year", 2080, 10},
      {"£300 for 48 hours", 300, kNone, "total", 48, 6.25},
      {"£50 for 5 hours work", 50, kNone, "total", 5, 10},
      {"£300 - £350 per week, 60 hours", 300, 350, "week", 60, 5},
      {"Salaries are £60 - £75 per day and hours are 08:30 - 15:30", 60, 75, "day", 7, 8.5714},
      {"£18,000 - £20,000 per annum, 40 hours per week", 18000, 20000, "year", 2080, 8.6538},
  };
  for (const HoursRow& row : kRows) {
    INFO(row.text);
    const std::vector<PayMatch> found = FindPay(row.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount == Approx(row.amount));
    CheckOptional(found[0].amount_max, row.amount_max);
    CHECK(found[0].per == row.per);
    CheckOptional(found[0].hours, row.hours);
    CheckOptional(found[0].hourly, row.hourly);
  }
}

TEST_CASE("Pay_Decoys_NoPayFromOtherNumbers", "[pay]") {
  static const char* const kTexts[] = {
      "Ref: 12345678",
      "Job ID 445566, start 12/03/2026",
      "Shifts 6am-2pm, 5 days per week, 40 hours",
      "Age 28, size 10, 5ft 6",
      "Call 07700 900123",
      "Rooms from 300",  // no currency mark
      "£50 deposit to secure your room",
  };
  CheckNoPay(kTexts);
}

TEST_CASE("Pay_Matches_SpanIncludesHoursWording", "[pay]") {
  static const struct {
    const char* text;
    const char* match;
    size_t offset;
  } kCases[] = {
      {"Pay: £300 a week, 48 hours. Apply now", "£300 a week, 48 hours", 5},
      {"Earn £9ph", "£9ph", 5},
      {"Work 48 hours per week for £300 weekly", "48 hours per week for £300 weekly", 5},
      {"Pay: £10.10 up to £11.40 per hour*", "£10.10 up to £11.40 per hour", 5},
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
      "Day shift £80 per day, 8am to 8pm.\n"
      "Night shift £100 per shift.\n"
      "Or £10.50 per hour";
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

TEST_CASE("Pay_NeutralAdverts_OnlyTheStatedPay", "[pay]") {
  static const struct {
    const char* text;
    std::vector<std::string> pers;
  } kCases[] = {
      {"Warehouse operative, Job ID 445566. Ref: 12345678. Start 12/03/2026.\n"
       "Shifts 6am-2pm or 2pm-10pm, 5 days per week. £11.44 per hour.\n"
       "Apply by 31/03/2026. Site postcode NN4 7PA. Call 01632 960123.",
       {"hour"}},
      {"Relaxing evenings and companionship. Age 28, size 10. Available 10:00-22:00, "
       "7 days. Established 2019. 07700 900123",
       {}},
      {"Care assistant, £24,000 - £26,000 per annum, 37.5 hours per week, "
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

// The minimum-wage check in AdvertExtractor: the lower bound's hourly rate,
// only for pounds, never for "up to".
TEST_CASE("Pay_MinimumWage_JudgesTheLowerBoundInPoundsOnly", "[pay]") {
  ExtractorOptions options;
  options.kind = "jobs";
  auto extractor = AdvertExtractor::Create(options, nullptr);
  REQUIRE(extractor.ok());
  static const struct {
    const char* body;
    bool flagged;
  } kCases[] = {
      {"Packers wanted. Pay: £7.00 to £15.00 per hour.", true},
      {"Packers wanted. Pay: £13.00 to £15.00 per hour.", false},
      {"Packers wanted. Pay: €9 per hour.", false},
      {"Packers wanted. Pay: $9 per hour.", false},
      {"Packers wanted. Pay up to £9 per hour.", false},
      {"Cleaners. Weekly pay - £09.50 - £10.65", true},
      {"Cleaners. £13.00 per hour, plus an extra £1.70ph for nights.", false},
      {"Pickers. £300 per week, 60 hours.", true},
      {"Pickers. Salary £25k - £30k.", false},
  };
  for (const auto& c : kCases) {
    INFO(c.body);
    const std::string page = std::string("<html><body><p>") + c.body + "</p></body></html>";
    const AdvertExtraction x =
        (*extractor)->Extract(page, "text/html; charset=utf-8", "2026-06-01");
    bool flagged = false;
    for (const IndicatorHit& hit : x.indicators) {
      flagged = flagged || hit.id == "jobs.pay_below_minimum_wage";
    }
    CHECK(flagged == c.flagged);
  }
}

TEST_CASE("Pay_AdvertExtraction_CarriesRangeCurrencyAndUpTo", "[pay]") {
  ExtractorOptions options;
  options.kind = "jobs";
  auto extractor = AdvertExtractor::Create(options, nullptr);
  REQUIRE(extractor.ok());
  const AdvertExtraction x = (*extractor)
                                 ->Extract(
                                     "<html><body><p>Chefs: €12.50-€14.00 per "
                                     "hour.</p><p>Managers: up to £35k.</p></body></html>",
                                     "text/html; charset=utf-8", "2026-06-01");
  REQUIRE(x.pay.size() == 2);
  CHECK(x.pay[0].amount == Approx(12.5));
  CheckOptional(x.pay[0].amount_max, 14);
  CHECK(x.pay[0].currency == "EUR");
  CHECK_FALSE(x.pay[0].up_to);
  CheckOptional(x.pay[0].hourly, 12.5);
  CHECK(x.pay[1].amount == Approx(35000));
  CHECK_FALSE(x.pay[1].amount_max.has_value());
  CHECK(x.pay[1].currency == "GBP");
  CHECK(x.pay[1].up_to);
}

}  // namespace
}  // namespace plainsight
