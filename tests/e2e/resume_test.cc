// A crawl killed with SIGKILL at ten random moments, restarted each time,
// resumes: the store opens after every kill, no advert is lost, doubled or
// incomplete, nothing already stored is fetched again, and the leads are
// those of an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "store/image_record.h"
#include "store/store.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_desk.h"
#include "tests/support/run_binary.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunPlainsight;

std::string WriteConfig(const farm::Farm& farm, const std::string& dir, const std::string& name,
                        bool photos) {
  farm::ConfigOptions options = testing::FarmConfigOptions(dir + "/" + name, 40);
  options.fetch_images = photos;
  return testing::WriteFarmConfig(farm, options, dir + "/" + name + ".toml");
}

// Every advert's image rows ("advert id  url  sha256 or why not") and the
// pictures kept, read from the store itself.
struct StoredPhotos {
  std::set<std::string> rows;
  std::set<std::string> pictures;
  bool operator==(const StoredPhotos& other) const {
    return rows == other.rows && pictures == other.pictures;
  }
};

StoredPhotos PhotosIn(const std::string& store_dir) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(store_dir, options);
  REQUIRE(store.ok());
  StoredPhotos out;
  REQUIRE(ForEachAdvertImage(**store, [&](const AdvertImage& image) {
            out.rows.insert(image.advert_id + "  " + image.url + "  " +
                            (image.sha256.empty() ? "refused: " + image.error : image.sha256));
            return true;
          }).ok());
  REQUIRE(ForEachStoredImage(**store, [&](const StoredImage& picture) {
            out.pictures.insert(picture.sha256);
            return true;
          }).ok());
  return out;
}

// Which of an advert's fields a comparison covers.
enum class Fields {
  // What must hold at any kill: the capture and what the page states of
  // itself. Contacts, places and indicators are left out, because an advert
  // parsed before its site's chrome was learnt holds them provisionally
  // until the end of the run (crawler/provisional_advert.h).
  kCapture,
  // After a completed run: everything extracted, so the resumed store must
  // equal the uninterrupted one. Only the times differ between runs.
  kAll,
};

std::map<std::string, json> StoredAdverts(const std::string& config, Fields fields) {
  std::map<std::string, json> out;
  const json adverts = testing::JsonWithConfig(config, {"query", "--format", "json"})["adverts"];
  for (const json& a : adverts) {
    json kept = a;
    if (fields == Fields::kCapture) {
      kept = json::object();
      for (const char* key : {"id", "url", "site", "kind", "title", "sha256", "location", "posted",
                              "pay", "removed"}) {
        kept[key] = a[key];
      }
    }
    for (const char* key : {"first_seen", "last_seen", "warc"}) kept.erase(key);
    // Where a photo's capture sits in which WARC file differs between runs.
    if (kept.contains("photos")) {
      for (json& photo : kept["photos"]) photo.erase("warc");
    }
    kept["has_warc"] = a.contains("warc");
    out[a["url"].get<std::string>()] = kept;
  }
  return out;
}

// The fields of `a` that differ from `b`'s, for the failure message.
std::string Differences(const json& a, const json& b) {
  std::string out;
  for (const auto& [key, value] : a.items()) {
    if (!b.contains(key) || b[key] != value) {
      out += key + ": " + value.dump() + " vs " + (b.contains(key) ? b[key].dump() : "-") + "\n";
    }
  }
  return out;
}

std::set<std::set<std::string>> LeadGroups(const std::string& config) {
  std::set<std::set<std::string>> groups;
  const json leads =
      testing::JsonWithConfig(config, {"leads", "--format", "json", "--min-score", "0"})["leads"];
  for (const json& lead : leads) {
    std::set<std::string> urls;
    for (const json& a : lead["adverts"]) urls.insert(a["url"].get<std::string>());
    groups.insert(urls);
  }
  return groups;
}

// PLAINSIGHT_CRASH_SEED=<n> replays a failing run's kill moments.
std::uint64_t CrashSeed() {
  if (const char* seed = std::getenv("PLAINSIGHT_CRASH_SEED"))
    return std::strtoull(seed, nullptr, 10);
  return std::random_device{}();
}

// Crawls the farm once uninterrupted, then again killed at `kills` random
// moments and resumed, and compares. With `photos`, the adult sites'
// photos are fetched too, and each advert's image rows and the pictures
// kept must equal the reference's.
void CrashLoop(int kKills, bool photos) {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-resume-XXXXXX").string();
  std::string dir = ::mkdtemp(tmpl.data());
  farm::Farm farm;
  REQUIRE(farm.Start().ok());

  // The reference: one uninterrupted crawl.
  std::string reference = WriteConfig(farm, dir, "reference", photos);
  REQUIRE(RunPlainsight({"--config", reference, "crawl", "-q"}).exit_code == 0);
  const auto expected = StoredAdverts(reference, Fields::kAll);
  const auto expected_capture = StoredAdverts(reference, Fields::kCapture);
  REQUIRE(expected.size() > 50);
  const size_t reference_requests = farm.requests().size();

  // Ten random moments: a request count since the first start (within the
  // first 80% of the crawl, so every one is reached) plus a random pause of
  // up to 30 ms, so kills land mid-fetch, mid-parse and mid-commit alike.
  const std::uint64_t seed = CrashSeed();
  INFO("PLAINSIGHT_CRASH_SEED=" << seed);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> at_request(2, reference_requests * 8 / 10);
  std::uniform_int_distribution<int> pause_us(0, 30000);
  std::vector<size_t> kill_points;
  for (int i = 0; i < kKills; ++i) kill_points.push_back(at_request(rng));
  std::sort(kill_points.begin(), kill_points.end());

  std::string config = WriteConfig(farm, dir, "killed", photos);
  const size_t first = farm.requests().size();
  struct Kill {
    size_t at_request;
    std::map<std::string, json> stored;
  };
  std::vector<Kill> kills;
  for (size_t kill_at : kill_points) {
    CAPTURE(kill_at);
    pid_t pid = fork();
    if (pid == 0) {
      execl(PLAINSIGHT_BINARY, PLAINSIGHT_BINARY, "--config", config.c_str(), "crawl", "-q",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    bool finished = false;
    for (int i = 0; i < 20000; ++i) {
      if (farm.requests().size() >= first + kill_at) break;
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        finished = true;
        break;
      }
      usleep(1000);
    }
    if (!finished) {
      usleep(static_cast<useconds_t>(pause_us(rng)));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
    }
    // The store opens after every kill, and whatever it holds is complete.
    auto stored = StoredAdverts(config, Fields::kCapture);
    for (const auto& [url, advert] : stored) {
      INFO(url);
      REQUIRE(expected_capture.count(url) == 1);
      CHECK(advert == expected_capture.at(url));
    }
    kills.push_back({farm.requests().size(), std::move(stored)});
    if (finished) break;
  }
  auto resume = RunPlainsight({"--config", config, "crawl", "-q"});
  INFO(resume.err);
  REQUIRE(resume.exit_code == 0);

  // What was stored at each kill was never fetched again afterwards.
  auto requests = farm.requests();
  for (const Kill& k : kills) {
    for (size_t i = k.at_request; i < requests.size(); ++i) {
      std::string suffix = ":" + std::to_string(requests[i].port) + requests[i].path;
      for (const auto& [url, advert] : k.stored) {
        bool same = url.size() >= suffix.size() &&
                    url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (same) FAIL_CHECK("fetched again after being stored: " << url);
      }
    }
  }
  // Nothing lost, nothing doubled, every advert identical to the reference's.
  const auto resumed = StoredAdverts(config, Fields::kAll);
  CHECK(resumed.size() == expected.size());
  for (const auto& [url, advert] : expected) {
    INFO(url);
    REQUIRE(resumed.count(url) == 1);
    INFO(Differences(advert, resumed.at(url)));
    CHECK(resumed.at(url) == advert);
  }
  const json all = testing::JsonWithConfig(config, {"query", "--format", "json"})["adverts"];
  std::set<std::string> ids;
  for (const json& a : all) ids.insert(a["id"].get<std::string>());
  CHECK(ids.size() == all.size());
  CHECK(all.size() == expected.size());
  CHECK(kills.size() == static_cast<size_t>(kKills));
  CHECK(LeadGroups(config) == LeadGroups(reference));
  if (photos) {
    const StoredPhotos want = PhotosIn(dir + "/reference");
    const StoredPhotos got = PhotosIn(dir + "/killed");
    CHECK(want.pictures.size() > 10);
    CHECK(got.rows == want.rows);
    CHECK(got.pictures == want.pictures);
  }
  farm.Stop();
  fs::remove_all(dir);
}

TEST_CASE("CrashLoop_TenRandomKills_StoreOpensNothingLostDoubledOrRefetched") {
  CrashLoop(10, /*photos=*/false);
}

TEST_CASE("CrashLoop_SixRandomKillsWithPhotos_EveryImageRowAndPictureAsUninterrupted") {
  CrashLoop(6, /*photos=*/true);
}

}  // namespace
}  // namespace plainsight
