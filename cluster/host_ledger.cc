#include "cluster/host_ledger.h"

#include <algorithm>
#include <charconv>

namespace plainsight::cluster {
namespace {

// KEYS[1] the host key, ARGV[1] the offered time, ARGV[2] the retention in
// ms. Compares as numbers (Lua doubles: exact for any Unix ms below 2^53)
// but returns the stored text, so the answer is exact. A stored value that is
// not a number is overwritten.
constexpr const char* kStoreMaxScript = R"lua(
local stored = redis.call('GET', KEYS[1])
if stored and tonumber(stored) and tonumber(stored) >= tonumber(ARGV[1]) then return stored end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1])lua";

bool ParseMillis(const std::string& text, std::int64_t* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && !text.empty();
}

Status NotATime(const RedisConnection& redis, const std::string& key, const std::string& value) {
  return Status::Corruption("redis at " + redis.url().HostPort() + " holds \"" + value + "\" for " +
                            key + ", not a time in ms");
}

}  // namespace

HostLedger::HostLedger(RedisConnection& redis, std::string ns, std::chrono::milliseconds retention)
    : redis_(redis), ns_(std::move(ns)), retention_(retention) {}

Result<std::string> HostLedger::KeyFor(std::string_view host) const {
  if (ns_.empty() || ns_.find(':') != std::string::npos) {
    return Status::InvalidArgument("cluster namespace \"" + ns_ + "\" must be non-empty, without ':'");
  }
  if (host.empty()) return Status::InvalidArgument("host ledger: the host name is empty");
  std::string lowered(host);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return "plainsight:" + ns_ + ":host:" + lowered + ":last";
}

Result<std::int64_t> HostLedger::RecordRequest(std::string_view host, std::int64_t unix_ms) {
  Result<std::string> key = KeyFor(host);
  if (!key.ok()) return key.status();
  if (unix_ms < 0) return Status::InvalidArgument("host ledger: negative time for " + *key);
  const std::int64_t retention_ms = std::max<std::int64_t>(retention_.count(), 1);
  Result<RedisReply> reply = redis_.CheckedCommand({"EVAL", kStoreMaxScript, "1", *key,
                                                    std::to_string(unix_ms),
                                                    std::to_string(retention_ms)});
  if (!reply.ok()) return reply.status();
  std::int64_t stored = 0;
  if (!ParseMillis(reply->text, &stored)) return NotATime(redis_, *key, reply->text);
  return stored;
}

Result<std::optional<std::int64_t>> HostLedger::LastRequest(std::string_view host) {
  Result<std::string> key = KeyFor(host);
  if (!key.ok()) return key.status();
  Result<RedisReply> reply = redis_.CheckedCommand({"GET", *key});
  if (!reply.ok()) return reply.status();
  if (reply->IsNil()) return std::optional<std::int64_t>();
  std::int64_t stored = 0;
  if (!ParseMillis(reply->text, &stored)) return NotATime(redis_, *key, reply->text);
  return std::optional<std::int64_t>(stored);
}

Result<std::int64_t> HostLedger::EarliestNextRequest(std::string_view host,
                                                     std::chrono::milliseconds delay,
                                                     std::int64_t now_unix_ms) {
  Result<std::optional<std::int64_t>> last = LastRequest(host);
  if (!last.ok()) return last.status();
  if (!last->has_value()) return now_unix_ms;
  return std::max(now_unix_ms, **last + delay.count());
}

}  // namespace plainsight::cluster
