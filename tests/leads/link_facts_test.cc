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

// Writes a store with every structure the facts decide about: groups on
// one phone, copied texts with a phone each, agencies at one address with
// adverts giving only its postcode, a switchboard phone on 60 adverts over
// four sites (a hub), a footer phone on every advert of one site
// (boilerplate), consecutive phones, and chains of shared phones long
// enough for a small cap to withhold links.
void PutVariedAdverts(testing::TempStore& t) {
  static const char* const kWords[] = {
      "garden", "window", "kitchen", "river",  "market", "bridge", "meadow", "harbour",
      "orchard", "chapel", "silver", "copper", "lantern", "valley", "summit", "forest",
      "pebble", "canvas", "marble", "willow", "thistle", "amber", "cobalt", "saffron"};
  static const char* const kSites[] = {"site-a", "site-b", "site-c", "site-d"};
  static const char* const kTowns[] = {"Northampton", "Leeds", "Derby", "Luton"};
  std::uint64_t state = 12345;
  auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  auto words = [&](int n) {
    std::string text;
    for (int w = 0; w < n; ++w) text += std::string(kWords[next(24)]) + (w % 9 == 8 ? ". " : " ");
    return text;
  };
  int url = 0, phone = 100;
  bool consecutive_given = false;
  auto ad = [&](size_t site) {
    testing::Ad a;
    a.url = "http://example.org/varied/" + std::to_string(url++);
    a.site = kSites[site % 4];
    a.kind = site % 2 == 0 ? "adult" : "jobs";
    a.town = kTowns[next(4)];
    a.title = "Advert " + std::to_string(url);
    return a;
  };
  auto unique_phone = [&] { return "+447700900" + std::to_string(phone++); };
  for (int group = 0; group < 120; ++group) {
    const size_t shape = next(6);
    const size_t size = 2 + next(5);
    const std::string group_phone = unique_phone();
    const std::string copied = words(40);
    std::string chain_phone = unique_phone();
    // 01632 960100 and 960101 alone in their thousand-number block (07700
    // 900xxx, every other phone here, is crowded: no pairs there).
    const bool consecutive = shape == 4 && !consecutive_given;
    consecutive_given = consecutive_given || consecutive;
    for (size_t k = 0; k < size; ++k) {
      testing::Ad a = ad(next(4));
      a.text = words(30);
      switch (shape) {
        case 0:  // one phone
          a.phones = {group_phone};
          break;
        case 1:  // one text, a phone each
          a.phones = {unique_phone()};
          a.text = "Hello from " + a.town + ". " + copied;
          break;
        case 2:  // an agency: its address, or only its postcode
          a.phones = {unique_phone()};
          a.postcodes = {"NN1 " + std::to_string(group % 10) + "AB"};
          if (k % 2 == 0) a.addresses = {std::to_string(group) + " MILL ROAD"};
          a.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address",
                                  2.0, "Accommodation provided"});
          break;
        case 3:  // a chain: each advert shares a phone with the next
          a.phones = {chain_phone, unique_phone()};
          chain_phone = a.phones[1];
          break;
        case 4:  // one e-mail; the first such group also on consecutive numbers
          a.phones = {consecutive ? "+44163296010" + std::to_string(k % 2) : unique_phone()};
          a.emails = {"group" + std::to_string(group) + "@example.org"};
          break;
        default:  // lone adverts
          a.phones = {unique_phone()};
          break;
      }
      if (next(20) == 0) {
        a.indicators.push_back({"adult.turnover", "turnover", 1.0, "New girls every week"});
      }
      if (a.site == std::string("site-d")) a.phones.push_back("+442079460999");  // its footer
      if (next(5) == 0) a.phones.push_back("+442079460500");  // a switchboard
      t.Put(a);
    }
  }
  REQUIRE(phone <= 999);  // still in Ofcom's drama range
}

void CheckWholeUnitsAlone(Store& store, LeadSettings settings, bool tight,
                          size_t min_groups) {
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
  // others. Each group of the full run lies in one unit, so the two halves
  // give every group once between them.
  const auto units = Units(corpus, holders, facts);
  size_t checked = 0;
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
    checked += expected.size();
  }
  CHECK(checked == full_groups.size());
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
    PutVariedAdverts(t);
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
