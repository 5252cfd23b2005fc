// SiteServer: one site served over HTTP on 127.0.0.1 at an ephemeral port,
// by cpp-httplib on its own listening thread plus a small worker pool.
// Every request, whatever its method or outcome, goes into the RequestLog.
//
// Start() and Stop() are for the owning thread only; the destructor stops.
// The SiteSpec and RequestLog must outlive the server.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_model.h"

namespace plainsight::farm {

class SiteServer {
 public:
  SiteServer(const SiteSpec& site, RequestLog* log);
  ~SiteServer();

  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  // Binds, starts serving and returns once the port accepts connections.
  Status Start();
  void Stop();

  int port() const;                     // 0 before Start()
  const std::string& base_url() const;  // "http://127.0.0.1:PORT"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::farm
