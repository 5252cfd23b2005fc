// Photos in the daily report (issue 16): a lead's adverts' photos appear as
// links with their hashes and WARC location, in HTML and JSON, and are
// never embedded in the HTML.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/html_report.h"
#include "report/report_data.h"
#include "report/report_formats.h"
#include "store/image_record.h"
#include "tests/report/report_fixture.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

constexpr std::int64_t kNow = 1764324000;  // 2025-11-28T10:00:00Z

// The sample store, with one photo on Mia's advert (of the new lead).
ReportData GatherWithPhoto(const TempDir& dir, const Sample& sample) {
  WriteSampleStore(dir.path + "/store", sample);
  {
    auto store = Store::Open(dir.path + "/store", {});
    REQUIRE(store.ok());
    StoredImage picture;
    picture.sha256 = std::string(64, 'a');
    picture.quality = 90;
    picture.pdq = std::string(64, 'f');
    picture.warc_file = "images.warc.gz";
    picture.warc_offset = 10;
    picture.warc_length = 20;
    AdvertImage image;
    image.advert_id = sample.mia.id;
    image.url = "https://velvet.example.org/img/mia.jpg";
    image.sha256 = picture.sha256;
    REQUIRE((*store)->PutMetas(AdvertImageEntries(image, &picture)).ok());
  }
  auto store = Store::Open(dir.path + "/store", StoreOptions{false, true});
  REQUIRE(store.ok());
  auto data = GatherReport(**store, ReportWindow{kNow - kDay, kNow});
  REQUIRE(data.ok());
  return std::move(data).value();
}

TEST_CASE("ReportImages_LeadPhotos_AreLinkedWithHashesNeverEmbedded") {
  TempDir dir;
  const Sample sample = MakeSample(kNow);
  const ReportData data = GatherWithPhoto(dir, sample);
  const ReportLead* with_photo = nullptr;
  for (const ReportLead& r : data.changed_leads) {
    if (!r.images.empty()) with_photo = &r;
  }
  REQUIRE(with_photo != nullptr);
  REQUIRE(with_photo->images.size() == 1);
  CHECK(with_photo->images[0].advert_id == sample.mia.id);
  CHECK(with_photo->images[0].pdq == "pdq:" + std::string(64, 'f'));

  const std::string html = RenderHtmlReport(data, kNow);
  CHECK(html.find("https://velvet.example.org/img/mia.jpg") != std::string::npos);
  CHECK(html.find("sha256 " + std::string(64, 'a')) != std::string::npos);
  CHECK(html.find("warc/images.warc.gz @ 10") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);

  const std::string json = RenderJsonReport(data, [](const LeadRecord& lead) {
    return "{\"id\": \"" + lead.id + "\"}";
  });
  const nlohmann::json doc = nlohmann::json::parse(json);
  bool linked = false;
  for (const nlohmann::json& lead : doc["leads"]) {
    if (!lead.contains("image_links")) continue;
    linked = true;
    CHECK(lead["image_links"][0]["sha256"] == std::string(64, 'a'));
    CHECK(lead["image_links"][0]["warc"]["offset"] == 10);
  }
  CHECK(linked);
}

}  // namespace
}  // namespace plainsight
