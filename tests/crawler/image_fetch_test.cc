// Advert photos fetched during the crawl (issue 16, item 1), on small sites
// served on 127.0.0.1 with generated pictures (tests/images/test_pictures.h,
// never real photos) and a real RocksDB:
//
// Photos_*: an advert's <img src>, best srcset candidate, og:image and
//   lazy-load attribute are fetched through the host's queue, each picture
//   kept once by SHA-256 with its PDQ hashes and a WARC record; an image
//   URL two adverts show is fetched once.
// Chrome_*: a logo on every advert page is listed as site chrome, never
//   kept as a photo (crawler/chrome_images.h).
// Refused_*: robots.txt, max_image_bytes, a non-image served as
//   image/jpeg, a decompression bomb and a 404 are recorded with a reason.
// Cap_*, Off_*: max_images_per_advert bounds each advert, and
//   max_images_per_run ([crawl]'s, or a site's own) each run, the images
//   over it refused against their advert ("per-run image cap") and fetched
//   by a later run; 0 fetches none.
// Resume_*: a killed run's remaining images are fetched by the next run,
//   nothing kept twice.
// Politeness_*: images wait their turn like pages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "crawler/advert_images.h"
#include "crawler/chrome_images.h"
#include "store/image_record.h"
#include "tests/images/png_bomb.h"
#include "tests/images/test_pictures.h"
#include "tests/support/small_sites.h"

namespace plainsight {
namespace {

using testing::Html;
using testing::Picture;
using testing::SiteBlock;
using testing::SmallSites;
using testing::Text;
namespace pictures = images::test_pictures;

std::string Jpeg(std::uint64_t seed) {
  return pictures::EncodeOriginal(pictures::MakePicture(seed, seed + 100, 320, 240));
}

std::string Encoded(std::uint64_t seed, images::ImageFormat format) {
  return pictures::Encode({pictures::MakePicture(seed, seed + 100, 320, 240), format, 90});
}

std::string AdvertPage(const std::string& head, const std::string& photos, const std::string& phone) {
  return "<html><head><title>Cleaner wanted</title>" + head +
         "</head><body><header><img src=\"/static/logo.png\" alt=\"logo\"></header>"
         "<h1>Cleaner wanted</h1><p>Evening cleaning, call " + phone + ".</p>" + photos +
         "</body></html>";
}

std::string ListOf(int n) {
  std::string body = "<html><body><h1>Listing</h1><ul>";
  for (int i = 0; i < n; ++i) {
    body += "<li><a href=\"/ad/" + std::to_string(i) + "\">advert</a></li>";
  }
  return body + "</ul></body></html>";
}

// Four adverts: photos in every form a page gives them, one URL shared,
// one picture under two URLs, and every kind of refusal.
std::map<std::string, farm::SiteReply> PhotoSite() {
  std::map<std::string, farm::SiteReply> pages;
  pages["/robots.txt"] = Text(200, "User-agent: *\nDisallow: /private/\n");
  pages["/list"] = Html(ListOf(4));
  pages["/static/logo.png"] = Picture(Encoded(90, images::ImageFormat::kPng), "image/png");
  pages["/ad/0"] = Html(AdvertPage(
      "<meta property=\"og:image\" content=\"/img/p3.png\">",
      "<img src=\"/img/p1.jpg\"><img src=\"/img/p2-small.jpg\" "
      "srcset=\"/img/p2-small.jpg 320w, /img/p2-large.jpg 640w\">",
      "07700 900401"));
  pages["/ad/1"] = Html(AdvertPage(
      "", "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/img/p4.webp\">"
          "<img src=\"/img/p1.jpg\">",
      "07700 900402"));
  pages["/ad/2"] = Html(AdvertPage(
      "", "<img src=\"/img/p1-copy.jpg\"><img src=\"/private/p5.jpg\"><img src=\"/img/big.jpg\">",
      "07700 900403"));
  pages["/ad/3"] = Html(AdvertPage(
      "", "<img src=\"/img/fake.jpg\"><img src=\"/img/bomb.png\"><img src=\"/img/gone.jpg\">",
      "07700 900404"));
  pages["/img/p1.jpg"] = Picture(Jpeg(1));
  pages["/img/p1-copy.jpg"] = Picture(Jpeg(1));
  pages["/img/p2-small.jpg"] = Picture(Jpeg(2));
  pages["/img/p2-large.jpg"] = Picture(Jpeg(2) + "");  // same picture, larger in real life
  pages["/img/p3.png"] = Picture(Encoded(3, images::ImageFormat::kPng), "image/png");
  pages["/img/p4.webp"] = Picture(Encoded(4, images::ImageFormat::kWebp), "image/webp");
  pages["/private/p5.jpg"] = Picture(Jpeg(5));
  pages["/img/big.jpg"] = Picture(Jpeg(6) + std::string(300000, '\0'));
  pages["/img/fake.jpg"] = Picture("<html><body>not a picture</body></html>");
  pages["/img/bomb.png"] = Picture(pictures::PngHeaderClaiming(100000, 100000), "image/png");
  return pages;
}

const char kImagesOn[] = "max_images_per_advert = 8\nmax_image_bytes = 200000\n";

// An advert's image rows by path; rows listing site chrome only with
// `with_chrome`.
std::map<std::string, AdvertImage> ImagesOf(const Store& store, const std::string& advert_url,
                                            bool with_chrome = false) {
  auto listed = LoadAdvertImages(store, AdvertIdForUrl(advert_url));
  REQUIRE(listed.ok());
  std::map<std::string, AdvertImage> by_path;
  for (const AdvertImage& image : *listed) {
    if (image.error == kSiteChromeRefusal && !with_chrome) continue;
    by_path[image.url.substr(image.url.find("/", 8))] = image;
  }
  return by_path;
}

int CountStoredImages(const Store& store) {
  int n = 0;
  REQUIRE(ForEachStoredImage(store, [&](const StoredImage&) {
            ++n;
            return true;
          }).ok());
  return n;
}

TEST_CASE("FindImageUrls_EachFormAPageGivesAPhotoIn") {
  static const struct {
    const char* html;
    std::vector<std::string> urls;
  } kCases[] = {
      {"<img src=\"a.jpg\">", {"a.jpg"}},
      {"<IMG SRC='a.jpg' />", {"a.jpg"}},
      {"<img src=a.jpg alt=x>", {"a.jpg"}},
      {"<img src=\"s.jpg\" srcset=\"s.jpg 320w, l.jpg 1024w, m.jpg 640w\">", {"l.jpg"}},
      {"<img srcset=\"a.jpg, b.jpg 2x, c.jpg 1.5x\">", {"b.jpg"}},
      {"<img src=\"data:image/gif;base64,R0l\" data-src=\"real.jpg\">", {"real.jpg"}},
      {"<img src=\"blank.gif\" data-lazy-src=\"real.jpg\">", {"real.jpg"}},
      {"<img data-original=\"real.jpg\">", {"real.jpg"}},
      {"<img src=\"data:image/png;base64,iVBOR\">", {}},
      {"<meta property=\"og:image\" content=\"og.jpg\"><img src=\"a.jpg\">", {"og.jpg", "a.jpg"}},
      {"<meta property=\"og:title\" content=\"x\">", {}},
      {"<img src=\"a.jpg?w=1&amp;h=2\">", {"a.jpg?w=1&h=2"}},
      {"<imgx src=\"no.jpg\"><image src=\"no.jpg\">", {}},
  };
  for (const auto& c : kCases) {
    INFO(c.html);
    CHECK(FindImageUrls(c.html) == c.urls);
  }
}

TEST_CASE("Photos_EveryFormFetchedAndEachPictureKeptOnceBySha256") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000, kImagesOn);
  const CrawlSummary summary = s.Crawl();
  REQUIRE(summary.sites.size() == 1);
  const SiteSummary& site = summary.sites[0];
  CHECK(site.adverts_new == 4);

  const auto a = ImagesOf(s.store(), base + "/ad/0");
  REQUIRE(a.size() == 3);
  CHECK(a.count("/img/p3.png") == 1);        // og:image
  CHECK(a.count("/img/p1.jpg") == 1);        // img src
  CHECK(a.count("/img/p2-large.jpg") == 1);  // best srcset candidate
  CHECK(a.at("/img/p3.png").order < a.at("/img/p1.jpg").order);
  CHECK(a.at("/img/p1.jpg").order < a.at("/img/p2-large.jpg").order);
  const auto b = ImagesOf(s.store(), base + "/ad/1");
  REQUIRE(b.size() == 2);
  CHECK(b.count("/img/p4.webp") == 1);  // lazy-load data-src
  CHECK(b.at("/img/p1.jpg").sha256 == a.at("/img/p1.jpg").sha256);
  const auto c = ImagesOf(s.store(), base + "/ad/2");
  CHECK(c.at("/img/p1-copy.jpg").sha256 == a.at("/img/p1.jpg").sha256);

  for (const auto& [path, image] : a) {
    INFO(path);
    CHECK(image.error.empty());
    auto picture = LoadStoredImage(s.store(), image.sha256);
    REQUIRE(picture.ok());
    REQUIRE(picture->has_value());
    const StoredImage& p = **picture;
    CHECK(p.pdq.size() == 64);
    CHECK(p.crops.size() == 3);
    CHECK(p.width == 320);
    CHECK(p.height == 240);
    CHECK(p.quality >= 50);
    CHECK(!p.warc_file.empty());
    CHECK(p.bytes > 0);
  }
  CHECK(LoadStoredImage(s.store(), b.at("/img/p4.webp").sha256)->value().format == "WebP");
  CHECK(LoadStoredImage(s.store(), a.at("/img/p3.png").sha256)->value().format == "PNG");
  // p1 (also under p1-copy.jpg), p2, p3, p4.
  CHECK(CountStoredImages(s.store()) == 4);
  // The run kept the logo too (four adverts are too few to call it chrome
  // before fetching it), and dropped it when it settled the site's chrome.
  CHECK(site.images_stored == 5);
  CHECK(s.Requests("/img/p1.jpg") == 1);  // shown by two adverts, fetched once
  CHECK(s.Requests("/img/p1-copy.jpg") == 1);
  CHECK(s.Requests("/img/p2-small.jpg") == 0);
  CHECK(site.images_shared == 4);  // p1 once, the logo three times
}

TEST_CASE("Chrome_LogoOnEveryAdvertPage_ListedAsChromeNeverKeptAsAPhoto") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000, kImagesOn);
  (void)s.Crawl();
  // Four adverts are too few to skip anything during the run
  // (kChromeMinSample): the logo is fetched once, shared by all four, and
  // found to be chrome when the run settles.
  CHECK(s.Requests("/static/logo.png") <= 1);
  CHECK(CountStoredImages(s.store()) == 4);  // p1..p4, not the logo
  for (int i = 0; i < 4; ++i) {
    // Listed against each advert as chrome, never as a photo.
    const auto listed = ImagesOf(s.store(), base + "/ad/" + std::to_string(i), true);
    REQUIRE(listed.count("/static/logo.png") == 1);
    CHECK(listed.at("/static/logo.png").error == kSiteChromeRefusal);
    CHECK(listed.at("/static/logo.png").sha256.empty());
    CHECK(ImagesOf(s.store(), base + "/ad/" + std::to_string(i)).count("/static/logo.png") == 0);
  }
}

TEST_CASE("Refused_EachReasonRecordedAgainstTheAdvert") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000, kImagesOn);
  const CrawlSummary summary = s.Crawl();
  const auto c = ImagesOf(s.store(), base + "/ad/2");
  const auto d = ImagesOf(s.store(), base + "/ad/3");
  static const struct {
    const char* path;
    const char* error_starts;
    const char* reason;
  } kCases[] = {
      {"/private/p5.jpg", "refused by robots.txt", "refused by robots.txt"},
      {"/img/big.jpg", "over max_image_bytes", "over max_image_bytes"},
      {"/img/fake.jpg", "not an image: not JPEG, PNG, WebP or GIF", "not an image"},
      {"/img/bomb.png", "PNG of 100000x100000 pixels is over the limit", "too many pixels"},
      {"/img/gone.jpg", "HTTP 404", "HTTP 404"},
  };
  const SiteSummary& site = summary.sites[0];
  for (const auto& k : kCases) {
    INFO(k.path);
    const auto& of = c.count(k.path) ? c : d;
    REQUIRE(of.count(k.path) == 1);
    CHECK(of.at(k.path).sha256.empty());
    CHECK(of.at(k.path).error.rfind(k.error_starts, 0) == 0);
    CHECK(site.image_refusals.count(k.reason) == 1);
  }
  CHECK(s.Requests("/private/p5.jpg") == 0);
  CHECK(site.images_refused == 5);
}

TEST_CASE("Cap_MaxImagesPerAdvert_BoundsEachAdvert") {
  SmallSites s;
  std::map<std::string, farm::SiteReply> pages;
  pages["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
  pages["/list"] = Html(ListOf(1));
  std::string photos;
  for (int i = 0; i < 12; ++i) {
    const std::string path = "/img/" + std::to_string(i) + ".jpg";
    photos += "<img src=\"" + path + "\">";
    pages[path] = Picture(Jpeg(static_cast<std::uint64_t>(10 + i)));
  }
  pages["/ad/0"] = Html(AdvertPage("", photos, "07700 900401"));
  const std::string base = s.Serve("photos", pages);
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000,
              "max_images_per_advert = 3\n");
  s.Crawl();
  const auto a = ImagesOf(s.store(), base + "/ad/0");
  // The logo is one of the first three (one advert page: not yet chrome).
  CHECK(a.size() == 3);
  int fetched = 0;
  for (const auto& request : s.Log()) fetched += request.path.rfind("/img/", 0) == 0 ? 1 : 0;
  CHECK(fetched == 2);
  CHECK(s.Requests("/img/2.jpg") == 0);
}

// Four adverts, two photos each, no logo: eight image fetches when
// nothing caps them.
std::map<std::string, farm::SiteReply> EightPhotoSite() {
  std::map<std::string, farm::SiteReply> pages;
  pages["/robots.txt"] = Text(200, "User-agent: *\nAllow: /\n");
  pages["/list"] = Html(ListOf(4));
  for (int i = 0; i < 4; ++i) {
    std::string photos;
    for (int k = 0; k < 2; ++k) {
      const std::string path = "/img/" + std::to_string(i) + "-" + std::to_string(k) + ".jpg";
      photos += "<img src=\"" + path + "\">";
      pages[path] = Picture(Jpeg(static_cast<std::uint64_t>(30 + 2 * i + k)));
    }
    pages["/ad/" + std::to_string(i)] =
        Html("<html><body><h1>Cleaner wanted</h1><p>Call 07700 90041" + std::to_string(i) +
             ".</p>" + photos + "</body></html>");
  }
  return pages;
}

int ImageRequests(const SmallSites& s) {
  int n = 0;
  for (const auto& request : s.Log()) n += request.path.rfind("/img/", 0) == 0 ? 1 : 0;
  return n;
}

TEST_CASE("Cap_MaxImagesPerRun_FetchesThatManyAndRefusesTheRestAgainstTheirAdverts") {
  static const struct {
    const char* what;
    const char* crawl_extra;
    const char* site_extra;
    int fetched;
    int capped;
  } kCases[] = {
      {"default cap (20000)", "", "", 8, 0},
      {"[crawl] cap 3", "max_images_per_run = 3\n", "", 3, 5},
      {"the site's own cap 2", "", "max_images_per_run = 2\n", 2, 6},
      {"0: images off", "max_images_per_run = 0\n", "", 0, 0},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    SmallSites s;
    const std::string base = s.Serve("photos", EightPhotoSite());
    s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$", c.site_extra), 5000000,
                c.crawl_extra);
    const CrawlSummary summary = s.Crawl();
    const SiteSummary& site = summary.sites[0];
    CHECK(site.adverts_new == 4);
    CHECK(ImageRequests(s) == c.fetched);
    CHECK(site.images_stored == c.fetched);
    const int refused = site.image_refusals.count("per-run image cap")
                            ? site.image_refusals.at("per-run image cap")
                            : 0;
    CHECK(refused == c.capped);
    int kept = 0, capped = 0, recorded = 0;
    for (int i = 0; i < 4; ++i) {
      for (const auto& [path, image] : ImagesOf(s.store(), base + "/ad/" + std::to_string(i))) {
        ++recorded;
        kept += image.sha256.empty() ? 0 : 1;
        capped += image.error == "per-run image cap" ? 1 : 0;
      }
    }
    CHECK(kept == c.fetched);
    CHECK(capped == c.capped);
    CHECK(recorded == c.fetched + c.capped);  // with images off, none recorded
  }
}

TEST_CASE("Cap_MaxImagesPerRun_ALaterRunFetchesWhatTheCapStopped") {
  SmallSites s;
  const std::string base = s.Serve("photos", EightPhotoSite());
  const std::string site = SiteBlock("photos", base, "\\/ad\\/[0-9]+$");
  s.Configure(site, 5000000, "max_images_per_run = 3\n");
  s.Crawl();
  REQUIRE(ImageRequests(s) == 3);
  REQUIRE(CountStoredImages(s.store()) == 3);

  s.Configure(site, 5000000, "max_images_per_run = 100\n");
  const CrawlSummary next = s.Crawl();
  CHECK(ImageRequests(s) == 5);  // the five capped, not the three kept
  CHECK(next.sites[0].images_stored == 5);
  CHECK(CountStoredImages(s.store()) == 8);
  for (int i = 0; i < 4; ++i) {
    for (const auto& [path, image] : ImagesOf(s.store(), base + "/ad/" + std::to_string(i))) {
      INFO(path);
      CHECK(!image.sha256.empty());
      CHECK(image.error.empty());
    }
  }
}

TEST_CASE("Off_MaxImagesPerAdvertZero_FetchesNoImage") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000,
              "max_images_per_advert = 0\n");
  const CrawlSummary summary = s.Crawl();
  CHECK(summary.sites[0].adverts_new == 4);
  for (const auto& request : s.Log()) {
    INFO(request.path);
    const bool page = request.path == "/list" || request.path == "/robots.txt" ||
                      request.path.rfind("/ad/", 0) == 0;
    CHECK(page);
  }
  CHECK(CountStoredImages(s.store()) == 0);
  CHECK(ImagesOf(s.store(), base + "/ad/0").empty());
}

TEST_CASE("Resume_KilledRunsRemainingImages_FetchedOnceNothingKeptTwice") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000, kImagesOn);
  s.Crawl();
  REQUIRE(CountStoredImages(s.store()) == 4);
  // What a run killed after storing advert 0 and one of its images leaves:
  // the advert's image entries in the frontier, one done, and no record
  // yet of the others (p1 is also kept for advert 1, so its picture stays).
  const std::string advert = AdvertIdForUrl(base + "/ad/0");
  std::vector<FrontierEntry> entries;
  for (const auto& [path, order] : std::vector<std::pair<std::string, int>>{
           {"/img/p3.png", 0}, {"/img/p1.jpg", 2}, {"/img/p2-large.jpg", 3}}) {
    FrontierEntry e;
    e.url = base + path + "#advert-image=" + advert;
    e.site = "photos";
    e.depth = 2;
    e.image = true;
    e.image_of = advert;
    e.image_order = order;
    entries.push_back(e);
  }
  REQUIRE(s.store().AddToFrontier(entries).ok());
  REQUIRE(s.store().CommitPage({entries[0].url, {}, "", {}}).ok());
  REQUIRE(s.store().DeleteMeta(AdvertImageKey(advert, base + "/img/p1.jpg")).ok());
  REQUIRE(s.store().DeleteMeta(AdvertImageKey(advert, base + "/img/p2-large.jpg")).ok());

  const CrawlSummary resumed = s.Crawl();
  CHECK(resumed.resumed);
  CHECK(s.Requests("/img/p1.jpg") == 1);
  CHECK(s.Requests("/img/p2-large.jpg") == 1);
  CHECK(s.Requests("/img/p3.png") == 0);  // done before the kill
  CHECK(s.Requests("/list") == 0);
  const auto a = ImagesOf(s.store(), base + "/ad/0");
  CHECK(a.size() == 3);
  CHECK(a.at("/img/p2-large.jpg").order == 3);
  CHECK(!a.at("/img/p1.jpg").sha256.empty());
  CHECK(resumed.sites[0].images_stored == 0);  // both pictures were kept already
  CHECK(CountStoredImages(s.store()) == 4);
}

TEST_CASE("Politeness_ImagesWaitTheHostDelayLikePages") {
  SmallSites s;
  const std::string base = s.Serve("photos", PhotoSite());
  s.Configure(SiteBlock("photos", base, "\\/ad\\/[0-9]+$"), 5000000, kImagesOn);
  s.Crawl();
  auto log = s.Log();
  std::sort(log.begin(), log.end(),
            [](const auto& x, const auto& y) { return x.received < y.received; });
  REQUIRE(log.size() > 10);
  for (size_t i = 1; i < log.size(); ++i) {
    INFO(log[i - 1].path << " then " << log[i].path);
    // per_host_delay_ms = 300, counted from the end of the previous response.
    CHECK(log[i].received - log[i - 1].responded >= std::chrono::milliseconds(290));
  }
}

}  // namespace
}  // namespace plainsight
