// Correlate at scale: writes N synthetic adverts (default 1,000,000) into a
// store in a temp dir, then times Correlate (first run, which signs every
// advert, and a second, incremental run), phone lookups through the entity
// index (p50/p99 over 10,000 random phones) and the process's peak RSS.
//
// The adverts: ~60% with contacts of their own, groups of 2-8 sharing a
// phone, groups of 3-10 written from one template with a phone each,
// agency groups sharing an address and email, a footer phone and email on
// every advert of a site (boilerplate), site header and footer lines in
// every text (chrome), and indicator hits on a few percent.
//
// The adverts are written by a child process, so the peak RSS reported is
// that of correlating and querying alone (the writer's is shown apart).
//
// Then one day (issue 17): --day D more adverts (default 50,000; 0 skips
// it) are written as the crawl would write them, and correlated in a
// process of their own, so the day's time and peak RSS are its own; a
// `correlate --rebuild` of the whole store follows, also on its own.
//
// Usage: correlate_bench [--adverts N] [--day D] [--keep DIR] [--incremental]
//                        [--generate-only | --dump-leads FILE | --day-only]
// --incremental turns leads.incremental on in every run: the first run is
// full and keeps the link counts and template index, the day is then
// correlated incrementally (the summary's steps say so).
// With --keep, a DIR already holding a generated store is measured again
// without regenerating it (for profiling runs). Its "first run" is then not
// a first run: the signature cache and leads of the earlier measurement are
// reused. To time a true first run repeatedly, generate once with
// --keep DIR --generate-only and measure copies of DIR.
// --keep DIR --dump-leads FILE writes the leads stored in DIR to FILE, one
// encoded lead a line in id order, and measures nothing (to check that a
// change to correlation leaves its results as they were).
// --keep DIR --day-only --adverts N adds the day to a kept store of N
// adverts (measured before) and times only the day and the rebuild after
// it: at 10M, the first measurement alone takes about 40 minutes. Run it
// once per kept store: a second run would add the same day again.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "leads/correlate.h"
#include "store/record_codec.h"
#include "store/store.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kSites = 50;
// --incremental: leads.incremental on in every run (the first run is full
// and keeps the counts and template index; the rest are incremental).
bool g_incremental = false;

LeadSettings BenchSettings() {
  LeadSettings settings;
  settings.incremental = g_incremental;
  return settings;
}

constexpr double kCorrelateTargetSeconds = 60;
constexpr double kLookupP99TargetMs = 5;
constexpr double kRssTargetMiB = 1024;
// Issue 17: a day of 50,000 new adverts into a 10,000,000-advert store.
constexpr double kDayTargetSeconds = 20;
constexpr double kDayRssTargetMiB = 2048;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is KiB on Linux
}

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {
    static const char* const kSyllables[] = {"ka", "lo", "mi",  "ren", "to",  "sa", "vel", "dor",
                                             "an", "is", "bri", "mo",  "tal", "ne", "qu",  "ex"};
    for (int i = 0; i < 3000; ++i) {
      std::string w;
      int parts = 2 + Below(3);
      for (int p = 0; p < parts; ++p) w += kSyllables[Below(16)];
      words_.push_back(w);
    }
  }
  int Below(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  // A mobile number outside any block another advert is likely to use.
  std::string UniquePhone() { return "+447" + std::to_string(100000000 + (rng_() % 800000000)); }
  std::string Words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + words_[static_cast<size_t>(Below(3000))];
    return out;
  }
  const std::string& Word(int i) const { return words_[static_cast<size_t>(i) % words_.size()]; }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> words_;
};

const char* const kTowns[] = {"Northampton", "Kettering", "Corby",    "Wellingborough", "Daventry",
                              "Rushden",     "Towcester", "Brackley", "Oundle",         "Raunds"};

// A uniform sample of the phones written (reservoir sampling), for lookups.
struct Built {
  explicit Built(size_t max_phones) : capacity(max_phones) {}
  void Offer(const std::string& phone) {
    ++seen;
    if (phones.size() < capacity) {
      phones.push_back(phone);
    } else if (size_t at = rng() % seen; at < capacity) {
      phones[at] = phone;
    }
  }
  size_t capacity;
  size_t seen = 0;
  std::mt19937_64 rng{11};
  std::vector<std::string> phones;
};

// Adverts number `first` .. `first + n - 1`; the same (first, seed) write
// the same adverts. A day's adverts (first > 0) get group e-mails of their
// own, so they join earlier adverts only where the generator means them to.
Status Generate(Store& store, int first, int n, std::uint64_t seed, Built* built) {
  Generator g(seed);
  int written = first;
  n += first;
  int group = 0;
  const std::int64_t t0 = 1796083200;
  while (written < n) {
    // Choose what the next batch of adverts is.
    int roll = g.Below(100);
    int size = 1;
    enum { kLone, kSharedPhone, kTemplate, kAgency } shape = kLone;
    if (roll < 60) {
      shape = kLone;
    } else if (roll < 85) {
      shape = kSharedPhone;
      size = 2 + g.Below(7);
    } else if (roll < 97) {
      shape = kTemplate;
      size = 3 + g.Below(8);
    } else {
      shape = kAgency;
      size = 3 + g.Below(4);
    }
    ++group;
    const std::string group_phone = g.UniquePhone();
    const std::string group_email = (first == 0 ? "g" : "d" + std::to_string(first) + "-") +
                                    std::to_string(group) + "@example.org";
    const std::string template_text = g.Words(40);
    for (int k = 0; k < size && written < n; ++k, ++written) {
      AdvertRecord a;
      a.url = "http://site" + std::to_string(written % kSites) + ".example.org/ad/" +
              std::to_string(written);
      a.id = AdvertIdForUrl(a.url);
      a.site = "site-" + std::to_string(written % kSites);
      a.kind = (written % kSites) < kSites / 2 ? "adult" : "jobs";
      const char* town = kTowns[g.Below(10)];
      a.towns = {town};
      a.first_seen = a.last_seen = t0 + g.Below(30) * 86400;
      const std::string name = g.Word(g.Below(3000));
      std::string body;
      switch (shape) {
        case kLone:
          a.phones = {g.UniquePhone()};
          if (g.Below(3) == 0) a.emails = {"u" + std::to_string(written) + "@example.com"};
          body = g.Words(50 + g.Below(30));
          break;
        case kSharedPhone:
          a.phones = {group_phone};
          body = g.Words(50 + g.Below(30));
          break;
        case kTemplate:
          a.phones = {g.UniquePhone()};
          body = "Hello I am " + name + ", " + std::to_string(20 + g.Below(15)) + ", in " + town +
                 ". " + template_text + ". Call " + a.phones[0] + ".";
          break;
        case kAgency:
          a.phones = {g.UniquePhone()};
          a.emails = {group_email};
          a.addresses = {std::to_string(1 + group % 200) + " MILL ROAD G" + std::to_string(group)};
          a.postcodes = {"NN1 " + std::to_string(group % 10) + "ZZ"};
          body = g.Words(60);
          a.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address",
                                  2.0, "Accommodation provided"});
          break;
      }
      if (g.Below(30) == 0) {
        a.indicators.push_back({"adult.turnover", "turnover", 1.0, "New girls every week"});
      }
      // Site chrome and its own contacts on every page.
      const std::string site_phone = "+4420794600" + std::to_string(10 + written % kSites);
      a.phones.push_back(site_phone);
      a.emails.push_back("help@site" + std::to_string(written % kSites) + ".example.org");
      a.title = name + " in " + town;
      a.text = "Site " + std::to_string(written % kSites) + " Home Listings About Contact\n" +
               a.title + "\n" + body + "\nReport this advert\nSite " +
               std::to_string(written % kSites) + " helpdesk " + site_phone + "\n";
      a.sha256 = Sha256Hex(a.text);
      for (const auto& p : a.phones) {
        if (p != site_phone) built->Offer(p);
      }
      auto outcome = store.UpsertAdvert(a);
      if (!outcome.ok()) return outcome.status();
      if (written % 100000 == 0 && written > first) {
        std::fprintf(stderr, "  %d adverts written\n", written);
      }
    }
  }
  return Status::OK();
}

// The child: writes the adverts and a sample of their phones, then exits.
int WriteAdverts(const std::string& dir, int n) {
  auto opened = Store::Open(dir + "/db", {});
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  std::unique_ptr<Store> store = std::move(opened).value();
  Built built(20000);
  auto start = Clock::now();
  Status s = Generate(*store, 0, n, 42, &built);
  if (s.ok()) s = store->Flush();
  if (!s.ok()) {
    std::fprintf(stderr, "generate: %s\n", s.ToString().c_str());
    return 1;
  }
  std::ofstream out(dir + "/phones.txt");
  for (const std::string& phone : built.phones) out << phone << "\n";
  std::printf("generated %d adverts in %.1f s (writer peak RSS %.0f MiB)\n", n, Seconds(start),
              PeakRssMiB());
  std::fflush(stdout);
  return out ? 0 : 1;
}

int Measure(const std::string& dir) {
  auto opened = Store::Open(dir + "/db", {});
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  std::unique_ptr<Store> store = std::move(opened).value();
  std::vector<std::string> phones;
  {
    std::ifstream in(dir + "/phones.txt");
    for (std::string line; std::getline(in, line);) phones.push_back(line);
  }
  int code = 0;
  const LeadSettings settings = BenchSettings();
  auto start = Clock::now();
  auto first = Correlate(*store, settings, 1796083200 + 40 * 86400);
  const double first_seconds = Seconds(start);
  if (!first.ok()) {
    std::fprintf(stderr, "correlate: %s\n", first.status().ToString().c_str());
    return 1;
  }
  start = Clock::now();
  auto second = Correlate(*store, settings, 1796083200 + 41 * 86400);
  const double second_seconds = Seconds(start);
  if (!second.ok()) {
    std::fprintf(stderr, "correlate: %s\n", second.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "correlate, first run:  %.1f s (target < %.0f s): %zu adverts, %zu leads, "
      "%zu signed, %zu boilerplate, %zu hubs, %zu template links\n",
      first_seconds, kCorrelateTargetSeconds, first->adverts, first->leads,
      first->signatures_computed, first->boilerplate.size(), first->hubs.size(),
      first->template_links);
  std::printf(
      "correlate, second run: %.1f s (target < %.0f s): %zu leads, %zu signed, "
      "%zu reused, %zu new leads\n",
      second_seconds, kCorrelateTargetSeconds, second->leads, second->signatures_computed,
      second->signatures_reused, second->new_leads);
  for (const auto* run : {&*first, &*second}) {
    if (run->incremental)
      std::printf("  incremental: %zu adverts recomputed\n", run->recomputed_adverts);
    if (!run->full_run_reason.empty())
      std::printf("  full run: %s\n", run->full_run_reason.c_str());
    std::printf("  steps:");
    for (const auto& [step, seconds] : run->step_seconds) {
      std::printf(" %s %.2f s", step.c_str(), seconds);
    }
    std::printf("\n");
  }
  for (size_t i = 0; i < first->hubs.size() && i < 3; ++i) {
    std::printf("  hub: %s\n", first->hubs[i].c_str());
  }

  std::mt19937_64 rng(7);
  std::vector<double> ms;
  const int lookups = 10000;
  for (int i = 0; i < lookups && !phones.empty(); ++i) {
    const std::string& phone = phones[rng() % phones.size()];
    auto t = Clock::now();
    auto ids = store->AdvertIdsForEntity(EntityType::kPhone, phone);
    ms.push_back(Seconds(t) * 1000);
    if (!ids.ok() || ids->empty()) {
      std::fprintf(stderr, "lookup of %s failed\n", phone.c_str());
      code = 1;
    }
  }
  std::sort(ms.begin(), ms.end());
  const double p50 = ms.empty() ? 0 : ms[ms.size() / 2];
  const double p99 = ms.empty() ? 0 : ms[ms.size() * 99 / 100];
  std::printf("phone lookup: p50 %.3f ms, p99 %.3f ms over %zu lookups (target p99 < %.0f ms)\n",
              p50, p99, ms.size(), kLookupP99TargetMs);
  const double rss = PeakRssMiB();
  std::printf("peak RSS (correlate and lookups): %.0f MiB (target < %.0f MiB)\n", rss,
              kRssTargetMiB);
  const bool met = first_seconds < kCorrelateTargetSeconds &&
                   second_seconds < kCorrelateTargetSeconds && p99 < kLookupP99TargetMs &&
                   rss < kRssTargetMiB;
  std::printf("targets %s\n", met ? "met" : "MISSED");
  return met ? code : 1;
}

// Runs `phase` in a child process, so its time and peak RSS are its own
// (and RocksDB's threads are never forked: this process never opens the
// store); the child's exit code, 1 when it did not exit.
template <typename Phase>
int ChildExitCode(Phase phase) {
  std::fflush(stdout);
  const pid_t child = ::fork();
  if (child < 0) return 1;
  if (child == 0) {
    const int code = phase();
    std::fflush(stdout);
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// `phase` with the store open, in a child; whether it succeeded.
template <typename Phase>
bool InChild(const std::string& dir, Phase phase) {
  return ChildExitCode([&] {
           auto opened = Store::Open(dir + "/db", {});
           if (!opened.ok()) {
             std::fprintf(stderr, "open: %s\n", opened.status().ToString().c_str());
             return 1;
           }
           return phase(**opened);
         }) == 0;
}

// A digest of every stored lead as encoded (ids, scores, reasons, …), to
// tell whether two runs left the same leads.
std::string LeadsDigest(const Store& store) {
  std::string all;
  Status s = store.ForEachLead([&](const LeadRecord& lead) {
    all += EncodeLead(lead);
    all += '\n';
    return true;
  });
  return s.ok() ? Sha256Hex(all) : "unreadable: " + s.ToString();
}

// One day's adverts, then the day's correlation and a full rebuild, each
// in a process of its own; the day's leads must equal the rebuild's.
int MeasureDay(const std::string& dir, int stored, int day) {
  const bool wrote = InChild(dir, [&](Store& store) {
    Built unused(1);
    auto start = Clock::now();
    Status s = Generate(store, stored, day, 4242, &unused);
    if (s.ok()) s = store.Flush();
    if (!s.ok()) {
      std::fprintf(stderr, "day: %s\n", s.ToString().c_str());
      return 1;
    }
    std::printf("day: %d new adverts written in %.1f s\n", day, Seconds(start));
    return 0;
  });
  if (!wrote) return 1;
  // Exit 3: correlated, but a target was missed.
  const bool day_met = InChild(dir, [&](Store& store) {
    const LeadSettings settings = BenchSettings();
    auto start = Clock::now();
    auto summary = Correlate(store, settings, 1796083200 + 42 * 86400);
    const double seconds = Seconds(start);
    if (!summary.ok()) {
      std::fprintf(stderr, "correlate: %s\n", summary.status().ToString().c_str());
      return 1;
    }
    const double rss = PeakRssMiB();
    std::printf(
        "correlate, the day:    %.1f s (target < %.0f s), peak RSS %.0f MiB (target < "
        "%.0f MiB): %zu adverts, %zu leads, %zu signed, %zu new leads, %zu updated\n",
        seconds, kDayTargetSeconds, rss, kDayRssTargetMiB, summary->adverts, summary->leads,
        summary->signatures_computed, summary->new_leads, summary->updated_leads);
    if (summary->incremental) {
      std::printf("  incremental: %zu adverts recomputed\n", summary->recomputed_adverts);
    }
    if (!summary->full_run_reason.empty()) {
      std::printf("  full run: %s\n", summary->full_run_reason.c_str());
    }
    std::printf("  steps:");
    for (const auto& [step, step_seconds] : summary->step_seconds) {
      std::printf(" %s %.2f s", step.c_str(), step_seconds);
    }
    std::printf("\n");
    std::ofstream(dir + "/day-leads.sha256") << LeadsDigest(store);
    return seconds < kDayTargetSeconds && rss < kDayRssTargetMiB ? 0 : 3;
  });
  const bool rebuilt = InChild(dir, [&](Store& store) {
    const LeadSettings settings = BenchSettings();
    auto start = Clock::now();
    auto summary = CorrelateRebuild(store, settings, 1796083200 + 42 * 86400);
    if (!summary.ok()) {
      std::fprintf(stderr, "rebuild: %s\n", summary.status().ToString().c_str());
      return 1;
    }
    std::printf("correlate --rebuild:   %.1f s, peak RSS %.0f MiB: %zu adverts, %zu leads\n",
                Seconds(start), PeakRssMiB(), summary->adverts, summary->leads);
    std::string day_digest;
    std::ifstream(dir + "/day-leads.sha256") >> day_digest;
    const bool same = day_digest == LeadsDigest(store);
    std::printf("the day's leads equal the rebuild's: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
  });
  std::printf("day targets %s\n", day_met ? "met" : "MISSED");
  return rebuilt && day_met ? 0 : 1;
}

int DumpLeads(const std::string& dir, const std::string& file) {
  auto opened = Store::Open(dir + "/db", {});
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  std::ofstream out(file);
  size_t leads = 0;
  Status s = (*opened)->ForEachLead([&](const LeadRecord& lead) {
    out << EncodeLead(lead) << "\n";
    ++leads;
    return true;
  });
  if (!s.ok()) {
    std::fprintf(stderr, "dump: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("dumped %zu leads to %s\n", leads, file.c_str());
  return out ? 0 : 1;
}

int Run(int n, int day, const std::string& keep_dir, bool generate_only) {
  std::string dir = keep_dir;
  if (dir.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-correlate-bench-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
  }
  std::fflush(stdout);
  const pid_t child = ::fork();
  if (child < 0) {
    std::perror("fork");
    return 1;
  }
  if (child == 0) {
    if (!keep_dir.empty() && fs::exists(fs::path(dir) / "phones.txt")) ::_exit(0);
    ::_exit(WriteAdverts(dir, n));
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  const bool written = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (generate_only) return written ? 0 : 1;
  int code = written ? ChildExitCode([&] { return Measure(dir); }) : 1;
  // A kept store is measured again later: its day is not added twice.
  if (written && day > 0 && keep_dir.empty()) code |= MeasureDay(dir, n, day);
  if (keep_dir.empty()) fs::remove_all(dir);
  return code;
}

}  // namespace
}  // namespace plainsight

int main(int argc, char** argv) {
  int n = 1000000;
  int day = 50000;
  std::string keep;
  bool generate_only = false;
  bool day_only = false;
  std::string dump;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--adverts" && i + 1 < argc) {
      n = std::atoi(argv[++i]);
    } else if (arg == "--day" && i + 1 < argc) {
      day = std::atoi(argv[++i]);
    } else if (arg == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else if (arg == "--dump-leads" && i + 1 < argc) {
      dump = argv[++i];
    } else if (arg == "--generate-only") {
      generate_only = true;
    } else if (arg == "--day-only") {
      day_only = true;
    } else if (arg == "--incremental") {
      plainsight::g_incremental = true;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--adverts N] [--day D] [--keep DIR] [--incremental] "
                   "[--generate-only | --dump-leads FILE | --day-only]\n",
                   argv[0]);
      return 2;
    }
  }
  if (n < 1) n = 1;
  if ((generate_only || day_only || !dump.empty()) && keep.empty()) {
    std::fprintf(stderr, "--generate-only, --day-only and --dump-leads need --keep DIR\n");
    return 2;
  }
  if (day_only) return day > 0 ? plainsight::MeasureDay(keep, n, day) : 2;
  if (!dump.empty()) return plainsight::DumpLeads(keep, dump);
  return plainsight::Run(n, day, keep, generate_only);
}
