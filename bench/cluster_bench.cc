// Cluster crawl speed-up (issue 17 item 5): 40 farm hosts (ten farms of
// four sites, each farm with its own seed, every answer 100 ms late) at
// per_host_delay_ms = 100, each
// worker capped at [crawl] concurrency = 4, crawled by 1, 2 and 4
// `plainsight crawl --worker` processes sharing one redis-server this bench
// starts on loopback. Prints each run's wall time (first worker started to
// last worker exited, so it includes the ttl/3 a worker waits for the
// others and the time the run end takes to be seen), pages, and politeness
// violations across workers: two requests to one host, whoever sent them,
// closer than the delay (from the end of one response to the next request,
// as the crawler counts it). Baseline: the 1-worker run of the same sites
// in the same process; targets: 2 workers <= 0.55x, 4 workers <= 0.3x.
//
// Usage: cluster_bench [--workers 1,2,4] [--farms 10]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// redis_server.h reports through Catch; the bench compiles Catch in without
// its main and never calls the Catch helpers.
#define CATCH_CONFIG_RUNNER
#include "tests/farm/farm.h"
#include "tests/support/redis_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

constexpr int kDelayMs = 100;
// Each answer takes this long, as a real site's does: on loopback an answer
// is instant, and per-host politeness alone would bound every run, so no
// number of workers could go faster than one host's pages take.
constexpr int kLatencyMs = 100;

// Farm k's [[sites]] blocks, each site renamed "<name>-<k>".
std::string SitesOf(const std::string& toml, int k) {
  const size_t first = toml.find("[[sites]]");
  std::string sites = first == std::string::npos ? "" : toml.substr(first);
  static const std::regex name("(\\nname = \"[^\"]+)\"");
  return std::regex_replace("\n" + sites, name, "$1-" + std::to_string(k) + "\"");
}

struct RunFigures {
  double seconds = 0;
  int pages = 0;
  int exits_ok = 0;
  size_t requests = 0;
  size_t violations = 0;
  std::vector<int> pages_per_worker;
};

RunFigures Measure(int workers, int farm_count, const testing::RedisServer& redis, int db) {
  testing::TempDir dir("plainsight-cluster-bench");
  std::vector<std::unique_ptr<farm::Farm>> farms;
  std::string config;
  for (int k = 0; k < farm_count; ++k) {
    farm::FarmOptions options;
    options.seed = 1000 + static_cast<std::uint64_t>(k);
    options.response_latency_ms = kLatencyMs;
    farms.push_back(std::make_unique<farm::Farm>(options));
    if (!farms.back()->Start().ok()) {
      std::fprintf(stderr, "farm %d did not start\n", k);
      std::exit(1);
    }
    farm::ConfigOptions c;
    c.store_path = dir.path() + "/central";
    c.pattern_paths = {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
                       PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"};
    c.per_host_delay_ms = kDelayMs;
    c.concurrency = 4;
    const std::string toml = farms.back()->ConfigToml(c);
    if (k == 0) {
      config = "gazetteer = \"" PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv\"\n" +
               toml.substr(0, toml.find("[[sites]]"));
    }
    config += SitesOf(toml, k);
  }
  config += "\n[cluster]\nredis = \"" + redis.Url(db) + "\"\nworker_ttl_ms = 1500\n";
  const std::string config_path = dir.path() + "/cluster.toml";
  std::ofstream(config_path) << config;

  RunFigures figures;
  std::vector<testing::RunResult> results(static_cast<size_t>(workers));
  std::vector<std::thread> threads;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      const std::string name = "w" + std::to_string(i + 1);
      results[static_cast<size_t>(i)] = testing::RunPlainsight(
          {"--config", config_path, "--db", dir.path() + "/" + name, "-q", "crawl", "--worker", name});
    });
  }
  for (std::thread& t : threads) t.join();
  figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  static const std::regex pages("crawl: (\\d+) pages");
  for (const testing::RunResult& r : results) {
    std::smatch m;
    const int n = std::regex_search(r.err, m, pages) ? std::stoi(m[1]) : 0;
    figures.pages += n;
    figures.pages_per_worker.push_back(n);
    figures.exits_ok += r.exit_code == 0 ? 1 : 0;
    if (r.exit_code != 0) std::fprintf(stderr, "worker exit %d:\n%s\n", r.exit_code, r.err.c_str());
  }
  for (const auto& f : farms) {
    std::map<int, std::vector<farm::FarmRequest>> by_port;
    for (const farm::FarmRequest& r : f->requests()) by_port[r.port].push_back(r);
    for (auto& [port, requests] : by_port) {
      std::sort(requests.begin(), requests.end(),
                [](const auto& a, const auto& b) { return a.received < b.received; });
      figures.requests += requests.size();
      for (size_t i = 1; i < requests.size(); ++i) {
        const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(
            requests[i].received - requests[i - 1].responded);
        if (gap.count() < kDelayMs) ++figures.violations;
      }
    }
  }
  return figures;
}

}  // namespace
}  // namespace plainsight

int main(int argc, char** argv) {
  using namespace plainsight;
  std::vector<int> worker_counts = {1, 2, 4};
  int farm_count = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--farms") == 0) farm_count = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--workers") == 0) {
      worker_counts.clear();
      std::stringstream list(argv[i + 1]);
      for (std::string item; std::getline(list, item, ',');) worker_counts.push_back(std::stoi(item));
    }
  }
  if (testing::RedisServer::Binary().empty()) {
    std::fprintf(stderr, "cluster_bench: redis-server is not installed; skipped\n");
    return 0;
  }
  auto redis = std::make_unique<testing::RedisServer>();
  if (const std::string error = redis->Start(); !error.empty()) {
    std::fprintf(stderr, "cluster_bench: redis-server: %s\n", error.c_str());
    return 1;
  }
  std::printf("cluster_bench: %d hosts answering in %d ms, per_host_delay_ms %d, concurrency 4 "
              "per worker\n", farm_count * 4, kLatencyMs, kDelayMs);
  std::printf("%8s %9s %7s %9s %11s %8s  %s\n", "workers", "seconds", "pages", "requests",
              "violations", "ratio", "pages per worker");
  double baseline = 0;
  int db = 1;
  for (int workers : worker_counts) {
    const RunFigures f = Measure(workers, farm_count, *redis, db++);
    if (baseline == 0) baseline = f.seconds;
    std::string split;
    for (int p : f.pages_per_worker) split += std::to_string(p) + " ";
    std::printf("%8d %9.2f %7d %9zu %11zu %7.2fx  %s%s\n", workers, f.seconds, f.pages, f.requests,
                f.violations, f.seconds / baseline, split.c_str(),
                f.exits_ok == workers ? "" : "(a worker failed)");
    std::fflush(stdout);
  }
  return 0;
}
