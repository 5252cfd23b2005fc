// Photos for the analyst through the real binary (issue 16): adverts with
// generated pictures written straight into a store, then `correlate`,
// `query --image FILE`, `show A-…` and `show L-…`.
#include <stdlib.h>  // mkdtemp

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tests/support/advert_photos.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Photo;
using testing::RunPlainsight;

const char* const kUrlA = "http://a.example.org/ad/1";
const char* const kUrlB = "http://b.example.org/ad/2";
const char* const kUrlC = "http://b.example.org/ad/3";

// Three adverts with three phones: A and B show one picture (B a resized,
// re-encoded copy), C another picture of the same layout.
struct PhotoDesk {
  PhotoDesk() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-photos-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    {
      auto store = std::move(Store::Open(dir + "/store", {})).value();
      const struct {
        const char* url;
        const char* site;
        const char* phone;
      } kAdverts[] = {{kUrlA, "site-a", "+447700900111"},
                      {kUrlB, "site-b", "+447700900222"},
                      {kUrlC, "site-b", "+447700900333"}};
      for (const auto& ad : kAdverts) {
        AdvertRecord a;
        a.url = ad.url;
        a.id = AdvertIdForUrl(a.url);
        a.site = ad.site;
        a.kind = "adult";
        a.towns = {"Northampton"};
        a.phones = {ad.phone};
        a.title = "advert";
        a.sha256 = Sha256Hex(a.url);
        a.first_seen = a.last_seen = 1000;
        REQUIRE(store->UpsertAdvert(a).ok());
      }
      testing::ShowPhoto(*store, AdvertIdForUrl(kUrlA), "http://a.example.org/img/1.jpg", original);
      testing::ShowPhoto(*store, AdvertIdForUrl(kUrlB), "http://b.example.org/img/2.jpg", repost);
      testing::ShowPhoto(*store, AdvertIdForUrl(kUrlC), "http://b.example.org/img/3.jpg", other);
    }
    config = dir + "/plainsight.toml";
    std::ofstream(config) << "[store]\npath = \"" << dir << "/store\"\n";
    picture = dir + "/query.jpg";
    std::ofstream(picture, std::ios::binary) << original.bytes;
  }
  ~PhotoDesk() { fs::remove_all(dir); }
  PhotoDesk(const PhotoDesk&) = delete;
  PhotoDesk& operator=(const PhotoDesk&) = delete;

  testing::RunResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config});
    return RunPlainsight(args);
  }
  json Json(std::vector<std::string> args) const {
    const testing::RunResult run = Run(std::move(args));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
  }

  Photo original = testing::PicturePhoto(51, 1);
  Photo repost = testing::ResizedCopy(51, 1);
  Photo other = testing::PicturePhoto(51, 2);
  std::string dir, config, picture;
};

TEST_CASE("QueryImage_FindsAdvertsShowingTheSamePhoto_ClosestFirst") {
  PhotoDesk d;
  const json adverts = d.Json({"query", "--image", d.picture, "--format", "json"})["adverts"];
  REQUIRE(adverts.size() == 2);
  CHECK(adverts[0]["id"] == AdvertIdForUrl(kUrlA));
  CHECK(adverts[0]["url"] == kUrlA);
  CHECK(adverts[0]["distance"] == 0);
  CHECK(adverts[0]["sha256"] == d.original.stored.sha256);
  CHECK(adverts[1]["id"] == AdvertIdForUrl(kUrlB));
  CHECK(adverts[1]["distance"].get<int>() > 0);
  CHECK(adverts[1]["distance"].get<int>() <= 31);
  CHECK(adverts[1]["image_url"] == "http://b.example.org/img/2.jpg");

  // The table form names both, and the query is audited.
  const testing::RunResult table = d.Run({"query", "--image", d.picture});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find(AdvertIdForUrl(kUrlA)) != std::string::npos);
  CHECK(table.out.find(AdvertIdForUrl(kUrlC)) == std::string::npos);
  const json audit = d.Json({"audit", "--format", "json"})["audit"];
  REQUIRE(audit.size() == 2);
  CHECK(audit[0]["command"] == "query");
  CHECK(audit[0]["results"] == 2);
}

TEST_CASE("QueryImage_RefusesUrlsAndUnreadableFiles") {
  PhotoDesk d;
  static const struct {
    const char* image;
    const char* error;
  } kCases[] = {
      {"https://example.org/p.jpg",
       "plainsight: --image: give a file; URLs are not fetched by query (download it first)\n"},
  };
  for (const auto& c : kCases) {
    const testing::RunResult run = d.Run({"query", "--image", c.image});
    CHECK(run.exit_code == 1);
    CHECK(run.err == c.error);
  }
  const testing::RunResult text = d.Run({"query", "--image", d.config});  // not a picture
  CHECK(text.exit_code == 1);
  CHECK(text.err.rfind("plainsight: --image: ", 0) == 0);
}

TEST_CASE("Show_AdvertListsItsImagesWithMatches_LeadListsItsImageLink") {
  PhotoDesk d;
  const json advert = d.Json({"show", AdvertIdForUrl(kUrlA), "--format", "json"});
  REQUIRE(advert["images"].size() == 1);
  const json& image = advert["images"][0];
  CHECK(image["url"] == "http://a.example.org/img/1.jpg");
  CHECK(image["sha256"] == d.original.stored.sha256);
  CHECK(image["pdq"] == "pdq:" + d.original.stored.pdq);
  CHECK(image["width"] == 640);
  CHECK(image["height"] == 480);
  REQUIRE(image["matches"].size() == 1);
  CHECK(image["matches"][0]["advert_id"] == AdvertIdForUrl(kUrlB));

  const testing::RunResult text = d.Run({"show", AdvertIdForUrl(kUrlA)});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("image:      http://a.example.org/img/1.jpg") != std::string::npos);
  CHECK(text.out.find("same photo (distance ") != std::string::npos);

  const testing::RunResult correlate = d.Run({"correlate"});
  INFO(correlate.err);
  REQUIRE(correlate.exit_code == 0);
  const json leads = d.Json({"leads", "--format", "json", "--min-score", "0"})["leads"];
  REQUIRE(leads.size() == 1);
  const json& lead = leads[0];
  CHECK(lead["adverts"].size() == 2);
  REQUIRE(lead["entities"]["images"].size() == 1);
  CHECK(lead["entities"]["images"][0].get<std::string>().rfind("pdq:", 0) == 0);
  bool image_link = false;
  for (const json& link : lead["links"]) image_link = image_link || link["type"] == "image";
  CHECK(image_link);
  const testing::RunResult shown = d.Run({"show", lead["id"].get<std::string>()});
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.find("same photo in 2 adverts under 2 phones on 2 sites") != std::string::npos);
  CHECK(shown.out.find("Shared photos") != std::string::npos);
}

}  // namespace
}  // namespace plainsight
