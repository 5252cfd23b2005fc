// Strong and weak links (issue 12). Strong identifiers (phone, e-mail, a
// street with its postcode or town) build leads; weak evidence (templates,
// postcodes) only scores inside them, and a template joins adverts only
// when it carries risk and never bridges two groups that strong links keep
// apart. Each case names the rule it checks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

// One adult advert text in which only name, age, town and phone change.
Ad CopiedAdultAdvert(const std::string& url, const std::string& name, int age,
                     const std::string& town, const std::string& phone_e164,
                     const std::string& site) {
  Ad ad;
  ad.url = url;
  ad.site = site;
  ad.town = town;
  ad.phones = {phone_e164};
  const std::string a = std::to_string(age);
  ad.title = name + ", " + a + ", elegant company in " + town;
  ad.text = "Lovely " + name + " " + a + " is waiting for you in " + town +
            ". Our girls offer relaxing massage and elegant company in a quiet private flat "
            "near the station. New girls every week, open late every day, call " + phone_e164 +
            " to book your time with " + name + ".";
  return ad;
}

// Unrelated adverts on `site`, so no copied text is most of the site (that
// would be the site's own layout, not a writer's).
void PutOtherAdverts(TempStore& t, const std::string& site, int n) {
  static const char* const kWords[] = {"garden", "window", "kitchen", "river", "market",
                                       "bridge", "meadow", "harbour", "orchard", "chapel"};
  for (int i = 0; i < n; ++i) {
    Ad ad;
    ad.url = "http://example.org/" + site + "/other/" + std::to_string(i);
    ad.site = site;
    ad.phones = {(site == "velvet" ? "+4420794600" : "+4420794601") + std::to_string(10 + i)};
    ad.title = "Advert " + std::to_string(i);
    for (int w = 0; w < 30; ++w) ad.text += std::string(kWords[(i * 7 + w * w) % 10]) + " ";
    t.Put(ad);
  }
}

const LeadLink* FindLink(const LeadRecord& lead, const std::string& type) {
  for (const LeadLink& link : lead.links) {
    if (link.type == type) return &link;
  }
  return nullptr;
}

TEST_CASE("StrongWeak_RiskyTemplate_NeverJoinsTwoGroupsKeptApartByPhones") {
  TempStore t;
  // Ring A and ring B copy one text; each ring shares its own phone.
  // Ring A works in Corby, Kettering and Wellingborough, ring B in Derby,
  // Leicester and Nottingham.
  const char* const kNames[] = {"Anya", "Bea", "Cleo", "Dina", "Eva", "Fay"};
  const char* const kTowns[] = {"Corby", "Kettering", "Wellingborough",
                                "Derby", "Leicester", "Nottingham"};
  for (int i = 0; i < 6; ++i) {
    const bool ring_a = i < 3;
    t.Put(CopiedAdultAdvert("http://example.org/ad/" + std::to_string(i), kNames[i], 21 + i,
                            kTowns[i], ring_a ? "+447700900401" : "+447700900777",
                            i % 2 == 0 ? "velvet" : "silk"));
  }
  PutOtherAdverts(t, "velvet", 10);
  PutOtherAdverts(t, "silk", 10);
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  const LeadRecord* a = TempStore::LeadWith(leads, "http://example.org/ad/0");
  const LeadRecord* b = TempStore::LeadWith(leads, "http://example.org/ad/3");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->id != b->id);
  CHECK(a->advert_ids.size() == 3);
  CHECK(b->advert_ids.size() == 3);
  const LeadLink* phone = FindLink(*a, "phone");
  REQUIRE(phone != nullptr);
  CHECK(phone->strength == "strong");
  CHECK(phone->joined);
  const LeadLink* copied = FindLink(*a, "template");
  REQUIRE(copied != nullptr);
  CHECK(copied->strength == "weak");
  CHECK_FALSE(copied->joined);
}

// A risky template joins ring A's two phones in Corby; its part in Derby
// would join ring B's three phones, past a cap of 4, and is left apart.
// Ring A's lead must still list the template that joined it. (Each phone
// keeps to one site: a text used by 5 writers on one site would be that
// site's common phrasing, not a template.)
TEST_CASE("StrongWeak_RiskyTemplatePartPastTheCap_LeftApart_TheJoinedPartStillShowsTheTemplate") {
  // Ring A's first advert must come before ring B's (parts are taken in
  // advert id order): the URLs are salted until it does.
  auto url = [](int salt, char ring, int i) {
    return "http://example.org/" + std::to_string(salt) + "/" + ring + std::to_string(i);
  };
  int salt = 0;
  for (;; ++salt) {
    std::string first_a = "~", first_b = "~";
    for (int i = 0; i < 4; ++i) first_a = std::min(first_a, AdvertIdForUrl(url(salt, 'a', i)));
    for (int i = 0; i < 6; ++i) first_b = std::min(first_b, AdvertIdForUrl(url(salt, 'b', i)));
    if (first_a < first_b) break;
  }
  TempStore t;
  const char* const kNames[] = {"Anya", "Bea", "Cleo", "Dina", "Eva", "Fay", "Gina", "Hana", "Ida", "Jo"};
  for (int i = 0; i < 4; ++i) {
    t.Put(CopiedAdultAdvert(url(salt, 'a', i), kNames[i], 21 + i, "Corby",
                            i < 2 ? "+447700900111" : "+447700900222", i < 2 ? "velvet" : "silk"));
  }
  const char* const kRingB[] = {"+447700900555", "+447700900888", "+447700900999"};
  for (int i = 0; i < 6; ++i) {
    t.Put(CopiedAdultAdvert(url(salt, 'b', i), kNames[4 + i], 31 + i, "Derby", kRingB[i / 2],
                            i / 2 == 1 ? "silk" : "velvet"));
  }
  PutOtherAdverts(t, "velvet", 12);
  PutOtherAdverts(t, "silk", 12);
  LeadSettings settings;
  settings.max_lead_adverts = 4;
  const auto summary = Correlate(*t.store, settings, 2000);
  REQUIRE(summary.ok());
  const auto leads = t.Leads();
  const LeadRecord* a = TempStore::LeadWith(leads, url(salt, 'a', 0));
  REQUIRE(a != nullptr);
  CHECK(a->advert_ids.size() == 4);
  const LeadLink* copied = FindLink(*a, "template");
  REQUIRE(copied != nullptr);
  CHECK(copied->joined);
  // Ring B stays three pairs, one per phone; the template scores in each
  // but joined nothing there.
  for (int i = 0; i < 6; ++i) {
    const LeadRecord* b = TempStore::LeadWith(leads, url(salt, 'b', i));
    if (b == nullptr) continue;
    CHECK(b->advert_ids.size() == 2);
    const LeadLink* scored = FindLink(*b, "template");
    if (scored != nullptr) CHECK_FALSE(scored->joined);
  }
  // The run's summary says what was left apart.
  bool left_apart = false;
  for (const std::string& hub : summary->hubs) left_apart |= hub.find("left apart") != std::string::npos;
  CAPTURE(summary->hubs);
  CHECK(left_apart);
}

TEST_CASE("StrongWeak_RiskyTemplateOfSingletons_IsOneLead") {
  TempStore t;
  const char* const kNames[] = {"Anya", "Bea", "Cleo", "Dina"};
  for (int i = 0; i < 4; ++i) {
    t.Put(CopiedAdultAdvert("http://example.org/ad/" + std::to_string(i), kNames[i], 21 + i,
                            i % 2 ? "Corby" : "Kettering", "+4477009005" + std::to_string(10 + i * 7),
                            i % 2 == 0 ? "velvet" : "silk"));
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  CHECK(leads[0].advert_ids.size() == 4);
  CHECK(TempStore::HasReason(leads[0], "numbers rotated"));
  CHECK(leads[0].score >= LeadSettings{}.min_score);
  const LeadLink* copied = FindLink(leads[0], "template");
  REQUIRE(copied != nullptr);
  CHECK(copied->joined);
  CHECK(copied->strength == "weak");
}

TEST_CASE("StrongWeak_TemplateWithoutRisk_JoinsNothing") {
  TempStore t;
  // One employer's wording reused by five branches with their own phones:
  // job adverts, no indicator wording.
  for (int i = 0; i < 5; ++i) {
    Ad ad;
    ad.url = "http://example.org/job/" + std::to_string(i);
    ad.site = "board";
    ad.kind = "jobs";
    ad.town = i % 2 ? "Derby" : "Luton";
    ad.phones = {"+4416329601" + std::to_string(10 + i)};
    ad.title = "Customer service adviser";
    ad.text = "Customer service adviser wanted at our busy branch. You will answer calls, "
              "help customers with their orders and keep accurate records. Full training, "
              "paid holiday and a pension scheme. Monday to Friday, 37.5 hours, £13.10 per "
              "hour. Please call the branch on the number shown to arrange an interview.";
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  for (const LeadRecord& lead : t.Leads()) CHECK(lead.advert_ids.size() == 1);
}

TEST_CASE("StrongWeak_FullAddress_StreetLinksOnlyWithItsPostcodeOrTown") {
  TempStore t;
  struct Row {
    const char* url;
    const char* town;
    const char* postcode;  // "" = none
    const char* phone;
  };
  // The same street and unit in two towns, the same with one postcode, and
  // a bare street (no postcode) in one town and in another.
  const Row kRows[] = {
      {"http://example.org/job/derby", "Derby", "DE21 4AA", "+441632960201"},
      {"http://example.org/job/luton", "Luton", "LU2 0AA", "+441632960202"},
      {"http://example.org/job/derby2", "Derby", "DE21 4AA", "+441632960203"},
      {"http://example.org/job/leic1", "Leicester", "", "+441632960204"},
      {"http://example.org/job/leic2", "Leicester", "", "+441632960205"},
      {"http://example.org/job/bedford", "Bedford", "", "+441632960206"},
  };
  for (const Row& r : kRows) {
    Ad ad;
    ad.url = r.url;
    ad.site = "board";
    ad.kind = "jobs";
    ad.town = r.town;
    ad.phones = {r.phone};
    if (*r.postcode != 0) ad.postcodes = {r.postcode};
    ad.addresses = {"UNIT 13 RIVERSIDE BUSINESS PARK"};
    // A strong indicator, so a linked pair scores and is listed.
    ad.indicators = {{"jobs.fees_upfront", "fees_and_debt", 2.5, "registration fee"}};
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  const LeadRecord* derby = TempStore::LeadWith(leads, "http://example.org/job/derby");
  const LeadRecord* luton = TempStore::LeadWith(leads, "http://example.org/job/luton");
  const LeadRecord* leicester = TempStore::LeadWith(leads, "http://example.org/job/leic1");
  const LeadRecord* bedford = TempStore::LeadWith(leads, "http://example.org/job/bedford");
  REQUIRE(derby != nullptr);
  CHECK(derby->advert_ids.size() == 2);  // both Derby adverts, not Luton
  CHECK(derby->addresses == std::vector<std::string>{"UNIT 13 RIVERSIDE BUSINESS PARK, DE21 4AA"});
  REQUIRE(leicester != nullptr);
  CHECK(leicester->advert_ids.size() == 2);  // the bare street links within its town
  if (luton != nullptr) CHECK(luton->advert_ids.size() == 1);
  if (bedford != nullptr) CHECK(bedford->advert_ids.size() == 1);
  const LeadLink* address = FindLink(*derby, "address");
  REQUIRE(address != nullptr);
  CHECK(address->strength == "strong");
}

TEST_CASE("StrongWeak_SharedPostcodeAlone_ScoresButNeverLinks") {
  TempStore t;
  for (int i = 0; i < 3; ++i) {
    Ad ad;
    ad.url = "http://example.org/job/" + std::to_string(i);
    ad.site = "board";
    ad.kind = "jobs";
    ad.phones = {"+4416329603" + std::to_string(10 + i)};
    ad.postcodes = {"NN1 1AA"};
    ad.indicators = {{"jobs.fees_upfront", "fees_and_debt", 2.5, "registration fee"}};
    t.Put(ad);
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  for (const LeadRecord& lead : t.Leads()) CHECK(lead.advert_ids.size() == 1);
}

TEST_CASE("StrongWeak_RiskyTemplate_JoinsOneRingsPhonesInItsTowns_NotTwoRingsInOthers") {
  TempStore t;
  // Ring A uses two phones in Corby and Kettering, ring B two phones in
  // Derby and Leicester; all eight adverts copy one text.
  struct Row {
    const char* name;
    const char* town;
    const char* phone;
    const char* site;
  };
  const Row kRows[] = {
      {"Anya", "Corby", "+447700900111", "velvet"},    {"Bea", "Kettering", "+447700900111", "silk"},
      {"Cleo", "Kettering", "+447700900222", "velvet"}, {"Dina", "Corby", "+447700900222", "silk"},
      {"Eva", "Derby", "+447700900555", "velvet"},      {"Fay", "Leicester", "+447700900555", "silk"},
      {"Gina", "Leicester", "+447700900888", "velvet"}, {"Hana", "Derby", "+447700900888", "silk"},
  };
  for (int i = 0; i < 8; ++i) {
    const Row& r = kRows[i];
    t.Put(CopiedAdultAdvert("http://example.org/ad/" + std::to_string(i), r.name, 22 + i, r.town,
                            r.phone, r.site));
  }
  PutOtherAdverts(t, "velvet", 10);
  PutOtherAdverts(t, "silk", 10);
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  const LeadRecord* a = TempStore::LeadWith(leads, "http://example.org/ad/0");
  const LeadRecord* b = TempStore::LeadWith(leads, "http://example.org/ad/4");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->advert_ids.size() == 4);
  CHECK(b->advert_ids.size() == 4);
  CHECK(a->id != b->id);
}

TEST_CASE("StrongWeak_IndicatorOnMostOfASite_IsTheSitesOwnWording") {
  TempStore t;
  // A board appends one safety notice to every advert; it matches
  // documents_held. Two of its adverts share a household's phone.
  const IndicatorRecord kNotice{"jobs.documents_held", "document_retention", 3.0,
                                "hand over your passport"};
  for (int i = 0; i < 8; ++i) {
    Ad ad;
    ad.url = "http://example.org/job/" + std::to_string(i);
    ad.site = "local-board";
    ad.kind = "jobs";
    ad.phones = {i < 2 ? "+447700900640" : "+4416329606" + std::to_string(10 + i)};
    ad.indicators = {kNotice};
    t.Put(ad);
  }
  auto summary = Correlate(*t.store, LeadSettings{}, 2000);
  REQUIRE(summary.ok());
  bool reported = false;
  for (const std::string& b : summary->boilerplate) {
    reported = reported || b.find("jobs.documents_held") != std::string::npos;
  }
  CHECK(reported);
  for (const LeadRecord& lead : t.Leads()) {
    INFO(Catch::Detail::stringify(lead.reasons));
    CHECK(lead.score < LeadSettings{}.min_score);
    CHECK_FALSE(TempStore::HasReason(lead, "documents_held"));
  }
}

}  // namespace
}  // namespace plainsight
