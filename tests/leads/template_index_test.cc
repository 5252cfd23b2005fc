// Template clusters and the kept template index (template_clusters.h,
// template_index.h): the tie rule of one bucket, clusters that do not depend
// on the order bands are visited, and an index updated through random
// inserts, deletes and re-signings that holds what a full banding gives.
#include "leads/template_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "leads/template_clusters.h"
#include "store/meta_keys.h"
#include "temp_store.h"

namespace plainsight {
namespace {

using Pair = std::pair<size_t, size_t>;

struct TieCase {
  const char* rule;
  size_t count;
  std::set<Pair> similar;
  std::set<Pair> connected;
  std::vector<Pair> ties;
};

TEST_CASE("TieBucket_EachMemberTiesToTheFirstElseToTheOneBefore") {
  const std::vector<TieCase> cases = {
      {"members like the first tie to it", 3, {{0, 1}, {0, 2}}, {}, {{0, 1}, {0, 2}}},
      {"unlike the first, like the one before", 3, {{1, 2}}, {}, {{1, 2}}},
      {"like both: the first wins", 3, {{0, 2}, {1, 2}}, {}, {{0, 2}}},
      {"a chain", 3, {{0, 1}, {1, 2}}, {}, {{0, 1}, {1, 2}}},
      {"like only one further back: no tie", 4, {{1, 3}}, {}, {}},
      {"no one alike", 4, {}, {}, {}},
      {"connected to the first alone still ties to the one before",
       3,
       {{1, 2}},
       {{0, 2}},
       {{1, 2}}},
      {"connected to both: nothing to add", 3, {{0, 2}, {1, 2}}, {{0, 2}, {1, 2}}, {}},
  };
  for (const TieCase& c : cases) {
    INFO(c.rule);
    std::vector<Pair> ties;
    TieBucket(
        c.count,
        [&](size_t a, size_t b) {
          return c.connected.count({a, b}) != 0;
        },
        [&](size_t a, size_t b) {
          return c.similar.count({a, b}) != 0;
        },
        [&](size_t a, size_t b) { ties.emplace_back(a, b); });
    CHECK(ties == c.ties);
  }
}

constexpr size_t kLength = 126;
constexpr size_t kBands = 42;

TemplateBanding Banding() {
  TemplateBanding banding;
  banding.signature_length = kLength;
  banding.bands = kBands;
  banding.threshold = 0.3;
  return banding;
}

// Signatures with structure for the rule to work on: families of copies
// (each value of the family's text replaced at a rate of its own, so some
// copies pass the threshold with the first and not with their neighbour,
// and the other way about), chains that drift from copy to copy, and
// adverts over a small alphabet that crowd buckets with members alike in
// one band and unlike overall.
class SignatureMaker {
 public:
  explicit SignatureMaker(std::uint64_t seed) : rng_(seed) {}

  std::vector<std::uint16_t> Random(unsigned alphabet) {
    std::vector<std::uint16_t> v(kLength);
    for (auto& x : v) x = static_cast<std::uint16_t>(Below(alphabet));
    return v;
  }
  std::vector<std::uint16_t> Copy(const std::vector<std::uint16_t>& of, double change,
                                  unsigned alphabet) {
    std::vector<std::uint16_t> v = of;
    for (auto& x : v) {
      if (std::uniform_real_distribution<double>(0, 1)(rng_) < change) {
        x = static_cast<std::uint16_t>(Below(alphabet));
      }
    }
    return v;
  }
  // One new signature: a copy of a family's text or of a chain's last, or
  // one of no family.
  std::vector<std::uint16_t> Next() {
    const unsigned roll = Below(10);
    if (roll < 2 || families_.empty()) {
      const unsigned alphabet = Below(2) == 0 ? 6u : 65536u;
      families_.push_back({Random(alphabet), alphabet});
      return families_.back().text;
    }
    Family& f = families_[Below(static_cast<unsigned>(families_.size()))];
    if (roll < 6) return Copy(f.text, 0.35 + 0.4 * Below(100) / 100.0, f.alphabet);
    if (roll < 8) {
      f.text = Copy(f.text, 0.5, f.alphabet);  // drift: a chain
      return f.text;
    }
    return Random(6);
  }
  unsigned Below(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(rng_); }
  std::string Id() {
    char id[24];
    std::snprintf(id, sizeof id, "A-%016llx", static_cast<unsigned long long>(rng_()));
    return id;
  }

 private:
  struct Family {
    std::vector<std::uint16_t> text;
    unsigned alphabet;
  };
  std::mt19937_64 rng_;
  std::vector<Family> families_;
};

using Signatures = std::map<std::string, std::vector<std::uint16_t>>;  // id order

std::vector<std::vector<std::string>> FullClusters(const Signatures& now,
                                                   const TemplateBanding& banding) {
  std::vector<std::string> ids;
  std::vector<const std::uint16_t*> values;
  for (const auto& [id, v] : now) {
    ids.push_back(id);
    values.push_back(v.empty() ? nullptr : v.data());
  }
  std::vector<std::vector<std::string>> clusters;
  for (const auto& cluster : FindTemplateClusters(values, banding)) {
    clusters.emplace_back();
    for (std::uint32_t i : cluster) clusters.back().push_back(ids[i]);
  }
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

std::vector<TemplateSignature> AsList(const Signatures& now) {
  std::vector<TemplateSignature> list;
  for (const auto& [id, v] : now) list.push_back({id, v});
  return list;
}

// Four adverts F < P < M and X, at a threshold of 0.1 (13 equal values of
// 126): F and X alike (band 0, and 10 more values, two of each of five
// bands, so no other band is whole), X and M alike (band 1 and 10 more),
// P and M alike (band 2 and 10 more), and F, P and M sharing band 2 alone.
// Visiting band 2 last, M is already connected to F (through X) when band
// 2 would tie it to P; the rule that skipped a member connected to the
// first left P out then, and took it in when band 2 came first.
TEST_CASE("TemplateClusters_AMemberConnectedToTheFirstStillTiesToTheOneBefore") {
  std::vector<std::vector<std::uint16_t>> v(4, std::vector<std::uint16_t>(kLength));
  constexpr size_t F = 0, P = 1, M = 2, X = 3;
  for (size_t a = 0; a < 4; ++a) {
    for (size_t i = 0; i < kLength; ++i) v[a][i] = static_cast<std::uint16_t>(1000 * (a + 1) + i);
  }
  auto share_band = [&](size_t a, size_t b, size_t band) {
    std::copy_n(v[a].begin() + static_cast<long>(3 * band), 3,
                v[b].begin() + static_cast<long>(3 * band));
  };
  auto share_ten_more = [&](size_t a, size_t b, size_t first_band) {
    for (size_t band = first_band; band < first_band + 5; ++band) {
      v[b][3 * band] = v[a][3 * band];
      v[b][3 * band + 1] = v[a][3 * band + 1];
    }
  };
  share_band(F, X, 0);
  share_ten_more(F, X, 3);
  share_band(X, M, 1);
  share_ten_more(X, M, 8);
  share_band(F, P, 2);
  share_band(F, M, 2);
  share_ten_more(P, M, 13);
  TemplateBanding banding = Banding();
  banding.threshold = 0.1;
  for (bool band_two_first : {false, true}) {
    INFO("band 2 visited " << (band_two_first ? "first" : "last"));
    std::vector<std::vector<std::uint16_t>> s = v;
    if (band_two_first) {  // swap bands 0 and 2
      for (auto& x : s) std::swap_ranges(x.begin(), x.begin() + 3, x.begin() + 6);
    }
    const std::vector<const std::uint16_t*> values = {s[F].data(), s[P].data(), s[M].data(),
                                                      s[X].data()};
    CHECK(FindTemplateClusters(values, banding) ==
          std::vector<std::vector<std::uint32_t>>{{0, 1, 2, 3}});
  }
}

TEST_CASE("TemplateClusters_DoNotDependOnTheOrderBandsAreVisited") {
  SignatureMaker make(7);
  std::vector<std::vector<std::uint16_t>> forward;
  for (int i = 0; i < 600; ++i) forward.push_back(make.Next());
  // The same signatures with their bands in reverse order: every bucket is
  // the same, visited in another order.
  std::vector<std::vector<std::uint16_t>> reversed;
  const size_t rows = kLength / kBands;
  for (const auto& v : forward) {
    std::vector<std::uint16_t> r(kLength);
    for (size_t band = 0; band < kBands; ++band) {
      std::copy_n(v.begin() + static_cast<long>(band * rows), rows,
                  r.begin() + static_cast<long>((kBands - 1 - band) * rows));
    }
    reversed.push_back(std::move(r));
  }
  std::vector<const std::uint16_t*> a, b;
  for (size_t i = 0; i < forward.size(); ++i) {
    a.push_back(forward[i].data());
    b.push_back(reversed[i].data());
  }
  const auto clusters = FindTemplateClusters(a, Banding());
  CHECK(clusters.size() > 20);
  CHECK(clusters == FindTemplateClusters(b, Banding()));
}

TEST_CASE("TemplateIndex_AfterRandomInsertsDeletesAndResigningsHoldsTheClustersOfAFullBanding") {
  testing::TempStore temp;
  Store& store = *temp.store;
  const TemplateBanding banding = Banding();
  SignatureMaker make(GENERATE(1u, 2u, 3u));
  Signatures now;
  for (int i = 0; i < 400; ++i) now[make.Id()] = make.Next();
  REQUIRE(WriteTemplateIndex(store, AsList(now), banding).ok());
  auto written = ReadTemplateClusters(store);
  REQUIRE(written.ok());
  REQUIRE(*written == FullClusters(now, banding));
  REQUIRE(written->size() > 20);

  size_t removed = 0, added = 0, bridged = 0, retied = 0;
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    Signatures changes;
    for (int k = 0; k < 30; ++k) changes[make.Id()] = make.Next();  // new adverts
    std::vector<std::string> ids;
    for (const auto& [id, v] : now) ids.push_back(id);
    for (int k = 0; k < 30; ++k) {
      const std::string& id = ids[make.Below(static_cast<unsigned>(ids.size()))];
      switch (make.Below(3)) {
        case 0:
          changes[id] = {};
          break;  // deleted, or too short a text now
        case 1:
          changes[id] = make.Next();
          break;  // rewritten
        default:
          changes[id] = now[id];
          break;  // touched, text unchanged
      }
    }
    std::vector<TemplateSignature> list;
    for (const auto& [id, v] : changes) {
      list.push_back({id, v});
      if (v.empty()) {
        now.erase(id);
      } else {
        now[id] = v;
      }
    }
    auto update = UpdateTemplateIndex(store, list, banding);
    REQUIRE(update.ok());
    removed += update->removed.size();
    added += update->added.size();
    bridged += update->ties_bridged;
    retied += update->clusters_retied;
    auto clusters = ReadTemplateClusters(store);
    REQUIRE(clusters.ok());
    CHECK(*clusters == FullClusters(now, banding));
  }
  // The rounds did break clusters up and make new ones, through both
  // paths: lost ties the touched buckets bridged, and clusters re-tied.
  CHECK(removed > 5);
  CHECK(added > 5);
  CHECK(retied > 0);
  CHECK(bridged > 0);
  // And the index left is the one a fresh write makes.
  testing::TempStore fresh;
  REQUIRE(WriteTemplateIndex(*fresh.store, AsList(now), banding).ok());
  std::map<std::string, std::string> mine, theirs;
  for (const char* prefix : {meta_keys::kTemplateSignature, meta_keys::kTemplateBucket,
                             meta_keys::kTemplateClusterOf, meta_keys::kTemplateCluster}) {
    REQUIRE(store
                .ForEachMeta(prefix,
                             [&](const std::string& k, const std::string& v) {
                               mine[k] = v;
                               return true;
                             })
                .ok());
    REQUIRE(fresh.store
                ->ForEachMeta(prefix,
                              [&](const std::string& k, const std::string& v) {
                                theirs[k] = v;
                                return true;
                              })
                .ok());
  }
  CHECK(mine.size() == theirs.size());
  CHECK(mine == theirs);
}

TEST_CASE("TemplateIndex_AnUnchangedSignatureRetiesNothing") {
  testing::TempStore temp;
  SignatureMaker make(5);
  Signatures now;
  for (int i = 0; i < 50; ++i) now[make.Id()] = make.Next();
  REQUIRE(WriteTemplateIndex(*temp.store, AsList(now), Banding()).ok());
  auto update = UpdateTemplateIndex(*temp.store, AsList(now), Banding());
  REQUIRE(update.ok());
  CHECK(update->adverts_retied == 0);
  CHECK(update->buckets_read == 0);
  CHECK(update->removed.empty());
  CHECK(update->added.empty());
}

// A and X share band 0 and little else; X is copied by Y. A is re-signed
// to agree with X on two values of each of 19 more bands (no other band
// whole), keeping band 0: A now ties to X in a bucket nothing entered or
// left, so X (and Y with it) is reached only through that tie.
TEST_CASE("TemplateIndex_AReSignedAdvertTiesToOneOutsideTheSetInABucketItStaysIn") {
  testing::TempStore temp;
  std::vector<std::uint16_t> a(kLength), x(kLength), y(kLength);
  for (size_t i = 0; i < kLength; ++i) {
    a[i] = static_cast<std::uint16_t>(1000 + i);
    x[i] = static_cast<std::uint16_t>(2000 + i);
  }
  std::copy_n(x.begin(), 3, a.begin());  // band 0
  y = x;
  for (size_t i = 60; i < kLength; ++i) y[i] = static_cast<std::uint16_t>(3000 + i);
  Signatures now = {{"A-1", a}, {"A-2", x}, {"A-3", y}};
  REQUIRE(WriteTemplateIndex(*temp.store, AsList(now), Banding()).ok());
  REQUIRE(*ReadTemplateClusters(*temp.store) ==
          std::vector<std::vector<std::string>>{{"A-2", "A-3"}});
  for (size_t band = 1; band < 20; ++band) {
    a[3 * band] = x[3 * band];
    a[3 * band + 1] = x[3 * band + 1];
  }
  now["A-1"] = a;
  auto update = UpdateTemplateIndex(*temp.store, {{"A-1", a}}, Banding());
  REQUIRE(update.ok());
  // Y lost its tie to X (X now ties to A, the bucket's first), but A joins
  // them: nothing needed tying again.
  CHECK(update->ties_lost == 1);
  CHECK(update->ties_bridged == 1);
  CHECK(update->clusters_retied == 0);
  CHECK(update->adverts_retied == 0);
  auto clusters = ReadTemplateClusters(*temp.store);
  REQUIRE(clusters.ok());
  CHECK(*clusters == FullClusters(now, Banding()));
  CHECK(*clusters == std::vector<std::vector<std::string>>{{"A-1", "A-2", "A-3"}});
}

// A chain P - Q - R: Q ties to P in band 0's bucket and R ties to Q in
// band 1's. Q re-signed to share neither bucket's values loses both ties;
// nothing the touched buckets tie joins P and R, so the cluster is tied
// again whole and falls apart. Deleting Q from a pair P - Q leaves P
// alone without that: Q's one neighbour needs no joining.
TEST_CASE("TemplateIndex_ALostTieNothingBridgesRetiesItsClusterWhole") {
  testing::TempStore temp;
  std::vector<std::uint16_t> p(kLength), q(kLength), r(kLength);
  for (size_t i = 0; i < kLength; ++i) {
    p[i] = static_cast<std::uint16_t>(1000 + i);
    q[i] = static_cast<std::uint16_t>(2000 + i);
    r[i] = static_cast<std::uint16_t>(3000 + i);
  }
  // Q agrees with P on bands 0-19 (60 values) and with R on bands 20-39.
  std::copy_n(p.begin(), 60, q.begin());
  std::copy_n(r.begin() + 60, 60, q.begin() + 60);
  Signatures now = {{"C-1", p}, {"C-2", q}, {"C-3", r}};
  REQUIRE(WriteTemplateIndex(*temp.store, AsList(now), Banding()).ok());
  REQUIRE(*ReadTemplateClusters(*temp.store) ==
          std::vector<std::vector<std::string>>{{"C-1", "C-2", "C-3"}});

  for (size_t i = 0; i < kLength; ++i) q[i] = static_cast<std::uint16_t>(4000 + i);
  now["C-2"] = q;
  auto update = UpdateTemplateIndex(*temp.store, {{"C-2", q}}, Banding());
  REQUIRE(update.ok());
  CHECK(update->ties_lost == 2);
  CHECK(update->clusters_retied == 1);
  CHECK(update->adverts_retied == 3);
  CHECK(update->removed == std::vector<std::vector<std::string>>{{"C-1", "C-2", "C-3"}});
  CHECK(update->added.empty());
  auto clusters = ReadTemplateClusters(*temp.store);
  REQUIRE(clusters.ok());
  CHECK(clusters->empty());

  // A pair, one of them deleted.
  now["C-2"] = p;
  REQUIRE(UpdateTemplateIndex(*temp.store, {{"C-2", p}}, Banding()).ok());
  REQUIRE(*ReadTemplateClusters(*temp.store) ==
          std::vector<std::vector<std::string>>{{"C-1", "C-2"}});
  update = UpdateTemplateIndex(*temp.store, {{"C-2", {}}}, Banding());
  REQUIRE(update.ok());
  CHECK(update->ties_lost == 1);
  CHECK(update->clusters_retied == 0);
  CHECK(update->removed == std::vector<std::vector<std::string>>{{"C-1", "C-2"}});
  clusters = ReadTemplateClusters(*temp.store);
  REQUIRE(clusters.ok());
  CHECK(clusters->empty());
}

TEST_CASE("TemplateIndex_RepeatedIdsAndValuesOfAnotherLengthAreRefused") {
  testing::TempStore temp;
  SignatureMaker make(11);
  Signatures now;
  for (int i = 0; i < 20; ++i) now[make.Id()] = make.Next();
  std::vector<TemplateSignature> list = AsList(now);
  list.push_back(list.front());
  CHECK(WriteTemplateIndex(*temp.store, list, Banding()).IsInvalidArgument());
  list.pop_back();
  REQUIRE(WriteTemplateIndex(*temp.store, list, Banding()).ok());
  const std::string id = list.front().id;
  CHECK(UpdateTemplateIndex(*temp.store, {{id, {}}, {id, make.Next()}}, Banding())
            .status()
            .IsInvalidArgument());
  std::vector<std::uint16_t> short_values = make.Next();
  short_values.pop_back();
  CHECK(UpdateTemplateIndex(*temp.store, {{id, short_values}}, Banding())
            .status()
            .IsInvalidArgument());
  // Nothing was applied: the index is as written.
  auto clusters = ReadTemplateClusters(*temp.store);
  REQUIRE(clusters.ok());
  CHECK(*clusters == FullClusters(now, Banding()));
  // A stored signature cut short is reported, not read past its end.
  REQUIRE(temp.store->PutMeta(meta_keys::kTemplateSignature + id, "\x01\x02").ok());
  CHECK(UpdateTemplateIndex(*temp.store, {{id, make.Next()}}, Banding()).status().code() ==
        Status::Code::kCorruption);
}

TEST_CASE("TemplateIndex_AnIndexOfAnotherBandingOrNeverFinishedIsRefused") {
  testing::TempStore temp;
  SignatureMaker make(9);
  Signatures now;
  for (int i = 0; i < 20; ++i) now[make.Id()] = make.Next();
  const std::vector<TemplateSignature> one = {{make.Id(), make.Next()}};
  SECTION("none written") {
    CHECK(UpdateTemplateIndex(*temp.store, one, Banding()).status().IsNotFound());
  }
  SECTION("another banding") {
    REQUIRE(WriteTemplateIndex(*temp.store, AsList(now), Banding()).ok());
    TemplateBanding other = Banding();
    other.bands = 21;
    CHECK(UpdateTemplateIndex(*temp.store, one, other).status().IsNotFound());
    other = Banding();
    other.threshold = 0.4;
    CHECK(UpdateTemplateIndex(*temp.store, one, other).status().IsNotFound());
  }
  SECTION("a write cut short") {
    REQUIRE(WriteTemplateIndex(*temp.store, AsList(now), Banding()).ok());
    REQUIRE(temp.store->PutMeta(meta_keys::kTemplateIndexState, "building").ok());
    CHECK(UpdateTemplateIndex(*temp.store, one, Banding()).status().IsNotFound());
  }
}

}  // namespace
}  // namespace plainsight
