// The units a crawl run passes between its threads: a page still to fetch
// (Pending), and a finished fetch handed to a worker (Work). Plain values;
// internal to the crawler.
#pragma once

#include <string>
#include <utility>

#include "crawler/fetcher.h"
#include "crawler/site_rules.h"
#include "store/store.h"

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
  // An image (role kImage): the advert showing it and its place there.
  // `url` is then ImageFrontierKey(image URL, advert id).
  std::string image_of;
  int image_order = 0;

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

// An advert image's identity in the run and the frontier: one per (image,
// advert), so two adverts showing one picture each get their entry.
inline constexpr char kImageKeyMark[] = "#advert-image=";
inline std::string ImageFrontierKey(const std::string& image_url, const std::string& advert_id) {
  return image_url + kImageKeyMark + advert_id;
}
inline std::string ImageUrlOfKey(const std::string& key) {
  return key.substr(0, key.rfind(kImageKeyMark));
}

// Why an image was not fetched when the run's images were used up
// (max_images_per_run): recorded against its advert like any refusal, but
// tried again by a later run that finds the advert's page (the cap is per
// run, not a verdict on the image).
inline constexpr char kPerRunImageCapRefusal[] = "per-run image cap";

// A photo of advert `advert_id` to fetch.
inline Pending NewImagePending(const std::string& image_url, int site, int depth,
                               const std::string& advert_id, int order) {
  Pending image = NewPending(ImageFrontierKey(image_url, advert_id), site, depth, PageRole::kImage);
  image.fetch_url = image_url;
  image.image_of = advert_id;
  image.image_order = order;
  return image;
}

// The frontier entry that persists `page` (of the site named `site`).
inline FrontierEntry FrontierEntryFor(const Pending& page, const std::string& site) {
  FrontierEntry entry;
  entry.url = page.url;
  entry.site = site;
  entry.depth = page.depth;
  entry.advert = page.role == PageRole::kAdvert;
  entry.image = page.role == PageRole::kImage;
  entry.image_of = page.image_of;
  entry.image_order = page.image_order;
  return entry;
}

// A frontier entry back as a page to fetch (retry and redirect state
// start empty).
inline Pending PendingFor(const FrontierEntry& entry, int site) {
  if (entry.image) {
    return NewImagePending(ImageUrlOfKey(entry.url), site, entry.depth, entry.image_of,
                           entry.image_order);
  }
  return NewPending(entry.url, site, entry.depth,
                    entry.advert ? PageRole::kAdvert : PageRole::kFollow);
}

// What a worker gets: a finished fetch, or (not_fetched) an advert recently
// fetched that only needs marking as seen again.
struct Work {
  FetchResult result;
  Pending page;
  bool not_fetched = false;
};

}  // namespace plainsight
