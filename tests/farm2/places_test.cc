// Farm2Places_*: the planted places (truth.h, TruthPlace; planted_places.h)
// checked on the generated farm's pages for a table of seeds: each
// shared-housing place is named, address and postcode, by 3-6 job adverts
// of different advertisers with different phones and wording; the
// dual-use address by 2+ job adverts and 2+ adult profiles with their own
// phones and names; each pick-up point by 3+ adverts of different phones;
// the decoys are what they claim (one employer's fair-pay premises, a
// business park named by 6+ employers, a Jobcentre Plus, the sites'
// footers); and the group truth stays consistent: adverts that share a
// phone or an e-mail are in one group, and every place's adverts are where
// the truth says (one risky group per place of concern, one benign group
// per decoy, pick-up adverts ordinary).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/farm2/contact_scan.h"
#include "tests/farm2/farm2.h"
#include "tests/farm2/http_probe.h"
#include "tests/farm2/planted_places.h"
#include "tests/support/farm2_seeds.h"

namespace plainsight::farm2 {
namespace {

using testing::Farm2ForSeed;
using testing::kFarm2Seeds;

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The visible text of an advert's page.
std::string Page(const Farm2& farm, const Advert& advert) {
  return PageText(farm.pages(advert.site).at(advert.path));
}

// The phones an advert's page shows, less the site's own footer phone.
std::set<std::string> AdvertPhones(const Farm2& farm, const Advert& advert) {
  std::set<std::string> phones;
  for (const std::string& phone : ScanPhones(Page(farm, advert)))
    if (phone != farm.site(advert.site).phone) phones.insert(phone);
  return phones;
}

// `places` must outlive the answer.
const TruthPlace& PlaceNamed(const std::vector<TruthPlace>& places, const std::string& name) {
  auto it = std::find_if(places.begin(), places.end(),
                         [&](const TruthPlace& place) { return place.name == name; });
  INFO("no place " << name);
  REQUIRE(it != places.end());
  return *it;
}

// The one group all of `place`'s adverts are in ("" if ordinary, "*" if mixed).
std::string GroupOf(const Farm2& farm, const TruthPlace& place) {
  std::set<std::string> groups;
  for (std::size_t i : place.adverts) groups.insert(farm.adverts()[i].group);
  return groups.size() == 1 ? *groups.begin() : "*";
}

bool GroupIsRisky(const Farm2& farm, const std::string& name) {
  for (const TruthGroup& group : farm.truth())
    if (group.name == name) return group.risky;
  FAIL("no group " << name);
  return false;
}

// A full street address as the adverts write it: "27 Rockingham Road, Corby NN17 2QT".
std::string Written(const TruthPlace& place) {
  return place.address + ", " + place.town + " " + place.postcode;
}

TEST_CASE("Farm2Places_TruthPlacesAreWellFormed") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  const std::vector<TruthPlace> places = farm.truth_places();
  const std::regex postcode("[A-Z]{1,2}[0-9]{1,2} [0-9][ABD-HJLNP-UW-Z]{2}");
  std::set<std::string> names;
  std::size_t concern = 0, decoys = 0;
  for (const TruthPlace& place : places) {
    INFO(place.name);
    CHECK(names.insert(place.name).second);
    CHECK((place.role == "premises" || place.role == "pick-up"));
    CHECK_FALSE(place.town.empty());
    CHECK_FALSE(place.description.empty());
    if (!place.postcode.empty()) CHECK(std::regex_match(place.postcode, postcode));
    if (place.role == "pick-up") CHECK(place.address.empty());
    CHECK(place.adverts.size() >= 2);
    CHECK(place.advert_urls.size() == place.adverts.size());
    std::set<std::size_t> seen;
    for (std::size_t i : place.adverts) {
      REQUIRE(i < farm.adverts().size());
      CHECK(seen.insert(i).second);
    }
    (place.of_concern ? concern : decoys) += 1;
  }
  CHECK(concern >= 8);  // 3 houses, 1 dual-use, 2 pick-ups, 2 agency offices
  CHECK(decoys >= 12);  // premises, park, job centre, 3 older ones, 6 footers
  Farm2 again(seed);
  CHECK(again.TruthPlacesJson() == farm.TruthPlacesJson());
}

TEST_CASE("Farm2Places_SharedHousingIsNamedByManyAdvertisers") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  std::size_t houses = 0;
  for (const TruthPlace& place : farm.truth_places()) {
    if (!StartsWith(place.name, "shared-housing-")) continue;
    ++houses;
    INFO(place.name);
    CHECK(place.of_concern);
    CHECK(place.role == "premises");
    CHECK(place.adverts.size() >= 3);
    CHECK(place.adverts.size() <= 6);
    std::set<std::string> phones, companies, accommodation_lines;
    std::set<int> sites;
    std::size_t deducted = 0;
    for (std::size_t i : place.adverts) {
      const Advert& advert = farm.adverts()[i];
      const std::string text = Page(farm, advert);
      INFO(advert.path << "\n" << text);
      CHECK(advert.kind == Kind::kJobs);
      CHECK(Contains(text, Written(place)));
      const std::set<std::string> shown = AdvertPhones(farm, advert);
      CHECK(shown.size() == 1);
      phones.insert(shown.begin(), shown.end());
      companies.insert(advert.company);
      sites.insert(advert.site);
      if (Contains(text, "deducted") || Contains(text, "off your pay") ||
          Contains(text, "from your wages") || Contains(text, "out of your pay"))
        ++deducted;
      // The sentence that names the house, as the advert words it.
      const std::string own = AdvertText(advert);
      const std::size_t at = own.find(place.address);
      REQUIRE(at != std::string::npos);
      std::size_t from = own.rfind('.', at);
      if (from == std::string::npos) from = 0;
      accommodation_lines.insert(own.substr(from, at - from));
    }
    CHECK(phones.size() == place.adverts.size());  // every advert its own phone
    CHECK(phones.size() >= 3);
    CHECK(companies.size() == place.adverts.size());
    CHECK(accommodation_lines.size() == place.adverts.size());  // worded differently
    CHECK(sites.size() >= 3);
    CHECK(deducted == place.adverts.size());
    // One risky group holds them, and nothing else names the postcode.
    const std::string group = GroupOf(farm, place);
    CHECK(StartsWith(group, "risky-shared-housing-"));
    CHECK(GroupIsRisky(farm, group));
    std::size_t naming = 0;
    for (const Advert& advert : farm.adverts())
      if (Contains(AdvertText(advert), place.postcode)) ++naming;
    CHECK(naming == place.adverts.size());
  }
  CHECK(houses >= 3);
}

TEST_CASE("Farm2Places_DualUseAddressIsGivenByJobAndAdultAdverts") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  const std::vector<TruthPlace> places = farm.truth_places();
  const TruthPlace& place = PlaceNamed(places, "dual-use-abington-grove-northampton");
  CHECK(place.of_concern);
  const std::string street = place.address.substr(place.address.find(' ') + 1);  // "Abington Grove"
  std::size_t jobs = 0, adult = 0;
  std::set<std::string> phones, names;
  for (std::size_t i : place.adverts) {
    const Advert& advert = farm.adverts()[i];
    const std::string text = Page(farm, advert);
    INFO(advert.path << "\n" << text);
    CHECK(Contains(text, place.postcode));
    const std::set<std::string> shown = AdvertPhones(farm, advert);
    CHECK(shown.size() == 1);
    phones.insert(shown.begin(), shown.end());
    if (advert.kind == Kind::kJobs) {
      ++jobs;
      CHECK(Contains(text, Written(place)));
      CHECK((Contains(text, "ccommodation") || Contains(text, "Live") || Contains(text, "Room") ||
             Contains(text, "Beds") || Contains(text, "put you up")));
    } else {
      ++adult;
      CHECK(names.insert(advert.name).second);
      CHECK((Contains(text, street) || Contains(text, "ncall near")));
      CHECK(Contains(text, "ncall"));
    }
  }
  CHECK(jobs >= 2);
  CHECK(adult >= 2);
  CHECK(phones.size() == place.adverts.size());
  const std::string group = GroupOf(farm, place);
  CHECK(GroupIsRisky(farm, group));
}

TEST_CASE("Farm2Places_PickUpPointsAreNamedByThreeOrMoreAdverts") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  const std::map<std::string, std::string> landmarks = {
      {"pick-up-kettering-bus-station", "Kettering bus station"},
      {"pick-up-tesco-car-park-corby", "Tesco car park"}};
  const std::vector<TruthPlace> places = farm.truth_places();
  for (const auto& [name, landmark] : landmarks) {
    const TruthPlace& place = PlaceNamed(places, name);
    INFO(name);
    CHECK(place.of_concern);
    CHECK(place.role == "pick-up");
    CHECK(place.adverts.size() >= 3);
    std::set<std::string> phones;
    for (std::size_t i : place.adverts) {
      const Advert& advert = farm.adverts()[i];
      const std::string text = Page(farm, advert);
      INFO(advert.path << "\n" << text);
      CHECK(Contains(text, landmark));
      CHECK(Contains(text, place.town));
      CHECK(std::regex_search(text, std::regex("(4[.:]45|4[.:]50|5am|5 ?am|quarter to five)")));
      CHECK(advert.group.empty());  // nothing but the landmark links them
      const std::set<std::string> shown = AdvertPhones(farm, advert);
      CHECK(shown.size() == 1);
      phones.insert(shown.begin(), shown.end());
    }
    CHECK(phones.size() == place.adverts.size());
  }
}

TEST_CASE("Farm2Places_DecoysAreOrdinaryPlaces") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  const std::vector<TruthPlace> places = farm.truth_places();
  for (const TruthPlace& place : places) {
    if (place.of_concern) continue;
    INFO(place.name);
    const std::string group = GroupOf(farm, place);
    if (StartsWith(place.name, "decoy-footer-")) continue;
    CHECK(StartsWith(group, "benign-"));
    CHECK_FALSE(GroupIsRisky(farm, group));
  }
  {
    const TruthPlace& premises =
        PlaceNamed(places, "decoy-employer-premises-northfield-avenue-kettering");
    CHECK(premises.adverts.size() >= 5);
    std::set<std::string> phones, companies;
    for (std::size_t i : premises.adverts) {
      const Advert& advert = farm.adverts()[i];
      const std::string text = Page(farm, advert);
      INFO(advert.path << "\n" << text);
      CHECK(Contains(text, Written(premises)));
      CHECK_FALSE(Contains(text, "deducted"));
      CHECK_FALSE(Contains(text, "ccommodation"));
      CHECK_FALSE(Contains(text, "pick-up"));
      const std::set<std::string> shown = AdvertPhones(farm, advert);
      phones.insert(shown.begin(), shown.end());
      companies.insert(advert.company);
    }
    CHECK(phones.size() == 1);
    CHECK(companies.size() == 1);
  }
  {
    const TruthPlace& park = PlaceNamed(places, "decoy-business-park-nene-meadows-wellingborough");
    CHECK(park.address.empty());
    CHECK(park.adverts.size() >= 6);
    std::set<std::string> companies, units, phones;
    std::size_t park_alone = 0;
    for (std::size_t i : park.adverts) {
      const Advert& advert = farm.adverts()[i];
      const std::string text = Page(farm, advert);
      INFO(advert.path << "\n" << text);
      CHECK(Contains(text, "Nene Meadows Business Park, Wellingborough " + park.postcode));
      companies.insert(advert.company);
      std::smatch unit;
      if (std::regex_search(text, unit, std::regex("Unit ([0-9]+), Nene Meadows")))
        units.insert(unit[1].str());
      else
        ++park_alone;
      const std::set<std::string> shown = AdvertPhones(farm, advert);
      phones.insert(shown.begin(), shown.end());
    }
    CHECK(companies.size() == park.adverts.size());
    CHECK(phones.size() == park.adverts.size());
    CHECK(units.size() >= 3);
    CHECK(park_alone >= 1);
  }
  {
    const TruthPlace& jobcentre = PlaceNamed(places, "decoy-jobcentre-northampton");
    CHECK(jobcentre.adverts.size() >= 3);
    std::set<std::string> companies;
    for (std::size_t i : jobcentre.adverts) {
      const Advert& advert = farm.adverts()[i];
      const std::string text = Page(farm, advert);
      INFO(advert.path << "\n" << text);
      CHECK(Contains(text, "Jobcentre Plus, " + Written(jobcentre)));
      companies.insert(advert.company);
    }
    CHECK(companies.size() == jobcentre.adverts.size());
  }
  std::size_t footers = 0;
  for (int s = 0; s < farm.site_count(); ++s) {
    const TruthPlace& footer = PlaceNamed(places, "decoy-footer-" + farm.site(s).name);
    ++footers;
    CHECK_FALSE(footer.of_concern);
    CHECK(Written(footer) == farm.site(s).address);
    for (std::size_t i : footer.adverts) CHECK(farm.adverts()[i].site == s);
  }
  CHECK(footers == 6);
}

TEST_CASE("Farm2Places_SharedContactsAreOneGroup") {
  const std::uint64_t seed = GENERATE(from_range(kFarm2Seeds));
  INFO("seed " << seed);
  const Farm2& farm = Farm2ForSeed(seed);
  std::map<std::string, std::set<std::string>> groups_by_contact;
  std::map<std::string, std::size_t> adverts_by_contact;
  for (const Advert& advert : farm.adverts()) {
    std::set<std::string> contacts;
    for (const std::string& phone : advert.phones) contacts.insert("phone " + phone);
    for (const std::string& email : advert.emails) contacts.insert("email " + email);
    for (const std::string& contact : contacts) {
      groups_by_contact[contact].insert(advert.group);
      ++adverts_by_contact[contact];
    }
  }
  for (const auto& [contact, groups] : groups_by_contact) {
    if (adverts_by_contact[contact] < 2) continue;
    INFO(contact << " is on " << adverts_by_contact[contact] << " adverts");
    CHECK(groups.size() == 1);
    CHECK_FALSE(groups.begin()->empty());
  }
  // Every new place of concern's adverts but the pick-ups' are one risky group.
  for (const TruthPlace& place : farm.truth_places()) {
    if (!place.of_concern || place.role == "pick-up") continue;
    INFO(place.name);
    const std::string group = GroupOf(farm, place);
    CHECK(group != "*");
    CHECK(GroupIsRisky(farm, group));
  }
}

TEST_CASE("Farm2Places_StartedFarmServesEveryPlaceUrl") {
  Farm2 farm;
  REQUIRE(farm.Start().ok());
  std::size_t checked = 0;
  for (const TruthPlace& place : farm.truth_places()) {
    if (StartsWith(place.name, "decoy-footer-")) continue;  // every advert of a site
    for (const std::string& url : place.advert_urls) {
      REQUIRE(StartsWith(url, "http://127.0.0.1:"));
      const std::string::size_type path = url.find('/', std::string("http://").size());
      HttpAnswer answer = HttpGet(url.substr(0, path), url.substr(path));
      INFO(place.name << " " << url);
      CHECK(answer.status == 200);
      ++checked;
    }
  }
  CHECK(checked >= 40);
  const std::string json = farm.TruthPlacesJson();
  CHECK(Contains(json, "\"places\""));
  CHECK(Contains(json, "\"of_concern\": true"));
}

}  // namespace
}  // namespace plainsight::farm2
