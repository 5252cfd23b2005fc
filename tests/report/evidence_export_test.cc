// `plainsight export --lead ID --evidence DIR` on captures written with the
// real WarcWriter (no crawl): byte-exact gzip members that are WARC files on
// their own, payloads, a manifest and SHA256SUMS that `sha256sum -c`
// accepts, and a loud failure naming the advert when a capture no longer
// matches the sha256 recorded at crawl time.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "warc/writer.h"
#include "tests/report/report_fixture.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

std::string Page(const std::string& title) {
  return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title +
         "</h1><p>Call 07700 900123.</p></body></html>";
}

WarcLocation Capture(WarcWriter& writer, const AdvertRecord& advert, const std::string& payload) {
  WarcCapture capture;
  capture.target_uri = advert.url;
  capture.response_headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";
  capture.payload = payload;
  capture.fetched_unix_ms = advert.last_seen * 1000;
  auto location = writer.Append(capture);
  REQUIRE(location.ok());
  return *location;
}

void Locate(AdvertRecord& advert, const WarcLocation& location) {
  advert.warc_file = location.file;
  advert.warc_offset = location.offset;
  advert.warc_length = location.length;
}

struct EvidenceStore {
  // How the capture of `silk` differs from what was recorded at crawl time.
  enum class Tamper { kNone, kPayloadReplaced, kRecordedDigestWrong, kBytesCorrupted };

  explicit EvidenceStore(Tamper tamper) {
    store_dir = dir.path + "/store";
    auto writer = WarcWriter::Open({store_dir + "/warc"});
    REQUIRE(writer.ok());
    const std::string mia_page = Page("Relaxing evenings"), silk_page = Page("Companionship");
    sample.mia.sha256 = Sha256Hex(mia_page);
    sample.silk.sha256 = Sha256Hex(silk_page);
    Locate(sample.mia, Capture(**writer, sample.mia, mia_page));
    Locate(sample.silk, Capture(**writer, sample.silk, silk_page));
    if (tamper == Tamper::kPayloadReplaced) {
      // A well-formed record whose body is not what was fetched.
      Locate(sample.silk, Capture(**writer, sample.silk, Page("Something else entirely")));
    }
    if (tamper == Tamper::kRecordedDigestWrong) sample.silk.sha256 = Sha256Hex("not the page");
    writer->reset();
    if (tamper == Tamper::kBytesCorrupted) {
      std::fstream file(store_dir + "/warc/" + sample.silk.warc_file, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(static_cast<std::streamoff>(sample.silk.warc_offset + sample.silk.warc_length / 2));
      file.put('\x5a');
    }
    // warehouse has no capture: listed in the manifest, not exported.
    lead.id = "L-0000evidence";
    lead.score = 8;
    lead.advert_ids = {sample.mia.id, sample.silk.id, sample.warehouse.id};
    lead.created_at = lead.updated_at = sample.mia.first_seen;
    WriteStore(store_dir, {sample.mia, sample.silk, sample.warehouse}, {lead});
    config = WriteConfig(dir.path, store_dir);
    out = dir.path + "/evidence";
  }
  RunResult Export() const {
    return RunPlainsight({"--config", config, "export", "--lead", lead.id, "--evidence", out});
  }

  TempDir dir;
  Sample sample = MakeSample(SystemClock::Get().NowUnixSeconds());
  LeadRecord lead;
  std::string store_dir, config, out;
};

TEST_CASE("Evidence_Export_ByteExactCapturesAndChecksums") {
  EvidenceStore s(EvidenceStore::Tamper::kNone);
  RunResult run = s.Export();
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("wrote 2 captures") != std::string::npos);

  for (const AdvertRecord* advert : {&s.sample.mia, &s.sample.silk}) {
    CAPTURE(advert->id);
    // Byte for byte the member in the store's WARC file.
    std::ifstream in(s.store_dir + "/warc/" + advert->warc_file, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(advert->warc_offset));
    std::string member(advert->warc_length, '\0');
    in.read(member.data(), static_cast<std::streamsize>(member.size()));
    CHECK(Slurp(s.out + "/" + advert->id + ".warc.gz") == member);
    CHECK(Sha256Hex(Slurp(s.out + "/" + advert->id + ".html")) == advert->sha256);
    std::string first_line;
    CHECK(RunShell("gzip -dc " + s.out + "/" + advert->id + ".warc.gz | head -c 8", &first_line) == 0);
    CHECK(first_line == "WARC/1.1");
  }
  CHECK_FALSE(fs::exists(s.out + "/" + s.sample.warehouse.id + ".warc.gz"));

  std::string check;
  CHECK(RunShell("cd " + s.out + " && sha256sum -c --strict SHA256SUMS", &check) == 0);
  INFO(check);
  static const char* const kListed[] = {"lead.json: OK", "manifest.json: OK", ".warc.gz: OK", ".html: OK"};
  for (const char* listed : kListed) {
    INFO(listed);
    CHECK(check.find(listed) != std::string::npos);
  }

  const nlohmann::json manifest = nlohmann::json::parse(Slurp(s.out + "/manifest.json"));
  CHECK(manifest["lead"] == s.lead.id);
  CHECK(manifest["adverts"].size() == 2);
  CHECK(manifest["adverts_without_capture"] == nlohmann::json::array({s.sample.warehouse.id}));
  CHECK(manifest["files"].size() == 5);  // lead.json, 2 x (warc.gz, html)
  const nlohmann::json lead = nlohmann::json::parse(Slurp(s.out + "/lead.json"));
  CHECK(lead["id"] == s.lead.id);
  CHECK(lead["adverts"].size() == 3);
}

TEST_CASE("Evidence_Integrity_MismatchFailsNamingTheAdvert") {
  static const struct {
    const char* what;
    EvidenceStore::Tamper tamper;
    const char* message;
  } kCases[] = {
      {"payload replaced", EvidenceStore::Tamper::kPayloadReplaced, "does not match the recorded sha256"},
      {"recorded digest wrong", EvidenceStore::Tamper::kRecordedDigestWrong, "does not match the recorded sha256"},
      {"bytes corrupted", EvidenceStore::Tamper::kBytesCorrupted, "cannot read its WARC capture"},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    EvidenceStore s(c.tamper);
    RunResult run = s.Export();
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("advert " + s.sample.silk.id) != std::string::npos);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK_FALSE(fs::exists(s.out));  // nothing half-written
  }
}

}  // namespace
}  // namespace plainsight
