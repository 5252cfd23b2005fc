// Photos for the analyst through the real binary (issue 16): adverts with
// generated pictures written straight into a store (tests/support/
// photo_desk.h), then `correlate`, `query --image FILE`, `show A-…`,
// `show L-…`, and each advert object's "images" (the contract's "pdq:<hex>"
// strings) and "photos" in query, leads and show.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/photo_desk.h"

namespace plainsight {
namespace {

using nlohmann::json;
using testing::PhotoDesk;

const char* const kUrlA = testing::kPhotoUrlA;
const char* const kUrlB = testing::kPhotoUrlB;
const char* const kUrlC = testing::kPhotoUrlC;

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

TEST_CASE("QueryImage_RefusesUnreadableFilesAndNonPictures") {
  PhotoDesk d;
  static const struct {
    const char* image;  // relative to the desk's directory
    const char* error_starts;
  } kCases[] = {
      {"missing.jpg", "plainsight: "},  // then the path: cannot read file
      {"plainsight.toml", "plainsight: --image: not an image: "},
  };
  for (const auto& c : kCases) {
    INFO(c.image);
    const testing::RunResult run = d.Run({"query", "--image", d.dir + "/" + c.image});
    CHECK(run.exit_code == 1);
    CHECK(run.err.rfind(c.error_starts, 0) == 0);
  }
  const testing::RunResult missing = d.Run({"query", "--image", d.dir + "/missing.jpg"});
  CHECK(missing.err == "plainsight: " + d.dir + "/missing.jpg: cannot read file\n");
}

TEST_CASE("Show_AdvertListsItsImagesWithMatches_LeadListsItsImageLink") {
  PhotoDesk d;
  const json advert = d.Json({"show", AdvertIdForUrl(kUrlA), "--format", "json"});
  REQUIRE(advert["images"] == json::array({"pdq:" + d.original.stored.pdq}));
  REQUIRE(advert["photos"].size() == 1);
  const json& image = advert["photos"][0];
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

// The advert object of query, leads and show carries each image the
// advert's page showed: URL, SHA-256, PDQ ("pdq:<hex>"), quality and size
// (one encoder, cli/image_view.h AdvertPhotosJson).
TEST_CASE("AdvertJson_QueryLeadsAndShow_ListEachAdvertsImages") {
  PhotoDesk d;
  const testing::RunResult correlate = d.Run({"correlate"});
  INFO(correlate.err);
  REQUIRE(correlate.exit_code == 0);
  const json lead = d.Json({"leads", "--format", "json", "--min-score", "0"})["leads"][0];
  const std::string lead_id = lead["id"];
  static const struct {
    const char* command;
    std::vector<std::string> args;
  } kCases[] = {
      {"query", {"query", "--format", "json"}},
      {"query --phone", {"query", "--phone", "07700 900222", "--format", "json"}},
      {"leads", {"leads", "--format", "json", "--min-score", "0"}},
      {"show L-", {"show", "L-", "--format", "json"}},
  };
  const struct {
    const char* url;
    const testing::Photo& photo;
    const char* image_url;
  } kAdverts[] = {{kUrlA, d.original, "http://a.example.org/img/1.jpg"},
                  {kUrlB, d.repost, "http://b.example.org/img/2.jpg"}};
  for (const auto& c : kCases) {
    INFO(c.command);
    std::vector<std::string> args = c.args;
    if (args[1] == "L-") args[1] = lead_id;
    const json out = d.Json(args);
    const json adverts = out.contains("leads") ? out["leads"][0]["adverts"] : out["adverts"];
    int checked = 0;
    for (const json& advert : adverts) {
      REQUIRE(advert.contains("images"));
      REQUIRE(advert.contains("photos"));
      for (const auto& a : kAdverts) {
        if (advert["url"] != a.url) continue;
        ++checked;
        // The contract's entity strings, and the photos behind them.
        CHECK(advert["images"] == json::array({"pdq:" + a.photo.stored.pdq}));
        REQUIRE(advert["photos"].size() == 1);
        const json& image = advert["photos"][0];
        CHECK(image["url"] == a.image_url);
        CHECK(image["sha256"] == a.photo.stored.sha256);
        CHECK(image["pdq"] == "pdq:" + a.photo.stored.pdq);
        CHECK(image["quality"] == a.photo.stored.quality);
        CHECK(image["width"] == a.photo.stored.width);
        CHECK(image["height"] == a.photo.stored.height);
        CHECK(!image.contains("matches"));  // only show A-… looks them up
      }
    }
    CHECK(checked == (std::string(c.command) == "query --phone" ? 1 : 2));
  }
}

}  // namespace
}  // namespace plainsight
