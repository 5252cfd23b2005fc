// Cross-advert signals: each fires with its reason on a planted pattern and
// stays silent on a control that differs in just that respect.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

const IndicatorRecord kAccommodation{"jobs.accommodation_provided", "living_and_working_same_address",
                                     2.0, "Accommodation provided"};

// n adverts, each on its own site (so no contact is any site's boilerplate).
std::vector<Ad> Adverts(int n, const std::string& prefix, const std::function<void(int, Ad&)>& fill) {
  std::vector<Ad> out;
  for (int i = 0; i < n; ++i) {
    Ad ad;
    ad.url = "http://example.org/" + prefix + "/" + std::to_string(i);
    ad.site = "site-" + std::to_string(i);
    fill(i, ad);
    out.push_back(ad);
  }
  return out;
}

const std::vector<std::string> kTowns = {"Corby", "Kettering", "Daventry", "Rushden"};

TEST_CASE("Signals_EachFiresWithItsReason_AndNotOnItsControl") {
  static const struct {
    const char* signal;
    std::vector<Ad> fires;
    std::vector<Ad> control;
    const char* reason;
  } kCases[] = {
      {"one phone in many adverts",
       Adverts(4, "many", [](int, Ad& a) { a.phones = {"+447700900711"}; }),
       Adverts(3, "many", [](int, Ad& a) { a.phones = {"+447700900711"}; }),
       "behind 4 adverts"},
      {"several ages and names under one phone",
       Adverts(2, "persona",
               [](int i, Ad& a) {
                 a.phones = {"+447700900712"};
                 a.title = i == 0 ? "Anna, Age 23 - relaxing massage" : "Beth, Age 27 - companionship";
               }),
       Adverts(2, "persona",
               [](int, Ad& a) {
                 a.phones = {"+447700900712"};
                 a.title = "Anna, Age 23 - relaxing massage";
               }),
       "several people under one number"},
      {"one phone in two towns within the movement window",
       Adverts(2, "move",
               [](int i, Ad& a) {
                 a.phones = {"+447700900713"};
                 a.town = kTowns[static_cast<size_t>(i)];
                 a.posted = i == 0 ? "2026-11-01" : "2026-11-05";
               }),
       Adverts(2, "move",
               [](int i, Ad& a) {
                 a.phones = {"+447700900713"};
                 a.town = kTowns[static_cast<size_t>(i)];
                 a.posted = i == 0 ? "2026-11-01" : "2026-12-20";
               }),
       "moved between towns"},
      {"posting rate above the daily limit under one email",
       Adverts(4, "rate",
               [](int, Ad& a) {
                 a.emails = {"bookings@example.org"};
                 a.posted = "2026-11-03";
               }),
       Adverts(4, "rate",
               [](int i, Ad& a) {
                 a.emails = {"bookings@example.org"};
                 a.posted = "2026-11-0" + std::to_string(i + 1);
               }),
       "adverts posted within one day"},
      // Consecutive numbers are weak evidence: they score inside a lead that
      // a strong link (here one e-mail) built, and join nothing themselves.
      {"consecutive phone numbers in a sparse block",
       Adverts(2, "consecutive",
               [](int i, Ad& a) {
                 a.phones = {i == 0 ? "+441632960123" : "+441632960124"};
                 a.emails = {"desk@example.org"};
               }),
       Adverts(2, "consecutive",
               [](int i, Ad& a) {
                 a.phones = {i == 0 ? "+441632960123" : "+441632960623"};
                 a.emails = {"desk@example.org"};
               }),
       "phones bought together"},
      {"many job adverts at one address offering accommodation",
       Adverts(3, "address",
               [](int, Ad& a) {
                 a.kind = "jobs";
                 a.addresses = {"14 WHARF LANE"};
                 a.indicators = {kAccommodation};
               }),
       Adverts(3, "address",
               [](int, Ad& a) {
                 a.kind = "jobs";
                 a.addresses = {"14 WHARF LANE"};
               }),
       "many workers at one address"},
      {"a phone on a job advert and an adult advert",
       Adverts(2, "recruit",
               [](int i, Ad& a) {
                 a.kind = i == 0 ? "jobs" : "adult";
                 a.phones = {"+447700900714"};
               }),
       Adverts(2, "recruit",
               [](int, Ad& a) {
                 a.kind = "adult";
                 a.phones = {"+447700900714"};
               }),
       "recruitment link"},
      {"advert removed soon after it was first seen",
       Adverts(2, "removed",
               [](int i, Ad& a) {
                 a.phones = {"+447700900715"};
                 a.removed = i == 0;
                 a.removed_at = a.first_seen + 86400;
               }),
       Adverts(2, "removed",
               [](int i, Ad& a) {
                 a.phones = {"+447700900715"};
                 a.removed = i == 0;
                 a.removed_at = a.first_seen + 10 * 86400;
               }),
       "removed within 3 days"},
  };
  for (const auto& c : kCases) {
    INFO(c.signal);
    for (bool fires : {true, false}) {
      CAPTURE(fires);
      TempStore t;
      const std::vector<Ad>& ads = fires ? c.fires : c.control;
      for (const Ad& ad : ads) t.Put(ad);
      REQUIRE(Correlate(*t.store, LeadSettings{}, 5000).ok());
      auto leads = t.Leads();
      const LeadRecord* lead = TempStore::LeadWith(leads, ads[0].url);
      bool has_reason = lead != nullptr && TempStore::HasReason(*lead, c.reason);
      CHECK(has_reason == fires);
      if (fires) {
        REQUIRE(lead != nullptr);
        CHECK(lead->advert_ids.size() == ads.size());
      }
    }
  }
}

TEST_CASE("Signals_LegitRepeatEmployer_ScoresBelowMinScore") {
  // One fair employer, two vacancies, shared phone and email, no
  // indicators: linked, but it must not reach the analyst's list.
  TempStore t;
  for (int i = 0; i < 2; ++i) {
    Ad ad;
    ad.url = "http://jobs.example.org/vacancy/" + std::to_string(i);
    ad.site = "county-board";
    ad.kind = "jobs";
    ad.phones = {"+441632960555"};
    ad.emails = {"careers@example.com"};
    ad.title = i == 0 ? "Bakery Production Operative" : "Bakery Delivery Driver";
    t.Put(ad);
  }
  // A planted circuit for contrast: one phone, four towns, several ages.
  for (int i = 0; i < 4; ++i) {
    Ad ad;
    ad.url = "http://ads.example.org/ad/" + std::to_string(i);
    ad.site = i % 2 == 0 ? "velvet" : "silk";
    ad.phones = {"+447700900123"};
    ad.town = kTowns[static_cast<size_t>(i)];
    ad.title = "Companion " + std::to_string(i);
    ad.text = "Age " + std::to_string(22 + i) + ". Relaxing massage.";
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 5000).ok());
  auto leads = t.Leads();
  const LeadRecord* legit = TempStore::LeadWith(leads, "http://jobs.example.org/vacancy/0");
  REQUIRE(legit != nullptr);
  CHECK(legit->advert_ids.size() == 2);
  CHECK(legit->score < LeadSettings{}.min_score);
  const LeadRecord* circuit = TempStore::LeadWith(leads, "http://ads.example.org/ad/0");
  REQUIRE(circuit != nullptr);
  CHECK(circuit->score > 3 * LeadSettings{}.min_score);
}

TEST_CASE("Signals_Combination_GrowsFasterThanTheSum") {
  // The same signals scored together earn a combination term that separate
  // leads do not: k kinds give weight_combination * (k - 1)^2.
  TempStore t;
  for (int i = 0; i < 4; ++i) {
    Ad ad;
    ad.url = "http://ads.example.org/combo/" + std::to_string(i);
    ad.site = "site-" + std::to_string(i);
    ad.phones = {"+447700900321"};
    ad.town = kTowns[static_cast<size_t>(i)];
    ad.title = std::string(i % 2 == 0 ? "Anna" : "Beth") + ", Age " + std::to_string(22 + i) + " - massage";
    ad.posted = "2026-11-03";
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 5000).ok());
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  const LeadRecord& lead = leads[0];
  // many adverts, personas, movement, posting rate (all posted one day).
  bool found = false;
  for (size_t i = 0; i < lead.reasons.size(); ++i) {
    if (lead.reasons[i].find("4 different kinds of sign together") == 0) {
      found = true;
      CHECK(lead.reason_points[i] == Approx(0.5 * 3 * 3));
    }
  }
  CHECK(found);
  double sum = 0;
  for (double p : lead.reason_points) sum += p;
  CHECK(lead.score == Approx(sum));
}

}  // namespace
}  // namespace plainsight
