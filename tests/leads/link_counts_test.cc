// LinkCounts (link_counts.h): counts written by a recount equal a fresh
// count, and stay equal through days of new, edited, removed and deleted
// adverts applied from the change log.
#include "leads/link_counts.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "leads/change_log.h"
#include "leads/corpus.h"
#include "leads/link_facts.h"
#include "store/meta_keys.h"
#include "tests/leads/temp_store.h"
#include "tests/leads/varied_adverts.h"

namespace plainsight {
namespace {

std::vector<std::string> Differences(const Store& store) {
  auto differences = CheckLinkCounts(store);
  REQUIRE(differences.ok());
  return *differences;
}

// Counts every stored advert and clears the change log their writes left,
// so what is logged next is the day's.
void RecountAndClearTheLog(Store& store) {
  REQUIRE(RecountLinkCounts(store).ok());
  auto log = ReadChangeLog(store);
  REQUIRE(log.ok());
  REQUIRE(ClearChangeLog(store, *log).ok());
}

// The logged changes applied to the counts.
LinkCountChanges ApplyTheLog(Store& store) {
  auto log = ReadChangeLog(store);
  REQUIRE(log.ok());
  auto changes = ApplyLinkCountChanges(store, log->advert_ids);
  REQUIRE(changes.ok());
  return *changes;
}

TEST_CASE("LinkCounts_ARecountMatchesAFreshCount") {
  testing::TempStore t;
  testing::PutVariedAdverts(t);
  REQUIRE(RecountLinkCounts(*t.store).ok());
  CHECK(Differences(*t.store).empty());
  // The footer phone is on every site-d advert, and only there.
  auto site_d = t.store->GetMeta(std::string(meta_keys::kLinkSite) + "site-d");
  REQUIRE(site_d.ok());
  REQUIRE(site_d->has_value());
  CHECK(std::stoi(**site_d) > 50);
  auto footer = t.store->GetMeta(std::string(meta_keys::kLinkEntity) + "phone +442079460999");
  REQUIRE(footer.ok());
  REQUIRE(footer->has_value());
  // On site-d alone, on each of its adverts: (length, "site-d", count as
  // LEB128), the count equal to the site's total.
  std::string expected = std::string(1, '\x06') + "site-d";
  for (auto n = static_cast<unsigned>(std::stoi(**site_d));; n >>= 7) {
    expected.push_back(static_cast<char>(n >= 0x80 ? (n & 0x7f) | 0x80 : n));
    if (n < 0x80) break;
  }
  CHECK(footer->value() == expected);
  auto holders = LinkHolders(*t.store, "phone +442079460999");
  REQUIRE(holders.ok());
  CHECK(holders->size() == static_cast<size_t>(std::stoi(**site_d)));
  // A second recount replaces, never adds.
  REQUIRE(RecountLinkCounts(*t.store).ok());
  CHECK(Differences(*t.store).empty());
}

TEST_CASE("LinkCounts_ChangesFromTheLogKeepThemEqualToAFreshCount") {
  testing::TempStore t;
  Store& store = *t.store;
  testing::PutVariedAdverts(t);
  RecountAndClearTheLog(store);

  for (int day = 1; day <= 3; ++day) {
    INFO("day " << day);
    const std::vector<std::string> ids = testing::TempStore::StoredIds(store);
    for (size_t k = 0; k < 12; ++k) {  // edited: new phone, new postcode, new wording
      auto record = store.GetAdvert(ids[(k * 37 + static_cast<size_t>(day) * 11) % ids.size()]);
      REQUIRE(record.ok());
      REQUIRE(record->has_value());
      AdvertRecord a = **record;
      a.phones = {"+441632960" + std::to_string(200 + day * 20 + static_cast<int>(k))};
      a.postcodes = {"NN2 " + std::to_string(day) + "CD"};
      a.indicators = {{"jobs.fees", "fees", 1.5, "Fee of 100 pounds day " + std::to_string(day)}};
      a.text += " edited on day " + std::to_string(day);
      a.sha256 = Sha256Hex(a.url + a.text);
      REQUIRE(store.UpsertAdvert(a).ok());
    }
    for (size_t k = 0; k < 5; ++k) {  // taken down
      REQUIRE(store.MarkAdvertRemoved(ids[(k * 53 + 7) % ids.size()], 5000 + day).ok());
    }
    for (size_t k = 0; k < 6; ++k) {  // deleted by retention
      REQUIRE(store.DeleteAdvert(ids[(k * 71 + static_cast<size_t>(day) * 5) % ids.size()]).ok());
    }
    for (int k = 0; k < 15; ++k) {  // new, some on the switchboard and the footer
      testing::Ad ad;
      ad.url = "http://example.org/day" + std::to_string(day) + "/" + std::to_string(k);
      ad.site = k % 2 == 0 ? "site-d" : "site-e";
      ad.phones = {"+442079460500", "+44207946" + std::to_string(1000 + day * 20 + k)};
      if (ad.site == "site-d") ad.phones.push_back("+442079460999");
      ad.text = "A new advert " + std::to_string(k) + " of day " + std::to_string(day);
      t.Put(ad);
    }
    // Not applied yet: the check sees the difference.
    CHECK(!Differences(store).empty());
    auto log = ReadChangeLog(store);
    REQUIRE(log.ok());
    auto changes = ApplyLinkCountChanges(store, log->advert_ids);
    REQUIRE(changes.ok());
    CHECK(changes->adverts >= 12 + 6 + 15 - 1);  // two picks may fall on one advert
    CHECK(!changes->entities.empty());
    CHECK(!changes->wordings.empty());
    CHECK(changes->sites.count("site-e") == 1);
    const std::vector<std::string> differences = Differences(store);
    CHECK(differences.empty());
    for (const std::string& d : differences) WARN(d);
    // The switchboard's holders are the adverts giving it, as stored now.
    std::vector<std::string> switchboard;
    REQUIRE(store
                .ForEachAdvertSummary([&](const AdvertSummary& a) {
                  if (std::find(a.phones.begin(), a.phones.end(), "+442079460500") !=
                      a.phones.end()) {
                    switchboard.push_back(a.id);
                  }
                  return true;
                })
                .ok());
    auto holders = LinkHolders(store, "phone +442079460500");
    REQUIRE(holders.ok());
    CHECK(*holders == switchboard);
    // Applying the same log again moves nothing.
    auto again = ApplyLinkCountChanges(store, log->advert_ids);
    REQUIRE(again.ok());
    CHECK(again->adverts == 0);
    REQUIRE(ClearChangeLog(store, *log).ok());
  }
}

// Each entity's hygiene as a full run decides it (link_facts.h): entities
// on fewer than two adverts, and those that link, are left out.
std::map<std::string, Hygiene> FullRunHygiene(Store& store, const LeadSettings& settings) {
  auto corpus = LoadCorpus(store, CorpusOptions{});
  REQUIRE(corpus.ok());
  const EntityHolders holders = IndexHolders(*corpus);
  const LinkFacts facts = ComputeLinkFacts(*corpus, holders, settings);
  std::map<std::string, Hygiene> out;
  for (size_t e = 0; e < corpus->EntityCount(); ++e) {
    if (!facts.entity_ignored[e]) continue;
    out[corpus->EntityKey(e)] = facts.entity_hub.count(static_cast<std::uint32_t>(e)) != 0
                                    ? Hygiene::kHub
                                    : Hygiene::kBoilerplate;
  }
  return out;
}

// A day that flips decisions two ways: 150 site-d adverts without its
// footer phone take the footer below half of site-d (a flip of an entity
// no advert of the day holds, found through its site's total), and one
// phone on 60 new adverts over four sites becomes a hub.
TEST_CASE("LinkCounts_FlippedHygieneNamesTheEntitiesWhoseFullRunDecisionChanged") {
  testing::TempStore t;
  Store& store = *t.store;
  testing::PutVariedAdverts(t);
  const LeadSettings settings;
  RecountAndClearTheLog(store);
  const std::map<std::string, Hygiene> before = FullRunHygiene(store, settings);
  REQUIRE(before.count("phone +442079460999") == 1);

  for (int k = 0; k < 150; ++k) {
    testing::Ad ad;
    ad.url = "http://example.org/new-on-d/" + std::to_string(k);
    ad.site = "site-d";
    ad.text = "A new advert without the footer, number " + std::to_string(k);
    t.Put(ad);
  }
  for (int k = 0; k < 60; ++k) {
    testing::Ad ad;
    ad.url = "http://example.org/new-hub/" + std::to_string(k);
    ad.site = "site-" + std::string(1, static_cast<char>('a' + k % 4));
    ad.phones = {"+441632960500"};
    ad.text = "One desk for many, number " + std::to_string(k);
    t.Put(ad);
  }
  const LinkCountChanges changes = ApplyTheLog(store);
  auto flipped = FlippedHygiene(store, changes, settings);
  REQUIRE(flipped.ok());

  const std::map<std::string, Hygiene> after = FullRunHygiene(store, settings);
  std::vector<std::string> expected;
  std::set<std::string> keys;
  for (const auto& [key, h] : before) keys.insert(key);
  for (const auto& [key, h] : after) keys.insert(key);
  for (const std::string& key : keys) {
    const auto b = before.find(key);
    const auto a = after.find(key);
    const Hygiene was = b == before.end() ? Hygiene::kLinks : b->second;
    const Hygiene now = a == after.end() ? Hygiene::kLinks : a->second;
    if (was != now) expected.push_back(key);
  }
  CHECK(std::find(expected.begin(), expected.end(), "phone +442079460999") != expected.end());
  CHECK(std::find(expected.begin(), expected.end(), "phone +441632960500") != expected.end());
  CHECK(*flipped == expected);
}

// The wordings a full run drops as a site's own (Corpus::site_wide_indicators
// lines "site: indicator ID "match" on N of M adverts …"), as keys.
std::set<std::string> FullRunSiteWide(Store& store, const LeadSettings& settings) {
  CorpusOptions options;
  options.site_wide_share = settings.boilerplate_share;
  options.site_wide_min_adverts = settings.boilerplate_min_adverts;
  auto corpus = LoadCorpus(store, options);
  REQUIRE(corpus.ok());
  std::set<std::string> out;
  for (const std::string& line : corpus->site_wide_indicators) {
    const size_t colon = line.find(": indicator ");
    const size_t quote = line.find(" \"", colon);
    const size_t end = line.find("\" on ", quote);
    REQUIRE((colon != std::string::npos && quote != std::string::npos && end != std::string::npos));
    out.insert(line.substr(0, colon) + "\x1f" + line.substr(colon + 12, quote - colon - 12) +
               "\x1f" + line.substr(quote + 2, end - quote - 2));
  }
  return out;
}

// site-f's notice on all its 40 adverts is its own wording until 50 more
// adverts without it come (a flip through the site's total); ten adverts
// on a new site-g, all with one notice, make that wording its own (a flip
// through the wording's count).
TEST_CASE("LinkCounts_FlippedWordingsNamesTheWordingsWhoseFullRunDecisionChanged") {
  testing::TempStore t;
  Store& store = *t.store;
  testing::PutVariedAdverts(t);
  auto put = [&](const std::string& site, int k, const char* match) {
    testing::Ad ad;
    ad.url = "http://example.org/" + site + "/" + std::to_string(k);
    ad.site = site;
    ad.text = "Advert " + std::to_string(k) + " of " + site;
    if (match != nullptr) ad.indicators = {{"jobs.documents_held", "documents_held", 2.0, match}};
    t.Put(ad);
  };
  for (int k = 0; k < 40; ++k) put("site-f", k, "never hand over your passport");
  const LeadSettings settings;
  RecountAndClearTheLog(store);
  const std::set<std::string> before = FullRunSiteWide(store, settings);
  REQUIRE(before.size() == 1);

  for (int k = 40; k < 90; ++k) put("site-f", k, nullptr);
  for (int k = 0; k < 10; ++k) put("site-g", k, "we keep your passport safe");
  const LinkCountChanges changes = ApplyTheLog(store);
  auto flipped = FlippedWordings(store, changes, settings);
  REQUIRE(flipped.ok());
  const std::set<std::string> after = FullRunSiteWide(store, settings);
  std::vector<std::string> expected;
  std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(),
                                std::back_inserter(expected));
  CHECK(expected.size() == 2);
  CHECK(*flipped == expected);
  CHECK(Differences(store).empty());
}

TEST_CASE("LinkCounts_ChangesAreRefusedUntilARecountIsWrittenWhole") {
  testing::TempStore t;
  testing::Ad ad;
  ad.url = "http://example.org/one";
  ad.phones = {"+447700900123"};
  t.Put(ad);
  CHECK(ApplyLinkCountChanges(*t.store, testing::TempStore::StoredIds(*t.store))
            .status()
            .IsNotFound());
  REQUIRE(RecountLinkCounts(*t.store).ok());
  CHECK(ApplyLinkCountChanges(*t.store, testing::TempStore::StoredIds(*t.store)).ok());
  REQUIRE(t.store->PutMeta(meta_keys::kLinkCountsState, "building").ok());
  CHECK(ApplyLinkCountChanges(*t.store, testing::TempStore::StoredIds(*t.store))
            .status()
            .IsNotFound());
}

// The linking phones of many 1000-number blocks read in one pass equal
// each block read alone, whatever the order asked and where one block's
// prefix begins another's (a shorter number's block).
TEST_CASE("LinkCounts_ManyBlocksReadAtOnceEqualEachReadAlone") {
  testing::TempStore t;
  const std::vector<std::vector<std::string>> adverts = {
      {"+447700900123"}, {"+447700900124"}, {"+447700900125", "+4477009001"},
      {"+4477009002"},   {"+441632960001"}, {"+442079460999"}};
  for (size_t i = 0; i < adverts.size(); ++i) {
    testing::Ad ad;
    ad.url = "http://example.org/block/" + std::to_string(i);
    ad.phones = adverts[i];
    t.Put(ad);
  }
  REQUIRE(RecountLinkCounts(*t.store).ok());
  const std::string phone = "phone ";
  const std::vector<std::pair<std::string, size_t>> blocks = {
      {phone + "+447700900", phone.size() + 13},  // three phones, and begins none
      {phone + "+4477009", phone.size() + 11},    // begins the one above: two of its own
      {phone + "+441632960", phone.size() + 13},  // one phone
      {phone + "+447700901", phone.size() + 13},  // none
      {phone + "+447700900", phone.size() + 14},  // the same prefix, a length no key has
  };
  LeadSettings settings;
  KeptVerdicts together(*t.store, settings);
  auto all = together.LinkingPhones(blocks);
  REQUIRE(all.ok());
  REQUIRE(all->size() == blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    INFO(blocks[b].first << " " << blocks[b].second);
    KeptVerdicts alone(*t.store, settings);
    auto one = alone.LinkingPhones(blocks[b].first, blocks[b].second);
    REQUIRE(one.ok());
    CHECK((*all)[b] == *one);
  }
  CHECK((*all)[0] == std::vector<std::string>{phone + "+447700900123", phone + "+447700900124",
                                              phone + "+447700900125"});
  CHECK((*all)[1] == std::vector<std::string>{phone + "+4477009001", phone + "+4477009002"});
  CHECK((*all)[2].size() == 1);
  CHECK((*all)[3].empty());
  CHECK((*all)[4].empty());
}

}  // namespace
}  // namespace plainsight
