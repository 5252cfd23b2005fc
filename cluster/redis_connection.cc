#include "cluster/redis_connection.h"

#include <hiredis/hiredis.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>

#include <cerrno>
#include <cstddef>
#include <utility>

namespace plainsight::cluster {
namespace {

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using ReplyHandle = std::unique_ptr<redisReply, ReplyDeleter>;

// hiredis writes with write(), which raises SIGPIPE when Redis has closed
// the socket, and SIGPIPE kills the process by default. While one of these
// lives, SIGPIPE is blocked for this thread only and one it raised is
// discarded, so the failure arrives as EPIPE instead and the process-wide
// signal disposition stays the caller's.
class ScopedSigpipeSuppression {
 public:
  ScopedSigpipeSuppression() {
    sigemptyset(&sigpipe_);
    sigaddset(&sigpipe_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    already_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &sigpipe_, &previous_);
  }
  ~ScopedSigpipeSuppression() {
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    if (!already_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec no_wait{};
      sigtimedwait(&sigpipe_, nullptr, &no_wait);
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  ScopedSigpipeSuppression(const ScopedSigpipeSuppression&) = delete;
  ScopedSigpipeSuppression& operator=(const ScopedSigpipeSuppression&) = delete;

 private:
  sigset_t sigpipe_;
  sigset_t previous_;
  bool already_pending_ = false;
};

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

RedisReply CopyReply(const redisReply& raw) {
  RedisReply reply;
  switch (raw.type) {
    case REDIS_REPLY_INTEGER:
      reply.kind = RedisReply::Kind::kInteger;
      reply.integer = raw.integer;
      break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
      reply.kind = raw.type == REDIS_REPLY_STRING   ? RedisReply::Kind::kString
                   : raw.type == REDIS_REPLY_STATUS ? RedisReply::Kind::kStatus
                                                    : RedisReply::Kind::kError;
      reply.text.assign(raw.str, raw.len);
      break;
    case REDIS_REPLY_ARRAY:
      reply.kind = RedisReply::Kind::kArray;
      reply.elements.reserve(raw.elements);
      for (std::size_t i = 0; i < raw.elements; ++i) reply.elements.push_back(CopyReply(*raw.element[i]));
      break;
    default:  // REDIS_REPLY_NIL
      break;
  }
  return reply;
}

}  // namespace

void RedisConnection::ContextDeleter::operator()(redisContext* context) const { redisFree(context); }

Result<RedisConnection> RedisConnection::Connect(const RedisUrl& url,
                                                 std::chrono::milliseconds timeout) {
  if (timeout.count() <= 0) {
    return Status::InvalidArgument("redis at " + url.HostPort() + ": the timeout must be > 0 ms");
  }
  RedisConnection connection(url, timeout);
  Status dialled = connection.Dial();
  if (!dialled.ok()) return dialled;
  return connection;
}

Status RedisConnection::Reconnect() { return Dial(); }

Status RedisConnection::Dial() {
  context_.reset();
  const timeval tv = ToTimeval(timeout_);
  context_.reset(redisConnectWithTimeout(url_.host.c_str(), url_.port, tv));
  if (!context_) return MarkBroken("hiredis could not allocate a context");
  if (context_->err != 0) return MarkBroken(context_->errstr);
  // The connect timeout does not bound replies; the socket timeout does.
  if (redisSetTimeout(context_.get(), tv) != REDIS_OK) return MarkBroken(context_->errstr);
  broken_ = false;
  broken_why_.clear();

  const std::string select = "SELECT " + std::to_string(url_.db);
  Result<RedisReply> selected = Command({"SELECT", std::to_string(url_.db)});
  if (!selected.ok()) return selected.status();
  if (selected->IsError()) {
    // Reachable, but on no usable db: never let commands land in another db.
    MarkBroken("it refused " + select + ": " + selected->text);
    return Status::InvalidArgument("redis at " + url_.HostPort() + " refused " + select + ": " +
                                   selected->text);
  }
  return Status::OK();
}

Status RedisConnection::MarkBroken(const std::string& reason) {
  broken_ = true;
  broken_why_ = reason;
  context_.reset();
  return Status::Unavailable("redis at " + url_.HostPort() + " is unreachable: " + reason);
}

Result<RedisReply> RedisConnection::Command(const std::vector<std::string>& argv,
                                            std::chrono::milliseconds server_may_block_for) {
  if (argv.empty()) return Status::InvalidArgument("redis command without a name");
  if (broken_) {
    return Status::Unavailable("redis at " + url_.HostPort() + " is unreachable: " + broken_why_ +
                               " (connection broken; call Reconnect)");
  }
  const bool longer_wait = server_may_block_for.count() > 0;
  const std::chrono::milliseconds wait = timeout_ + server_may_block_for;
  if (longer_wait && redisSetTimeout(context_.get(), ToTimeval(wait)) != REDIS_OK) {
    return MarkBroken(context_->errstr);
  }

  std::vector<const char*> pointers;
  std::vector<std::size_t> lengths;
  pointers.reserve(argv.size());
  lengths.reserve(argv.size());
  for (const std::string& arg : argv) {
    pointers.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  ReplyHandle reply;
  int saved_errno = 0;
  {
    ScopedSigpipeSuppression no_sigpipe;
    errno = 0;
    reply.reset(static_cast<redisReply*>(redisCommandArgv(
        context_.get(), static_cast<int>(argv.size()), pointers.data(), lengths.data())));
    saved_errno = errno;
  }
  if (!reply) {
    // A socket timeout surfaces as EAGAIN, whose text ("Resource temporarily
    // unavailable") would hide that Redis simply did not answer in time.
    std::string reason = context_->errstr;
    if (context_->err == REDIS_ERR_IO && (saved_errno == EAGAIN || saved_errno == EWOULDBLOCK)) {
      reason = "no reply within " + std::to_string(wait.count()) + " ms";
    }
    return MarkBroken(reason + " (during " + argv.front() + ")");
  }
  if (longer_wait && redisSetTimeout(context_.get(), ToTimeval(timeout_)) != REDIS_OK) {
    return MarkBroken(context_->errstr);
  }
  return CopyReply(*reply);
}

Result<RedisReply> RedisConnection::CheckedCommand(const std::vector<std::string>& argv,
                                                   std::chrono::milliseconds server_may_block_for) {
  Result<RedisReply> reply = Command(argv, server_may_block_for);
  if (reply.ok() && reply->IsError()) {
    return Status::IoError("redis at " + url_.HostPort() + " answered \"" + reply->text +
                           "\" to " + argv.front());
  }
  return reply;
}

}  // namespace plainsight::cluster
