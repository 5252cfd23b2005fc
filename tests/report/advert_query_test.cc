// Advert queries (report/advert_query.h): what an analyst types is read
// into the stored forms; entity lookups narrow, filters combine with AND.
#include "report/advert_query.h"

#include <catch2/catch.hpp>
#include <algorithm>

#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

TEST_CASE("NormalizeHandle_TypedForms_AreTheStoredForms") {
  static const struct {
    const char* typed;
    const char* stored;  // "" = InvalidArgument
  } kCases[] = {
      {"whatsapp:07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp:+44 7700 900123", "whatsapp:+447700900123"},
      {"signal:07700900124", "signal:+447700900124"},
      {"signal:Anna.42", "signal:anna.42"},
      {"Telegram:@Anna_Rose", "telegram:@anna_rose"},
      {"telegram:anna_rose", "telegram:@anna_rose"},
      {"snapchat:@Anna", "snapchat:anna"},
      {"whatsapp:not a number", ""},
      {"skype:anna", ""},
      {"anna_rose", ""},
      {"telegram:", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.typed);
    auto stored = NormalizeHandle(c.typed, "GB");
    if (*c.stored == '\0') {
      CHECK(stored.status().IsInvalidArgument());
    } else {
      REQUIRE(stored.ok());
      CHECK(*stored == c.stored);
    }
  }
}

std::vector<std::string> Urls(const std::vector<AdvertRecord>& adverts) {
  std::vector<std::string> urls;
  for (const AdvertRecord& a : adverts) urls.push_back(a.url);
  std::sort(urls.begin(), urls.end());
  return urls;
}

TEST_CASE("FindAdverts_EntitiesNarrowAndFiltersCombineWithAnd") {
  TempStore t;
  Ad one;
  one.url = "http://a.example.org/job/1";
  one.phones = {"+447700900701"};
  one.postcodes = {"NN1 1AA"};
  one.title = "Packers wanted";
  one.first_seen = 100;
  t.Put(one);
  Ad two = one;
  two.url = "http://b.example.org/job/2";
  two.site = "site-b";
  two.postcodes = {"NN2 2BB"};
  two.title = "Cleaners wanted";
  two.first_seen = 300;
  t.Put(two);
  Ad three;
  three.url = "http://a.example.org/job/3";
  three.phones = {"+447700900702"};
  three.emails = {"jobs@example.org"};
  three.title = "Drivers wanted";
  three.first_seen = 100;
  t.Put(three);

  struct Case {
    const char* name;
    AdvertQuery query;
    std::vector<std::string> urls;
  };
  auto q = [](auto change) {
    AdvertQuery query;
    change(query);
    return query;
  };
  const Case cases[] = {
      {"phone in another spelling", q([](AdvertQuery& x) { x.phone = "07700 900 701"; }),
       {one.url, two.url}},
      {"phone and postcode", q([](AdvertQuery& x) {
         x.phone = "+44 7700 900701";
         x.postcode = "nn22bb";
       }),
       {two.url}},
      {"email in upper case", q([](AdvertQuery& x) { x.email = "JOBS@example.org"; }), {three.url}},
      {"phone and site", q([](AdvertQuery& x) {
         x.phone = "07700900701";
         x.site = "site-a";
       }),
       {one.url}},
      {"text pattern over every advert", q([](AdvertQuery& x) { x.text = "(?i)cleaners|drivers"; }),
       {three.url, two.url}},
      {"since", q([](AdvertQuery& x) { x.since = 200; }), {two.url}},
      {"no advert has both", q([](AdvertQuery& x) {
         x.phone = "07700900701";
         x.email = "jobs@example.org";
       }),
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto found = FindAdverts(*t.store, c.query, "GB");
    REQUIRE(found.ok());
    std::vector<std::string> want = c.urls;
    std::sort(want.begin(), want.end());
    CHECK(Urls(*found) == want);
  }
}

TEST_CASE("FindAdverts_UnreadableInput_IsInvalidArgumentNamingTheField") {
  TempStore t;
  static const struct {
    const char* field;
    AdvertQuery query;
  } kCases[] = {
      {"phone:", {"12", "", "", "", "", "", "", 0}},
      {"postcode:", {"", "", "ZZ", "", "", "", "", 0}},
      {"handle:", {"", "", "", "nonsense", "", "", "", 0}},
      {"text:", {"", "", "", "", "", "", "(unclosed", 0}},
  };
  for (const auto& c : kCases) {
    auto found = FindAdverts(*t.store, c.query, "GB");
    INFO(found.status().ToString());
    CHECK(found.status().IsInvalidArgument());
    CHECK(found.status().message().rfind(c.field, 0) == 0);
  }
}

}  // namespace
}  // namespace plainsight
