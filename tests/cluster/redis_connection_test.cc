#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "cluster/redis_connection.h"
#include "tests/cluster/connect_to.h"
#include "tests/support/redis_server.h"

namespace plainsight::cluster {
namespace {

using std::chrono::milliseconds;

// A loopback socket that accepts connections (the kernel completes them) but
// never answers: a hung Redis.
struct SilentListener {
  SilentListener() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(fd, 8);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~SilentListener() { ::close(fd); }
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  int fd = -1;
  int port = 0;
};

// A port nothing listens on: bound, then closed.
int ClosedPort() {
  SilentListener probe;
  return probe.port;
}

TEST_CASE("RedisConnection_UnreachableRedis_IsUnavailableNamingHostPortWithinTimeout") {
  SilentListener silent;
  static const struct {
    const char* what;
    bool silent;
    const char* reason;
  } kCases[] = {
      {"nothing listens", false, "Connection refused"},
      {"listens but never answers", true, "no reply within 300 ms"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.what);
    RedisUrl url{"127.0.0.1", c.silent ? silent.port : ClosedPort(), 0};
    const auto start = std::chrono::steady_clock::now();
    Result<RedisConnection> connection = RedisConnection::Connect(url, milliseconds(300));
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(connection.ok());
    CHECK(connection.status().code() == Status::Code::kUnavailable);
    CHECK_THAT(connection.status().message(),
               Catch::StartsWith("redis at " + url.HostPort() + " is unreachable: ") &&
                   Catch::Contains(c.reason));
    CHECK(took < milliseconds(1500));
  }
}

TEST_CASE("RedisConnection_Command_ReturnsEveryReplyKindBinarySafe") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  const std::string key("k\0ey", 4);
  const std::string binary("a\0b\r\n\xff", 6);

  REQUIRE(connection.Command({"SET", key, binary}).ok());
  RedisReply got = connection.Command({"GET", key}).value();
  CHECK(got.kind == RedisReply::Kind::kString);
  CHECK(got.text == binary);

  CHECK(connection.Command({"PING"})->kind == RedisReply::Kind::kStatus);
  CHECK(connection.Command({"PING"})->text == "PONG");
  CHECK(connection.Command({"GET", "missing"})->kind == RedisReply::Kind::kNil);
  RedisReply counted = connection.Command({"INCRBY", "n", "41"}).value();
  CHECK(counted.kind == RedisReply::Kind::kInteger);
  CHECK(counted.integer == 41);
  RedisReply listed = connection.Command({"MGET", "n", "missing"}).value();
  REQUIRE(listed.kind == RedisReply::Kind::kArray);
  REQUIRE(listed.elements.size() == 2);
  CHECK(listed.elements[0].text == "41");
  CHECK(listed.elements[1].IsNil());

  // Redis refusing a command is a reply for Command, a Status for CheckedCommand.
  RedisReply refused = connection.Command({"INCR", key}).value();
  CHECK(refused.kind == RedisReply::Kind::kError);
  CHECK_THAT(refused.text, Catch::StartsWith("ERR"));
  Result<RedisReply> checked = connection.CheckedCommand({"INCR", key});
  REQUIRE_FALSE(checked.ok());
  CHECK(checked.status().code() == Status::Code::kIoError);
  CHECK_THAT(checked.status().message(), Catch::Contains("127.0.0.1:" + std::to_string(redis->port())));
  CHECK_FALSE(connection.broken());
}

TEST_CASE("RedisConnection_Connect_SelectsTheUrlDbAndRefusesAMissingOne") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection db0 = ConnectTo(*redis);
  RedisConnection db3 =
      RedisConnection::Connect(ParseRedisUrl(redis->Url(3)).value(), milliseconds(2000)).value();
  REQUIRE(db3.Command({"SET", "only-in-3", "x"}).ok());
  CHECK(db3.Command({"GET", "only-in-3"})->text == "x");
  CHECK(db0.Command({"GET", "only-in-3"})->IsNil());

  Result<RedisConnection> db99 =
      RedisConnection::Connect(ParseRedisUrl(redis->Url(99)).value(), milliseconds(2000));
  REQUIRE_FALSE(db99.ok());
  CHECK(db99.status().IsInvalidArgument());
  CHECK_THAT(db99.status().message(), Catch::Contains("SELECT 99"));
}

TEST_CASE("RedisConnection_RedisRestart_ReconnectFindsTheAofData") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  REQUIRE(connection.CheckedCommand({"SET", "survives", "yes"}).ok());

  redis->Stop();
  Result<RedisReply> while_down = connection.Command({"GET", "survives"});
  REQUIRE_FALSE(while_down.ok());
  CHECK(while_down.status().code() == Status::Code::kUnavailable);
  CHECK(connection.broken());
  CHECK(connection.Reconnect().code() == Status::Code::kUnavailable);

  const std::string restarted = redis->Restart();
  INFO(restarted);
  REQUIRE(restarted.empty());
  // Still broken until the caller reconnects: it must learn Redis went away.
  CHECK(connection.Command({"PING"}).status().code() == Status::Code::kUnavailable);
  REQUIRE(connection.Reconnect().ok());
  CHECK_FALSE(connection.broken());
  CHECK(connection.Command({"GET", "survives"})->text == "yes");
}

TEST_CASE("RedisConnection_RedisGoneMidWrite_IsUnavailableNotSigpipe") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  RedisConnection connection = ConnectTo(*redis);
  redis->Kill();
  // Larger than the socket buffers, so the write continues after Redis's RST.
  const std::string big(32 << 20, 'x');
  Result<RedisReply> reply = connection.Command({"SET", "big", big});
  REQUIRE_FALSE(reply.ok());
  CHECK(reply.status().code() == Status::Code::kUnavailable);
  CHECK_THAT(reply.status().message(), Catch::Contains("(during SET)"));
}

}  // namespace
}  // namespace plainsight::cluster
