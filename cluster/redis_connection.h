// RedisConnection: one blocking TCP connection to Redis (hiredis underneath),
// with errors as values.
//
// Connect() dials host:port within `timeout`, then SELECTs the URL's db (which
// also proves a Redis answers). The same `timeout` bounds every command's
// wait for its reply, plus `server_may_block_for` for commands that block in
// the server on purpose (XREADGROUP ... BLOCK).
//
// Errors, two kinds, kept apart on purpose:
//  - Transport (refused, reset, timed out, Redis gone): Status::Unavailable
//    ("redis at 127.0.0.1:6390 is unreachable: Connection refused") and the
//    connection is marked broken. A command that timed out may still have run
//    in Redis: its outcome is unknown. Every later command fails fast with
//    Unavailable until Reconnect() succeeds (e.g. once Redis has restarted).
//    The connection never reconnects by itself, so a caller always learns that
//    Redis went away (membership may have lapsed meanwhile).
//  - Redis said no ("ERR ...", "WRONGTYPE ...", "BUSYGROUP ..."): Command()
//    returns it as a RedisReply of kind kError and the caller decides (some
//    errors are expected, like BUSYGROUP); CheckedCommand() turns it into
//    Status::IoError naming the server, the command and Redis's text, for
//    callers that treat every error reply as a failure. Error replies nested
//    in arrays (EXEC) are left to the caller in both.
//
// Signals: a write to a Redis that has gone would raise SIGPIPE; commands
// block SIGPIPE on the calling thread while they run and discard one they
// raised, so the caller sees Unavailable and never needs to ignore SIGPIPE.
//
// Threads: not thread-safe. Use one connection per thread; a connection may
// move between threads when handed over with proper synchronisation.
// Ownership: owns its socket and hiredis context (closed by the destructor);
// move-only.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cluster/redis_reply.h"
#include "core/redis_url.h"
#include "core/status.h"

struct redisContext;  // hiredis; kept out of this header

namespace plainsight::cluster {

class RedisConnection {
 public:
  static Result<RedisConnection> Connect(const RedisUrl& url, std::chrono::milliseconds timeout);

  RedisConnection(RedisConnection&&) noexcept = default;
  RedisConnection& operator=(RedisConnection&&) noexcept = default;
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;
  ~RedisConnection() = default;

  // One command, argv[0] being its name; arguments are sent as bulk strings,
  // so they may hold any bytes.
  Result<RedisReply> Command(const std::vector<std::string>& argv,
                             std::chrono::milliseconds server_may_block_for =
                                 std::chrono::milliseconds(0));
  // Command(), with an error reply turned into Status::IoError.
  Result<RedisReply> CheckedCommand(const std::vector<std::string>& argv,
                                    std::chrono::milliseconds server_may_block_for =
                                        std::chrono::milliseconds(0));

  // Drops the old socket and dials again with the same URL and timeout.
  // Also fine on a connection that is not broken.
  Status Reconnect();

  bool broken() const { return broken_; }
  const RedisUrl& url() const { return url_; }

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const;
  };
  using ContextHandle = std::unique_ptr<redisContext, ContextDeleter>;

  RedisConnection(RedisUrl url, std::chrono::milliseconds timeout)
      : url_(std::move(url)), timeout_(timeout) {}
  Status Dial();
  Status MarkBroken(const std::string& reason);

  RedisUrl url_;
  std::chrono::milliseconds timeout_;
  ContextHandle context_;
  bool broken_ = true;      // until Dial() succeeds
  std::string broken_why_;  // the failure that broke it, repeated by later commands
};

}  // namespace plainsight::cluster
