// HttpGet: one plain GET over loopback for farm2's self-tests, so a test
// can check what a started site really serves without linking an HTTP
// client of its own. No redirects followed, no retries.
#pragma once

#include <string>

namespace plainsight::farm2 {

struct HttpAnswer {
  int status = 0;            // 0 if the request failed
  std::string content_type;
  std::string body;
};

// `base_url` is "http://127.0.0.1:PORT", `target` a path with any query.
HttpAnswer HttpGet(const std::string& base_url, const std::string& target);

}  // namespace plainsight::farm2
