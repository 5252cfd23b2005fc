// `query --image` beyond a file (issue 16), through the real binary:
//
// Url_*: a picture named by URL is fetched once, as politely as the crawl
//   fetches: robots.txt read first and obeyed, the configured user agent,
//   max_image_bytes, private addresses refused unless the config allows
//   them; each refusal is one clear line and exit 1. Served on 127.0.0.1
//   (tests/support/map_router.h), the config allowing loopback.
// Turned_*: the photo asked about is hashed in its eight orientations, so a
//   copy of a stored photo turned a quarter, upside down or mirrored finds
//   it, and the answer says which orientation matched.
#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_server.h"
#include "tests/images/test_pictures.h"
#include "tests/support/map_router.h"
#include "tests/support/photo_desk.h"

namespace plainsight {
namespace {

using nlohmann::json;
using testing::PhotoDesk;
namespace pictures = images::test_pictures;

const char kUserAgent[] = "plainsight-analyst/1.0 (+https://example.org/contact)";

// One site on 127.0.0.1 whose robots.txt keeps crawlers out of /private/.
struct PictureSite {
  explicit PictureSite(const PhotoDesk& d) {
    std::map<std::string, farm::SiteReply> pages;
    pages["/robots.txt"] = testing::Text(200, "User-agent: *\nDisallow: /private/\n");
    pages["/img/repost.jpg"] = testing::Picture(d.repost.bytes);
    pages["/private/original.jpg"] = testing::Picture(d.original.bytes);
    pages["/img/big.jpg"] = testing::Picture(d.original.bytes + std::string(300000, '\0'));
    pages["/img/page.jpg"] = testing::Html("<html><body>not a picture</body></html>");
    server = std::make_unique<farm::SiteServer>(
        std::make_shared<testing::MapRouter>("pictures", std::move(pages)), &log);
    REQUIRE(server->Start().ok());
  }
  ~PictureSite() { server->Stop(); }
  PictureSite(const PictureSite&) = delete;
  PictureSite& operator=(const PictureSite&) = delete;

  std::string Url(const std::string& path) const { return server->base_url() + path; }
  int Requests(const std::string& path) const {
    int n = 0;
    for (const farm::FarmRequest& r : log.Snapshot()) n += r.path == path ? 1 : 0;
    return n;
  }

  farm::RequestLog log;
  std::unique_ptr<farm::SiteServer> server;
};

// The error line: what main() prints last on stderr (the fetch's log lines,
// "fetching …", come before it).
std::string LastLine(const std::string& err) {
  const size_t end = err.empty() || err.back() != '\n' ? err.size() : err.size() - 1;
  const size_t start = err.rfind('\n', end == 0 ? 0 : end - 1);
  return err.substr(start == std::string::npos ? 0 : start + 1);
}

std::string CrawlToml(bool allow_loopback) {
  return std::string("user_agent = \"") + kUserAgent +
         "\"\nper_host_delay_ms = 0\nmax_image_bytes = 200000\nallow_private_addresses = " +
         (allow_loopback ? "true" : "false") + "\n";
}

TEST_CASE("Url_FetchedOncePolitely_FindsTheAdvertsShowingIt") {
  PhotoDesk d(CrawlToml(true));
  PictureSite site(d);
  const std::string url = site.Url("/img/repost.jpg");
  const json adverts = d.Json({"query", "--image", url, "--format", "json"})["adverts"];
  REQUIRE(adverts.size() == 2);
  CHECK(adverts[0]["url"] == testing::kPhotoUrlB);  // B shows this very picture
  CHECK(adverts[0]["distance"] == 0);
  CHECK(adverts[1]["url"] == testing::kPhotoUrlA);

  // robots.txt first, then the picture, once each, as the configured agent.
  const std::vector<farm::FarmRequest> log = site.log.Snapshot();
  REQUIRE(log.size() == 2);
  CHECK(log[0].path == "/robots.txt");
  CHECK(log[1].path == "/img/repost.jpg");
  for (const farm::FarmRequest& r : log) CHECK(r.user_agent == kUserAgent);

  // Audited like a file query: the command line names the URL.
  std::vector<AuditEntry> audit;
  REQUIRE(AuditLog(d.dir + "/store").ForEach(0, [&](const AuditEntry& e) {
    audit.push_back(e);
    return true;
  }).ok());
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].command == "query");
  CHECK(audit[0].results == 2);
  CHECK(audit[0].arguments.find(url) != std::string::npos);
}

TEST_CASE("Url_Refusals_OneClearLineAndExitOne") {
  PhotoDesk d(CrawlToml(true));
  PictureSite site(d);
  const std::string base = site.Url("");
  static const struct {
    const char* path;
    std::string error;  // after "plainsight: --image: "; BASE is the site's base URL
  } kCases[] = {
      {"/private/original.jpg", "robots.txt disallows BASE/private/original.jpg"},
      {"/img/missing.jpg", "HTTP 404 for BASE/img/missing.jpg"},
      {"/img/big.jpg", "BASE/img/big.jpg: over max_image_bytes (200000 bytes)"},
      {"/img/page.jpg", "not an image: not JPEG, PNG, WebP or GIF"},
  };
  for (const auto& c : kCases) {
    INFO(c.path);
    const testing::RunResult run = d.Run({"query", "--image", site.Url(c.path)});
    CHECK(run.exit_code == 1);
    std::string expected = "plainsight: --image: " + c.error;
    for (size_t at; (at = expected.find("BASE")) != std::string::npos;) {
      expected.replace(at, 4, base);
    }
    CHECK(LastLine(run.err).rfind(expected, 0) == 0);
  }
  CHECK(site.Requests("/private/original.jpg") == 0);  // robots.txt obeyed
  // Each was asked for, so each is audited, with no result.
  std::vector<AuditEntry> audit;
  REQUIRE(AuditLog(d.dir + "/store").ForEach(0, [&](const AuditEntry& e) {
    audit.push_back(e);
    return true;
  }).ok());
  REQUIRE(audit.size() == std::size(kCases));
  for (size_t i = 0; i < audit.size(); ++i) {
    CHECK(audit[i].command == "query");
    CHECK(audit[i].results == 0);
    CHECK(audit[i].arguments.find(kCases[i].path) != std::string::npos);
  }
}

TEST_CASE("Url_LoopbackRefusedUnlessTheConfigAllowsIt") {
  PhotoDesk d(CrawlToml(false));
  PictureSite site(d);
  const testing::RunResult run = d.Run({"query", "--image", site.Url("/img/repost.jpg")});
  CHECK(run.exit_code == 1);
  CHECK(LastLine(run.err) == "plainsight: --image: " + site.Url("/robots.txt") +
                       ": refused: private, loopback or link-local address (a private or "
                       "loopback address; [crawl] allow_private_addresses is off)\n");
  CHECK(site.log.Snapshot().empty());
}

// test_pictures turns clockwise: the copy turned back a quarter
// anticlockwise (rotate_90) is the stored photo.
TEST_CASE("Turned_RotatedOrMirroredCopyOfAStoredPhoto_FoundWithTheOrientation") {
  PhotoDesk d;
  const images::RgbImage picture = pictures::MakePicture(51, 1, 640, 480);
  static const struct {
    const char* name;
    images::RgbImage (*turn)(const images::RgbImage&);
    const char* orientation;
    const char* phrase;  // in the table
  } kCases[] = {
      {"as stored", [](const images::RgbImage& p) { return p; }, "original", ""},
      {"a quarter clockwise", pictures::Rotate90, "rotate_90", "turned a quarter anticlockwise"},
      {"upside down", [](const images::RgbImage& p) { return pictures::Rotate90(pictures::Rotate90(p)); },
       "rotate_180", "turned upside down"},
      {"mirrored", pictures::Mirror, "flip_left_right", "mirrored left to right"},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    const Result<std::string> bytes =
        images::EncodeImage(c.turn(picture), images::ImageFormat::kJpeg, 90);
    REQUIRE(bytes.ok());
    const std::string file = d.WriteFile("turned.jpg", *bytes);
    const json adverts = d.Json({"query", "--image", file, "--format", "json"})["adverts"];
    bool found_a = false;
    for (const json& advert : adverts) {
      if (advert["url"] != testing::kPhotoUrlA) continue;
      found_a = true;
      CHECK(advert["orientation"] == c.orientation);
      CHECK(advert["distance"].get<int>() <= 31);
    }
    CHECK(found_a);
    const testing::RunResult table = d.Run({"query", "--image", file});
    REQUIRE(table.exit_code == 0);
    if (*c.phrase != '\0') {
      CHECK(table.out.find(std::string("(matched ") + c.phrase + ")") != std::string::npos);
    } else {
      CHECK(table.out.find("(matched ") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace plainsight
