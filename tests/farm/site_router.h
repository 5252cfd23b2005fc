// SiteRouter: answers one site's requests from its SiteSpec and template:
// robots.txt, home, about, contact, listing pages, advert pages, and 404
// for anything else. Immutable after construction and safe to share
// between the serving threads.
#pragma once

#include <map>
#include <string>

#include "tests/farm/site_model.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

struct SiteReply {
  int status = 200;
  std::string content_type;
  std::string body;  // already in the site's charset
};

class SiteRouter {
 public:
  // `site` must outlive the router.
  explicit SiteRouter(const SiteSpec& site);

  // `target` is the request target as sent ("/search?page=2").
  SiteReply Handle(const std::string& method, const std::string& target,
                   const std::string& base_url) const;

 private:
  SiteReply Html(int status, const std::string& utf8_page) const;
  std::string PlainPage(const std::string& base_url, const std::string& target) const;

  const SiteSpec& site_;
  const SiteTemplate& template_;
  std::map<std::string, int> listing_pages_;             // target -> page
  std::map<std::string, const AdvertSpec*> adverts_;     // target -> advert
};

}  // namespace plainsight::farm
