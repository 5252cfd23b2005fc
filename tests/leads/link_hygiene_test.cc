// Link hygiene: hubs are shown and not merged, and no lead grows past
// leads.max_lead_adverts.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

// "+447700900" + three digits: one dense block, so consecutive-number
// linking stays out of these tests.
std::string Phone(int n) {
  std::string digits = std::to_string(n);
  return "+447700900" + std::string(3 - digits.size(), '0') + digits;
}

TEST_CASE("Hygiene_Hub_IsShownAndDoesNotMerge") {
  static const struct {
    const char* name;
    int hub_adverts_per_group;  // adverts in each of the two groups carrying the hub
    int sites;                  // sites the adverts are spread over
    LeadSettings settings;
  } kCases[] = {
      {"more adverts than hub_max_adverts", 4, 8,
       [] {
         LeadSettings s;
         s.hub_max_adverts = 6;
         return s;
       }()},
      {"many adverts over many sites", 4, 8,
       [] {
         LeadSettings s;
         s.hub_multi_site_adverts = 6;
         s.hub_min_sites = 4;
         return s;
       }()},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    TempStore t;
    // Two groups, each tied by its own phone; a switchboard number on all.
    for (int group = 0; group < 2; ++group) {
      for (int i = 0; i < c.hub_adverts_per_group; ++i) {
        Ad ad;
        ad.url = "http://example.org/hub/" + std::to_string(group) + "/" + std::to_string(i);
        ad.site = "site-" + std::to_string((group * c.hub_adverts_per_group + i) % c.sites);
        ad.phones = {Phone(100 + 50 * group), "+442079460999"};
        t.Put(ad);
      }
    }
    auto summary = Correlate(*t.store, c.settings, 5000);
    REQUIRE(summary.ok());
    REQUIRE(summary->hubs.size() == 1);
    CHECK(summary->hubs[0].find("phone +442079460999 on 8 adverts") == 0);
    auto leads = t.Leads();
    REQUIRE(leads.size() == 2);
    for (const LeadRecord& lead : leads) {
      CHECK(lead.advert_ids.size() == 4);
      CHECK(lead.hubs == summary->hubs);
      CHECK(TempStore::HasReason(lead, "hub not used to link"));
      CHECK(std::find(lead.phones.begin(), lead.phones.end(), "+442079460999") == lead.phones.end());
    }
  }
}

TEST_CASE("Hygiene_GiantComponent_IsCappedAtMaxLeadAdverts") {
  static const struct {
    const char* name;
    bool chain;  // a chain of pairwise links, else one entity on every advert
  } kCases[] = {{"a chain of pairwise shared phones", true}, {"one email on every advert", false}};
  for (const auto& c : kCases) {
    INFO(c.name);
    TempStore t;
    const int n = 30;
    for (int i = 0; i < n; ++i) {
      Ad ad;
      ad.url = "http://example.org/chain/" + std::to_string(100 + i);
      ad.site = "site-" + std::to_string(i);
      if (c.chain) {
        ad.phones = {Phone(i), Phone(i + 1)};  // phone k on adverts k-1 and k
      } else {
        ad.phones = {Phone(i)};
        ad.emails = {"switchboard@example.com"};
        // Pairs also share a second phone so some smaller leads remain.
        ad.phones.push_back(Phone(500 + i / 2));
      }
      t.Put(ad);
    }
    LeadSettings settings;
    settings.max_lead_adverts = 10;
    auto summary = Correlate(*t.store, settings, 5000);
    REQUIRE(summary.ok());
    CHECK_FALSE(summary->hubs.empty());
    auto leads = t.Leads();
    REQUIRE_FALSE(leads.empty());
    size_t covered = 0;
    for (const LeadRecord& lead : leads) {
      CHECK(lead.advert_ids.size() <= 10);
      covered += lead.advert_ids.size();
    }
    CHECK(covered == static_cast<size_t>(n));
    // An entity on more adverts than the cap is named by its own count, not
    // by the group it happened to meet first.
    if (!c.chain) {
      CAPTURE(summary->hubs);
      CHECK(std::find(summary->hubs.begin(), summary->hubs.end(),
                      "email switchboard@example.com: on 30 adverts, over max_lead_adverts 10") !=
            summary->hubs.end());
    }
  }
}

}  // namespace
}  // namespace plainsight
