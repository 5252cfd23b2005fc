// Base64Encode: RFC 4648 section 10's test vectors, binary bytes, and a
// body longer than one encoding chunk (3 MiB) joined without inner padding.
#include <catch2/catch.hpp>

#include <string>

#include "core/base64.h"

namespace plainsight {
namespace {

TEST_CASE("Base64_Rfc4648Section10Vectors") {
  static const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& c : kCases) {
    INFO(c.in);
    CHECK(Base64Encode(c.in) == c.out);
  }
}

TEST_CASE("Base64_BinaryBytesAndBodiesOverOneChunk") {
  CHECK(Base64Encode(std::string("\xff\x00\xfe", 3)) == "/wD+");
  // 3 MiB + 1 byte: two chunks, the second padded, the first not.
  const std::string big((3u << 20) + 1, '\0');
  const std::string encoded = Base64Encode(big);
  CHECK(encoded.size() == ((3u << 20) / 3 + 1) * 4);
  CHECK(encoded.find('=') == encoded.size() - 2);
  CHECK(encoded.substr(0, 4) == "AAAA");
}

}  // namespace
}  // namespace plainsight
