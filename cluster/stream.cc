#include "cluster/stream.h"

#include <initializer_list>
#include <string_view>

namespace plainsight::cluster {
namespace {

Status CheckNames(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (name.empty()) return Status::InvalidArgument("redis stream, group or consumer name is empty");
  }
  return Status::OK();
}

Status Odd(const RedisConnection& redis, std::string_view command) {
  return Status::Corruption("redis at " + redis.url().HostPort() + " answered " +
                            std::string(command) + " with an unexpected shape");
}

// [id, [field, value, ...]]; a nil in place of the pair list (an entry
// deleted from the stream, as Redis 6.2 reports it) gives false.
bool ParseEntry(const RedisReply& reply, StreamEntry* entry) {
  if (!reply.IsArray() || reply.elements.size() != 2 || !reply.elements[1].IsArray()) return false;
  const std::vector<RedisReply>& flat = reply.elements[1].elements;
  if (flat.size() % 2 != 0) return false;
  entry->id = reply.elements[0].text;
  entry->fields.clear();
  for (std::size_t i = 0; i < flat.size(); i += 2) {
    entry->fields.emplace_back(flat[i].text, flat[i + 1].text);
  }
  return true;
}

void AppendEntries(const RedisReply& list, std::vector<StreamEntry>* out) {
  for (const RedisReply& element : list.elements) {
    StreamEntry entry;
    if (ParseEntry(element, &entry)) out->push_back(std::move(entry));
  }
}

}  // namespace

Status StreamQueue::EnsureGroup(const std::string& stream, const std::string& group) {
  if (Status names = CheckNames({stream, group}); !names.ok()) return names;
  Result<RedisReply> reply = redis_.Command({"XGROUP", "CREATE", stream, group, "$", "MKSTREAM"});
  if (!reply.ok()) return reply.status();
  if (reply->IsError() && reply->text.rfind("BUSYGROUP", 0) != 0) {
    return Status::IoError("redis at " + redis_.url().HostPort() + " answered \"" + reply->text +
                           "\" to XGROUP CREATE " + stream + " " + group);
  }
  return Status::OK();
}

Result<std::string> StreamQueue::Add(const std::string& stream,
                                     const std::vector<std::pair<std::string, std::string>>& fields) {
  if (Status names = CheckNames({stream}); !names.ok()) return names;
  if (fields.empty()) return Status::InvalidArgument("stream entry for " + stream + " has no fields");
  std::vector<std::string> argv = {"XADD", stream, "*"};
  for (const auto& [field, value] : fields) {
    argv.push_back(field);
    argv.push_back(value);
  }
  Result<RedisReply> reply = redis_.CheckedCommand(argv);
  if (!reply.ok()) return reply.status();
  if (!reply->IsString()) return Odd(redis_, "XADD");
  return reply->text;
}

Result<std::vector<StreamEntry>> StreamQueue::ReadNew(const std::string& stream,
                                                      const std::string& group,
                                                      const std::string& consumer,
                                                      std::size_t count,
                                                      std::chrono::milliseconds block) {
  if (Status names = CheckNames({stream, group, consumer}); !names.ok()) return names;
  std::vector<std::string> argv = {"XREADGROUP", "GROUP", group, consumer,
                                   "COUNT", std::to_string(count == 0 ? 1 : count)};
  if (block.count() > 0) {
    argv.push_back("BLOCK");
    argv.push_back(std::to_string(block.count()));
  }
  argv.insert(argv.end(), {"STREAMS", stream, ">"});
  Result<RedisReply> reply = redis_.CheckedCommand(argv, block);
  if (!reply.ok()) return reply.status();
  std::vector<StreamEntry> entries;
  if (reply->IsNil()) return entries;  // nothing new (within `block`)
  // [[stream, [entry, ...]]]: one stream asked, so one element.
  if (!reply->IsArray() || reply->elements.size() != 1 || !reply->elements[0].IsArray() ||
      reply->elements[0].elements.size() != 2) {
    return Odd(redis_, "XREADGROUP");
  }
  AppendEntries(reply->elements[0].elements[1], &entries);
  return entries;
}

Result<std::int64_t> StreamQueue::Ack(const std::string& stream, const std::string& group,
                                      const std::vector<std::string>& ids) {
  if (Status names = CheckNames({stream, group}); !names.ok()) return names;
  if (ids.empty()) return std::int64_t{0};
  std::vector<std::string> argv = {"XACK", stream, group};
  argv.insert(argv.end(), ids.begin(), ids.end());
  Result<RedisReply> reply = redis_.CheckedCommand(argv);
  if (!reply.ok()) return reply.status();
  if (!reply->IsInteger()) return Odd(redis_, "XACK");
  return reply->integer;
}

Result<std::vector<StreamEntry>> StreamQueue::ClaimIdle(const std::string& stream,
                                                        const std::string& group,
                                                        const std::string& consumer,
                                                        std::chrono::milliseconds min_idle,
                                                        std::size_t count) {
  if (Status names = CheckNames({stream, group, consumer}); !names.ok()) return names;
  const std::size_t wanted = count == 0 ? 1 : count;
  std::vector<StreamEntry> claimed;
  // XAUTOCLAIM looks at a limited stretch of the pending list per call and
  // returns where to go on; "0-0" means the whole list was seen.
  std::string cursor = "0-0";
  do {
    Result<RedisReply> reply = redis_.CheckedCommand(
        {"XAUTOCLAIM", stream, group, consumer, std::to_string(min_idle.count()), cursor, "COUNT",
         std::to_string(wanted - claimed.size())});
    if (!reply.ok()) return reply.status();
    // [next cursor, [entry, ...], (Redis 7: [deleted id, ...])]
    if (!reply->IsArray() || reply->elements.size() < 2 || !reply->elements[1].IsArray()) {
      return Odd(redis_, "XAUTOCLAIM");
    }
    cursor = reply->elements[0].text;
    AppendEntries(reply->elements[1], &claimed);
  } while (cursor != "0-0" && claimed.size() < wanted);
  return claimed;
}

namespace {

// KEYS[1] the stream. The floor is the smallest, over its groups, of the
// oldest pending id or (nothing pending) the last delivered id; ids compare
// as (ms, seq) numbers, not as text. Lua doubles hold any ms exactly.
constexpr const char* kTrimScript = R"lua(
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function less(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local floor = nil
for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local name, last = nil, nil
  for i = 1, #group, 2 do
    if group[i] == 'name' then name = group[i + 1] end
    if group[i] == 'last-delivered-id' then last = group[i + 1] end
  end
  local pending = redis.call('XPENDING', KEYS[1], name)
  local here = last
  if pending[1] > 0 then here = pending[2] end
  if floor == nil or less(here, floor) then floor = here end
end
if floor == nil then return 0 end
return redis.call('XTRIM', KEYS[1], 'MINID', floor)
)lua";

}  // namespace

Result<std::int64_t> StreamQueue::TrimAcknowledged(const std::string& stream) {
  if (Status names = CheckNames({stream}); !names.ok()) return names;
  Result<RedisReply> reply = redis_.CheckedCommand({"EVAL", kTrimScript, "1", stream});
  if (!reply.ok()) return reply.status();
  if (!reply->IsInteger()) return Odd(redis_, "XTRIM");
  return reply->integer;
}

Result<std::int64_t> StreamQueue::PendingCount(const std::string& stream, const std::string& group) {
  if (Status names = CheckNames({stream, group}); !names.ok()) return names;
  Result<RedisReply> reply = redis_.CheckedCommand({"XPENDING", stream, group});
  if (!reply.ok()) return reply.status();
  // [count, smallest id, largest id, [[consumer, count], ...]]
  if (!reply->IsArray() || reply->elements.empty() || !reply->elements[0].IsInteger()) {
    return Odd(redis_, "XPENDING");
  }
  return reply->elements[0].integer;
}

}  // namespace plainsight::cluster
