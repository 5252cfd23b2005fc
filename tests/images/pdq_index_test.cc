// PdqIndex: the multi-index answer is the linear scan's answer. Each rule
// is checked against a brute-force scan written here with HammingDistance.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "images/pdq_hash.h"
#include "images/pdq_index.h"

namespace {

using plainsight::images::HammingDistance;
using plainsight::images::PdqHash;
using plainsight::images::PdqIndex;
using Match = PdqIndex::Match;

struct Entry {
  PdqHash hash;
  std::uint64_t payload;
};

PdqHash RandomHash(std::mt19937_64& rng) {
  PdqHash h;
  for (auto& w : h.words) w = static_cast<std::uint16_t>(rng());
  return h;
}

PdqHash FlipBit(PdqHash h, int bit) {
  const auto word = static_cast<std::size_t>(bit / 16);
  h.words[word] = static_cast<std::uint16_t>(h.words[word] ^ (1u << (bit % 16)));
  return h;
}

// h with `distance` distinct bits flipped, chosen at random over all 256.
PdqHash AtDistance(const PdqHash& h, int distance, std::mt19937_64& rng) {
  std::vector<int> bits(256);
  std::iota(bits.begin(), bits.end(), 0);
  std::shuffle(bits.begin(), bits.end(), rng);
  PdqHash out = h;
  for (int i = 0; i < distance; ++i) out = FlipBit(out, bits[static_cast<std::size_t>(i)]);
  return out;
}

// h with flips[w] distinct bits flipped in word w.
PdqHash SpreadFlips(const PdqHash& h, const std::vector<int>& flips, std::mt19937_64& rng) {
  PdqHash out = h;
  for (std::size_t w = 0; w < 16; ++w) {
    std::vector<int> bits(16);
    std::iota(bits.begin(), bits.end(), 0);
    std::shuffle(bits.begin(), bits.end(), rng);
    for (int i = 0; i < flips[w]; ++i) {
      out = FlipBit(out, static_cast<int>(w) * 16 + bits[static_cast<std::size_t>(i)]);
    }
  }
  return out;
}

bool ByDistance(const Match& a, const Match& b) {
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.payload != b.payload) return a.payload < b.payload;
  return a.hash < b.hash;
}

std::vector<Match> BruteForce(const std::vector<Entry>& entries, const PdqHash& query, int r) {
  std::vector<Match> out;
  for (const Entry& e : entries) {
    const int d = HammingDistance(e.hash, query);
    if (d <= r) out.push_back(Match{e.payload, d, e.hash});
  }
  std::sort(out.begin(), out.end(), ByDistance);
  return out;
}

void AddAll(PdqIndex& index, const std::vector<Entry>& entries) {
  for (const Entry& e : entries) index.Add(e.hash, e.payload);
}

bool HasPayload(const std::vector<Match>& matches, std::uint64_t payload) {
  return std::any_of(matches.begin(), matches.end(),
                     [&](const Match& m) { return m.payload == payload; });
}

// The index must agree with the brute-force scan, and (with the tables in
// use) must not have fallen back to scanning.
void CheckExact(const PdqIndex& index, const std::vector<Entry>& entries, const PdqHash& query,
                int r, bool expect_tables) {
  PdqIndex::QueryStats stats;
  const std::vector<Match> got = index.Query(query, r, &stats);
  const std::vector<Match> want = BruteForce(entries, query, r);
  CAPTURE(r, got.size(), want.size(), stats.candidates, stats.linear);
  CHECK(got == want);
  if (expect_tables) CHECK_FALSE(stats.linear);
}

}  // namespace

TEST_CASE("PdqIndex finds every planted neighbour within r and none beyond",
          "[images][pdq_index]") {
  std::mt19937_64 rng(1);
  std::vector<Entry> entries;
  for (std::uint64_t i = 0; i < 4000; ++i) entries.push_back({RandomHash(rng), i});

  const int plant_distances[] = {0, 1, 15, 16, 31, 32, 40};
  struct Planted {
    PdqHash query;
    std::vector<std::pair<std::uint64_t, int>> payload_distance;
  };
  std::vector<Planted> planted;
  std::uint64_t next_payload = 100000;
  for (int q = 0; q < 30; ++q) {
    Planted p{RandomHash(rng), {}};
    for (int d : plant_distances) {
      for (int copy = 0; copy < 2; ++copy) {
        entries.push_back({AtDistance(p.query, d, rng), next_payload});
        p.payload_distance.emplace_back(next_payload++, d);
      }
    }
    planted.push_back(p);
  }
  std::shuffle(entries.begin(), entries.end(), rng);
  PdqIndex index;
  AddAll(index, entries);
  index.Freeze();
  REQUIRE(index.size() == entries.size());
  REQUIRE(index.pending() == 0);

  const int radii[] = {0, 1, 15, 16, 30, 31, 32, 40, 47};
  for (const Planted& p : planted) {
    for (int r : radii) {
      CheckExact(index, entries, p.query, r, /*expect_tables=*/true);
      const std::vector<Match> got = index.Query(p.query, r);
      for (const auto& [payload, d] : p.payload_distance) {
        CAPTURE(r, d);
        CHECK(HasPayload(got, payload) == (d <= r));
      }
    }
    // Beyond the tables' reach the scan answers, still exactly.
    CheckExact(index, entries, p.query, 48, /*expect_tables=*/false);
    CheckExact(index, entries, p.query, 64, /*expect_tables=*/false);
  }
}

TEST_CASE("PdqIndex pigeonhole edges: flips spread over every word", "[images][pdq_index]") {
  struct Row {
    const char* rule;
    std::vector<int> flips;  // per word, rotated so the odd word sits everywhere
    int r;
    bool found;
  };
  auto all = [](int n) { return std::vector<int>(16, n); };
  auto one_at = [](int first, int rest) {
    std::vector<int> f(16, rest);
    f[0] = first;
    return f;
  };
  const Row rows[] = {
      {"every word at 2 bits is 32 and not within 31", all(2), 31, false},
      {"every word at 2 bits is found at r 32", all(2), 32, true},
      {"one word at 1 and the rest at 2 is 31 and found", one_at(1, 2), 31, true},
      {"one word at 0 and the rest at 2 is 30 and found", one_at(0, 2), 30, true},
      {"one word at 0 and the rest at 1 is 15 and found by exact probes", one_at(0, 1), 15, true},
      {"every word at 1 bit is 16 and not within 15", all(1), 15, false},
      {"every word at 1 bit is found at r 16", all(1), 16, true},
      {"one word at 2 and the rest at 3 is 47 and found", one_at(2, 3), 47, true},
  };
  std::mt19937_64 rng(2);
  for (const Row& row : rows) {
    CAPTURE(row.rule);
    for (std::size_t rotate = 0; rotate < 16; ++rotate) {
      std::vector<int> flips = row.flips;
      std::rotate(flips.begin(), flips.begin() + static_cast<std::ptrdiff_t>(rotate), flips.end());
      std::vector<Entry> entries;
      for (std::uint64_t i = 0; i < 2000; ++i) entries.push_back({RandomHash(rng), i});
      const PdqHash query = RandomHash(rng);
      const PdqHash neighbour = SpreadFlips(query, flips, rng);
      entries.push_back({neighbour, 7777});
      PdqIndex index;
      AddAll(index, entries);
      index.Freeze();
      PdqIndex::QueryStats stats;
      const std::vector<Match> got = index.Query(query, row.r, &stats);
      CAPTURE(rotate, HammingDistance(query, neighbour));
      CHECK_FALSE(stats.linear);
      CHECK(HasPayload(got, 7777) == row.found);
      CHECK(got == BruteForce(entries, query, row.r));
    }
  }
}

TEST_CASE("PdqIndex returns an entry once even when every word hits it", "[images][pdq_index]") {
  std::mt19937_64 rng(3);
  std::vector<Entry> entries;
  for (std::uint64_t i = 0; i < 3000; ++i) entries.push_back({RandomHash(rng), i});
  const PdqHash target = entries[1234].hash;
  entries.push_back({FlipBit(target, 200), 5000});  // hits 15 exact probes and one 1-bit probe
  PdqIndex index;
  AddAll(index, entries);
  index.Freeze();
  for (int r : {0, 1, 15, 16, 31}) {
    PdqIndex::QueryStats stats;
    const std::vector<Match> got = index.Query(target, r, &stats);
    CAPTURE(r);
    CHECK_FALSE(stats.linear);
    CHECK(stats.candidates >= 16);  // the entry sat in all 16 tables' probed buckets
    CHECK(std::count_if(got.begin(), got.end(), [](const Match& m) { return m.payload == 1234; }) ==
          1);
    CHECK(got == BruteForce(entries, target, r));
  }
}

TEST_CASE("PdqIndex answers hashes added after queries, pending and merged",
          "[images][pdq_index]") {
  std::mt19937_64 rng(4);
  std::vector<Entry> entries;
  PdqIndex index;
  const PdqHash query = RandomHash(rng);
  bool saw_pending = false;
  bool saw_merged = false;
  std::uint64_t payload = 0;
  // Grow in uneven steps past several merges, querying between steps.
  for (int step = 0; step < 40; ++step) {
    const int adds = step % 3 == 0 ? 700 : 37;
    for (int i = 0; i < adds; ++i) {
      // Every tenth entry is near the query, so answers are never trivial.
      const PdqHash h = payload % 10 == 0 ? AtDistance(query, static_cast<int>(rng() % 40), rng)
                                          : RandomHash(rng);
      entries.push_back({h, payload});
      CHECK(index.Add(h, payload) == static_cast<PdqIndex::EntryId>(payload));
      ++payload;
    }
    saw_pending = saw_pending || index.pending() > 0;
    saw_merged = saw_merged || (index.pending() < index.size());
    CAPTURE(step, index.size(), index.pending());
    for (int r : {0, 16, 31}) CheckExact(index, entries, query, r, /*expect_tables=*/false);
    CheckExact(index, entries, AtDistance(entries.back().hash, 5, rng), 31, false);
  }
  CHECK(saw_pending);
  CHECK(saw_merged);
  index.Freeze();
  CHECK(index.pending() == 0);
  // A tenth of the entries are near `query`: its buckets are big enough
  // that a scan answers it. Near an ordinary entry the tables answer.
  CheckExact(index, entries, query, 31, /*expect_tables=*/false);
  const PdqHash ordinary = entries[5].hash;
  CheckExact(index, entries, AtDistance(ordinary, 9, rng), 31, /*expect_tables=*/true);
  // One more after a freeze: found from the tail, next to the tables' answer.
  const PdqHash late = AtDistance(ordinary, 3, rng);
  entries.push_back({late, 999999});
  index.Add(late, 999999);
  CHECK(index.pending() == 1);
  const std::vector<Match> got = index.Query(ordinary, 31);
  CHECK(HasPayload(got, 999999));
  CHECK(HasPayload(got, 5));
  CheckExact(index, entries, ordinary, 31, /*expect_tables=*/true);
}

TEST_CASE("PdqIndex QueryAny returns each payload once with its best distance",
          "[images][pdq_index]") {
  std::mt19937_64 rng(5);
  std::vector<Entry> entries;
  for (std::uint64_t i = 0; i < 3000; ++i) entries.push_back({RandomHash(rng), i});
  // Payload 9000 is stored twice (two crops of one photo), payload 9001 once.
  const PdqHash q1 = RandomHash(rng);
  const PdqHash q2 = RandomHash(rng);
  entries.push_back({AtDistance(q1, 20, rng), 9000});
  entries.push_back({AtDistance(q2, 4, rng), 9000});
  entries.push_back({AtDistance(q1, 10, rng), 9001});
  entries.push_back({AtDistance(q2, 25, rng), 9001});
  PdqIndex index;
  AddAll(index, entries);
  index.Freeze();

  // q1 twice: a symmetric photo's rotations repeat.
  const std::vector<PdqHash> queries = {q1, q2, q1};
  const std::vector<Match> got = index.QueryAny(queries, 31);

  std::map<std::uint64_t, Match> best;
  for (const PdqHash& q : queries) {
    for (const Match& m : BruteForce(entries, q, 31)) {
      auto it = best.find(m.payload);
      if (it == best.end() || m.distance < it->second.distance ||
          (m.distance == it->second.distance && m.hash < it->second.hash)) {
        best[m.payload] = m;
      }
    }
  }
  std::vector<Match> want;
  want.reserve(best.size());
  for (const auto& [p, m] : best) want.push_back(m);
  std::sort(want.begin(), want.end(), ByDistance);
  CHECK(got == want);
  REQUIRE(got.size() >= 2);
  CHECK(got[0].payload == 9000);
  CHECK(got[0].distance == 4);
  CHECK(got[1].payload == 9001);
  CHECK(got[1].distance == 10);
  CHECK(index.QueryAny({}, 31).empty());
}

TEST_CASE("PdqIndex empty index finds nothing", "[images][pdq_index]") {
  PdqIndex index;
  std::mt19937_64 rng(6);
  const PdqHash h = RandomHash(rng);
  CHECK(index.empty());
  CHECK(index.Query(h, 31).empty());
  CHECK(index.Query(h, 256).empty());
  CHECK(index.QueryLinear(h, 31).empty());
  CHECK(index.QueryAny({h, h}, 31).empty());
  index.Freeze();
  CHECK(index.size() == 0);
  CHECK(index.Query(h, 31).empty());
}

TEST_CASE("PdqIndex distance bounds: negative finds nothing and 256 finds everything",
          "[images][pdq_index]") {
  std::mt19937_64 rng(7);
  std::vector<Entry> entries;
  for (std::uint64_t i = 0; i < 1500; ++i) entries.push_back({RandomHash(rng), i});
  PdqIndex index;
  AddAll(index, entries);
  const PdqHash q = entries[3].hash;
  CHECK(index.Query(q, -1).empty());
  CHECK(index.Query(q, 256).size() == entries.size());
  CHECK(index.Query(q, 1000).size() == entries.size());
}

TEST_CASE("PdqIndex skewed hashes that share word values are still exact", "[images][pdq_index]") {
  struct Row {
    const char* rule;
    int constant_words;   // words 0..n-1 are the same in every hash
    int values_per_word;  // the other words take one of this many values (0: any)
    int cluster_size;     // near-duplicates per random centre
  };
  const Row rows[] = {
      {"half the words constant", 8, 0, 1},
      {"fifteen words constant", 15, 0, 1},
      {"every word from four values", 0, 4, 1},
      {"every word from sixty-four values", 0, 64, 1},
      {"clusters of fifty near-duplicates", 0, 0, 50},
      {"half constant with clusters", 8, 0, 20},
  };
  for (const Row& row : rows) {
    CAPTURE(row.rule);
    std::mt19937_64 rng(8);
    std::vector<std::uint16_t> palette;
    palette.reserve(static_cast<std::size_t>(row.values_per_word));
    for (int i = 0; i < row.values_per_word; ++i)
      palette.push_back(static_cast<std::uint16_t>(rng()));
    auto make = [&]() {
      PdqHash h;
      for (std::size_t w = 0; w < 16; ++w) {
        if (static_cast<int>(w) < row.constant_words) {
          h.words[w] = 0xA5C3;
        } else if (!palette.empty()) {
          h.words[w] = palette[rng() % palette.size()];
        } else {
          h.words[w] = static_cast<std::uint16_t>(rng());
        }
      }
      return h;
    };
    std::vector<Entry> entries;
    std::uint64_t payload = 0;
    while (entries.size() < 3000) {
      const PdqHash centre = make();
      for (int i = 0; i < row.cluster_size; ++i) {
        entries.push_back(
            {row.cluster_size > 1 ? AtDistance(centre, static_cast<int>(rng() % 24), rng) : centre,
             payload++});
      }
    }
    PdqIndex index;
    AddAll(index, entries);
    index.Freeze();
    for (int q = 0; q < 20; ++q) {
      const PdqHash stored = entries[rng() % entries.size()].hash;
      for (const PdqHash& query :
           {stored, AtDistance(stored, 12, rng), AtDistance(stored, 30, rng), make()}) {
        for (int r : {0, 15, 16, 31, 32})
          CheckExact(index, entries, query, r, /*expect_tables=*/false);
      }
    }
  }
}

TEST_CASE("PdqIndex concurrent queries agree with the scan", "[images][pdq_index]") {
  std::mt19937_64 rng(9);
  std::vector<Entry> entries;
  for (std::uint64_t i = 0; i < 5000; ++i) entries.push_back({RandomHash(rng), i});
  std::vector<PdqHash> queries;
  queries.reserve(200);
  for (int i = 0; i < 200; ++i) {
    queries.push_back(
        AtDistance(entries[rng() % entries.size()].hash, static_cast<int>(rng() % 32), rng));
  }
  PdqIndex index;
  AddAll(index, entries);
  index.Freeze();
  std::vector<std::vector<Match>> want;
  want.reserve(queries.size());
  for (const PdqHash& q : queries) want.push_back(BruteForce(entries, q, 31));

  std::vector<int> mismatches(2, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::size_t k = t == 0 ? i : queries.size() - 1 - i;
        if (index.Query(queries[k], 31) != want[k]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches[0] == 0);
  CHECK(mismatches[1] == 0);
}
