#include "extractors/windowed_search.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "extractors/email_search.h"

namespace plainsight {
namespace {

// Deterministic text from pieces that meet at awkward places: digits,
// currency, folded letters (the Kelvin sign, long s), brackets, spaces.
std::string RandomText(std::uint64_t* state, size_t pieces) {
  static const char* const kPieces[] = {
      "1", "24", "/", "7", " ", "  ", "\n", ".", ",", "-", "\xC2\xA3", "$", "\xE2\x82\xAC", "gbp",
      "usd", "u\xC5\xBF" "d", "k", "\xE2\x84\xAA", "NN1", "1AA", "GIR 0AA", "a", "at", " at ",
      "[at]", "(at)", "@", "dot", "(dot)", "example", "org", "x_y", "anna", "\xFF", "Road", "12a",
      "Mill", "St", "per hour", "3.50", "12/03/2026", "_", "'", "\t", " ( at ) ", "{", "}", "<",
      ">", "[", "]", " @ ", "@ ", ".com", "co.uk", " dot ", "AT", "jo.b+1%x-y"};
  std::string text;
  for (size_t i = 0; i < pieces; ++i) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    text += kPieces[(*state >> 33) % (sizeof kPieces / sizeof kPieces[0])];
  }
  return text;
}

struct Found {
  bool matched = false;
  std::vector<std::string> groups;
};

Found Record(bool matched, const re2::StringPiece* g, int n, std::string_view text) {
  Found found;
  found.matched = matched;
  for (int i = 0; matched && i < n; ++i) {
    found.groups.push_back(g[i].data() == nullptr
                               ? "-"
                               : std::to_string(g[i].data() - text.data()) + "+" +
                                     std::to_string(g[i].size()));
  }
  return found;
}

TEST_CASE("DigitWindows_MergesReachesAroundDigits", "[windowed_search]") {
  const std::string text = "ab 12 cdefghijklmnop 3 q";
  const std::vector<TextWindow> windows = DigitWindows(text, DigitReach{2, 2});
  REQUIRE(windows.size() == 2);
  CHECK(windows[0].begin == 1);
  CHECK(windows[0].end == 7);
  CHECK(windows[1].begin == 19);
  CHECK(windows[1].end == 24);
  CHECK(DigitWindows("no digits at all", DigitReach{8, 8}).empty());
  CHECK(NextDigit("abcdefghijklmnopqrstuvwxyz9", 0) == 26);
  CHECK(NextDigit("abc", 0) == 3);
}

TEST_CASE("WindowedSearch_SameMatchesAsWholeText", "[windowed_search]") {
  // A money pattern: every match holds digits, starts at most 5 bytes
  // before the first and ends at most 3 after the last.
  const RE2 money(R"((?i)(?:£|\$|€|\bgbp|\busd)\s?\d[\d,]*(?:\.\d+)?k?)");
  std::uint64_t state = 42;
  for (size_t round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&state, 1 + round % 40);
    INFO(text);
    WindowedSearch search(money, text, DigitWindows(text, DigitReach{8, 8}));
    const re2::StringPiece input(text);
    size_t pos = 0;
    while (pos <= text.size()) {
      re2::StringPiece a[1], b[1];
      const bool whole = money.Match(input, pos, text.size(), RE2::UNANCHORED, a, 1);
      const bool windowed = search.Match(pos, b, 1);
      REQUIRE(whole == windowed);
      if (!whole) break;
      CHECK(Record(true, a, 1, text).groups == Record(true, b, 1, text).groups);
      pos = static_cast<size_t>(a[0].data() - text.data()) + a[0].size() + 1;
    }
  }
}

TEST_CASE("EmailSearch_SameMatchesAsWholeText", "[windowed_search]") {
  std::uint64_t state = 7;
  for (size_t round = 0; round < 20000; ++round) {
    const std::string text = RandomText(&state, 1 + round % 30);
    INFO(text);
    EmailSearch search(text);
    const re2::StringPiece input(text);
    size_t pos = 0;
    int steps = 0;
    while (pos < text.size() && steps++ < 50) {
      re2::StringPiece a[3], b[3];
      const bool whole = EmailPattern().Match(input, pos, text.size(), RE2::UNANCHORED, a, 3);
      const bool found = search.Match(pos, b, 3);
      REQUIRE(whole == found);
      if (!whole) break;
      CHECK(Record(true, a, 3, text).groups == Record(true, b, 3, text).groups);
      // Resume inside the match now and then: FindEmails steps back when it
      // drops trailing words.
      const size_t begin = static_cast<size_t>(a[0].data() - text.data());
      pos = round % 3 == 0 ? begin + 1 : begin + a[0].size();
    }
  }
}

}  // namespace
}  // namespace plainsight
