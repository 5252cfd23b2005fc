#include "tests/farm2/site_router.h"

#include <utility>

namespace plainsight::farm2 {

std::string WithBase(std::string page, const std::string& base_url) {
  static const std::string kToken = "%BASE%";
  for (std::size_t at = page.find(kToken); at != std::string::npos;
       at = page.find(kToken, at + base_url.size()))
    page.replace(at, kToken.size(), base_url);
  return page;
}

Farm2Router::Farm2Router(std::string site_name, std::map<std::string, std::string> pages,
                         std::string not_found_page)
    : site_name_(std::move(site_name)),
      pages_(std::move(pages)),
      not_found_page_(std::move(not_found_page)) {}

farm::SiteReply Farm2Router::Handle(const farm::SiteRequest& request) const {
  farm::SiteReply reply;
  if (request.method != "GET" && request.method != "HEAD") {
    reply.status = 405;
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = "Method not allowed\n";
    reply.headers.emplace_back("Allow", "GET, HEAD");
    return reply;
  }
  std::string target = request.target.substr(0, request.target.find('#'));
  if (target == "/robots.txt") {
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = "User-agent: *\nAllow: /\n";
    return reply;
  }
  auto it = pages_.find(target);
  reply.content_type = "text/html; charset=utf-8";
  if (it == pages_.end()) {
    reply.status = 404;
    reply.body = WithBase(not_found_page_, request.base_url);
    return reply;
  }
  reply.body = WithBase(it->second, request.base_url);
  return reply;
}

}  // namespace plainsight::farm2
