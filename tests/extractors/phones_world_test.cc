// Phone numbers of any region (extractors/phones.h), written as adverts write
// them. Non-UK numbers are libphonenumber example-format numbers; UK numbers
// come from Ofcom's drama ranges only.
#include <catch2/catch.hpp>
#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include "extractors/phones.h"

namespace plainsight {
namespace {

struct WorldCase {
  const char* text;
  const char* region;
  std::vector<std::string> e164s;  // empty: no phone may be found
};

std::vector<std::string> E164s(const std::vector<PhoneMatch>& matches) {
  std::vector<std::string> out;
  for (const PhoneMatch& m : matches) out.push_back(m.e164);
  return out;
}

// National forms: found when the advert's region is the number's own.
const WorldCase kNational[] = {
    {"Call 07700 900123 today", "GB", {"+447700900123"}},
    {"Tel: 01632 960456", "GB", {"+441632960456"}},
    {"Office 020 7946 0321", "GB", {"+442079460321"}},
    {"Call or text 085 012 3456", "IE", {"+353850123456"}},
    {"Ph: (022) 12345", "IE", {"+3532212345"}},
    {"mobile 087.123.4567", "IE", {"+353871234567"}},
    {"Tel: 0721 234 567", "RO", {"+40721234567"}},
    {"Sunati la 0712-034-567", "RO", {"+40712034567"}},
    {"Fix: 021 123 4567", "RO", {"+40211234567"}},
    {"tel. 601 234 567", "PL", {"+48601234567"}},
    {"Zadzwo\xC5\x84 512-345-678", "PL", {"+48512345678"}},
    {"Biuro tel 12 345 67 89", "PL", {"+48123456789"}},
    {"Cel: 069 123 4567", "AL", {"+355691234567"}},
    {"Telefononi 067.212.3456", "AL", {"+355672123456"}},
    {"Zyra 022 345 678", "AL", {"+35522345678"}},
    {"Call me at 973-536-2174", "US", {"+19735362174"}},
    {"Booking line (201) 555-0123", "US", {"+12015550123"}},
    {"text 201.555.0123 anytime", "US", {"+12015550123"}},
    {"Call 1-201-555-0123", "US", {"+12015550123"}},
    {"cell 2015550123", "US", {"+12015550123"}},
    {"Text 973 536 2174 for rates", "US", {"+19735362174"}},
};

// International forms: found whatever the advert's region.
const WorldCase kInternational[] = {
    {"+44 7700 900124", "US", {"+447700900124"}},
    {"Call 0044 7700 900125", "RO", {"+447700900125"}},
    {"+44-20-7946-0322", "PL", {"+442079460322"}},
    {"(+44) 7700 900126", "IE", {"+447700900126"}},
    {"+44 (0)20 7946 0323", "GB", {"+442079460323"}},
    {"+353 85 012 3456", "GB", {"+353850123456"}},
    {"Call 00353 85 012 3456", "GB", {"+353850123456"}},
    {"+353-87-123-4567", "US", {"+353871234567"}},
    {"(+353) 87 123 4567", "PL", {"+353871234567"}},
    {"+40 721 234 567", "GB", {"+40721234567"}},
    {"Tel 0040 721 234 567", "GB", {"+40721234567"}},
    {"+40-712-034-567", "US", {"+40712034567"}},
    {"+40.21.123.4567", "PL", {"+40211234567"}},
    {"(+40) 721 234 567", "IE", {"+40721234567"}},
    {"+48 601 234 567", "GB", {"+48601234567"}},
    {"tel. 0048 601 234 567", "GB", {"+48601234567"}},
    {"+48.512.345.678", "RO", {"+48512345678"}},
    {"+48-601-234-567", "IE", {"+48601234567"}},
    {"(+48) 12 345 67 89", "US", {"+48123456789"}},
    {"WhatsApp +355 69 123 4567", "GB", {"+355691234567"}},
    {"00355 67 212 3456", "GB", {"+355672123456"}},
    {"+355-69-123-4567", "US", {"+355691234567"}},
    {"(+355) 69 123 4567", "IE", {"+355691234567"}},
    {"+1 201 555 0123", "GB", {"+12015550123"}},
    {"+1 (973) 536-2174", "GB", {"+19735362174"}},
    {"+1-973-536-2174", "RO", {"+19735362174"}},
    {"Call 001 201 555 0123", "GB", {"+12015550123"}},
    {"+1.201.555.0123", "PL", {"+12015550123"}},
};

// A region libphonenumber does not know: international forms only ("00"
// is read as the international prefix most of the world dials).
const WorldCase kUnknownRegion[] = {
    {"+40 721 234 567", "ZZ", {"+40721234567"}},
    {"Tel: 0721 234 567", "ZZ", {}},
    {"0040 721 234 567", "", {"+40721234567"}},
};

// Several numbers in one advert: unique by E.164, in order of first
// occurrence.
const WorldCase kSeveral[] = {
    {"Call 07700 900127 or WhatsApp +40 721 234 567", "GB", {"+447700900127", "+40721234567"}},
    {"+48 601 234 567, +48 601 234 567", "GB", {"+48601234567"}},
    {"US: +1 201-555-0123 / UK: 07700 900128", "GB", {"+12015550123", "+447700900128"}},
    {"Tel: 0721 234 567 sau +40 721 234 567", "RO", {"+40721234567"}},
    {"Call 973-536-2174, text (201) 555-0123", "US", {"+19735362174", "+12015550123"}},
};

// A national form belongs to its own region only: elsewhere it is digits.
const WorldCase kOtherRegionNational[] = {
    {"Call me at 973-536-2174", "GB", {}},
    {"tel. 601 234 567", "GB", {}},
    {"Tel: 0721 234 567", "GB", {}},
};

// Labels that offer a phone are not reference labels.
const WorldCase kPhoneLabels[] = {
    {"Booking: 07700 900129", "GB", {"+447700900129"}},
    {"Tel no. 601 234 567", "PL", {"+48601234567"}},
    {"Mobile no: 0721 234 567", "RO", {"+40721234567"}},
    {"Ref 1234, call 973-536-2174", "US", {"+19735362174"}},
};

// Decoys: prices, dates, times, references, postcodes, ranges, ZIP codes.
const WorldCase kDecoys[] = {
    {"Rates \xC2\xA3"
     "120 per hour",
     "GB",
     {}},
    {"Rent \xE2\x82\xAC"
     "1,200 per month",
     "IE",
     {}},
    {"Start 12.03.2024", "PL", {}},
    {"Posted 2024-03-12", "US", {}},
    {"Date 12/03/2024 time 14:30", "US", {}},
    {"Open 09:00-21:00 daily", "RO", {}},
    {"Shifts 6am-2pm, 10.30-22.00", "GB", {}},
    {"Ref: 20240312", "PL", {}},
    {"Job reference 2015550123", "US", {}},
    {"Order #123456789", "PL", {}},
    {"Order no. 601234567", "PL", {}},
    {"Order 2015550123 shipped", "US", {}},
    {"Invoice 0721234567", "RO", {}},
    {"Booking ID: 0850123456", "IE", {}},
    {"Booking no. 601234567", "PL", {}},
    {"Job #2015550123", "US", {}},
    {"Office NN1 1AA, warehouse NN15 6XY", "GB", {}},
    {"Salary 20000-30000 per year", "US", {}},
    {"Salary 20000-30000", "GB", {}},
    {"Wynagrodzenie 4000-6000 PLN", "PL", {}},
    {"Beverly Hills, CA 90210", "US", {}},
    {"ZIP 90210-1234", "US", {}},
    {"Wages $15.50 per hour, $620 per week", "US", {}},
    {"Available 24/7", "GB", {}},
    {"Height 165cm, 55kg, age 24", "AL", {}},
    {"Hourly rate 12.50-15.00 PLN", "PL", {}},
};

void CheckCases(const WorldCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const WorldCase& c = cases[i];
    INFO("case " << i << ": " << c.text << " (" << c.region << ")");
    CHECK(E164s(FindPhones(c.text, c.region)) == c.e164s);
  }
}

template <size_t N>
void CheckTable(const WorldCase (&cases)[N]) {
  CheckCases(cases, N);
}

TEST_CASE("PhonesWorld_NationalForms_FoundForTheirOwnRegion", "[phones]") { CheckTable(kNational); }

TEST_CASE("PhonesWorld_InternationalForms_FoundFromAnyRegion", "[phones]") {
  CheckTable(kInternational);
}

TEST_CASE("PhonesWorld_UnknownRegion_InternationalFormsOnly", "[phones]") {
  CheckTable(kUnknownRegion);
}

TEST_CASE("PhonesWorld_Several_UniqueInFirstOccurrenceOrder", "[phones]") { CheckTable(kSeveral); }

TEST_CASE("PhonesWorld_NationalFormOfAnotherRegion_NotFound", "[phones]") {
  CheckTable(kOtherRegionNational);
}

TEST_CASE("PhonesWorld_PhoneLabels_AreNotReferenceLabels", "[phones]") { CheckTable(kPhoneLabels); }

TEST_CASE("PhonesWorld_Decoys_NeverYieldAPhone", "[phones]") { CheckTable(kDecoys); }

// The acceptance figure for the whole table: exact E.164 lists.
TEST_CASE("PhonesWorld_Table_ExactE164AtLeast98Percent", "[phones]") {
  struct Table {
    const WorldCase* cases;
    size_t count;
  };
  const Table tables[] = {
      {kNational, std::size(kNational)},
      {kInternational, std::size(kInternational)},
      {kUnknownRegion, std::size(kUnknownRegion)},
      {kSeveral, std::size(kSeveral)},
      {kOtherRegionNational, std::size(kOtherRegionNational)},
      {kPhoneLabels, std::size(kPhoneLabels)},
      {kDecoys, std::size(kDecoys)},
  };
  size_t rows = 0;
  size_t exact = 0;
  for (const Table& table : tables) {
    for (size_t i = 0; i < table.count; ++i) {
      const WorldCase& c = table.cases[i];
      ++rows;
      if (E164s(FindPhones(c.text, c.region)) == c.e164s) ++exact;
    }
  }
  const double figure = static_cast<double>(exact) / static_cast<double>(rows);
  WARN("phones world table: " << exact << "/" << rows << " rows exact, E.164 figure " << figure);
  CHECK(rows >= 60);
  CHECK(figure >= 0.98);
}

// Matcher hits report the ORIGINAL text, also after folding.
TEST_CASE("PhonesWorld_Matches_ReportOriginalSpanAndOffset", "[phones]") {
  static const struct {
    const char* text;
    const char* region;
    const char* match;
    size_t offset;
    bool obfuscated;
  } kCases[] = {
      {"Call me at 973-536-2174", "US", "973-536-2174", 11, false},
      {"Zadzwo\xC5\x84 512-345-678", "PL", "512-345-678", 9, false},
      {"WhatsApp +355 69 123 4567", "GB", "+355 69 123 4567", 9, false},
      // Fullwidth "973": folded before matching, reported as typed.
      {"Call \xEF\xBC\x99\xEF\xBC\x97\xEF\xBC\x93-536-2174", "US",
       "\xEF\xBC\x99\xEF\xBC\x97\xEF\xBC\x93-536-2174", 5, true},
      // En dashes fold to '-'; the span keeps them.
      {"Tel 201\xE2\x80\x93"
       "555\xE2\x80\x93"
       "0123",
       "US",
       "201\xE2\x80\x93"
       "555\xE2\x80\x93"
       "0123",
       4, false},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<PhoneMatch> found = FindPhones(c.text, c.region);
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == c.match);
    CHECK(found[0].offset == c.offset);
    CHECK(found[0].obfuscated == c.obfuscated);
  }
}

}  // namespace
}  // namespace plainsight
