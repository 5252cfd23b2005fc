// Farm2Router: serves one farm2 site from its pages, built once: every
// target (path plus query, as linked) maps to a finished page. GET and
// HEAD only (405 otherwise); unknown targets get the site's own 404 page;
// "%BASE%" in a page becomes the server's base URL. robots.txt allows
// everything. Immutable, so one instance serves every worker thread.
#pragma once

#include <map>
#include <string>

#include "tests/farm/site_reply.h"

namespace plainsight::farm2 {

class Farm2Router : public farm::Router {
 public:
  Farm2Router(std::string site_name, std::map<std::string, std::string> pages,
              std::string not_found_page);

  const std::string& site_name() const override { return site_name_; }
  farm::SiteReply Handle(const farm::SiteRequest& request) const override;

 private:
  std::string site_name_;
  std::map<std::string, std::string> pages_;
  std::string not_found_page_;
};

// `page` with every "%BASE%" replaced by `base_url`.
std::string WithBase(std::string page, const std::string& base_url);

}  // namespace plainsight::farm2
