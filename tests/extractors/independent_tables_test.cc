// Phones and messaging handles against tables written independently from a
// brief, by someone who had not read the finders (tests/data/independent/,
// see its README). Each table row is checked; the rows that the finders and
// the labels still disagree on are listed below with why, and the rate of
// exact rows must stay at or above the target.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstddef>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/handles.h"
#include "extractors/phones.h"

namespace plainsight {
namespace {

const std::string kDir = PLAINSIGHT_SOURCE_DIR "/tests/data/independent/";

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

// Rows of a TSV file without its header line; each row split on tabs.
std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    rows.push_back(SplitOn(line, '\t'));
  }
  return rows;
}

std::set<std::string> SetOf(const std::string& comma_separated) {
  std::set<std::string> out;
  for (const std::string& item : SplitOn(comma_separated, ',')) {
    if (!item.empty()) out.insert(item);
  }
  return out;
}

std::string Joined(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

TEST_CASE("IndependentTable_WorldPhones_AtLeast98PercentOfRowsExactAsSets", "[phones]") {
  const auto rows = ReadTsv(kDir + "world_phones.tsv");
  REQUIRE(rows.size() >= 100);
  size_t exact = 0;
  std::vector<std::string> wrong;
  for (const auto& row : rows) {
    REQUIRE(row.size() >= 2);
    const std::string expected = row.size() > 2 ? row[2] : "";
    std::set<std::string> found;
    for (const PhoneMatch& m : FindPhones(row[1], row[0])) found.insert(m.e164);
    if (found == SetOf(expected)) {
      ++exact;
    } else {
      wrong.push_back(row[0] + " | " + row[1] + " | want " + expected + " | got " + Joined(found));
    }
  }
  const double rate = static_cast<double>(exact) / static_cast<double>(rows.size());
  for (const std::string& w : wrong) WARN(w);
  INFO("exact " << exact << " of " << rows.size());
  CHECK(rate >= 0.98);
}

TEST_CASE("IndependentTable_Handles_EveryLabelledHandleFoundAndNoOthers", "[handles]") {
  const auto rows = ReadTsv(kDir + "handles.tsv");
  REQUIRE(rows.size() >= 77);
  size_t exact = 0;
  std::vector<std::string> wrong;
  for (const auto& row : rows) {
    REQUIRE(row.size() >= 2);
    const std::string links_field = row.size() > 2 ? row[2] : "";
    const std::string expected = row.size() > 3 ? row[3] : "";
    std::vector<std::string> links;
    for (const std::string& link : SplitOn(links_field, ' ')) {
      if (!link.empty()) links.push_back(link);
    }
    std::set<std::string> found;
    for (const HandleMatch& m : FindHandles(row[1], links, row[0])) found.insert(m.handle);
    if (found == SetOf(expected)) {
      ++exact;
    } else {
      wrong.push_back(row[0] + " | " + row[1] + " | " + links_field + " | want " + expected +
                      " | got " + Joined(found));
    }
  }
  for (const std::string& w : wrong) WARN(w);
  INFO("exact " << exact << " of " << rows.size());
  CHECK(exact == rows.size());
}

}  // namespace
}  // namespace plainsight
