// The units a crawl run passes between its threads: a page still to fetch
// (Pending), and a finished fetch handed to a worker (Work). Plain values;
// internal to the crawler.
#pragma once

#include <string>
#include <utility>

#include "crawler/fetcher.h"
#include "crawler/site_rules.h"

namespace plainsight {

struct Pending {
  std::string url;  // normalised; the page's identity
  int site = 0;
  int depth = 0;
  PageRole role = PageRole::kFollow;
  int attempts = 0;
  std::string fetch_url;  // where a redirect took it; empty = url
  int redirects = 0;
  // The URL its advert is stored under, when a past run recorded one other
  // than `url` (the page named a canonical URL); empty = url.
  std::string advert_url;

  const std::string& FetchUrl() const { return fetch_url.empty() ? url : fetch_url; }
  const std::string& AdvertUrl() const { return advert_url.empty() ? url : advert_url; }
};

// A page not yet tried (retry and redirect state start empty).
inline Pending NewPending(std::string url, int site, int depth, PageRole role) {
  Pending page;
  page.url = std::move(url);
  page.site = site;
  page.depth = depth;
  page.role = role;
  return page;
}

// What a worker gets: a finished fetch, or (not_fetched) an advert recently
// fetched that only needs marking as seen again.
struct Work {
  FetchResult result;
  Pending page;
  bool not_fetched = false;
};

}  // namespace plainsight
