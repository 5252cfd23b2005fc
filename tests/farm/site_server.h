// SiteServer: one farm site served over HTTP on 127.0.0.1 at an ephemeral
// port, by cpp-httplib on its own listening thread plus a small worker
// pool. A Router decides every answer; every request, whatever its method
// or outcome, goes into the RequestLog.
//
// Start() and Stop() are for the owning thread only; the destructor stops.
// SetRouter() and open_streams() are safe from any thread while serving:
// requests already being answered finish with the router they started
// with. Stop() ends streamed bodies (endless, slow, ...) within about
// 50 ms and returns once every worker has finished. The RequestLog must
// outlive the server.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_reply.h"

namespace plainsight::farm {

class SiteServer {
 public:
  SiteServer(std::shared_ptr<const Router> router, RequestLog* log);
  ~SiteServer();

  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  // Binds, starts serving and returns once the port accepts connections.
  Status Start();
  // Asks the server to stop without waiting, so several servers can wind
  // down together; Stop() then waits. Both are safe to call twice.
  void BeginStop();
  void Stop();

  // Later requests are answered by `router` (a new farm day).
  void SetRouter(std::shared_ptr<const Router> router);
  // Each answer waits this long first, as a distant server's would (benches).
  void SetLatency(std::chrono::milliseconds latency);

  int port() const;                     // 0 before Start()
  const std::string& base_url() const;  // "http://127.0.0.1:PORT"
  // Streamed bodies still being sent (or not yet released by httplib).
  int open_streams() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::farm
