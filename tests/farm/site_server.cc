#include "tests/farm/site_server.h"

#include <thread>

#include <atomic>

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <utility>

#include "core/accept_loop.h"
#include "tests/farm/streamed_bodies.h"

namespace plainsight::farm {

namespace {

// Workers per site. A keep-alive connection holds a worker until it closes,
// so this bounds the connections one site serves at once.
constexpr std::size_t kWorkersPerSite = 8;
constexpr auto kStartTimeout = std::chrono::seconds(5);
// httplib's workers wait this long on an idle keep-alive connection, and
// Stop() waits for the workers: one second keeps Stop() prompt.
constexpr time_t kKeepAliveSeconds = 1;

std::int64_t UnixMillisNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct SiteServer::Impl {
  Impl(std::shared_ptr<const Router> r, RequestLog* l) : router(std::move(r)), log(l) {}

  std::shared_ptr<const Router> CurrentRouter() const {
    std::lock_guard<std::mutex> lock(router_mutex);
    return router;
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    FarmRequest entry;
    entry.unix_ms = UnixMillisNow();
    entry.received = std::chrono::steady_clock::now();
    const std::shared_ptr<const Router> current = CurrentRouter();
    SiteRequest request{req.method, req.target, base_url, req.get_header_value("If-None-Match"),
                        req.get_header_value("If-Modified-Since")};
    SiteReply reply = current->Handle(request);
    if (const auto wait = std::chrono::milliseconds(latency_ms.load()); wait.count() > 0) {
      std::this_thread::sleep_for(wait);
    }
    res.status = reply.status;
    for (const auto& [header, value] : reply.headers) res.set_header(header.c_str(), value);
    if (reply.mode == BodyMode::kEndless) {
      // httplib gzips a chunked body whenever the client accepts gzip, and
      // its compressor holds back a trickle of small chunks, so the client
      // would see nothing. The request object is not const where httplib
      // made it; hiding the header keeps the chunks flowing as sent.
      const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    }
    if (reply.mode != BodyMode::kFixed) {
      SetStreamedBody(reply, &streams, &res);
    } else if (reply.status != 304) {
      res.set_content(std::move(reply.body), reply.content_type.c_str());
    }
    entry.responded = std::chrono::steady_clock::now();
    entry.port = port;
    entry.site = current->site_name();
    entry.method = req.method;
    entry.path = req.target;
    entry.user_agent = req.get_header_value("User-Agent");
    log->Add(std::move(entry));
  }

  mutable std::mutex router_mutex;
  std::shared_ptr<const Router> router;  // guarded by router_mutex
  RequestLog* const log;
  std::atomic<std::int64_t> latency_ms{0};
  StreamControl streams;
  httplib::Server server;
  AcceptLoop<httplib::Server> loop{server};
  int port = 0;
  std::string base_url;
  std::string name;  // for error messages
};

SiteServer::SiteServer(std::shared_ptr<const Router> router, RequestLog* log)
    : impl_(std::make_unique<Impl>(std::move(router), log)) {
  impl_->name = impl_->router->site_name();
}

SiteServer::~SiteServer() { Stop(); }

void SiteServer::SetLatency(std::chrono::milliseconds latency) { impl_->latency_ms = latency.count(); }

Status SiteServer::Start() {
  Impl& s = *impl_;
  if (s.loop.started()) return Status::InvalidArgument("site " + s.name + " already started");
  s.server.new_task_queue = [] { return new httplib::ThreadPool(kWorkersPerSite); };
  s.server.set_keep_alive_timeout(kKeepAliveSeconds);
  // Every method goes to one handler, so that nothing escapes the log.
  RouteEveryMethod(
      s.server, [&s](const httplib::Request& req, httplib::Response& res) { s.Serve(req, res); });

  const int port = s.server.bind_to_any_port("127.0.0.1");
  if (port <= 0) return Status::IoError("site " + s.name + ": cannot bind 127.0.0.1");
  s.port = port;
  s.base_url = "http://127.0.0.1:" + std::to_string(port);
  s.streams.stopping = false;
  if (!s.loop.Start(kStartTimeout)) {
    Stop();
    return Status::IoError("site " + s.name + ": server did not start on port " +
                           std::to_string(port));
  }
  return Status::OK();
}

void SiteServer::BeginStop() {
  Impl& s = *impl_;
  if (!s.loop.started()) return;
  // Streamed bodies see this between steps and drop their connections, so
  // the workers are free by the time httplib joins them.
  s.streams.stopping = true;
  s.loop.BeginStop();
}

void SiteServer::Stop() {
  BeginStop();
  impl_->loop.Join();
}

void SiteServer::SetRouter(std::shared_ptr<const Router> router) {
  std::lock_guard<std::mutex> lock(impl_->router_mutex);
  impl_->router = std::move(router);
}

int SiteServer::port() const { return impl_->port; }

const std::string& SiteServer::base_url() const { return impl_->base_url; }

int SiteServer::open_streams() const { return impl_->streams.active; }

}  // namespace plainsight::farm
