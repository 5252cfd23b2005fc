#include "extractors/phones.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

std::vector<std::string> E164s(const std::vector<PhoneMatch>& matches) {
  std::vector<std::string> out;
  for (const PhoneMatch& m : matches) out.push_back(m.e164);
  return out;
}

struct PhoneCase {
  const char* text;
  const char* e164;  // nullptr: no phone may be found
  bool obfuscated;
};

void CheckCases(const PhoneCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const PhoneCase& c = cases[i];
    INFO("case " << i << ": " << c.text);
    const std::vector<PhoneMatch> found = FindPhones(c.text);
    CAPTURE(E164s(found));
    if (c.e164 == nullptr) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].e164 == c.e164);
    CHECK(found[0].obfuscated == c.obfuscated);
  }
}

TEST_CASE("Phones_PlainForms_AreFoundAndNotObfuscated", "[phones]") {
  static const PhoneCase kCases[] = {
      {"Call 07700 900123 today", "+447700900123", false},
      {"Call 07700900123", "+447700900123", false},
      {"Tel: 07700-900-123", "+447700900123", false},  // one dash per gap is plain
      {"ring 07700-900123", "+447700900123", false},
      {"+44 7700 900123", "+447700900123", false},
      {"+447700900123", "+447700900123", false},
      {"+44 (0)7700 900123", "+447700900123", false},
      {"+44 (0) 7700 900 123", "+447700900123", false},
      {"0044 7700 900123", "+447700900123", false},
      {"(01632) 960123", "+441632960123", false},
      {"01632 960 123", "+441632960123", false},
      {"020 7946 0123", "+442079460123", false},
      {"Office: 020 7946 0999.", "+442079460999", false},
      {"whatsapp only 07700900999", "+447700900999", false},
      {"Booking: 07700 900321", "+447700900321", false},  // offers a phone, not a reference
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_UnusualSeparators_AreObfuscated", "[phones]") {
  static const PhoneCase kCases[] = {
      {"07700.900.123", "+447700900123", true},    {"07700/900/123", "+447700900123", true},
      {"077_009_001_23", "+447700900123", true},   {"0 7 7 0 0 9 0 0 1 2 3", "+447700900123", true},
      {"07 70 09 00 12 3", "+447700900123", true}, {"07700\n900123", "+447700900123", true},
      {"07700 *** 900 *** 123", nullptr, false},  // gap longer than 3: not one number
      {"07700*900*123", "+447700900123", true},    {"0-7-7-0-0-9-0-0-1-2-3", "+447700900123", true},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_LookalikeLetters_InsideDigitRuns", "[phones]") {
  static const PhoneCase kCases[] = {
      {"O77OO 9OO123", "+447700900123", true},
      {"o7700 9oo l23", "+447700900123", true},
      {"0770O9OOI23", "+447700900123", true},
      {"07700 900 I23", "+447700900123", true},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_WordDigits_DoubleAndTreble", "[phones]") {
  static const PhoneCase kCases[] = {
      {"oh seven seven double oh nine double oh one two three", "+447700900123", true},
      {"zero seven seven zero zero nine zero zero one two three", "+447700900123", true},
      {"nought seven seven oh oh nine oh oh one two three", "+447700900123", true},
      {"ZERO SEVEN SEVEN DOUBLE ZERO NINE DOUBLE ZERO ONE TWO THREE", "+447700900123", true},
      {"0 seven7OO 9OO 123", "+447700900123", true},
      {"seven7OO", nullptr, false},
      {"oh seven seven double oh nine treble oh one two", "+447700900012", true},
      {"0seven700nine00one23", "+447700900123", true},
      {"oh-seven-seven-oh-oh 900 123", "+447700900123", true},
      {"call oh 7 7 0 0 nine 0 0 1 2 three", "+447700900123", true},
      {"ohsevensevendoubleoh 900123", "+447700900123", true},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_FoldedCharacters_FullwidthCircledKeycap", "[phones]") {
  static const PhoneCase kCases[] = {
      {"\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC\x90 900123",  // fullwidth 07700
       "+447700900123", true},
      {"0\xE2\x91\xA6\xE2\x91\xA6\xE2\x93\xAA\xE2\x93\xAA 900123",  // 0 circled 7 7 0 0
       "+447700900123", true},
      {"0\xE2\x9D\xBC\xE2\x9D\xBC"
       "00 900123",
       "+447700900123", true},  // dingbat 7 7
      {"0"
       "7\xEF\xB8\x8F\xE2\x83\xA3"
       "7\xEF\xB8\x8F\xE2\x83\xA3"
       "00 900123",  // keycap 7 7
       "+447700900123", true},
      {"07700\xC2\xA0"
       "900123",
       "+447700900123", false},  // no-break space is plain
      {"07700\xE2\x80\x8B"
       "900123",
       "+447700900123", true},  // hidden zero-width space
      {"07700 900\xE2\x80\x93"
       "123",
       "+447700900123", false},  // en dash folds to '-'
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_Decoys_ProduceNoPhone", "[phones]") {
  static const PhoneCase kCases[] = {
      {"Ref: 12345678", nullptr, false},
      {"Job ID 445566", nullptr, false},
      {"Start date 12/03/2026", nullptr, false},
      {"Posted 2026-03-12 at 10:30", nullptr, false},
      {"Shifts 9am-5pm, 01/04/2026 to 30/04/2026", nullptr, false},
      {"Available 24/7, rates from \xC2\xA3"
       "300.00",
       nullptr, false},
      {"Height 180cm, weight 60kg, 5ft 6", nullptr, false},
      {"Since 1998. Established 2005, 2010 and 2019", nullptr, false},
      {"Office NN1 1AA, second office NN2 2BB", nullptr, false},
      {"\xC2\xA3"
       "07700900123",
       nullptr, false},                     // a price, however odd
      {"07700 90012", nullptr, false},      // one digit short
      {"077009001234567", nullptr, false},  // too long to be one number
      {"Invoice 0770-0900-1234", nullptr, false},
      {"02/01/2026 - 03/01/2026", nullptr, false},
      {"I am one of two girls, a new face in town", nullptr, false},
      {"Openings: 10 cleaners, 20 pickers, 30 packers", nullptr, false},
      {"Open 10.30 - 11.45 daily", nullptr, false},
      {"Call me on the number below", nullptr, false},
      {"Order #07700900123", nullptr, false},        // a reference label
      {"Invoice no. 07700 900123", nullptr, false},  // its first group is the reference
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_OtherCountries_NeedInternationalPrefix", "[phones]") {
  static const PhoneCase kCases[] = {
      {"+33 6 12 34 56 78", "+33612345678", true},
      {"0033 612 345 678", "+33612345678", false},
      {"612 345 678", nullptr, false},
  };
  CheckCases(kCases, sizeof(kCases) / sizeof(kCases[0]));
}

TEST_CASE("Phones_Matches_ReportOriginalSpanAndOffset", "[phones]") {
  static const struct {
    const char* text;
    const char* match;
    size_t offset;
  } kCases[] = {
      {"Call 07700 900123 today", "07700 900123", 5},
      {"Ring +44 (0)7700 900123 now", "+44 (0)7700 900123", 5},
      {"x \xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC\x90 900123",
       "\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC\x90 900123", 2},
      {"text oh seven seven double oh nine double oh one two three!",
       "oh seven seven double oh nine double oh one two three", 5},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    const std::vector<PhoneMatch> found = FindPhones(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == c.match);
    CHECK(found[0].offset == c.offset);
  }
}

TEST_CASE("Phones_Several_UniqueInFirstOccurrenceOrder", "[phones]") {
  static const struct {
    const char* text;
    std::vector<std::string> e164s;
  } kCases[] = {
      {"07700 900123 or 020 7946 0123", {"+447700900123", "+442079460123"}},
      {"07700900123 / 07700900456", {"+447700900123", "+447700900456"}},
      {"07700 900123, 07700 900123, +447700900123", {"+447700900123"}},
      {"Ref 1234\n07700 900222 (mobile)\n01632 960111", {"+447700900222", "+441632960111"}},
      {"24/7 07700 900123 (texts only) \xC2\xA3"
       "150 per hour",
       {"+447700900123"}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(E164s(FindPhones(c.text)) == c.e164s);
  }
}

TEST_CASE("Phones_DramaRange_AcceptedOnlyInsideRange", "[phones]") {
  static const struct {
    const char* e164;
    bool drama;
  } kCases[] = {
      {"+447700900000", true},  {"+447700900999", true},  {"+447700901000", false},
      {"+441632960000", true},  {"+441632961000", false}, {"+442079460999", true},
      {"+442079461000", false}, {"+4477009001", false},
  };
  for (const auto& c : kCases) {
    INFO(c.e164);
    CHECK(IsOfcomDramaNumber(c.e164) == c.drama);
  }
}

TEST_CASE("Phones_NeutralAdverts_NoPhoneFromOtherNumbers", "[phones]") {
  static const char* const kTexts[] = {
      "Warehouse operative, Job ID 445566. Ref: 12345678. Start 12/03/2026.\n"
      "Shifts 6am-2pm or 2pm-10pm, 5 days per week. \xC2\xA3"
      "11.44 per hour. "
      "Apply online by 31/03/2026. Site postcode NN4 7PA.",
      "Relaxing evenings and companionship in Northampton. Age 28, 5ft 6, size 10. "
      "Rates \xC2\xA3"
      "120 per hour. Available 10:00-22:00, 7 days. Established 2019.",
  };
  for (const char* text : kTexts) {
    INFO(text);
    CHECK(FindPhones(text).empty());
  }
}

}  // namespace
}  // namespace plainsight
