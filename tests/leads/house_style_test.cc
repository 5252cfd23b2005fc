// Templates by rarity, not house style (issue 12: near-duplicate linking
// read the phrasing many unrelated employers share on one board as "52
// adverts written from one template"). Phrasing that many of a site's
// writers use is left out of signatures (site_chrome.h), so only an
// advert's own wording can make two adverts one template.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

// An applicant-tracking system's layout, the same on every vacancy but
// for the employer's name inside it (so it is no repeated line, which site
// chrome would already leave out).
std::string HouseStyle(const std::string& employer) {
  return "About the role at " + employer +
         ". Responsibilities. What we offer. We are an equal opportunities employer "
         "and welcome applications from all sections of the community. Apply now via our "
         "online form and a member of the " + employer +
         " recruitment team will be in touch within five working days. By applying you agree "
         "to our privacy notice and to us holding your details on file.";
}

// Words of an employer's own description, different for each employer.
std::string OwnWording(std::uint32_t seed, int words) {
  static const char* const kWords[] = {
      "bakery",  "forklift", "orders",   "kitchen", "patients", "garden",  "delivery", "stock",
      "lorry",   "clinic",   "menu",     "shelves", "ward",     "hedges",  "routes",   "pallets",
      "bread",   "counter",  "tills",    "hotel",   "laundry",  "rooms",   "harvest",  "fields",
      "invoice", "calls",    "customer", "reports", "school",   "pupils",  "vans",     "parcels",
      "salad",   "packing",  "quality",  "welding", "joinery",  "plaster", "roofing",  "tiles"};
  std::string out;
  std::uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < words; ++i) {
    x = x * 1664525u + 1013904223u;
    out += kWords[(x >> 16) % 40];
    out += ' ';
  }
  return out;
}

TEST_CASE("HouseStyle_OneBoardsLayout_IsNotATemplate_ACopiedAdvertStillIs") {
  TempStore t;
  // Thirty employers on one ATS board, each its own phone, each with two
  // categories of indicator wording (so a template of them would carry
  // risk and join them).
  // Each employer words them its own way (one wording on most of a site
  // would be the site's own, see corpus.h).
  const auto two_categories = [](const std::string& own) {
    return std::vector<IndicatorRecord>{
        {"jobs.accommodation_provided", "living_and_working_same_address", 1.5,
         "accommodation " + own},
        {"jobs.transport_provided", "controlled_transport", 1.0, "transport " + own}};
  };
  for (int i = 0; i < 30; ++i) {
    Ad ad;
    ad.url = "http://example.org/vacancy/" + std::to_string(i);
    ad.site = "ats-board";
    ad.kind = "jobs";
    ad.phones = {"+4416329605" + std::to_string(10 + i)};
    ad.indicators = two_categories("for employer " + std::to_string(i));
    ad.title = "Vacancy " + std::to_string(i);
    ad.text = OwnWording(static_cast<std::uint32_t>(i), 30) + "\n" +
              HouseStyle("Employer" + std::to_string(i));
    t.Put(ad);
  }
  // One writer's advert copied five times with different phones, on the
  // same board.
  for (int i = 0; i < 5; ++i) {
    Ad ad;
    ad.url = "http://example.org/copied/" + std::to_string(i);
    ad.site = "ats-board";
    ad.kind = "jobs";
    ad.phones = {"+4477009009" + std::to_string(10 + i * 7)};
    ad.indicators = two_categories("in a shared house");
    ad.title = "Packers needed";
    ad.text = "Packers needed now for a food factory, accommodation in a shared house next to "
              "the site, transport every morning, start tomorrow, ask for the supervisor "
              "and bring your passport on the first day.\n" +
              HouseStyle("Packing Line " + std::to_string(i));
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  for (int i = 0; i < 30; ++i) {
    const LeadRecord* lead = TempStore::LeadWith(leads, "http://example.org/vacancy/" + std::to_string(i));
    if (lead != nullptr) CHECK(lead->advert_ids.size() == 1);
  }
  const LeadRecord* copied = TempStore::LeadWith(leads, "http://example.org/copied/0");
  REQUIRE(copied != nullptr);
  CHECK(copied->advert_ids.size() == 5);
}

}  // namespace
}  // namespace plainsight
