// MapRouter: a farm::Router answering from a map of target -> reply, for
// small sites served on 127.0.0.1 by farm::SiteServer (crawl tests through
// tests/support/small_sites.h; the CLI tests that fetch one picture), and
// the Html/Text reply helpers. Test support only; header-only.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "tests/farm/site_reply.h"

namespace plainsight::testing {

// Answers from a map of target -> page; 404 for anything else. Each answer
// may take `delay`, and the most answers in progress at once is kept.
class MapRouter final : public farm::Router {
 public:
  MapRouter(std::string name, std::map<std::string, farm::SiteReply> pages,
            std::chrono::milliseconds delay = std::chrono::milliseconds(0))
      : name_(std::move(name)), pages_(std::move(pages)), delay_(delay) {}
  const std::string& site_name() const override { return name_; }
  farm::SiteReply Handle(const farm::SiteRequest& request) const override {
    const int now = ++in_progress_;
    int seen = most_at_once_.load();
    while (now > seen && !most_at_once_.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(delay_);
    --in_progress_;
    auto it = pages_.find(request.target);
    if (it != pages_.end()) return it->second;
    farm::SiteReply missing;
    missing.status = 404;
    missing.content_type = "text/html";
    missing.body = "<html><body>Not found</body></html>";
    return missing;
  }
  int most_at_once() const { return most_at_once_.load(); }

 private:
  std::string name_;
  std::map<std::string, farm::SiteReply> pages_;
  std::chrono::milliseconds delay_;
  mutable std::atomic<int> in_progress_{0};
  mutable std::atomic<int> most_at_once_{0};
};

inline farm::SiteReply Html(std::string body) {
  farm::SiteReply reply;
  reply.content_type = "text/html; charset=utf-8";
  reply.body = std::move(body);
  return reply;
}

inline farm::SiteReply Text(int status, std::string body) {
  farm::SiteReply reply;
  reply.status = status;
  reply.content_type = "text/plain";
  reply.body = std::move(body);
  return reply;
}

inline farm::SiteReply Picture(std::string bytes, const std::string& type = "image/jpeg") {
  farm::SiteReply reply;
  reply.content_type = type;
  reply.body = std::move(bytes);
  return reply;
}

}  // namespace plainsight::testing
