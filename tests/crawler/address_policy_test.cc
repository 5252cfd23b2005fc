// Which targets a crawl of the public web may never reach.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "crawler/address_policy.h"
#include "crawler/bounded_queue.h"

namespace plainsight {
namespace {

bool PrivateV4(const char* text) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  REQUIRE(inet_pton(AF_INET, text, &a.sin_addr) == 1);
  return IsPrivateAddress(reinterpret_cast<const sockaddr*>(&a));
}

bool PrivateV6(const char* text) {
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  REQUIRE(inet_pton(AF_INET6, text, &a.sin6_addr) == 1);
  return IsPrivateAddress(reinterpret_cast<const sockaddr*>(&a));
}

TEST_CASE("AddressPolicy_PrivateLoopbackLinkLocalMetadata_Refused") {
  static const struct {
    const char* address;
    bool is_private;
  } kV4[] = {
      {"127.0.0.1", true},     {"10.1.2.3", true},      {"172.16.0.1", true},
      {"172.31.255.255", true}, {"192.168.1.1", true},  {"169.254.169.254", true},
      {"100.64.0.1", true},    {"0.0.0.0", true},       {"224.0.0.1", true},
      {"255.255.255.255", true}, {"8.8.8.8", false},    {"172.32.0.1", false},
      {"93.184.216.34", false}, {"100.128.0.1", false},
  };
  for (const auto& c : kV4) {
    CAPTURE(c.address);
    CHECK(PrivateV4(c.address) == c.is_private);
  }
  static const struct {
    const char* address;
    bool is_private;
  } kV6[] = {
      {"::1", true},          {"::", true},           {"fe80::1", true},
      {"fd00::1", true},      {"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true},
      {"ff02::1", true},      {"2001:db8::1", false}, {"2606:4700::1111", false},
  };
  for (const auto& c : kV6) {
    CAPTURE(c.address);
    CHECK(PrivateV6(c.address) == c.is_private);
  }
}

TEST_CASE("AddressPolicy_LinkLocalMetadata_AlwaysRefused") {
  static const struct {
    const char* address;
    bool link_local;
  } kCases[] = {{"169.254.169.254", true}, {"169.254.0.1", true}, {"127.0.0.1", false},
                {"10.0.0.1", false},       {"8.8.8.8", false}};
  for (const auto& c : kCases) {
    CAPTURE(c.address);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, c.address, &a.sin_addr) == 1);
    CHECK(IsLinkLocalAddress(reinterpret_cast<const sockaddr*>(&a)) == c.link_local);
  }
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  REQUIRE(inet_pton(AF_INET6, "fe80::1", &v6.sin6_addr) == 1);
  CHECK(IsLinkLocalAddress(reinterpret_cast<const sockaddr*>(&v6)));
}

TEST_CASE("BoundedQueue_CloseDrainsThenStops") {
  BoundedQueue<int> queue(2);
  CHECK(queue.Push(1));
  CHECK(queue.Push(2));
  queue.Close();
  CHECK_FALSE(queue.Push(3));
  CHECK(queue.Pop() == std::optional<int>(1));
  CHECK(queue.Pop() == std::optional<int>(2));
  CHECK(queue.Pop() == std::nullopt);
}

}  // namespace
}  // namespace plainsight
