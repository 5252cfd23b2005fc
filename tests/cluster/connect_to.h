// Test helper: a RedisConnection to a test's RedisServer, REQUIREd to work.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>

#include "cluster/redis_connection.h"
#include "tests/support/redis_server.h"

namespace plainsight::cluster {

inline RedisConnection ConnectTo(const testing::RedisServer& server,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(2)) {
  Result<RedisUrl> url = ParseRedisUrl(server.Url());
  REQUIRE(url.ok());
  Result<RedisConnection> connection = RedisConnection::Connect(*url, timeout);
  INFO(connection.status().ToString());
  REQUIRE(connection.ok());
  return std::move(connection).value();
}

}  // namespace plainsight::cluster
