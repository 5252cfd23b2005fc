// What a farm site answers, independent of the HTTP library: SiteRouter
// (the four ordinary sites) and HostileRouter (hostile-board) build a
// SiteReply from a SiteRequest, and SiteServer turns it into bytes on the
// wire. Bodies that must be streamed (endless, slow, truncated, huge, the
// gzip bomb) are named by BodyMode and produced by the server
// (streamed_bodies.h), because only it can pace, cut or abandon a
// transfer.
//
// Routers are immutable or keep only atomic counters, so one instance
// serves every worker thread at once.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plainsight::farm {

struct SiteRequest {
  std::string method;
  std::string target;    // as sent: "/search?page=2"
  std::string base_url;  // "http://127.0.0.1:PORT"
  std::string if_none_match;
  std::string if_modified_since;
};

enum class BodyMode {
  kFixed,       // `body` as is
  kGzipBomb,    // the cached gzip bomb, with Content-Encoding: gzip
  kHuge,        // kHugeBodyBytes of HTML, Content-Length known
  kEndless,     // chunked, a small chunk every 50 ms until stopped
  kSlow,        // Content-Length set, then one byte every 2 s
  kTruncated,   // Content-Length 10000, 3000 bytes sent, connection closed
};

struct SiteReply {
  int status = 200;
  std::string content_type;
  std::string body;  // already in the site's charset
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones
  BodyMode mode = BodyMode::kFixed;
};

class Router {
 public:
  virtual ~Router() = default;
  virtual const std::string& site_name() const = 0;
  virtual SiteReply Handle(const SiteRequest& request) const = 0;
};

}  // namespace plainsight::farm
