// The kept template index (leads/template_index.h) against the full
// banding it replaces: N signed adverts (default 1,000,000) written into
// the index of a store in a temp dir, then a day of D new adverts (default
// 5% of N) and R re-signed ones applied with UpdateTemplateIndex. The
// baseline, measured in the same run, is what every correlation does
// today: FindTemplateClusters over all N + D signatures. The clusters of
// both are compared (a mismatch fails the bench).
//
// Signatures are 126 16-bit values, as the corpus keeps them: 60% of
// adverts alone (random values), the rest in families of 3-10 copies with
// 30-60% of values changed, as copied adverts with their slots refilled.
//
// Usage: template_index_bench [--adverts N] [--day D] [--resigned R]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "leads/template_clusters.h"
#include "leads/template_index.h"
#include "store/store.h"

namespace plainsight {
namespace {

constexpr size_t kLength = 126;
constexpr size_t kBands = 42;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

class Maker {
 public:
  std::vector<std::uint16_t> Random() {
    std::vector<std::uint16_t> v(kLength);
    for (auto& x : v) x = static_cast<std::uint16_t>(rng_());
    return v;
  }
  std::vector<std::uint16_t> Copy(const std::vector<std::uint16_t>& of, double change) {
    std::vector<std::uint16_t> v = of;
    for (auto& x : v) {
      if (std::uniform_real_distribution<double>(0, 1)(rng_) < change) {
        x = static_cast<std::uint16_t>(rng_());
      }
    }
    return v;
  }
  // The next batch: one lone advert, or a family of copies.
  std::vector<std::vector<std::uint16_t>> Batch() {
    if (rng_() % 100 < 60) return {Random()};
    const std::vector<std::uint16_t> text = Random();
    std::vector<std::vector<std::uint16_t>> family;
    const size_t size = 3 + rng_() % 8;
    for (size_t k = 0; k < size; ++k) {
      family.push_back(Copy(text, 0.3 + 0.003 * static_cast<double>(rng_() % 100)));
    }
    return family;
  }
  std::string Id() {
    char id[24];
    std::snprintf(id, sizeof id, "A-%016llx", static_cast<unsigned long long>(rng_()));
    return id;
  }
  size_t Below(size_t n) { return rng_() % n; }

 private:
  std::mt19937_64 rng_{17};
};

using Signatures = std::map<std::string, std::vector<std::uint16_t>>;

void Add(Maker& make, size_t n, Signatures* into, std::vector<TemplateSignature>* list) {
  size_t added = 0;
  while (added < n) {
    for (auto& values : make.Batch()) {
      if (added == n) break;
      const std::string id = make.Id();
      (*into)[id] = values;
      if (list != nullptr) list->push_back({id, std::move(values)});
      ++added;
    }
  }
}

std::vector<std::vector<std::string>> FullClusters(const Signatures& all,
                                                   const TemplateBanding& banding,
                                                   double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> ids;
  std::vector<const std::uint16_t*> values;
  ids.reserve(all.size());
  values.reserve(all.size());
  for (const auto& [id, v] : all) {
    ids.push_back(id);
    values.push_back(v.data());
  }
  const auto clusters = FindTemplateClusters(values, banding);
  *seconds = Seconds(start);
  std::vector<std::vector<std::string>> out;
  for (const auto& c : clusters) {
    out.emplace_back();
    for (std::uint32_t i : c) out.back().push_back(ids[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int Run(size_t adverts, size_t day, size_t resigned) {
  TemplateBanding banding;
  banding.signature_length = kLength;
  banding.bands = kBands;
  banding.threshold = 0.3;
  Maker make;
  Signatures all;
  Add(make, adverts, &all, nullptr);

  std::string tmpl =
      (std::filesystem::temp_directory_path() / "template-index-bench-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  int failed = 0;
  {
    auto opened = Store::Open(dir + "/db", {});
    if (!opened.ok()) {
      std::fprintf(stderr, "store: %s\n", opened.status().ToString().c_str());
      return 2;
    }
    Store& store = **opened;
    std::vector<TemplateSignature> list;
    list.reserve(all.size());
    for (const auto& [id, v] : all) list.push_back({id, v});
    auto start = std::chrono::steady_clock::now();
    Status s = WriteTemplateIndex(store, list, banding);
    const double write_seconds = Seconds(start);
    list = {};
    if (!s.ok()) {
      std::fprintf(stderr, "write: %s\n", s.ToString().c_str());
      return 2;
    }
    std::printf("index of %zu adverts written: %.1f s (%zu postings)\n", adverts, write_seconds,
                adverts * kBands);

    // The day: new adverts, and some stored ones re-signed (edited).
    std::vector<TemplateSignature> changes;
    Add(make, day, &all, &changes);
    std::vector<std::string> ids;
    for (const auto& [id, v] : all) ids.push_back(id);
    std::map<std::string, bool> chosen;
    for (const TemplateSignature& c : changes) chosen[c.id] = true;
    for (size_t k = 0; k < resigned; ++k) {
      const std::string& id = ids[make.Below(ids.size())];
      if (chosen[id]) continue;
      chosen[id] = true;
      all[id] = make.Copy(all[id], 0.2);
      changes.push_back({id, all[id]});
    }
    start = std::chrono::steady_clock::now();
    auto update = UpdateTemplateIndex(store, changes, banding);
    const double update_seconds = Seconds(start);
    if (!update.ok()) {
      std::fprintf(stderr, "update: %s\n", update.status().ToString().c_str());
      return 2;
    }
    double full_seconds = 0;
    const auto expected = FullClusters(all, banding, &full_seconds);
    auto kept = ReadTemplateClusters(store);
    if (!kept.ok() || *kept != expected) {
      std::fprintf(stderr, "MISMATCH: the index's clusters differ from a full banding\n");
      failed = 1;
    }
    std::printf(
        "day of %zu new and %zu re-signed: update %.2f s (%zu ties lost, %zu bridged, %zu clusters "
        "re-tied "
        "whole: %zu adverts; %zu buckets read, %zu clusters out, %zu in); full banding of %zu: "
        "%.2f s; ratio %.3fx\n",
        day, changes.size() - day, update_seconds, update->ties_lost, update->ties_bridged,
        update->clusters_retied, update->adverts_retied, update->buckets_read,
        update->removed.size(), update->added.size(), all.size(), full_seconds,
        update_seconds / full_seconds);
    std::printf("clusters: %zu, %s; peak RSS %.0f MiB (the signatures are held in memory)\n",
                expected.size(), failed == 0 ? "equal" : "DIFFERENT", PeakRssMiB());
  }
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  std::printf("store on disk: %.0f MiB\n", static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::filesystem::remove_all(dir);
  return failed;
}

}  // namespace
}  // namespace plainsight

int main(int argc, char** argv) {
  size_t adverts = 1000000, day = 0, resigned = 0;
  bool day_given = false, resigned_given = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const size_t value = std::strtoull(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--adverts") == 0) {
      adverts = value;
    } else if (std::strcmp(argv[i], "--day") == 0) {
      day = value;
      day_given = true;
    } else if (std::strcmp(argv[i], "--resigned") == 0) {
      resigned = value;
      resigned_given = true;
    } else {
      std::fprintf(stderr, "usage: template_index_bench [--adverts N] [--day D] [--resigned R]\n");
      return 1;
    }
  }
  if (!day_given) day = adverts / 20;
  if (!resigned_given) resigned = adverts / 200;
  return plainsight::Run(adverts, day, resigned);
}
