// A local HTTP server's accept loop on a thread of its own, for the two
// servers on 127.0.0.1: the demo's static sites (demo/static_site_server.h)
// and the test farm's sites (tests/farm/site_server.h). Templates over the
// server type (httplib::Server, or anything with its Get ... Options,
// listen_after_bind, is_running and stop), so core needs no httplib.
//
// Thread safety: an AcceptLoop is started and stopped from one thread (its
// owner's); the loop's own thread only serves.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

namespace plainsight {

// Routes every request method to `handler` (GET, POST, PUT, PATCH, DELETE
// and OPTIONS), so the handler sees, and can refuse or log, all of them.
template <typename Server, typename Handler>
void RouteEveryMethod(Server& server, const Handler& handler) {
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
}

template <typename Server>
class AcceptLoop {
 public:
  // `server` outlives the loop; its owner stops and joins the loop before
  // the server goes.
  explicit AcceptLoop(Server& server) : server_(server) {}
  AcceptLoop(const AcceptLoop&) = delete;
  AcceptLoop& operator=(const AcceptLoop&) = delete;

  // Runs the accept loop of the server, already bound to its port, and
  // waits until it accepts: the socket already queues connections, but
  // waiting means the first request is answered at once. False when the
  // loop returned or did not run within `timeout`; the caller then stops it
  // (BeginStop, Join) and reports the failure.
  template <typename Rep, typename Period>
  bool Start(std::chrono::duration<Rep, Period> timeout) {
    finished_ = false;
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      finished_ = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!server_.is_running()) {
      if (finished_ || std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
  }

  // Start() was called and the thread not joined yet.
  bool started() const { return thread_.joinable(); }

  // Asks the loop to end without waiting for it to. httplib's stop() does
  // nothing until the accept loop runs, so this first waits for the loop to
  // run (or to have given up). Nothing when not started.
  void BeginStop() {
    if (!thread_.joinable()) return;
    while (!server_.is_running() && !finished_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server_.stop();
  }

  // Waits for the loop's thread to end (after BeginStop).
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  Server& server_;
  std::thread thread_;
  std::atomic<bool> finished_{false};  // the accept loop has returned
};

}  // namespace plainsight
