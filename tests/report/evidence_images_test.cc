// `export --evidence DIR --with-images` (issue 16): the lead's photos are
// listed in the manifest, and with --with-images their bytes are copied
// from their WARC captures, checked against their SHA-256 and listed in
// SHA256SUMS.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/image_record.h"
#include "tests/report/report_fixture.h"
#include "warc/writer.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

// Mia's advert showed one photo, captured in the store's WARC files.
struct PhotoEvidence {
  PhotoEvidence() {
    store_dir = dir.path + "/store";
    {
      auto writer = WarcWriter::Open({store_dir + "/warc"});
      REQUIRE(writer.ok());
      WarcCapture capture;
      capture.target_uri = "https://velvet.example.org/img/mia.jpg";
      capture.response_headers = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n";
      capture.payload = photo;
      capture.fetched_unix_ms = 1000;
      auto location = (*writer)->Append(capture);
      REQUIRE(location.ok());
      picture.warc_file = location->file;
      picture.warc_offset = location->offset;
      picture.warc_length = location->length;
    }
    lead.id = "L-0000photos00";
    lead.score = 8;
    lead.advert_ids = {sample.mia.id};
    lead.created_at = lead.updated_at = sample.mia.first_seen;
    WriteStore(store_dir, {sample.mia}, {lead});
    picture.sha256 = Sha256Hex(photo);
    picture.format = "JPEG";
    picture.quality = 90;
    picture.pdq = std::string(64, 'c');
    AdvertImage image;
    image.advert_id = sample.mia.id;
    image.url = "https://velvet.example.org/img/mia.jpg";
    image.sha256 = picture.sha256;
    auto store = Store::Open(store_dir, {});
    REQUIRE(store.ok());
    REQUIRE((*store)->PutMetas(AdvertImageEntries(image, &picture)).ok());
    config = WriteConfig(dir.path, store_dir);
    out = dir.path + "/evidence";
  }
  RunResult Export(bool with_images) const {
    std::vector<std::string> args = {"--config", config, "export", "--lead", lead.id,
                                     "--evidence", out};
    if (with_images) args.emplace_back("--with-images");
    return RunPlainsight(args);
  }

  TempDir dir;
  Sample sample = MakeSample(SystemClock::Get().NowUnixSeconds());
  const std::string photo = "\xff\xd8\xff\xe0 not really a JPEG, bytes only";
  StoredImage picture;
  LeadRecord lead;
  std::string store_dir, config, out;
};

TEST_CASE("EvidenceImages_WithImages_PhotoBytesWrittenAndChecksummed") {
  PhotoEvidence e;
  const RunResult run = e.Export(true);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("and 1 photos") != std::string::npos);
  const std::string name = "image-" + e.picture.sha256 + ".jpg";
  CHECK(Slurp(e.out + "/" + name) == e.photo);
  std::string check;
  CHECK(RunShell("cd " + e.out + " && sha256sum -c --strict SHA256SUMS", &check) == 0);
  CHECK(check.find(name + ": OK") != std::string::npos);
  const nlohmann::json manifest = nlohmann::json::parse(Slurp(e.out + "/manifest.json"));
  REQUIRE(manifest["images"].size() == 1);
  CHECK(manifest["images"][0]["file"] == name);
  CHECK(manifest["images"][0]["sha256"] == e.picture.sha256);
  CHECK(manifest["images"][0]["pdq"] == "pdq:" + std::string(64, 'c'));
}

TEST_CASE("EvidenceImages_WithoutFlag_PhotosListedNotCopied") {
  PhotoEvidence e;
  const RunResult run = e.Export(false);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json manifest = nlohmann::json::parse(Slurp(e.out + "/manifest.json"));
  REQUIRE(manifest["images"].size() == 1);
  CHECK(manifest["images"][0]["url"] == "https://velvet.example.org/img/mia.jpg");
  CHECK(manifest["images"][0]["source"]["warc_file"] == e.picture.warc_file);
  CHECK_FALSE(manifest["images"][0].contains("file"));
  CHECK_FALSE(std::filesystem::exists(e.out + "/image-" + e.picture.sha256 + ".jpg"));
}

}  // namespace
}  // namespace plainsight
