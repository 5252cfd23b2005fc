#include "crawler/image_processor.h"

#include <spdlog/spdlog.h>

#include <unordered_set>

#include "core/sha256.h"
#include "core/strings.h"
#include "crawler/advert_images.h"
#include "crawler/chrome_images.h"
#include "crawler/url.h"
#include "images/photo_hashes.h"
#include "store/meta_keys.h"

namespace plainsight {
namespace {

// The refusal's kind, for the summary: "HTTP 404", "over max_image_bytes",
// "not an image", "refused by robots.txt", "too many pixels" (the
// decoder's decompression-bomb refusal), ... (else the text before ':').
std::string ReasonOf(const std::string& error) {
  if (error.find("pixels is over the limit") != std::string::npos) return "too many pixels";
  return error.substr(0, error.find(':'));
}

// An entry an earlier run recorded when its max_images_per_run was spent.
bool CappedEarlier(const std::string& entry) {
  Result<AdvertImage> image = DecodeAdvertImage(entry);
  return image.ok() && image->sha256.empty() && image->error == kPerRunImageCapRefusal;
}

bool IsImageType(const std::string& content_type) {
  return content_type.empty() || StartsWithIgnoreCaseAscii(content_type, "image/");
}

}  // namespace

std::vector<Pending> ImageProcessor::Discover(const Work& work, const std::string& advert_id,
                                              const std::string& base, PageCommit* commit) {
  const int site = work.page.site;
  const SiteConfig& own = *state_.rules(site).site;
  const int cap = own.crawl.max_images_per_advert;
  // No photos at all this run: nothing to parse or queue.
  if (cap <= 0 || own.crawl.max_images_per_run <= 0 ||
      state_.env.config.crawl.max_images_per_run <= 0) {
    return {};
  }
  std::vector<std::string> urls;
  std::unordered_set<std::string> distinct;
  for (const std::string& href : FindImageUrls(work.result.body)) {
    auto url = ResolveUrl(base, href);
    if (url && distinct.insert(*url).second) urls.push_back(std::move(*url));
  }
  state_.NoteAdvertImages(site, urls);
  std::vector<Pending> images;
  int kept = 0;
  int chrome = 0;
  // An image's order is its place on the page, chrome included, so it does
  // not depend on what this run had learnt of the site's chrome by then.
  for (int position = 0; position < static_cast<int>(urls.size()) && kept < cap; ++position) {
    const std::string& url = urls[static_cast<size_t>(position)];
    // Recorded for this advert by an earlier run (kept or refused), except
    // when an earlier run's image cap stopped it.
    auto known = state_.env.store.GetMeta(AdvertImageKey(advert_id, url));
    const bool recorded = known.ok() && known->has_value() && !CappedEarlier(**known);
    if (state_.IsChromeImage(site, url)) {
      ++chrome;
      // Listed as chrome, so the end-of-run settle (chrome_images.h) counts
      // this advert among those showing it.
      if (!recorded) {
        AdvertImage row{advert_id, url, position, "", kSiteChromeRefusal,
                        state_.env.clock.NowUnixSeconds()};
        for (auto& entry : AdvertImageEntries(row, nullptr)) commit->meta.push_back(std::move(entry));
      }
      continue;
    }
    ++kept;
    if (recorded) continue;
    Pending image = NewImagePending(url, site, work.page.depth + 1, advert_id, position);
    if (!state_.FirstSeen(image.url)) continue;
    commit->discovered.push_back(FrontierEntryFor(image, own.name));
    images.push_back(std::move(image));
  }
  if (chrome > 0) state_.Count(site, [&](SiteSummary& s) { s.images_chrome += chrome; });
  return images;
}

void ImageProcessor::Process(const Work& work) {
  const std::string image_url = ImageUrlOfKey(work.page.url);
  if (work.not_fetched) {  // fetched in this run for another advert
    CrawlState::ImageOutcome outcome;
    (void)state_.ClaimImage(work.page, &outcome);  // settled: gives the outcome
    state_.Count(work.page.site, [](SiteSummary& s) { ++s.images_shared; });
    Record(work.page, outcome, nullptr);
    return;
  }
  StoredImage picture;
  bool is_new = false;
  const CrawlState::ImageOutcome outcome = Keep(work, &picture, &is_new);
  const std::vector<Pending> waiting = state_.SettleImage(image_url, outcome);
  Record(work.page, outcome, is_new ? &picture : nullptr);
  for (const Pending& other : waiting) {
    state_.Count(other.site, [](SiteSummary& s) { ++s.images_shared; });
    Record(other, outcome, nullptr);
  }
}

CrawlState::ImageOutcome ImageProcessor::Keep(const Work& work, StoredImage* picture,
                                              bool* is_new) {
  const FetchResult& r = work.result;
  const int site = work.page.site;
  CrawlState::ImageOutcome outcome;
  if (!r.error.empty()) {
    outcome.error = r.error;
  } else if (r.status < 200 || r.status >= 300) {
    outcome.error = "HTTP " + std::to_string(r.status);
  } else if (r.truncated) {
    outcome.error = "over max_image_bytes";
  } else if (!IsImageType(r.content_type)) {
    outcome.error = "not an image: served as " + r.content_type;
  }
  if (r.error.empty()) state_.Count(site, [](SiteSummary& s) { ++s.images_fetched; });
  if (!outcome.error.empty()) return outcome;
  images::DecodeLimits limits;
  limits.max_bytes = static_cast<std::size_t>(state_.rules(site).site->crawl.max_image_bytes);
  auto hashes = images::HashPhoto(r.body, limits);
  if (!hashes.ok()) {
    outcome.error = hashes.status().message();
    return outcome;
  }
  outcome.sha256 = Sha256Hex(r.body);
  if (!state_.FirstPictureWrite(outcome.sha256)) return outcome;  // another worker keeps it
  auto stored = LoadStoredImage(state_.env.store, outcome.sha256);
  if (stored.ok() && stored->has_value()) return outcome;  // kept by an earlier run
  picture->sha256 = outcome.sha256;
  picture->content_type = r.content_type;
  picture->format = std::string(images::ImageFormatName(*images::SniffImageFormat(r.body)));
  picture->bytes = r.body.size();
  picture->width = hashes->width;
  picture->height = hashes->height;
  picture->quality = hashes->quality;
  picture->pdq = hashes->full.ToHex();
  for (const images::PdqHash& crop : hashes->crops) picture->crops.push_back(crop.ToHex());
  picture->first_url = ImageUrlOfKey(work.page.url);
  picture->fetched_at = state_.env.clock.NowUnixSeconds();
  WarcLocation where;
  if (state_.WriteImageWarc(r, outcome.sha256, &where)) {
    picture->warc_file = where.file;
    picture->warc_offset = where.offset;
    picture->warc_length = where.length;
    state_.Count(site, [](SiteSummary& s) { ++s.warc_records; });
  }
  *is_new = true;
  return outcome;
}

void ImageProcessor::Record(const Pending& page, const CrawlState::ImageOutcome& outcome,
                            const StoredImage* picture) {
  AdvertImage entry;
  entry.advert_id = page.image_of;
  entry.url = ImageUrlOfKey(page.url);
  entry.order = page.image_order;
  entry.sha256 = outcome.sha256;
  entry.error = outcome.error;
  entry.at = state_.env.clock.NowUnixSeconds();
  if (!outcome.error.empty()) {
    spdlog::info("image {} of advert {} refused: {}", entry.url, entry.advert_id, outcome.error);
    state_.Count(page.site, [&](SiteSummary& s) {
      ++s.images_refused;
      ++s.image_refusals[ReasonOf(outcome.error)];
    });
  } else if (picture != nullptr) {
    state_.Count(page.site, [](SiteSummary& s) { ++s.images_stored; });
  }
  PageCommit commit{page.url, {}, "", AdvertImageEntries(entry, picture)};
  Status s = state_.env.store.CommitPage(commit);
  if (!s.ok()) spdlog::error("storing image {}: {}", entry.url, s.ToString());
}

}  // namespace plainsight
