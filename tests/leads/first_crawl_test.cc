// A site's first crawl (leads/corpus.h, Corpus::site_first_crawl): adverts
// with no page date that came with it were posted at unknown times, so
// they never make a posting burst; adverts first seen later were posted
// when first seen. The first crawl is the site's own and kept in the store:
// retention deleting the oldest adverts does not turn an ordinary day into
// a first crawl, and a site added later has its backlog left out too.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

constexpr std::int64_t kDay0 = 1796083200;  // 2026-12-01
constexpr std::int64_t kDay = 86400;
constexpr char kBurstReason[] = "adverts posted within one day";

Ad Advert(const std::string& site, int n, std::int64_t first_seen, const std::string& email) {
  Ad ad;
  ad.url = "http://example.org/" + site + "/" + std::to_string(n);
  ad.site = site;
  ad.first_seen = first_seen;
  ad.emails = {email};
  ad.phones = {"+4477009002" + std::to_string(10 + n)};
  return ad;
}

bool AnyLeadSays(TempStore& t, const std::string& words) {
  for (const LeadRecord& lead : t.Leads()) {
    for (const std::string& reason : lead.reasons) {
      if (reason.find(words) != std::string::npos) return true;
    }
  }
  return false;
}

// The burst's e-mail stays on under half of a site's adverts, so it is
// never taken for the site's own (link_graph.h, boilerplate).
TEST_CASE("FirstCrawl_RetentionDeletingTheFirstCrawlsAdverts_ALaterBurstStillCounts") {
  TempStore t;
  // velvet's first crawl: two adverts, posted who knows when.
  t.Put(Advert("velvet", 0, kDay0, "old0@example.org"));
  t.Put(Advert("velvet", 1, kDay0, "old1@example.org"));
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + kDay).ok());
  // Ten days on, six ordinary adverts, and four under one e-mail within
  // hours.
  for (int i = 0; i < 6; ++i) {
    t.Put(Advert("velvet", 2 + i, kDay0 + 10 * kDay + i * 600, "own" + std::to_string(i) + "@example.org"));
  }
  for (int i = 0; i < 4; ++i) {
    t.Put(Advert("velvet", 10 + i, kDay0 + 10 * kDay + i * 3600, "bookings@example.org"));
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + 11 * kDay).ok());
  CHECK(AnyLeadSays(t, kBurstReason));
  // Retention takes the first crawl's adverts: day 10 is now the oldest
  // day stored, but it was not velvet's first crawl, so the burst stands.
  for (int n : {0, 1}) {
    REQUIRE(t.store->DeleteAdvert(AdvertIdForUrl(Advert("velvet", n, kDay0, "").url)).ok());
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + 100 * kDay).ok());
  CHECK(AnyLeadSays(t, kBurstReason));
  REQUIRE(CorrelateRebuild(*t.store, LeadSettings{}, kDay0 + 100 * kDay).ok());
  CHECK(AnyLeadSays(t, kBurstReason));
}

TEST_CASE("FirstCrawl_SiteAddedLater_ItsBacklogIsNoBurst_ItsNewAdvertsAre") {
  TempStore t;
  t.Put(Advert("velvet", 0, kDay0, "old0@example.org"));
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + kDay).ok());
  // silk joins the config on day 10: its listing (twelve adverts, four
  // under one e-mail) is first seen at once, but was posted over who knows
  // how long.
  for (int i = 0; i < 16; ++i) {
    t.Put(Advert("silk", i, kDay0 + 10 * kDay,
                 i < 4 ? "bookings@example.org" : "own" + std::to_string(i) + "@example.org"));
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + 10 * kDay).ok());
  CHECK_FALSE(AnyLeadSays(t, kBurstReason));
  // Four more under that e-mail the next day are a burst.
  for (int i = 16; i < 20; ++i) {
    t.Put(Advert("silk", i, kDay0 + 11 * kDay + i * 600, "bookings@example.org"));
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, kDay0 + 12 * kDay).ok());
  CHECK(AnyLeadSays(t, kBurstReason));
}

}  // namespace
}  // namespace plainsight
