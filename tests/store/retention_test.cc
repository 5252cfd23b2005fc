// Retention: old adverts go unless a flagged or reviewed lead holds them.
#include <catch2/catch.hpp>
#include <filesystem>

#include "store/retention.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Retention_ExpiredAdverts_PurgedUnlessFlaggedOrReviewed") {
  std::string tmpl = (fs::temp_directory_path() / "plainsight-retention-XXXXXX").string();
  std::string dir = ::mkdtemp(tmpl.data());
  {
    auto store = std::move(Store::Open(dir + "/db", {})).value();
    const std::int64_t now = 2000000000;
    const std::int64_t old = now - 100 * 86400, recent = now - 10 * 86400;
    static const struct {
      const char* url;
      std::int64_t last_seen;
      const char* lead_status;  // "" = in no lead
      double lead_score;
      bool purged;
    } kCases[] = {
        {"http://a.example.org/1", old, "", 0, true},               // expired, unprotected
        {"http://a.example.org/2", recent, "", 0, false},           // still fresh
        {"http://a.example.org/3", old, "new", 9.0, false},         // flagged lead
        {"http://a.example.org/4", old, "dismissed", 1.0, false},   // an analyst acted on it
        {"http://a.example.org/5", old, "new", 1.0, true},          // low, unreviewed lead
    };
    std::vector<LeadRecord> leads;
    for (const auto& c : kCases) {
      AdvertRecord a;
      a.url = c.url;
      a.id = AdvertIdForUrl(c.url);
      a.first_seen = a.last_seen = c.last_seen;
      a.phones = {"+447700900999"};
      REQUIRE(store->UpsertAdvert(a).ok());
      if (*c.lead_status != '\0') {
        LeadRecord lead;
        lead.id = std::string("L-") + c.url[std::string(c.url).size() - 1];
        lead.status = c.lead_status;
        lead.score = c.lead_score;
        lead.advert_ids = {a.id};
        leads.push_back(lead);
      }
    }
    REQUIRE(store->ReplaceLeads(leads).ok());
    auto dry = PurgeExpired(*store, 90, 3.0, now, true);
    REQUIRE(dry.ok());
    CHECK(dry->purged.size() == 2);
    CHECK(dry->kept_for_leads == 2);
    CHECK(*store->CountAdverts() == 5);  // a dry run deletes nothing
    auto real = PurgeExpired(*store, 90, 3.0, now, false);
    REQUIRE(real.ok());
    for (const auto& c : kCases) {
      CAPTURE(c.url);
      auto stored = store->GetAdvert(AdvertIdForUrl(c.url));
      REQUIRE(stored.ok());
      CHECK(stored->has_value() == !c.purged);
    }
    // The entity index follows: purged adverts no longer answer a query.
    CHECK(store->AdvertIdsForEntity(EntityType::kPhone, "+447700900999")->size() == 3);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plainsight
