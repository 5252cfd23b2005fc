// LinkFacts (link_facts.h): the decisions linking takes from the whole
// store, given to BuildLinkGraph, so that a corpus of some whole units of
// the store groups and scores as the full corpus does (the claim the
// incremental run rests on, docs/incremental_correlation.md).
#include "leads/link_facts.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "leads/lead_scorer.h"
#include "leads/link_graph.h"
#include "leads/union_find.h"
#include "store/record_codec.h"
#include "tests/leads/temp_store.h"
#include "tests/leads/varied_adverts.h"
#include "tests/support/crawled_farm.h"

namespace plainsight {
namespace {

// `corpus` with only the adverts `keep` (ascending), every table and every
// entity index as they were.
Corpus SubCorpus(const Corpus& corpus, const std::vector<std::uint32_t>& keep) {
  Corpus sub;
  sub.sites = corpus.sites;
  sub.towns = corpus.towns;
  sub.names = corpus.names;
  sub.entity_types = corpus.entity_types;
  sub.entity_values = corpus.entity_values;
  sub.indicators = corpus.indicators;
  sub.signature_length = corpus.signature_length;
  sub.signature_bands = corpus.signature_bands;
  sub.site_wide_indicators = corpus.site_wide_indicators;
  sub.site_chrome = corpus.site_chrome;
  sub.site_first_crawl = corpus.site_first_crawl;
  for (std::uint32_t i : keep) {
    sub.adverts.push_back(corpus.adverts[i]);
    const std::string_view id = corpus.Id(i);
    sub.advert_ids.values.insert(sub.advert_ids.values.end(), id.begin(), id.end());
    sub.advert_ids.Close();
    for (std::uint32_t e : corpus.Entities(i)) sub.advert_entities.values.push_back(e);
    sub.advert_entities.Close();
    for (std::uint16_t t : corpus.Towns(i)) sub.advert_towns.values.push_back(t);
    sub.advert_towns.Close();
    for (std::uint32_t k : corpus.Indicators(i)) sub.advert_indicators.values.push_back(k);
    sub.advert_indicators.Close();
    const std::uint16_t* signature = corpus.Signature(i);
    if (signature == nullptr) {
      sub.signature_slot.push_back(Corpus::kNoSignature);
    } else {
      sub.signature_slot.push_back(
          static_cast<std::uint32_t>(sub.signature_values.size() / sub.signature_length));
      sub.signature_values.insert(sub.signature_values.end(), signature,
                                  signature + sub.signature_length);
    }
  }
  return sub;
}

// Units: adverts tied by any source that can link (an entity on two or more
// adverts that no hygiene rule ignores, withheld or not; a template
// cluster; a postcode with the holders of every address at it).
std::vector<std::vector<std::uint32_t>> Units(const Corpus& corpus, const EntityHolders& holders,
                                              const LinkFacts& facts) {
  UnionFind uf(corpus.adverts.size());
  auto tie = [&](const std::vector<std::uint32_t>& members) {
    for (std::uint32_t m : members) uf.Union(members.front(), m);
  };
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (holders.Count(e) >= 2 && !facts.entity_ignored[e]) tie(holders.Of(e));
  }
  for (const auto& members : facts.templates) tie(members);
  for (const auto& [postcode, addresses] : facts.postcode_addresses) {
    if (facts.entity_ignored[postcode] || holders.Count(postcode) == 0) continue;
    std::vector<std::uint32_t> members = holders.Of(postcode);
    for (std::uint32_t a : addresses) {
      for (std::uint32_t m : holders.Of(a)) members.push_back(m);
    }
    tie(members);
  }
  std::map<size_t, std::vector<std::uint32_t>> by_root;
  for (std::uint32_t i = 0; i < corpus.adverts.size(); ++i) by_root[uf.Find(i)].push_back(i);
  std::vector<std::vector<std::uint32_t>> units;
  for (auto& [root, members] : by_root) units.push_back(std::move(members));
  return units;
}

// Each group of two or more adverts (by id) with its scored lead, encoded.
std::map<std::vector<std::string>, std::string> ScoredGroups(const Corpus& corpus,
                                                             const LinkGraph& graph,
                                                             const LeadSettings& settings) {
  std::vector<std::vector<std::uint32_t>> members(graph.groups);
  for (std::uint32_t i = 0; i < graph.group.size(); ++i) members[graph.group[i]].push_back(i);
  const auto links = LinksByGroup(graph);
  std::map<std::vector<std::string>, std::string> out;
  for (size_t k = 0; k < graph.groups; ++k) {
    if (members[k].size() < 2) continue;
    std::vector<std::string> ids;
    for (std::uint32_t i : members[k]) ids.emplace_back(corpus.Id(i));
    out[ids] = EncodeLead(ScoreGroup(corpus, graph, members[k], links[k], settings).lead);
  }
  return out;
}

void CheckWholeUnitsAlone(Store& store, LeadSettings settings, bool tight, size_t min_groups) {
  if (tight) {
    settings.max_lead_adverts = 4;
    settings.hub_max_adverts = 6;
  }
  INFO((tight ? "tight cap" : "shipped settings"));

  CorpusOptions options;
  options.common_share = settings.template_common_share;
  options.common_min_writers = settings.template_common_min_writers;
  options.site_wide_share = settings.boilerplate_share;
  options.site_wide_min_adverts = settings.boilerplate_min_adverts;
  auto loaded = LoadCorpus(store, options);
  REQUIRE(loaded.ok());
  const Corpus& corpus = *loaded;
  const EntityHolders holders = IndexHolders(corpus);
  const LinkFacts facts = ComputeLinkFacts(corpus, holders, settings);
  const LinkGraph full = BuildLinkGraph(corpus, facts, settings);
  const auto full_groups = ScoredGroups(corpus, full, settings);
  REQUIRE(full_groups.size() >= min_groups);
  if (tight) CHECK(full.withheld > 0);
  CHECK(!facts.templates.empty());

  // Every other unit (with company or alone), grouped alone; then the
  // others. Each group of the full run lies in one unit, so between them
  // the two halves check every group.
  const auto units = Units(corpus, holders, facts);
  for (size_t half = 0; half < 2; ++half) {
    INFO("half " << half);
    std::vector<bool> kept(corpus.adverts.size(), false);
    for (size_t u = half; u < units.size(); u += 2) {
      for (std::uint32_t i : units[u]) kept[i] = true;
    }
    std::vector<std::uint32_t> keep;
    std::vector<long> sub_index(corpus.adverts.size(), -1);
    for (std::uint32_t i = 0; i < kept.size(); ++i) {
      if (!kept[i]) continue;
      sub_index[i] = static_cast<long>(keep.size());
      keep.push_back(i);
    }
    const Corpus sub = SubCorpus(corpus, keep);
    LinkFacts sub_facts = facts;
    sub_facts.templates.clear();
    for (const auto& cluster : facts.templates) {
      std::vector<std::uint32_t> inside;
      for (std::uint32_t i : cluster) {
        if (sub_index[i] >= 0) inside.push_back(static_cast<std::uint32_t>(sub_index[i]));
      }
      // A unit holds its templates whole.
      REQUIRE((inside.empty() || inside.size() == cluster.size()));
      if (!inside.empty()) sub_facts.templates.push_back(std::move(inside));
    }
    const LinkGraph grouped_alone = BuildLinkGraph(sub, std::move(sub_facts), settings);
    const auto alone = ScoredGroups(sub, grouped_alone, settings);
    std::map<std::vector<std::string>, std::string> expected;
    for (const auto& [ids, lead] : full_groups) {
      if (kept[static_cast<size_t>(corpus.Find(ids.front()))]) expected[ids] = lead;
    }
    CHECK(alone.size() == expected.size());
    CHECK(alone == expected);
  }
}

// A phone on 12 adverts with a cap of 10 would make a group past the cap
// whatever else links, so the facts make it a hub by its own count (it
// then ties no unit together), with the line grouping used to write.
TEST_CASE("LinkFacts_AContactOnMoreAdvertsThanTheCapIsAHubByItsOwnCount") {
  testing::TempStore t;
  for (int i = 0; i < 12; ++i) {
    testing::Ad ad;
    ad.url = "http://example.org/over-cap/" + std::to_string(i);
    ad.site = i % 2 == 0 ? "site-a" : "site-b";
    ad.phones = {"+447700900321", "+4477009004" + std::to_string(10 + i / 2)};
    t.Put(ad);
  }
  for (int i = 0; i < 30; ++i) {  // so the phone is on neither site's most adverts
    testing::Ad ad;
    ad.url = "http://example.org/others/" + std::to_string(i);
    ad.site = i % 2 == 0 ? "site-a" : "site-b";
    ad.phones = {"+4477009005" + std::to_string(10 + i)};
    t.Put(ad);
  }
  LeadSettings settings;
  settings.max_lead_adverts = 10;
  auto corpus = LoadCorpus(*t.store, CorpusOptions{});
  REQUIRE(corpus.ok());
  const EntityHolders holders = IndexHolders(*corpus);
  const LinkFacts facts = ComputeLinkFacts(*corpus, holders, settings);
  CHECK(facts.over_cap == 1);
  REQUIRE(facts.hubs.size() == 1);
  CHECK(facts.hubs[0] == "phone +447700900321: on 12 adverts, over max_lead_adverts 10");
  const LinkGraph graph = BuildLinkGraph(*corpus, facts, settings);
  CHECK(graph.withheld == 1);
  CHECK(graph.groups == 6 + 30);  // the pairs on their second phones, and the others
  // At the cap it still links.
  settings.max_lead_adverts = 12;
  CHECK(ComputeLinkFacts(*corpus, holders, settings).over_cap == 0);
  CHECK(BuildLinkGraph(*corpus, settings).groups == 1 + 30);
}

// The shipped settings, and a tight cap that withholds links and makes
// hubs of contacts on a handful of adverts.
TEST_CASE("LinkFacts_WholeUnitsGroupedAloneWithTheStoresFactsScoreAsInTheFullCorpus") {
  const bool tight = GENERATE(false, true);
  SECTION("the farm crawled") {
    testing::CrawledFarm f;
    CheckWholeUnitsAlone(*f.store, f.config.leads, tight, 3);
  }
  SECTION("varied adverts") {
    testing::TempStore t;
    testing::PutVariedAdverts(t);
    CheckWholeUnitsAlone(*t.store, LeadSettings{}, tight, 40);
    // The switchboard is a hub and site-d's footer its own at either cap.
    auto loaded = LoadCorpus(*t.store, CorpusOptions{});
    REQUIRE(loaded.ok());
    const LinkFacts facts = ComputeLinkFacts(*loaded, IndexHolders(*loaded), LeadSettings{});
    CHECK(!facts.consecutive.empty());
    CHECK(!facts.postcode_addresses.empty());
    REQUIRE(facts.hubs.size() == 1);
    CHECK(facts.hubs[0].find("+442079460500") != std::string::npos);
    REQUIRE(facts.boilerplate.size() == 1);
    CHECK(facts.boilerplate[0].find("+442079460999") != std::string::npos);
  }
}

}  // namespace
}  // namespace plainsight
