// RedisUrl: where a cluster's Redis lives, parsed from the one URL form the
// project supports:
//
//   redis://host             port 6379, db 0
//   redis://host:port        db 0
//   redis://host:port/db
//
// The scheme is matched case-insensitively; host is a name or an IPv4
// address (letters, digits, '.', '-', '_'). Everything else is refused with
// Status::InvalidArgument naming the text: other schemes (rediss://, unix://),
// user names and passwords ("redis://:secret@host"), IPv6 literals, query
// strings, a port outside 1..65535, a db that is not a decimal number below
// 1,000,000, an empty host, port or db.
//
// Pure functions over plain values; safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace plainsight {

struct RedisUrl {
  std::string host;
  int port = 6379;
  int db = 0;

  // "127.0.0.1:6379": how error messages name the server.
  std::string HostPort() const;
  // "redis://127.0.0.1:6379/0": parses back to the same RedisUrl.
  std::string ToString() const;

  friend bool operator==(const RedisUrl&, const RedisUrl&) = default;
};

Result<RedisUrl> ParseRedisUrl(std::string_view text);

}  // namespace plainsight
