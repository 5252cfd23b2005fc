#include "cluster/membership.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>

namespace plainsight::cluster {
namespace {

// Each script: KEYS[1] the worker key, ARGV[1] our token, ARGV[2] the TTL in
// ms. Each returns 1 (done), 0 (no key) or the token of whoever holds it.
constexpr const char* kJoinScript = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1)lua";

constexpr const char* kRenewScript = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if holder then return holder end
return 0)lua";

constexpr const char* kLeaveScript = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
if holder then return holder end
return 0)lua";

std::string NewIncarnationToken() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  std::random_device random;
  std::uint64_t bits = (std::uint64_t{random()} << 32) ^ std::uint64_t{random()};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(bits));
  return std::string(host) + "/" + std::to_string(getpid()) + "/" + hex;
}

// SCAN's MATCH is a glob: a namespace holding * ? [ ] or \ must match itself.
std::string EscapeGlob(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::string WorkerKeyPrefix(const std::string& ns) { return "plainsight:" + ns + ":worker:"; }

}  // namespace

Membership::Membership(RedisConnection& redis, std::string ns, std::string worker,
                       std::chrono::milliseconds ttl)
    : redis_(redis),
      ns_(std::move(ns)),
      worker_(std::move(worker)),
      ttl_(ttl),
      token_(NewIncarnationToken()),
      key_(WorkerKeyPrefix(ns_) + worker_) {}

Status Membership::CheckNames() const {
  if (ns_.empty() || ns_.find(':') != std::string::npos) {
    return Status::InvalidArgument("cluster namespace \"" + ns_ + "\" must be non-empty, without ':'");
  }
  if (worker_.empty()) return Status::InvalidArgument("cluster worker name is empty");
  if (ttl_.count() < 1) {
    return Status::InvalidArgument("membership TTL of worker \"" + worker_ + "\" must be >= 1 ms");
  }
  return Status::OK();
}

Result<RedisReply> Membership::RunScript(const char* script) {
  if (Status names = CheckNames(); !names.ok()) return names;
  return redis_.CheckedCommand({"EVAL", script, "1", key_, token_, std::to_string(ttl_.count())});
}

Status Membership::HeldByAnother(const std::string& holder) const {
  return Status::Busy("worker \"" + worker_ + "\" of cluster namespace \"" + ns_ +
                      "\" is live in another process (" + holder + ", redis at " +
                      redis_.url().HostPort() + "); two processes must not run as one worker");
}

Status Membership::Join() {
  Result<RedisReply> reply = RunScript(kJoinScript);
  if (!reply.ok()) return reply.status();
  if (reply->IsString()) return HeldByAnother(reply->text);
  return Status::OK();
}

Result<Membership::Renewal> Membership::Renew() {
  Result<RedisReply> reply = RunScript(kRenewScript);
  if (!reply.ok()) return reply.status();
  if (reply->IsString()) return HeldByAnother(reply->text);
  return reply->integer == 1 ? Renewal::kRenewed : Renewal::kLapsed;
}

Status Membership::Leave() {
  Result<RedisReply> reply = RunScript(kLeaveScript);
  if (!reply.ok()) return reply.status();
  if (reply->IsString()) return HeldByAnother(reply->text);
  return Status::OK();
}

Result<std::vector<std::string>> Membership::LiveWorkers() {
  if (Status names = CheckNames(); !names.ok()) return names;
  const std::string prefix = WorkerKeyPrefix(ns_);
  const std::string pattern = EscapeGlob(prefix) + "*";
  std::vector<std::string> workers;
  std::string cursor = "0";
  do {
    Result<RedisReply> page =
        redis_.CheckedCommand({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
    if (!page.ok()) return page.status();
    if (!page->IsArray() || page->elements.size() != 2 || !page->elements[1].IsArray()) {
      return Status::Corruption("redis at " + redis_.url().HostPort() + " answered SCAN oddly");
    }
    cursor = page->elements[0].text;
    for (const RedisReply& key : page->elements[1].elements) {
      if (key.text.size() > prefix.size()) workers.push_back(key.text.substr(prefix.size()));
    }
  } while (cursor != "0");
  // SCAN may return a key twice (when the keyspace is rehashed mid-scan).
  std::sort(workers.begin(), workers.end());
  workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
  return workers;
}

}  // namespace plainsight::cluster
