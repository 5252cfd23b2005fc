// Issue #16's farm target, end to end: the farm crawled with photos on
// (tests/farm/farm_photos.h), then correlated. Every planted photo group
// (three adverts, three different phones, one picture posted as is,
// re-encoded smaller and cropped 2% as PNG) must come out as one lead
// joined by an image link; the stock photo on unrelated adverts must join
// nothing (a hub, not a link).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crawler/crawler.h"
#include "leads/correlate.h"
#include "tests/farm/farm.h"
#include "tests/farm/farm_photos.h"
#include "tests/support/crawled_farm.h"

namespace plainsight {
namespace {

std::string LeadHolding(const std::vector<LeadRecord>& leads, const std::string& advert_url) {
  const std::string id = AdvertIdForUrl(advert_url);
  for (const LeadRecord& lead : leads) {
    if (std::find(lead.advert_ids.begin(), lead.advert_ids.end(), id) != lead.advert_ids.end()) {
      return lead.id;
    }
  }
  return "";
}

const LeadRecord* LeadById(const std::vector<LeadRecord>& leads, const std::string& id) {
  for (const LeadRecord& lead : leads) {
    if (lead.id == id) return &lead;
  }
  return nullptr;
}

TEST_CASE("FarmPhotoLeads_EachPlantedPhotoGroupIsOneLead_StockPhotoJoinsNothing") {
  testing::CrawledFarm crawled(/*fetch_images=*/true);
  Store* store = crawled.store.get();
  const farm::Farm& farm = crawled.farm;
  auto correlated = Correlate(*store, crawled.config.leads, 1000);
  REQUIRE(correlated.ok());
  std::vector<LeadRecord> leads;
  REQUIRE(store->ForEachLead([&](const LeadRecord& l) {
    leads.push_back(l);
    return true;
  }).ok());

  int groups = 0;
  for (const farm::PlantedPhotoGroup& group : farm.photo_groups()) {
    INFO(group.name);
    if (group.stock) {
      // No lead may be joined by the stock photo: wherever its adverts sit,
      // no image link of that lead joined them.
      std::set<std::string> holding;
      for (const std::string& url : group.advert_urls) {
        const std::string id = LeadHolding(leads, url);
        if (!id.empty()) holding.insert(id);
      }
      for (const std::string& id : holding) {
        const LeadRecord* lead = LeadById(leads, id);
        REQUIRE(lead != nullptr);
        for (const LeadLink& link : lead->links) {
          if (link.type != "image") continue;
          size_t stock_adverts = 0;
          for (const std::string& url : group.advert_urls) {
            const std::string advert = AdvertIdForUrl(url);
            if (std::find(lead->advert_ids.begin(), lead->advert_ids.end(), advert) !=
                lead->advert_ids.end()) {
              ++stock_adverts;
            }
          }
          INFO(id << " image link " << link.value << " joined=" << link.joined);
          CHECK((!link.joined || stock_adverts < 2));
        }
      }
      continue;
    }
    ++groups;
    const std::string id = LeadHolding(leads, group.advert_urls.front());
    REQUIRE(!id.empty());
    for (const std::string& url : group.advert_urls) {
      INFO(url);
      CHECK(LeadHolding(leads, url) == id);
    }
    const LeadRecord* lead = LeadById(leads, id);
    REQUIRE(lead != nullptr);
    bool image_link = false;
    for (const LeadLink& link : lead->links) {
      if (link.type == "image" && link.strength == "strong") image_link = true;
    }
    CHECK(image_link);
    bool reason = false;
    for (const std::string& r : lead->reasons) {
      if (r.find("same photo in") != std::string::npos) reason = true;
    }
    CHECK(reason);
  }
  CHECK(groups == farm::kPhotoGroupCount);
}

}  // namespace
}  // namespace plainsight
