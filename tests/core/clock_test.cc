#include <catch2/catch.hpp>

#include "core/clock.h"
#include "core/sha256.h"

namespace plainsight {
namespace {

TEST_CASE("TimeSpec_AbsoluteAndRelativeForms") {
  const std::int64_t now = 1795824000;  // 2026-11-28T00:00:00Z
  static const struct {
    const char* text;
    bool ok;
    std::int64_t expected;
  } kCases[] = {
      {"2026-11-28", true, 1795824000},
      {"2026-11-28T10:00:00Z", true, 1795824000 + 36000},
      {"2026-11-28T10:00:00+01:00", true, 1795824000 + 32400},
      {"2026-11-28T10:00:00.123Z", true, 1795824000 + 36000},
      {"24h", true, now - 86400},
      {"7d", true, now - 7 * 86400},
      {"30m", true, now - 1800},
      {"yesterday", false, 0},
      {"2026-13-01", false, 0},
      {"", false, 0},
      {"5y", false, 0},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    std::int64_t out = 0;
    REQUIRE(ParseTimeSpec(c.text, now, &out) == c.ok);
    if (c.ok) CHECK(out == c.expected);
  }
  CHECK(FormatIso8601(1795824000 + 36000) == "2026-11-28T10:00:00Z");
}

TEST_CASE("Sha256_KnownVectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace plainsight
