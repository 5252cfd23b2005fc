#include "tests/farm/site_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/farm/site_router.h"

namespace plainsight::farm {

namespace {

// Workers per site. A keep-alive connection holds a worker until it closes,
// so this bounds the connections one site serves at once.
constexpr std::size_t kWorkersPerSite = 8;
constexpr auto kStartTimeout = std::chrono::seconds(5);

std::int64_t UnixMillisNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct SiteServer::Impl {
  Impl(const SiteSpec& s, RequestLog* l) : site(s), router(s), log(l) {}

  void Serve(const httplib::Request& req, httplib::Response& res) {
    FarmRequest entry;
    entry.unix_ms = UnixMillisNow();
    entry.received = std::chrono::steady_clock::now();
    SiteReply reply = router.Handle(req.method, req.target, base_url);
    res.status = reply.status;
    res.set_content(std::move(reply.body), reply.content_type.c_str());
    entry.responded = std::chrono::steady_clock::now();
    entry.port = port;
    entry.site = site.name;
    entry.method = req.method;
    entry.path = req.target;
    entry.user_agent = req.get_header_value("User-Agent");
    log->Add(std::move(entry));
  }

  const SiteSpec& site;
  const SiteRouter router;
  RequestLog* const log;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> finished{false};  // the accept loop has returned
  int port = 0;
  std::string base_url;
};

SiteServer::SiteServer(const SiteSpec& site, RequestLog* log)
    : impl_(std::make_unique<Impl>(site, log)) {}

SiteServer::~SiteServer() { Stop(); }

Status SiteServer::Start() {
  Impl& s = *impl_;
  if (s.thread.joinable()) return Status::InvalidArgument("site " + s.site.name + " already started");
  s.server.new_task_queue = [] { return new httplib::ThreadPool(kWorkersPerSite); };
  const auto handler = [&s](const httplib::Request& req, httplib::Response& res) { s.Serve(req, res); };
  // Route every method to one handler so that nothing escapes the log.
  s.server.Get(".*", handler);
  s.server.Post(".*", handler);
  s.server.Put(".*", handler);
  s.server.Patch(".*", handler);
  s.server.Delete(".*", handler);
  s.server.Options(".*", handler);

  const int port = s.server.bind_to_any_port("127.0.0.1");
  if (port <= 0) return Status::IoError("site " + s.site.name + ": cannot bind 127.0.0.1");
  s.port = port;
  s.base_url = "http://127.0.0.1:" + std::to_string(port);
  s.finished = false;
  s.thread = std::thread([&s] {
    s.server.listen_after_bind();
    s.finished = true;
  });

  // The socket already queues connections; waiting for the accept loop
  // means the first request is answered without delay.
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (!s.server.is_running()) {
    if (s.finished || std::chrono::steady_clock::now() > deadline) {
      Stop();
      return Status::IoError("site " + s.site.name + ": server did not start on port " +
                             std::to_string(port));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return Status::OK();
}

void SiteServer::Stop() {
  Impl& s = *impl_;
  if (!s.thread.joinable()) return;
  // httplib's stop() does nothing until the accept loop runs, so wait for
  // it (or for the loop to have given up) before asking it to end.
  while (!s.server.is_running() && !s.finished) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  s.server.stop();
  s.thread.join();
}

int SiteServer::port() const { return impl_->port; }

const std::string& SiteServer::base_url() const { return impl_->base_url; }

}  // namespace plainsight::farm
