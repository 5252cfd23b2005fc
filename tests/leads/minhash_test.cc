// MinHash: tokenisation rules, signature shape, and estimate accuracy.
#include "leads/minhash.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "leads/near_duplicates.h"

namespace plainsight {
namespace {

// Texts that differ only in what tokenisation throws away have identical
// shingle sets; texts that differ in a word do not.
TEST_CASE("MinHash_Tokenise_CaseDigitsPunctuationIgnored", "[minhash]") {
  static const struct {
    const char* a;
    const char* b;
    bool same;
  } kCases[] = {
      {"Call me now for relaxing evenings", "CALL ME NOW for Relaxing Evenings", true},
      {"Anna, 23, new in town today", "Anna 25 new in town today", true},
      // Phones in any grouping collapse to one "#" placeholder.
      {"ring me on 07700 900111 tonight please", "ring me on 07700900222 tonight please", true},
      {"ring me on 07700 900 111 tonight please", "ring me on 01632960123 tonight please", true},
      {"price £150 per hour, 10am till late", "price £80 per hour, 9am till late", true},
      {"a, b; c! d? e", "a b c d e", true},
      {"Anna 23 new in town today", "Beth 23 new in town today", false},
      // Bytes >= 0x80 are letters, so accented words stay distinct and whole.
      {"café crème every morning here", "cafe creme every morning here", false},
      {"warehouse staff needed now urgently", "warehouse staff needed urgently now", false},
  };
  for (const auto& c : kCases) {
    INFO(c.a << " | " << c.b);
    double exact = ExactShingleJaccard(c.a, c.b);
    if (c.same) {
      CHECK(exact == 1.0);
    } else {
      CHECK(exact < 1.0);
    }
  }
}

TEST_CASE("MinHash_CountShingles_WordWindowsAndShortTexts", "[minhash]") {
  static const struct {
    const char* text;
    int shingle_words;
    int expected;
  } kCases[] = {
      {"", 3, 0},
      {" ,.;!? ", 3, 0},
      {"hello", 3, 1},  // fewer tokens than the window: one shingle
      {"hello there", 3, 1},
      {"one two three", 3, 1},
      {"one two three four five", 3, 3},
      {"one two three four five", 1, 5},
      {"la la la la la la", 3, 1},                      // repeats count once
      {"call 07700 900111 or 01632 960123 now", 3, 3},  // call # or # now
  };
  for (const auto& c : kCases) {
    INFO(c.text << " k=" << c.shingle_words);
    CHECK(CountShingles(c.text, c.shingle_words) == c.expected);
  }
}

TEST_CASE("MinHash_Signature_LengthAndEmptyText", "[minhash]") {
  static const struct {
    const char* text;
    int num_hashes;
    size_t expected_length;
  } kCases[] = {
      {"", 128, 0},
      {"  --  ", 128, 0},
      {"hello", 128, 128},
      {"relaxing massage in a clean flat", 64, 64},
      {"relaxing massage in a clean flat", 0, 1},  // clamped to 1
  };
  for (const auto& c : kCases) {
    MinHashOptions options;
    options.num_hashes = c.num_hashes;
    MinHasher hasher(options);
    INFO(c.text << " num_hashes=" << c.num_hashes);
    CHECK(hasher.Signature(c.text).size() == c.expected_length);
  }
}

TEST_CASE("MinHash_Signature_DeterministicPerSeed", "[minhash]") {
  const std::string text = "Warehouse operatives needed, immediate start, accommodation provided";
  MinHasher a;
  MinHasher b;
  MinHashOptions other_seed;
  other_seed.seed = 42;
  MinHasher c(other_seed);
  static const struct {
    const MinHasher* left;
    const MinHasher* right;
    bool equal;
  } kCases[] = {{&a, &a, true}, {&a, &b, true}, {&a, &c, false}};
  for (const auto& k : kCases) {
    CAPTURE(k.equal);
    CHECK((k.left->Signature(text) == k.right->Signature(text)) == k.equal);
  }
}

TEST_CASE("MinHash_EstimateJaccard_MismatchedOrEmptyIsZero", "[minhash]") {
  static const struct {
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
    double expected;
  } kCases[] = {
      {{}, {}, 0.0},
      {{1, 2, 3}, {1, 2}, 0.0},
      {{1, 2, 3, 4}, {1, 2, 3, 4}, 1.0},
      {{1, 2, 3, 4}, {1, 9, 3, 9}, 0.5},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.a, c.b);
    CHECK(MinHasher::EstimateJaccard(c.a, c.b) == c.expected);
  }
}

// Builds a text of `total` distinct words of which the first `shared` come
// from a common pool, so the exact Jaccard is known in advance.
std::string Words(const std::string& prefix, int shared, int total) {
  std::string text;
  for (int i = 0; i < total; ++i) {
    text += (i < shared ? "common" + std::to_string(i) : prefix + std::to_string(i));
    text += ' ';
  }
  // Digits would become "#": spell indices with letters instead.
  for (char& ch : text) {
    if (ch >= '0' && ch <= '9') ch = static_cast<char>('a' + (ch - '0'));
  }
  return text;
}

// With 126 hashes the estimate's standard error is at most 0.045; allow
// 3.3 standard errors.
TEST_CASE("MinHash_EstimateJaccard_TracksExact", "[minhash]") {
  static const struct {
    int shared;
    int total;
  } kCases[] = {{0, 200}, {50, 200}, {100, 200}, {150, 200}, {190, 200}, {200, 200}, {20, 40}};
  MinHasher hasher;
  for (const auto& c : kCases) {
    const std::string a = Words("left", c.shared, c.total);
    const std::string b = Words("right", c.shared, c.total);
    const double exact = ExactShingleJaccard(a, b);
    const double estimate = MinHasher::EstimateJaccard(hasher.Signature(a), hasher.Signature(b));
    INFO("shared=" << c.shared << " total=" << c.total << " exact=" << exact
                   << " estimate=" << estimate);
    CHECK(std::fabs(exact - estimate) <= 0.15);
  }
}

}  // namespace
}  // namespace plainsight
