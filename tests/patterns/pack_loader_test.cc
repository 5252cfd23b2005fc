// Loading packs: the good path, and every error with its exact
// "file:line: ..." message.
#include <catch2/catch.hpp>

#include <string>

#include "patterns/pattern_set.h"

namespace plainsight {
namespace {

const std::string kDataDir = PLAINSIGHT_SOURCE_DIR "/tests/patterns/data/";

TEST_CASE("PatternLoad_GoodPack_FieldsAndLines", "[patterns]") {
  auto set = PatternSet::LoadFiles({kDataDir + "good_pack.toml"});
  REQUIRE(set.ok());
  const std::vector<Indicator>& all = (*set)->indicators();
  REQUIRE(all.size() == 3);

  const Indicator& first = all[0];
  CHECK(first.id == "test.accommodation_provided");
  CHECK(first.category == "living_and_working_same_address");
  CHECK(first.kinds == std::vector<std::string>{"jobs"});
  CHECK(first.weight == 2.0);
  CHECK(first.pattern == R"((?i)\baccommodation\s+(is\s+)?(provided|included)\b)");
  CHECK(first.unless == R"((?i)\bno\s+accommodation)");
  CHECK(first.examples == std::vector<std::string>{"Accommodation provided on site"});
  CHECK(first.counter_examples == std::vector<std::string>{"No accommodation provided"});
  CHECK(first.file == kDataDir + "good_pack.toml");
  CHECK(first.line == 3);

  // An integer weight is accepted; missing examples and unless are empty.
  CHECK(all[1].weight == 1.0);
  CHECK(all[1].unless.empty());
  CHECK(all[1].examples.empty());
  CHECK(all[1].line == 13);
  CHECK(all[2].kinds == std::vector<std::string>{"jobs", "adult"});
  CHECK(all[2].line == 20);
}

TEST_CASE("PatternLoad_SeveralPacks_KeepFileOrder", "[patterns]") {
  auto set = PatternSet::LoadFiles({kDataDir + "good_pack.toml", kDataDir + "second_pack.toml"});
  REQUIRE(set.ok());
  REQUIRE((*set)->indicators().size() == 4);
  CHECK((*set)->indicators()[3].id == "test.second");
  CHECK((*set)->indicators()[3].file == kDataDir + "second_pack.toml");
  CHECK((*set)->indicators()[3].line == 2);
}

TEST_CASE("PatternLoad_Find_ById", "[patterns]") {
  auto set = PatternSet::LoadFiles({kDataDir + "good_pack.toml"});
  REQUIRE(set.ok());
  static const struct {
    const char* id;
    bool found;
  } kCases[] = {
      {"test.cash", true},
      {"test.around_the_clock", true},
      {"test.missing", false},
      {"", false},
  };
  for (const auto& c : kCases) {
    INFO("id: " << c.id);
    const Indicator* indicator = (*set)->Find(c.id);
    CHECK((indicator != nullptr) == c.found);
    if (indicator != nullptr) CHECK(indicator->id == c.id);
  }
}

TEST_CASE("PatternLoad_NoPaths_EmptySet", "[patterns]") {
  auto set = PatternSet::LoadFiles({});
  REQUIRE(set.ok());
  CHECK((*set)->indicators().empty());
  CHECK((*set)->Match("accommodation provided, 24/7", "").empty());
  CHECK((*set)->Check().empty());
}

TEST_CASE("PatternLoad_FileErrors_NameTheFile", "[patterns]") {
  const std::string missing = kDataDir + "does_not_exist.toml";
  auto set = PatternSet::LoadFiles({missing});
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().code() == Status::Code::kIoError);
  CHECK(set.status().message() ==
        missing + ": cannot read pattern pack: No such file or directory");

  // Ids must be unique across packs, and the message points at both.
  auto dup = PatternSet::LoadFiles({kDataDir + "good_pack.toml", kDataDir + "duplicate_of_good.toml"});
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.status().message() == kDataDir + "duplicate_of_good.toml:3: indicator test.cash: " +
                                      "duplicate id (first at " + kDataDir + "good_pack.toml:20)");
}

// One valid indicator body; each error case swaps a line or adds one.
std::string PackWith(const std::string& replace_key, const std::string& with) {
  static const struct {
    const char* key;
    const char* line;
  } kLines[] = {
      {"id", "id = \"jobs.x\""},
      {"kinds", "kinds = [\"jobs\"]"},
      {"category", "category = \"fees_and_debt\""},
      {"weight", "weight = 2.0"},
      {"pattern", "pattern = '(?i)\\bfee\\b'"},
  };
  std::string text = "# pack\n\n[[indicator]]\n";
  for (const auto& line : kLines) {
    if (replace_key == line.key) {
      if (!with.empty()) text += with + "\n";
    } else {
      text += std::string(line.line) + "\n";
    }
  }
  if (replace_key.empty()) text += with + "\n";
  return text;
}

TEST_CASE("PatternLoad_Errors_ExactMessages", "[patterns]") {
  static const struct {
    const char* name;
    std::string text;
    const char* message;
  } kCases[] = {
      {"toml syntax", "[[indicator]]\nid = \"jobs.x\"\nkinds = [\"jobs\"\n",
       "t.toml:3: bad TOML: Error while parsing array: encountered end-of-file"},
      {"toml duplicate key", PackWith("", "id = \"jobs.y\""),
       "t.toml:9: bad TOML: Error while parsing key-value pair: cannot redefine existing string "
       "'id'"},
      {"empty pack", "# nothing here\n", "t.toml:1: no [[indicator]] tables"},
      {"unknown top-level key", "[indicators]\nid = \"jobs.x\"\n",
       "t.toml:1: unknown top-level key \"indicators\" (a pack holds only [[indicator]] tables)"},
      {"indicator not a table array", "indicator = 3\n",
       "t.toml:1: \"indicator\" must be an array of tables ([[indicator]])"},
      {"missing id", PackWith("id", ""), "t.toml:3: indicator #1: missing key \"id\""},
      {"id wrong type", PackWith("id", "id = 7"), "t.toml:3: indicator #1: \"id\" must be a string"},
      {"id not dotted", PackWith("id", "id = \"fees\""),
       "t.toml:3: indicator #1: bad id \"fees\" (want lowercase dotted words, e.g. "
       "jobs.fees_upfront)"},
      {"id upper case", PackWith("id", "id = \"jobs.Fees\""),
       "t.toml:3: indicator #1: bad id \"jobs.Fees\" (want lowercase dotted words, e.g. "
       "jobs.fees_upfront)"},
      {"id empty part", PackWith("id", "id = \"jobs..fees\""),
       "t.toml:3: indicator #1: bad id \"jobs..fees\" (want lowercase dotted words, e.g. "
       "jobs.fees_upfront)"},
      {"unknown key", PackWith("", "counter_example = [\"x\"]"),
       "t.toml:3: indicator jobs.x: unknown key \"counter_example\""},
      {"missing kinds", PackWith("kinds", ""), "t.toml:3: indicator jobs.x: missing key \"kinds\""},
      {"kinds wrong type", PackWith("kinds", "kinds = \"jobs\""),
       "t.toml:3: indicator jobs.x: \"kinds\" must be an array of strings"},
      {"kinds element wrong type", PackWith("kinds", "kinds = [\"jobs\", 2]"),
       "t.toml:3: indicator jobs.x: \"kinds\" must be an array of strings"},
      {"kinds empty", PackWith("kinds", "kinds = []"), "t.toml:3: indicator jobs.x: \"kinds\" is empty"},
      {"unknown kind", PackWith("kinds", "kinds = [\"jobs\", \"dating\"]"),
       "t.toml:3: indicator jobs.x: unknown kind \"dating\" (want \"jobs\" or \"adult\")"},
      {"kind twice", PackWith("kinds", "kinds = [\"adult\", \"adult\"]"),
       "t.toml:3: indicator jobs.x: kind \"adult\" listed twice"},
      {"missing category", PackWith("category", ""),
       "t.toml:3: indicator jobs.x: missing key \"category\""},
      {"bad category", PackWith("category", "category = \"fees and debt\""),
       "t.toml:3: indicator jobs.x: bad category \"fees and debt\" (want lowercase words joined by _)"},
      {"missing weight", PackWith("weight", ""), "t.toml:3: indicator jobs.x: missing key \"weight\""},
      {"weight wrong type", PackWith("weight", "weight = \"2\""),
       "t.toml:3: indicator jobs.x: \"weight\" must be a number"},
      {"weight zero", PackWith("weight", "weight = 0"),
       "t.toml:3: indicator jobs.x: weight 0 out of range (want > 0 and <= 10)"},
      {"weight too big", PackWith("weight", "weight = 12.5"),
       "t.toml:3: indicator jobs.x: weight 12.5 out of range (want > 0 and <= 10)"},
      {"weight nan", PackWith("weight", "weight = nan"),
       "t.toml:3: indicator jobs.x: weight nan out of range (want > 0 and <= 10)"},
      {"missing pattern", PackWith("pattern", ""),
       "t.toml:3: indicator jobs.x: missing key \"pattern\""},
      {"empty pattern", PackWith("pattern", "pattern = ''"),
       "t.toml:3: indicator jobs.x: \"pattern\" is empty"},
      {"pattern wrong type", PackWith("pattern", "pattern = ['fee']"),
       "t.toml:3: indicator jobs.x: \"pattern\" must be a string"},
      {"bad pattern", PackWith("pattern", "pattern = '(?i)(fee'"),
       "t.toml:3: indicator jobs.x: bad pattern: missing ): (?i)(fee"},
      {"pattern matches empty text", PackWith("pattern", "pattern = '(?i)(fee)?'"),
       "t.toml:3: indicator jobs.x: pattern matches empty text"},
      {"unless wrong type", PackWith("", "unless = 1"),
       "t.toml:3: indicator jobs.x: \"unless\" must be a string"},
      {"bad unless", PackWith("", "unless = '[no'"),
       "t.toml:3: indicator jobs.x: bad unless: missing ]: [no"},
      {"unless matches empty text", PackWith("", "unless = 'x*'"),
       "t.toml:3: indicator jobs.x: unless matches empty text"},
      {"examples wrong type", PackWith("", "examples = \"a fee\""),
       "t.toml:3: indicator jobs.x: \"examples\" must be an array of strings"},
      {"counter_examples wrong type", PackWith("", "counter_examples = [1]"),
       "t.toml:3: indicator jobs.x: \"counter_examples\" must be an array of strings"},
      {"duplicate id in one pack",
       PackWith("", "") + "\n[[indicator]]\nid = \"jobs.x\"\nkinds = [\"jobs\"]\n"
                           "category = \"c\"\nweight = 1\npattern = 'y'\n",
       "t.toml:11: indicator jobs.x: duplicate id (first at t.toml:3)"},
  };
  for (const auto& c : kCases) {
    INFO("case: " << c.name << "\n" << c.text);
    auto set = PatternSet::LoadText(c.text, "t.toml");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == Status::Code::kInvalidArgument);
    CHECK(set.status().message() == c.message);
  }
}

TEST_CASE("PatternLoad_ValidVariants_Accepted", "[patterns]") {
  static const struct {
    const char* name;
    std::string text;
  } kCases[] = {
      {"base indicator", PackWith("", "")},
      {"integer weight", PackWith("weight", "weight = 3")},
      {"weight at the cap", PackWith("weight", "weight = 10.0")},
      {"both kinds", PackWith("kinds", "kinds = [\"adult\", \"jobs\"]")},
      {"three-part id", PackWith("id", "id = \"jobs.fees.upfront_2\"")},
      {"empty unless means none", PackWith("", "unless = ''")},
      {"empty example lists", PackWith("", "examples = []\ncounter_examples = []")},
  };
  for (const auto& c : kCases) {
    INFO("case: " << c.name << "\n" << c.text);
    auto set = PatternSet::LoadText(c.text, "t.toml");
    REQUIRE(set.ok());
    CHECK((*set)->indicators().size() == 1);
  }
}

}  // namespace
}  // namespace plainsight
