// RedisReply: one Redis reply as a plain value tree, copied out of hiredis so
// callers never hold hiredis memory (RESP2: nil, integer, bulk string, status,
// error, array).
//
// `text` holds the bytes of a string (binary-safe, may contain NULs), the
// text of a status ("OK") or of an error ("BUSYGROUP Consumer Group name
// already exists"). `elements` holds an array's members, in order.
//
// A plain value: copyable, movable, safe to pass between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plainsight::cluster {

struct RedisReply {
  enum class Kind { kNil, kInteger, kString, kStatus, kError, kArray };

  Kind kind = Kind::kNil;
  std::int64_t integer = 0;
  std::string text;
  std::vector<RedisReply> elements;

  bool IsNil() const { return kind == Kind::kNil; }
  bool IsInteger() const { return kind == Kind::kInteger; }
  bool IsString() const { return kind == Kind::kString; }
  bool IsStatus() const { return kind == Kind::kStatus; }
  bool IsError() const { return kind == Kind::kError; }
  bool IsArray() const { return kind == Kind::kArray; }
};

}  // namespace plainsight::cluster
