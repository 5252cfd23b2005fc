// Fetcher: the crawler's only door to the network.
//
// A Fetcher runs many transfers at once on one thread (an event loop): Start()
// queues a transfer and returns at once; Poll() drives every transfer for up
// to `timeout` and hands back the ones that finished. Start(), Poll() and
// InFlight() must be called from the one thread that owns the Fetcher;
// Wakeup() may be called from any thread to cut a Poll() short.
//
// It is an interface so tests can inject faults; the real one is libcurl's
// multi interface (NewCurlFetcher).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace plainsight {

struct FetchRequest {
  std::uint64_t token = 0;  // the caller's handle, echoed in the result
  std::string url;
  std::string user_agent;
  int timeout_ms = 20000;
  std::int64_t max_body_bytes = 5000000;  // after decompression; more is cut off
  bool allow_private_addresses = false;
  std::string if_none_match;      // ETag of the stored copy
  std::string if_modified_since;  // Last-Modified of the stored copy
  std::string proxy;              // empty = direct
  std::vector<std::string> headers;  // extra "Name: value" lines
  std::string cookies;
  // Off for pages: the crawler follows redirects itself, as new requests
  // under the target host's politeness. On for robots.txt (RFC 9309 2.3.1.2).
  bool follow_redirects = false;
};

struct FetchResult {
  std::uint64_t token = 0;
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long status = 0;        // HTTP status; 0 when the transfer failed
  std::string content_type;
  std::string response_headers;  // status line and fields of the final response, CRLF
  std::string request_headers;   // as sent for the final request
  std::string ip_address;        // the server's, as connected
  std::string redirect_url;  // resolved Location of a 3xx not followed
  std::string etag;
  std::string last_modified;
  std::int64_t retry_after_seconds = -1;
  std::string body;        // decompressed, at most max_body_bytes
  bool truncated = false;  // the body was cut at max_body_bytes
  std::string error;       // why the transfer failed; empty when it did not
  bool refused_address = false;  // failed because the target was private
  double seconds = 0;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual void Start(FetchRequest request) = 0;
  virtual void Poll(std::chrono::milliseconds timeout, std::vector<FetchResult>* finished) = 0;
  virtual void Wakeup() = 0;
  virtual size_t InFlight() const = 0;
};

// libcurl multi: HTTP/1.1 and HTTP/2, gzip/deflate/br, redirects (when asked,
// at most 5, http/https only), TLS verification on, private targets refused at connect
// time unless the request allows them.
std::unique_ptr<Fetcher> NewCurlFetcher();

}  // namespace plainsight
