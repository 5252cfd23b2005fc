// Check(): examples and counter-examples, reported with file:line.
#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

#include "patterns/pattern_set.h"

namespace plainsight {
namespace {

TEST_CASE("PatternCheck_GoodPack_NoFailures", "[patterns]") {
  auto set = PatternSet::LoadFiles({PLAINSIGHT_SOURCE_DIR "/tests/patterns/data/good_pack.toml"});
  REQUIRE(set.ok());
  CHECK((*set)->Check().empty());
}

TEST_CASE("PatternCheck_FailingExamples_OneMessageEach", "[patterns]") {
  const std::string path = PLAINSIGHT_SOURCE_DIR "/tests/patterns/data/failing_examples.toml";
  auto set = PatternSet::LoadFiles({path});
  REQUIRE(set.ok());
  std::vector<std::string> failures = (*set)->Check();

  static const char* const kExpected[] = {
      // An example the pattern misses.
      ":3: indicator test.fees: example \"Pay a fee to register\" did not match",
      // A counter-example the pattern catches (the other is suppressed by
      // `unless`, so it passes).
      (":3: indicator test.fees: counter-example \"The registration fee is refunded\" matched "
       "\"registration fee\""),
      // Two kinds, but one message per counter-example.
      ":13: indicator test.both_kinds: counter-example \"Paid in cash\" matched \"cash\"",
  };
  REQUIRE(failures.size() == std::size(kExpected));
  for (size_t i = 0; i < failures.size(); ++i) {
    INFO("failure " << i);
    CHECK(failures[i] == path + kExpected[i]);
  }
}

TEST_CASE("PatternCheck_LoadText_UsesSourceName", "[patterns]") {
  static const struct {
    const char* name;
    const char* text;
    std::vector<std::string> failures;
  } kCases[] = {
      {"example passes",
       "[[indicator]]\nid = \"a.b\"\nkinds = [\"adult\"]\ncategory = \"c\"\nweight = 1\n"
       "pattern = 'x'\nexamples = ['x']\ncounter_examples = ['y']\n",
       {}},
      {"example fails",
       "\n[[indicator]]\nid = \"a.b\"\nkinds = [\"adult\"]\ncategory = \"c\"\nweight = 1\n"
       "pattern = 'x'\nexamples = ['y']\n",
       {"inline.toml:2: indicator a.b: example \"y\" did not match"}},
      {"unless hides the example",
       "[[indicator]]\nid = \"a.b\"\nkinds = [\"jobs\"]\ncategory = \"c\"\nweight = 1\n"
       "pattern = 'x'\nunless = 'z'\nexamples = ['x z']\ncounter_examples = ['x']\n",
       {"inline.toml:1: indicator a.b: example \"x z\" did not match",
        "inline.toml:1: indicator a.b: counter-example \"x\" matched \"x\""}},
  };
  for (const auto& c : kCases) {
    INFO("case: " << c.name);
    auto set = PatternSet::LoadText(c.text, "inline.toml");
    REQUIRE(set.ok());
    CHECK((*set)->Check() == c.failures);
  }
}

}  // namespace
}  // namespace plainsight
