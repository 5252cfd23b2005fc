// Template diff: the shared wording of near-duplicate adverts with slots.
#include "leads/template_diff.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

using Values = std::vector<std::string>;

TEST_CASE("TemplateDiff_Slots_RunsThatDifferBecomeNumberedSlots", "[template_diff]") {
  static const struct {
    std::vector<std::string> texts;
    const char* expected_text;
    std::vector<Values> expected_slots;
    double expected_shared;
  } kCases[] = {
      // The example from the design: punctuation stays fixed around slots.
      {{"Hi I am Anna, 23, in Corby, call 07700 900111",
        "Hi I am Beth, 25, in Kettering, call 07700 900222"},
       "Hi I am {1}, {2}, in {3}, call 07700 {4}",
       {{"Anna", "Beth"}, {"23", "25"}, {"Corby", "Kettering"}, {"900111", "900222"}},
       6.0 / 10.0},
      // A multi-word value is one slot; values keep their own spacing.
      {{"New to Corby today, relaxing massage", "New to Milton  Keynes today, relaxing massage"},
       "New to {1} today, relaxing massage",
       {{"Corby", "Milton  Keynes"}},
       5.0 / 6.0},
      // A sentence only one copy has is a slot with an empty value.
      {{"Warehouse staff needed. Accommodation provided. Call Tom.",
        "Warehouse staff needed. Call Adam."},
       "Warehouse staff needed. {1} Call {2}.",
       {{"Accommodation provided.", ""}, {"Tom", "Adam"}},
       4.0 / 6.0},
      // The first text lacks what the second adds: the empty value comes first.
      {{"Call Tom now", "Call Tom or Adam now"}, "Call Tom {1} now", {{"", "or Adam"}}, 3.0 / 4.0},
      // Three copies: a slot collects distinct values in text order.
      {{"Anna in Corby", "Beth in Corby", "Anna in Luton"},
       "{1} in {2}",
       {{"Anna", "Beth"}, {"Corby", "Luton"}},
       1.0 / 3.0},
      // ASCII case is ignored when aligning; the first text's case is shown.
      {{"CALL ME NOW", "call me now"}, "CALL ME NOW", {}, 1.0},
      // A leading and a trailing slot.
      {{"Anna: relaxing massage in town", "Beth: relaxing massage in town today"},
       "{1}: relaxing massage in town {2}",
       {{"Anna", "Beth"}, {"", "today"}},
       4.0 / 6.0},
  };
  for (const auto& c : kCases) {
    INFO(c.texts[0] << " | " << c.texts[1]);
    const AdvertTemplate t = BuildTemplate(c.texts);
    CHECK(t.text == c.expected_text);
    std::vector<Values> slots;
    for (const TemplateSlot& s : t.slots) slots.push_back(s.values);
    CHECK(slots == c.expected_slots);
    CHECK(t.shared_fraction == Approx(c.expected_shared));
  }
}

TEST_CASE("TemplateDiff_Degenerate_EmptyAndSingleInputs", "[template_diff]") {
  static const struct {
    std::vector<std::string> texts;
    const char* expected_text;
    size_t expected_slots;
    double expected_shared;
  } kCases[] = {
      {{}, "", 0, 0.0},
      {{""}, "", 0, 0.0},
      {{"Only one advert, here."}, "Only one advert, here.", 0, 1.0},
      {{"", "Some text"}, "{1}", 1, 0.0},
      {{"Nothing alike", "Entirely different"}, "{1}", 1, 0.0},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.texts);
    const AdvertTemplate t = BuildTemplate(c.texts);
    CHECK(t.text == c.expected_text);
    CHECK(t.slots.size() == c.expected_slots);
    CHECK(t.shared_fraction == Approx(c.expected_shared));
  }
}

// Only the first max_words tokens are aligned: differences after them are
// not reported.
TEST_CASE("TemplateDiff_MaxWords_TailIgnored", "[template_diff]") {
  static const struct {
    size_t max_words;
    const char* expected_text;
  } kCases[] = {
      {3, "one two three"},
      {4, "one two three {1}"},
      {400, "one two three {1} five"},
  };
  const std::vector<std::string> texts = {"one two three four five", "one two three 4 five"};
  for (const auto& c : kCases) {
    CAPTURE(c.max_words);
    CHECK(BuildTemplate(texts, c.max_words).text == c.expected_text);
  }
}

}  // namespace
}  // namespace plainsight
