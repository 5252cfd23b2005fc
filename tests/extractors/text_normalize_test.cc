#include "extractors/text_normalize.h"

#include <catch2/catch.hpp>
#include <string>

namespace plainsight {
namespace {

TEST_CASE("TextNormalize_Folding_DigitsSpacesAndDashes", "[text_normalize]") {
  static const struct {
    const char* original;
    const char* normalized;
  } kCases[] = {
      {"plain ascii", "plain ascii"},
      {"\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97", "077"},  // fullwidth digits
      {"\xE2\x91\xA0\xE2\x91\xA9", "110"},              // circled 1, circled 10
      {"\xF0\x9D\x9F\x95\xF0\x9D\x9F\x96", "78"},       // mathematical bold 7 8
      {"\xE2\x9D\xB6\xE2\x9E\x80\xE2\x9E\x8A", "111"},  // dingbat circled ones
      {"7\xEF\xB8\x8F\xE2\x83\xA3"
       "0\xE2\x83\xA3",
       "70"},                  // emoji keycaps
      {"a  \t b", "a b"},      // spaces collapse
      {"a \r\n\n b", "a\nb"},  // line break kept
      {"a\xC2\xA0\xE2\x80\x83"
       "b",
       "a b"},  // nbsp, em space
      {"8\xE2\x80\x93"
       "10 and 8\xE2\x80\x94"
       "10 and 8\xE2\x88\x92"
       "10",  // en, em dash, minus
       "8-10 and 8-10 and 8-10"},
      {"in\xC2\xAD"
       "vis\xE2\x80\x8B"
       "ible",
       "invisible"},                       // soft hyphen, zwsp
      {"\xEF\xBC\xA1\xEF\xBD\x82", "Ab"},  // fullwidth letters
      {"caf\xC3\xA9", "caf\xC3\xA9"},      // é stays composed
      {"\xC2\xA3"
       "300",
       "\xC2\xA3"
       "300"},                             // £ kept
      {"bad \xFF byte", "bad \xFF byte"},  // invalid UTF-8 passes
  };
  for (const auto& c : kCases) {
    INFO(c.original);
    CHECK(NormalizeForMatching(c.original).text == c.normalized);
  }
}

TEST_CASE("TextNormalize_OffsetMap_PointsIntoOriginal", "[text_normalize]") {
  static const struct {
    const char* original;
    size_t begin;  // normalized range
    size_t end;
    const char* span;  // expected original span
  } kCases[] = {
      {"call 07700", 5, 10, "07700"},
      {"x \xEF\xBC\x90\xEF\xBC\x97 y", 2, 4, "\xEF\xBC\x90\xEF\xBC\x97"},
      {"7\xEF\xB8\x8F\xE2\x83\xA3"
       "7\xEF\xB8\x8F\xE2\x83\xA3 end",
       0, 2,
       "7\xEF\xB8\x8F\xE2\x83\xA3"
       "7\xEF\xB8\x8F\xE2\x83\xA3"},
      {"a    b", 1, 3, "    b"},
      {"\xE2\x91\xA9x", 1, 2, "\xE2\x91\xA9"},  // second byte of "10" still maps to ⑩
      {"abc", 1, 99, "bc"},                     // clamped to the end
  };
  for (const auto& c : kCases) {
    INFO(c.original);
    const NormalizedText norm = NormalizeForMatching(c.original);
    CHECK(norm.OriginalSpan(c.original, c.begin, c.end) == c.span);
    CHECK(norm.original_offset.size() == norm.text.size() + 1);
    CHECK(norm.ToOriginal(norm.text.size()) == std::string(c.original).size());
  }
}

}  // namespace
}  // namespace plainsight
