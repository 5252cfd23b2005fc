// PhotoDesk: a real store with three adverts and generated photos, written
// straight in (no crawl), and the real binary run against it, for the CLI
// photo tests (query --image, show, leads, exports). A and B show one
// picture (B a resized, re-encoded copy), C another picture of the same
// layout; three phones, two sites. Test support only; header-only.
#pragma once

#include <stdlib.h>  // mkdtemp

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "store/store.h"
#include "tests/support/advert_photos.h"
#include "tests/support/run_binary.h"

namespace plainsight::testing {

inline const char* const kPhotoUrlA = "http://a.example.org/ad/1";
inline const char* const kPhotoUrlB = "http://b.example.org/ad/2";
inline const char* const kPhotoUrlC = "http://b.example.org/ad/3";

struct PhotoDesk {
  // `crawl_toml`: lines for a [crawl] table (query --image URL fetches
  // under it); none by default.
  explicit PhotoDesk(const std::string& crawl_toml = "") {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "plainsight-photos-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    {
      auto store = std::move(Store::Open(dir + "/store", {})).value();
      const struct {
        const char* url;
        const char* site;
        const char* phone;
      } kAdverts[] = {{kPhotoUrlA, "site-a", "+447700900111"},
                      {kPhotoUrlB, "site-b", "+447700900222"},
                      {kPhotoUrlC, "site-b", "+447700900333"}};
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
      ShowPhoto(*store, AdvertIdForUrl(kPhotoUrlA), "http://a.example.org/img/1.jpg", original);
      ShowPhoto(*store, AdvertIdForUrl(kPhotoUrlB), "http://b.example.org/img/2.jpg", repost);
      ShowPhoto(*store, AdvertIdForUrl(kPhotoUrlC), "http://b.example.org/img/3.jpg", other);
    }
    config = dir + "/plainsight.toml";
    std::ofstream(config) << "[store]\npath = \"" << dir << "/store\"\n"
                          << (crawl_toml.empty() ? "" : "[crawl]\n" + crawl_toml);
    picture = dir + "/query.jpg";
    std::ofstream(picture, std::ios::binary) << original.bytes;
  }
  ~PhotoDesk() { std::filesystem::remove_all(dir); }
  PhotoDesk(const PhotoDesk&) = delete;
  PhotoDesk& operator=(const PhotoDesk&) = delete;

  RunResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config});
    return RunPlainsight(args);
  }
  nlohmann::json Json(std::vector<std::string> args) const {
    const RunResult run = Run(std::move(args));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return nlohmann::json::parse(run.out);
  }
  // Writes `bytes` under the desk's directory; returns the path.
  std::string WriteFile(const std::string& name, const std::string& bytes) const {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  Photo original = PicturePhoto(51, 1);
  Photo repost = ResizedCopy(51, 1);
  Photo other = PicturePhoto(51, 2);
  std::string dir, config, picture;
};

}  // namespace plainsight::testing
