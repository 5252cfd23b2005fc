// StaticSiteServer: one demo site's folder of pages (site_files.h) served
// over HTTP on 127.0.0.1 at an ephemeral port, by cpp-httplib on a thread
// of its own plus a small worker pool.
//
// Start() binds a port, then reads every file under the folder into memory
// (demo sites are small) with kBaseUrlToken replaced by this server's
// "http://127.0.0.1:PORT", and returns once the port accepts connections.
// GET and HEAD answer a target with its file (200) or 404 when there is
// none; other methods get 405. The folder is not read again while serving.
// A server starts at most once; to serve again, make a new one.
//
// Thread safety: Start(), BeginStop(), Stop() and the destructor are for
// the owning thread; the pages are immutable while serving, so requests
// need no lock. port() and base_url() are valid after Start().
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace plainsight::demo {

class StaticSiteServer {
 public:
  // `html_charset` goes into HTML pages' Content-Type ("utf-8").
  StaticSiteServer(std::string folder, std::string html_charset);
  ~StaticSiteServer();  // stops

  StaticSiteServer(const StaticSiteServer&) = delete;
  StaticSiteServer& operator=(const StaticSiteServer&) = delete;

  Status Start();
  // Asks the server to stop without waiting, so several can wind down
  // together; Stop() then waits for its threads. Both are safe to repeat.
  void BeginStop();
  void Stop();

  int port() const;                     // 0 before Start()
  const std::string& base_url() const;  // "http://127.0.0.1:PORT"
  std::size_t page_count() const;       // files read by Start()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::demo
