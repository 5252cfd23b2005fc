#include <catch2/catch.hpp>

#include "core/redis_url.h"

namespace plainsight::cluster {
namespace {

TEST_CASE("RedisUrl_SupportedForms_ParseWithDefaults") {
  static const struct {
    const char* text;
    const char* host;
    int port;
    int db;
  } kCases[] = {
      {"redis://127.0.0.1:6390/2", "127.0.0.1", 6390, 2},
      {"redis://localhost", "localhost", 6379, 0},
      {"redis://redis.internal:7000", "redis.internal", 7000, 0},
      {"redis://cache-1_eu.example.org/15", "cache-1_eu.example.org", 6379, 15},
      {"REDIS://Host:1/0", "Host", 1, 0},
      {"redis://h:65535/999999", "h", 65535, 999999},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    Result<RedisUrl> url = ParseRedisUrl(c.text);
    INFO(url.status().ToString());
    REQUIRE(url.ok());
    CHECK(url->host == c.host);
    CHECK(url->port == c.port);
    CHECK(url->db == c.db);
    CHECK(ParseRedisUrl(url->ToString()).value() == *url);
  }
}

TEST_CASE("RedisUrl_AnythingElse_IsInvalidArgumentNamingTheText") {
  static const char* const kRejected[] = {
      "",
      "localhost:6379",              // no scheme
      "http://localhost:6379",       // wrong scheme
      "rediss://localhost:6379",     // TLS is not supported
      "unix:///run/redis.sock",      // nor sockets
      "redis://",                    // empty host
      "redis://:6379",               // empty host
      "redis://host:",               // empty port
      "redis://host:0",              // port out of range
      "redis://host:65536",          // port out of range
      "redis://host:-1",             // sign
      "redis://host:63a9",           // not a number
      "redis://host:6379/",          // empty db
      "redis://host:6379/x",         // not a number
      "redis://host/1/2",            // a path
      "redis://host/1234567",        // db too large
      "redis://:secret@host:6379",   // password
      "redis://user:secret@host/0",  // user and password
      "redis://[::1]:6379",          // IPv6 literal
      "redis://host:6379/0?timeout=1",
      "redis://ho st",
  };
  for (const char* text : kRejected) {
    CAPTURE(text);
    Result<RedisUrl> url = ParseRedisUrl(text);
    REQUIRE_FALSE(url.ok());
    CHECK(url.status().IsInvalidArgument());
    CHECK_THAT(url.status().message(), Catch::Contains("\"" + std::string(text) + "\""));
  }
}

TEST_CASE("RedisUrl_HostPort_NamesTheServerInMessages") {
  RedisUrl url = ParseRedisUrl("redis://10.0.0.5:6390/3").value();
  CHECK(url.HostPort() == "10.0.0.5:6390");
  CHECK(url.ToString() == "redis://10.0.0.5:6390/3");
}

}  // namespace
}  // namespace plainsight::cluster
