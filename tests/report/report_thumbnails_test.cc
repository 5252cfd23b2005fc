// `report --thumbnails` (issue 16), through the real binary: by default the
// HTML lists a lead's photos as links and hashes and shows none inline;
// with --thumbnails each photo also shows as a small picture embedded as a
// data: URI (the stored bytes, checked against their SHA-256, shrunk to a
// JPEG of at most 160 px a side), so the file stays self-contained and small. A capture that does not match
// its SHA-256 is never embedded.
#include <catch2/catch.hpp>

#include "core/base64.h"
#include "report/thumbnails.h"
#include "store/image_record.h"
#include "tests/report/report_fixture.h"
#include "tests/support/advert_photos.h"
#include "warc/writer.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

const char kMiaPhoto[] = "https://velvet.example.org/img/mia.jpg";
const char kSilkPhoto[] = "https://silk.example.org/img/22.jpg";

// The new lead's two adverts each show a photo: Mia's captured as fetched,
// Silk's capture holding other bytes than its recorded SHA-256.
struct ThumbnailStore : SampleStoreDir {
  ThumbnailStore() {
    Capture(kMiaPhoto, mia.bytes, &mia);
    Capture(kSilkPhoto, "\xff\xd8\xff\xe0 other bytes", &silk);
    auto store = std::move(Store::Open(store_dir, {})).value();
    ShowPhoto(*store, sample.mia.id, kMiaPhoto, mia);
    ShowPhoto(*store, sample.silk.id, kSilkPhoto, silk);
  }
  void Capture(const std::string& url, const std::string& payload, Photo* photo) const {
    auto writer = WarcWriter::Open({store_dir + "/warc"});
    REQUIRE(writer.ok());
    WarcCapture capture;
    capture.target_uri = url;
    capture.response_headers = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n";
    capture.payload = payload;
    capture.fetched_unix_ms = 1000;
    auto location = (*writer)->Append(capture);
    REQUIRE(location.ok());
    photo->stored.warc_file = location->file;
    photo->stored.warc_offset = location->offset;
    photo->stored.warc_length = location->length;
  }
  RunResult Report(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config, "report"});
    return RunPlainsight(args);
  }

  Photo mia = PicturePhoto(71, 1);  // 640 x 480
  Photo silk = PicturePhoto(72, 1);
};

TEST_CASE("Thumbnails_OffByDefault_NoImageInline") {
  ThumbnailStore s;
  const RunResult run = s.Report({});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("Photos (not shown):") != std::string::npos);
  CHECK(run.out.find(kMiaPhoto) != std::string::npos);
  CHECK(run.out.find("sha256 " + s.mia.stored.sha256) != std::string::npos);
  CHECK(run.out.find("<img") == std::string::npos);
  CHECK(run.out.find("data:image") == std::string::npos);
}

TEST_CASE("Thumbnails_Asked_EachPhotoInlineFromItsCheckedCapture") {
  ThumbnailStore s;
  const std::string out = s.dir.path + "/report.html";
  const RunResult run = s.Report({"--thumbnails", "--out", out});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string html = Slurp(out);
  // Mia's 640x480 photo, shrunk to a JPEG of 160x120 (images_tests check
  // its pixels): far smaller than the capture.
  const std::string prefix = "<img class=\"thumb\" src=\"data:image/jpeg;base64,";
  const size_t img = html.find(prefix);
  REQUIRE(img != std::string::npos);
  const size_t uri_end = html.find('"', img + prefix.size());
  REQUIRE(uri_end != std::string::npos);
  const size_t encoded = uri_end - (img + prefix.size());
  CHECK(encoded * 4 < Base64Encode(s.mia.bytes).size());
  const std::string size_attributes = "\" width=\"160\" height=\"120\"";
  CHECK(html.compare(uri_end, size_attributes.size(), size_attributes) == 0);
  // Self-contained: nothing fetched, the policy unchanged.
  CHECK(html.find("img-src data:\">") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);
  // Silk's capture is not the picture recorded: linked, not embedded.
  CHECK(html.find("<img", html.find("<img") + 1) == std::string::npos);
  CHECK(html.find("(no thumbnail: its capture does not match its SHA-256)") != std::string::npos);
  CHECK(html.find(kSilkPhoto) != std::string::npos);
}

TEST_CASE("Thumbnails_OnlyWithHtml") {
  ThumbnailStore s;
  const RunResult run = s.Report({"--thumbnails", "--format", "json"});
  CHECK(run.exit_code == 1);
  CHECK(run.err == "plainsight: --thumbnails goes with --format html\n");
}

TEST_CASE("ThumbnailSize_FitsIn160PxKeepsAspectNeverEnlarges") {
  static const struct {
    int width, height;
    std::pair<int, int> shown;
  } kCases[] = {
      {640, 480, {160, 120}}, {480, 640, {120, 160}}, {160, 160, {160, 160}},
      {100, 50, {100, 50}},   {4000, 10, {160, 1}},   {0, 0, {160, 0}},
  };
  for (const auto& c : kCases) {
    INFO(c.width << "x" << c.height);
    CHECK(ThumbnailSize(c.width, c.height) == c.shown);
  }
}

}  // namespace
}  // namespace plainsight
