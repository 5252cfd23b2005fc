// PdqIndex at scale: builds an index of N hashes (default 1,000,000) and
// times queries at r = 31 against a linear scan of the same hashes, on two
// sets:
//  - random: uniform 256-bit hashes (the index's best case);
//  - clustered: skewed bit probabilities (each bit set with its own
//    probability in [0.1, 0.9], so word values concentrate as in real photo
//    hashes), photos in groups of near-duplicates (1 + geometric, mean 4,
//    each 0-16 bits from its group's centre), and 1% of all hashes in ten
//    large groups (a logo or stock photo posted everywhere).
// Half the queries are a stored hash with 0-31 bits flipped (that entry
// must be found: recall must be 1.0), half are fresh hashes from the same
// distribution. A smaller number of linear-scan queries (the first ones of
// the same list) gives the baseline, and their answers must equal the
// index's.
//
// Usage: pdq_index_bench [--hashes N] [--queries Q] [--linear-queries L]
//                        [--set random|clustered|both] [--seed S]
// Ends with key=value lines; the clustered set's keys carry "clustered_".
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "images/pdq_hash.h"
#include "images/pdq_index.h"

namespace plainsight::images {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kRadius = kPdqMatchDistance;
constexpr double kP99TargetMs = 10;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Peak resident set (VmHWM) in MiB, from /proc/self/status.
double PeakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

PdqHash FlipBits(PdqHash h, int count, std::mt19937_64& rng) {
  int flipped = 0;
  PdqHash mask;
  while (flipped < count) {
    const int bit = static_cast<int>(rng() % 256);
    if (mask.Bit(bit)) continue;
    mask.SetBit(bit);
    ++flipped;
  }
  for (std::size_t w = 0; w < 16; ++w)
    h.words[w] = static_cast<std::uint16_t>(h.words[w] ^ mask.words[w]);
  return h;
}

class Generator {
 public:
  Generator(bool clustered, std::uint64_t seed) : clustered_(clustered), rng_(seed) {
    std::uniform_real_distribution<double> p(0.1, 0.9);
    for (double& bit : bit_probability_) bit = p(rng_);
  }

  std::mt19937_64& rng() { return rng_; }

  // A fresh hash: uniform, or drawn with the per-bit probabilities.
  PdqHash Fresh() {
    PdqHash h;
    if (!clustered_) {
      for (auto& w : h.words) w = static_cast<std::uint16_t>(rng_());
      return h;
    }
    std::uniform_real_distribution<double> u(0, 1);
    for (int k = 0; k < 256; ++k) {
      if (u(rng_) < bit_probability_[static_cast<std::size_t>(k)]) h.SetBit(k);
    }
    return h;
  }

  std::vector<PdqHash> Set(std::size_t n) {
    std::vector<PdqHash> out;
    out.reserve(n);
    if (!clustered_) {
      while (out.size() < n) out.push_back(Fresh());
      return out;
    }
    // Ten large groups, 1% of the set, then ordinary photos in small groups.
    const std::size_t large = n / 100;
    for (int g = 0; g < 10; ++g) {
      const PdqHash centre = Fresh();
      for (std::size_t i = 0; i < large / 10; ++i)
        out.push_back(FlipBits(centre, static_cast<int>(rng_() % 17), rng_));
    }
    std::geometric_distribution<int> extra(0.25);
    while (out.size() < n) {
      const PdqHash centre = Fresh();
      const int members = 1 + extra(rng_);
      for (int i = 0; i < members && out.size() < n; ++i) {
        out.push_back(i == 0 ? centre : FlipBits(centre, static_cast<int>(rng_() % 17), rng_));
      }
    }
    std::shuffle(out.begin(), out.end(), rng_);
    return out;
  }

 private:
  bool clustered_;
  std::mt19937_64 rng_;
  double bit_probability_[256] = {};
};

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::lround(q * static_cast<double>(v.size() - 1)));
  return v[std::min(i, v.size() - 1)];
}

struct Figures {
  std::vector<std::pair<std::string, std::string>> keys;
  void Add(const std::string& key, double value, const char* format = "%.4f") {
    char buf[64];
    std::snprintf(buf, sizeof(buf), format, value);
    keys.emplace_back(key, buf);
  }
};

bool RunSet(bool clustered, std::size_t n, std::size_t queries, std::size_t linear_queries,
            std::uint64_t seed, Figures& figures) {
  const char* name = clustered ? "clustered" : "random";
  const std::string prefix = clustered ? "pdq_index_clustered_" : "pdq_index_";
  Generator gen(clustered, seed);
  auto t0 = Clock::now();
  const std::vector<PdqHash> hashes = gen.Set(n);
  std::printf("[%s] generated %zu hashes in %.2f s\n", name, n,
              std::chrono::duration<double>(Clock::now() - t0).count());

  // Build one Add at a time, as the crawler does (tail merges included).
  PdqIndex index;
  index.Reserve(n);
  double add_max_ms = 0;
  t0 = Clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const auto a = Clock::now();
    index.Add(hashes[i], i);
    add_max_ms = std::max(add_max_ms, Ms(Clock::now() - a));
  }
  const auto f = Clock::now();
  index.Freeze();
  const double freeze_ms = Ms(Clock::now() - f);
  const double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double bytes_per_hash = static_cast<double>(index.MemoryBytes()) / static_cast<double>(n);
  std::printf(
      "[%s] built in %.2f s (worst single Add %.1f ms, final Freeze %.1f ms), %.1f bytes/hash\n",
      name, build_s, add_max_ms, freeze_ms, bytes_per_hash);

  // Queries: even ones planted near stored entry `target`, odd ones fresh.
  struct Query {
    PdqHash hash;
    std::int64_t target;
  };
  std::vector<Query> list;
  for (std::size_t q = 0; q < queries; ++q) {
    if (q % 2 == 0) {
      const std::size_t target = gen.rng()() % n;
      list.push_back(
          {FlipBits(hashes[target], static_cast<int>(gen.rng()() % (kRadius + 1)), gen.rng()),
           static_cast<std::int64_t>(target)});
    } else {
      list.push_back({gen.Fresh(), -1});
    }
  }

  // The first query of a thread allocates its de-duplication stamps (4
  // bytes per entry): timed apart, so the figures below are steady state.
  auto a0 = Clock::now();
  (void)index.Query(gen.Fresh(), kRadius);
  const double first_query_ms = Ms(Clock::now() - a0);

  std::vector<double> times;
  std::vector<PdqIndex::QueryStats> all_stats;
  std::vector<std::size_t> match_counts;
  times.reserve(list.size());
  std::size_t planted = 0;
  std::size_t found = 0;
  std::size_t linear_fallbacks = 0;
  double candidates = 0;
  double matches = 0;
  std::vector<std::vector<PdqIndex::Match>> answers;
  for (const Query& q : list) {
    PdqIndex::QueryStats stats;
    const auto a = Clock::now();
    std::vector<PdqIndex::Match> got = index.Query(q.hash, kRadius, &stats);
    times.push_back(Ms(Clock::now() - a));
    all_stats.push_back(stats);
    match_counts.push_back(got.size());
    candidates += static_cast<double>(stats.candidates);
    matches += static_cast<double>(got.size());
    if (stats.linear) ++linear_fallbacks;
    if (q.target >= 0) {
      ++planted;
      const auto target = static_cast<std::uint64_t>(q.target);
      if (std::any_of(got.begin(), got.end(),
                      [&](const PdqIndex::Match& m) { return m.payload == target; }))
        ++found;
    }
    if (answers.size() < linear_queries) answers.push_back(std::move(got));
  }
  const auto slowest =
      static_cast<std::size_t>(std::max_element(times.begin(), times.end()) - times.begin());
  const double mean_ms = [&] {
    double s = 0;
    for (double t : times) s += t;
    return s / static_cast<double>(times.size());
  }();

  // Baseline: the linear scan over the same entries, on the first queries.
  std::vector<double> linear_times;
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto a = Clock::now();
    const std::vector<PdqIndex::Match> got = index.QueryLinear(list[i].hash, kRadius);
    linear_times.push_back(Ms(Clock::now() - a));
    if (got != answers[i]) ++mismatches;
  }
  double linear_mean = 0;
  for (double t : linear_times) linear_mean += t;
  linear_mean /= static_cast<double>(std::max<std::size_t>(1, linear_times.size()));

  const double recall =
      planted == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(planted);
  const double p50 = Percentile(times, 0.50);
  const double p99 = Percentile(times, 0.99);
  const double max = Percentile(times, 1.0);
  const double rss = PeakRssMiB();
  std::printf(
      "[%s] %zu queries at r=%d: p50 %.3f ms, p99 %.3f ms, max %.3f ms, mean %.3f ms; "
      "mean %.0f candidates, %.1f matches, %zu scanned instead\n",
      name, times.size(), kRadius, p50, p99, max, mean_ms,
      candidates / static_cast<double>(times.size()), matches / static_cast<double>(times.size()),
      linear_fallbacks);
  std::printf(
      "[%s] first query (allocates the thread's stamps) %.3f ms; slowest: query #%zu (%s), %.3f "
      "ms, "
      "%zu candidates, %zu matches%s\n",
      name, first_query_ms, slowest, list[slowest].target >= 0 ? "planted" : "fresh",
      times[slowest], all_stats[slowest].candidates, match_counts[slowest],
      all_stats[slowest].linear ? ", scanned" : "");
  std::printf(
      "[%s] linear scan: %zu queries, mean %.3f ms, p50 %.3f ms (index is %.0fx faster on the "
      "mean); "
      "%zu answers differ\n",
      name, linear_times.size(), linear_mean, Percentile(linear_times, 0.5), linear_mean / mean_ms,
      mismatches);
  std::printf(
      "[%s] recall on %zu planted: %.4f; peak RSS so far %.1f MiB; p99 target %.0f ms: %s\n", name,
      planted, recall, rss, kP99TargetMs, p99 < kP99TargetMs ? "met" : "MISSED");

  figures.Add(prefix + "hashes", static_cast<double>(n), "%.0f");
  figures.Add(prefix + "build_s", build_s, "%.3f");
  figures.Add(prefix + "add_max_ms", add_max_ms, "%.2f");
  figures.Add(prefix + "bytes_per_hash", bytes_per_hash, "%.1f");
  figures.Add(prefix + "peak_rss_mib", rss, "%.1f");
  figures.Add(prefix + "queries", static_cast<double>(times.size()), "%.0f");
  figures.Add(prefix + "first_query_ms", first_query_ms);
  figures.Add(prefix + "p50_ms", p50);
  figures.Add(prefix + "p99_ms", p99);
  figures.Add(prefix + "max_ms", max);
  figures.Add(prefix + "mean_ms", mean_ms);
  figures.Add(prefix + "mean_candidates", candidates / static_cast<double>(times.size()), "%.0f");
  figures.Add(prefix + "scan_fallbacks", static_cast<double>(linear_fallbacks), "%.0f");
  figures.Add(prefix + "linear_queries", static_cast<double>(linear_times.size()), "%.0f");
  figures.Add(prefix + "linear_ms", linear_mean);
  figures.Add(prefix + "speedup", linear_mean / mean_ms, "%.1f");
  figures.Add(prefix + "recall", recall);
  figures.Add(prefix + "linear_mismatches", static_cast<double>(mismatches), "%.0f");
  return recall == 1.0 && mismatches == 0;
}

int Main(int argc, char** argv) {
  std::size_t n = 1000000;
  std::size_t queries = 10000;
  std::size_t linear_queries = 200;
  std::uint64_t seed = 42;
  std::string set = "both";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--hashes" && has_value) {
      n = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--queries" && has_value) {
      queries = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--linear-queries" && has_value) {
      linear_queries = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && has_value) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--set" && has_value) {
      set = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: pdq_index_bench [--hashes N] [--queries Q] [--linear-queries L] "
                   "[--set random|clustered|both] [--seed S]\n");
      return 2;
    }
  }
  if (n == 0 || queries == 0 || (set != "random" && set != "clustered" && set != "both")) {
    std::fprintf(
        stderr,
        "pdq_index_bench: --hashes and --queries must be > 0, --set random|clustered|both\n");
    return 2;
  }
  Figures figures;
  bool ok = true;
  if (set != "clustered") ok = RunSet(false, n, queries, linear_queries, seed, figures) && ok;
  if (set != "random") ok = RunSet(true, n, queries, linear_queries, seed + 1, figures) && ok;
  for (const auto& [key, value] : figures.keys) std::printf("%s=%s\n", key.c_str(), value.c_str());
  if (!ok)
    std::fprintf(stderr,
                 "pdq_index_bench: recall below 1.0 or the index disagreed with the scan\n");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace plainsight::images

int main(int argc, char** argv) { return plainsight::images::Main(argc, argv); }
