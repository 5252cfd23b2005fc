// BuildPlaces over a real store (places/place_builder.h): gathering by
// place, a site's own address, postcode-only adverts joining their address,
// ranking, and analysts' decisions with "updated".
#include <catch2/catch.hpp>

#include <filesystem>

#include "places/place_builder.h"
#include "places/place_review.h"
#include "store/store.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct TempStore {
  TempStore() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-places-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    auto opened = Store::Open(dir + "/store", StoreOptions());
    REQUIRE(opened.ok());
    store = std::move(*opened);
  }
  ~TempStore() {
    store.reset();
    fs::remove_all(dir);
  }
  void Put(const AdvertRecord& a) { REQUIRE(store->UpsertAdvert(a).ok()); }
  std::string dir;
  std::unique_ptr<Store> store;
};

int serial = 0;

AdvertRecord Advert(const std::string& site, const std::string& kind, const std::string& text,
                    std::vector<std::string> addresses, std::vector<std::string> postcodes,
                    const std::string& phone, std::int64_t first_seen = 1000) {
  AdvertRecord a;
  a.url = "https://" + site + ".example.org/ad/" + std::to_string(++serial);
  a.id = AdvertIdForUrl(a.url);
  a.site = site;
  a.kind = kind;
  a.title = "Advert " + std::to_string(serial);
  a.text = text;
  a.sha256 = std::string(64, 'a');
  a.first_seen = first_seen;
  a.last_seen = first_seen + 100;
  a.addresses = std::move(addresses);
  a.postcodes = std::move(postcodes);
  if (!phone.empty()) a.phones = {phone};
  return a;
}

AdvertRecord Housing(const std::string& site, const std::string& phone, std::int64_t first_seen = 1000) {
  AdvertRecord a = Advert(site, "jobs", "Factory work, accommodation provided at 14 Mill Road, NN1 1AA.",
                          {"14 MILL ROAD"}, {"NN1 1AA"}, phone, first_seen);
  a.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address", 1.5,
                          "accommodation provided"});
  return a;
}

const PlaceRecord* Find(const std::vector<PlaceRecord>& places, const std::string& key) {
  for (const PlaceRecord& p : places) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

TEST_CASE("BuildPlaces_SharedHousingOutranksAnEmployersOwnPremises") {
  TempStore t;
  t.Put(Housing("board-a", "+447700900101"));
  t.Put(Housing("board-a", "+447700900102"));
  t.Put(Housing("board-b", "+447700900103"));
  for (int i = 0; i < 6; ++i) {
    t.Put(Advert("board-b", "jobs", "Fair pay, apply at 2 Bridge Street, NN2 6AA.", {"2 BRIDGE STREET"},
                 {"NN2 6AA"}, "+447700900200"));
  }
  // Padding so neither address is a site's own address.
  for (int i = 0; i < 20; ++i) t.Put(Advert("board-b", "jobs", "Other work.", {}, {}, ""));
  for (int i = 0; i < 10; ++i) t.Put(Advert("board-a", "jobs", "Other work.", {}, {}, ""));
  auto places = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(places.ok());
  REQUIRE(places->size() == 2);
  CHECK(places->at(0).key == "address|14 MILL ROAD|NN1 1AA");
  CHECK(places->at(0).address == "14 Mill Road");
  CHECK(places->at(0).advert_ids.size() == 3);
  CHECK(places->at(0).score >= PlaceSettings().min_score);
  CHECK(places->at(1).key == "address|2 BRIDGE STREET|NN2 6AA");
  CHECK(places->at(1).score < PlaceSettings().min_score);
  CHECK(PlaceIdForKey(places->at(0).key) == places->at(0).id);
}

TEST_CASE("BuildPlaces_ASitesOwnAddressIsNotAPlaceOfConcern") {
  TempStore t;
  for (int i = 0; i < 8; ++i) {
    t.Put(Advert("board-a", "jobs", "Cleaner wanted. Board office: 1 High Street, NN1 1AB.", {"1 HIGH STREET"},
                 {"NN1 1AB"}, "+4477009003" + std::to_string(10 + i)));
  }
  t.Put(Advert("board-a", "jobs", "Driver wanted.", {}, {}, ""));
  auto places = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(places.ok());
  CHECK(Find(*places, "address|1 HIGH STREET|NN1 1AB") == nullptr);
}

TEST_CASE("BuildPlaces_PostcodeOnlyAdvertsJoinTheOneAddressAtThatPostcode") {
  TempStore t;
  t.Put(Housing("board-a", "+447700900101"));
  t.Put(Advert("adult-board", "adult", "Relaxing company, incall near NN1 1AA.", {}, {"NN1 1AA"}, "+447700900401"));
  t.Put(Advert("adult-board", "adult", "Elegant company, NN9 9ZZ.", {}, {"NN9 9ZZ"}, "+447700900402"));
  for (int i = 0; i < 10; ++i) t.Put(Advert("adult-board", "adult", "Other.", {}, {}, ""));
  for (int i = 0; i < 10; ++i) t.Put(Advert("board-a", "jobs", "Other.", {}, {}, ""));
  auto places = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(places.ok());
  const PlaceRecord* house = Find(*places, "address|14 MILL ROAD|NN1 1AA");
  REQUIRE(house != nullptr);
  CHECK(house->advert_ids.size() == 2);
  CHECK(house->kinds == std::vector<std::string>{"adult", "jobs"});
  CHECK(Find(*places, "postcode|NN1 1AA") == nullptr);
  CHECK(Find(*places, "postcode|NN9 9ZZ") != nullptr);
}

TEST_CASE("BuildPlaces_AReviewedPlaceThatGainsAnAdvertIsUpdated") {
  TempStore t;
  t.Put(Housing("board-a", "+447700900101", 1000));
  t.Put(Housing("board-a", "+447700900102", 1000));
  for (int i = 0; i < 10; ++i) t.Put(Advert("board-a", "jobs", "Other.", {}, {}, ""));
  auto before = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(before.ok());
  const PlaceRecord* house = Find(*before, "address|14 MILL ROAD|NN1 1AA");
  REQUIRE(house != nullptr);
  CHECK(house->status == "new");
  auto decided = RecordPlaceReview(*t.store, *house, {house->id, "visited", "visited 3 Dec", "analyst", 5000, "", 0});
  REQUIRE(decided.ok());
  CHECK(decided->previous_status == "new");
  CHECK(decided->adverts == 2);

  auto after = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(after.ok());
  CHECK(Find(*after, house->key)->status == "visited");

  t.Put(Housing("board-a", "+447700900103", 6000));
  auto grown = BuildPlaces(*t.store, nullptr, PlaceSettings(), 3.0);
  REQUIRE(grown.ok());
  CHECK(Find(*grown, house->key)->status == "updated");
}

TEST_CASE("PlaceReview_RefusesAnotherStatusOrAnEmptyNote") {
  TempStore t;
  PlaceRecord place;
  place.id = "P-000000000001";
  CHECK(RecordPlaceReview(*t.store, place, {place.id, "escalated", "why", "a", 1, "", 0}).status().IsInvalidArgument());
  CHECK(RecordPlaceReview(*t.store, place, {place.id, "visited", "", "a", 1, "", 0}).status().IsInvalidArgument());
}

TEST_CASE("SelectPlaces_FiltersByScoreKindTownAndLimit") {
  std::vector<PlaceRecord> places(3);
  places[0].score = 9;
  places[0].kinds = {"adult", "jobs"};
  places[0].town = "Corby";
  places[1].score = 5;
  places[1].kinds = {"jobs"};
  places[1].towns = {"Kettering"};
  places[2].score = 1;
  places[2].kinds = {"adult"};
  PlaceFilter filter;
  filter.min_score = 3;
  CHECK(SelectPlaces(places, filter).size() == 2);
  filter.kind = "adult";
  CHECK(SelectPlaces(places, filter).size() == 1);
  filter.kind.clear();
  filter.town = "kettering";
  CHECK(SelectPlaces(places, filter).size() == 1);
  filter.town.clear();
  filter.limit = 1;
  CHECK(SelectPlaces(places, filter).size() == 1);
}

}  // namespace
}  // namespace plainsight
