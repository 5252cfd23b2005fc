// SiteRouter: answers one ordinary site's requests from a snapshot of its
// SiteSpec and its template: robots.txt, home, about, contact, listing
// pages, advert pages (with ETag and Last-Modified, and 304 for a matching
// If-None-Match / If-Modified-Since), /sitemap.xml on a site that has one,
// 410 for adverts removed as "gone", and 404 for anything else.
//
// Immutable after construction and safe to share between the serving
// threads. A new farm day builds a new router over a new snapshot.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "tests/farm/site_model.h"
#include "tests/farm/site_reply.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

class SiteRouter final : public Router {
 public:
  explicit SiteRouter(std::shared_ptr<const SiteSpec> site);

  const std::string& site_name() const override { return site_->name; }
  SiteReply Handle(const SiteRequest& request) const override;

 private:
  SiteReply Html(int status, const std::string& utf8_page) const;
  SiteReply AdvertPage(const SiteRequest& request, const AdvertSpec& ad) const;
  std::string PlainPage(const std::string& base_url, const std::string& target) const;
  std::string Robots(const std::string& base_url) const;
  std::string Sitemap(const std::string& base_url) const;

  const std::shared_ptr<const SiteSpec> site_;
  const SiteTemplate& template_;
  std::map<std::string, int> listing_pages_;          // target -> page
  std::map<std::string, const AdvertSpec*> adverts_;  // target -> advert
  std::set<std::string> gone_;                        // targets answered with 410
};

// When an advert's page last changed: its posted date, or the farm day it
// was added or edited.
std::int64_t AdvertLastModified(const AdvertSpec& ad);

// Gives an advert page's reply its validators, an ETag of the body and
// Last-Modified (AdvertLastModified), and makes it 304 with no body when
// the request's If-None-Match / If-Modified-Since say the client's copy is
// current (conditional.h).
void AnswerConditionally(const SiteRequest& request, const AdvertSpec& ad, SiteReply* reply);

}  // namespace plainsight::farm
