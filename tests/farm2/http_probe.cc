#include "tests/farm2/http_probe.h"

#include <httplib.h>

namespace plainsight::farm2 {

HttpAnswer HttpGet(const std::string& base_url, const std::string& target) {
  httplib::Client client(base_url);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  HttpAnswer answer;
  auto result = client.Get(target);
  if (!result) return answer;
  answer.status = result->status;
  answer.content_type = result->get_header_value("Content-Type");
  answer.body = result->body;
  return answer;
}

}  // namespace plainsight::farm2
