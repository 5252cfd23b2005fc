// PdqHash text form and distance, as ../shared/pdq/README.md step 7 defines
// them: 16 words of 16 bits printed from word 15 down, bit k in word k / 16.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>

#include "images/pdq_hash.h"

using plainsight::images::HammingDistance;
using plainsight::images::PdqHash;

TEST_CASE("PDQ text form: bit k lives in word k/16, printed word 15 first", "[images]") {
  struct Row {
    int bit;
    const char* hex;
  };
  const Row rows[] = {
      {0, "0000000000000000000000000000000000000000000000000000000000000001"},
      {15, "0000000000000000000000000000000000000000000000000000000000008000"},
      {16, "0000000000000000000000000000000000000000000000000000000000010000"},
      {255, "8000000000000000000000000000000000000000000000000000000000000000"},
  };
  for (const Row& row : rows) {
    PdqHash hash;
    hash.SetBit(row.bit);
    CAPTURE(row.bit);
    CHECK(hash.ToHex() == row.hex);
    const auto parsed = PdqHash::FromHex(row.hex);
    REQUIRE(parsed);
    CHECK(*parsed == hash);
    CHECK(parsed->Bit(row.bit));
  }
}

TEST_CASE("PDQ text form: a published hash round-trips in either case", "[images]") {
  const std::string hex = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";
  const auto hash = PdqHash::FromHex(hex);
  REQUIRE(hash);
  CHECK(hash->ToHex() == hex);
  std::string upper = hex;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(PdqHash::FromHex(upper) == hash);
}

TEST_CASE("PDQ text form: anything but 64 hex digits is refused", "[images]") {
  const char* bad[] = {"", "f8f8", "g8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22",
                       "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b2200",
                       "pdq:f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b"};
  for (const char* text : bad) {
    CAPTURE(text);
    CHECK_FALSE(PdqHash::FromHex(text));
  }
}

TEST_CASE("PDQ distance counts differing bits", "[images]") {
  PdqHash a;
  PdqHash b;
  CHECK(HammingDistance(a, b) == 0);
  for (int k = 0; k < 256; k += 8) b.SetBit(k);
  CHECK(HammingDistance(a, b) == 32);
  for (auto& w : a.words) w = 0xFFFF;
  CHECK(HammingDistance(a, PdqHash{}) == 256);
  // The two published C++ hashes of the bridge and its horizontal flip differ.
  const auto bridge = PdqHash::FromHex("f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22");
  const auto flipped = PdqHash::FromHex("f8f80f31e0f417b00e37f5cd028f980fb36ed02a9662c1e233e6cc634e9c64dd");
  REQUIRE(bridge);
  REQUIRE(flipped);
  CHECK(HammingDistance(*bridge, *flipped) > plainsight::images::kPdqMatchDistance);
}
