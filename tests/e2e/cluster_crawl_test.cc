// Cluster mode (issue 17 item 3): three `crawl --worker` processes share the
// farm's hosts through a redis-server the test starts on loopback, hand
// each other the links to hosts they do not own, publish their adverts, and
// `correlate` on the config's own store takes them in. The leads must be a
// single-node crawl's: same groups of adverts, same scores and reasons.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "cluster/rendezvous.h"
#include "tests/cluster/connect_to.h"
#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/lead_views.h"
#include "tests/support/redis_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

using testing::RunPlainsight;
using testing::RunResult;

// "crawl: N pages" from a worker's summary.
int PagesCrawled(const std::string& err) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex("crawl: (\\d+) pages"))) return -1;
  return std::stoi(m[1]);
}

// Runs `names` as workers of `config` at once, each with its own store
// under `dir`; `meanwhile` runs on this thread with their pids (0 while a
// worker has not started yet) and may kill one.
std::vector<RunResult> RunWorkers(
    const std::string& config, const std::string& dir, const std::vector<std::string>& names,
    const std::function<void(std::vector<std::atomic<pid_t>>&)>& meanwhile = nullptr) {
  std::vector<RunResult> results(names.size());
  std::vector<std::atomic<pid_t>> pids(names.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < names.size(); ++i) {
    threads.emplace_back([&, i] {
      results[i] = RunPlainsight(
          {"--config", config, "--db", dir + "/" + names[i], "crawl", "--worker", names[i]},
          "/dev/null", &pids[i]);
    });
  }
  if (meanwhile) meanwhile(pids);
  for (std::thread& t : threads) t.join();
  return results;
}

void WaitForPid(std::atomic<pid_t>& pid) {
  while (pid.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

// Until `count` workers have joined, then past the ttl/3 a worker waits
// for the others before it fetches: the crawl is under way.
void WaitUntilCrawling(const testing::RedisServer& redis, size_t count) {
  cluster::RedisConnection connection = cluster::ConnectTo(redis);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    Result<cluster::RedisReply> keys = connection.Command({"KEYS", "plainsight:crawl:worker:*"});
    if (keys.ok() && keys->elements.size() >= count) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
}

// A single-node crawl of the farm and the same farm as a cluster config
// (store "central"), with `per_host_delay_ms` so that a crawl lasts long
// enough to be interrupted.
struct ClusterFarm {
  // `photos`: the crawls fetch the adult sites' photos too.
  ClusterFarm(const testing::RedisServer& redis, int per_host_delay_ms, bool photos = false)
      : dir("plainsight-cluster") {
    REQUIRE(farm.Start().ok());
    farm::ConfigOptions single_options = testing::FarmConfigOptions(dir.path() + "/single", 0);
    single_options.fetch_images = photos;
    single = testing::WriteFarmConfig(farm, single_options, dir.path() + "/single.toml");
    RunResult crawl = RunPlainsight({"--config", single, "crawl", "-q"});
    INFO(crawl.err);
    REQUIRE(crawl.exit_code == 0);
    single_pages = PagesCrawled(crawl.err);
    clustered = dir.path() + "/cluster.toml";
    farm::ConfigOptions options = testing::FarmConfigOptions(dir.path() + "/central", per_host_delay_ms);
    options.fetch_images = photos;
    std::ofstream(clustered) << testing::FarmConfigToml(farm, options) << "\n[cluster]\nredis = \"" << redis.Url()
                             << "\"\nworker_ttl_ms = 1500\n";
  }

  // The worker of three that owns the most farm hosts.
  std::string BusiestWorker() const {
    const std::vector<std::string> names = {"w1", "w2", "w3"};
    std::vector<std::string> configured;
    for (const farm::FarmSite& site : farm.sites()) {
      configured.push_back("127.0.0.1:" + std::to_string(site.port));
    }
    std::map<std::string, int> hosts;
    for (const auto& [host, owner] : cluster::BalancedHostOwners(configured, names)) ++hosts[owner];
    return std::max_element(hosts.begin(), hosts.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  }

  // Correlates the central store; its leads must be the single node's.
  void CheckLeadsMatchOneNode() {
    RunResult correlate = RunPlainsight({"--config", clustered, "correlate"});
    INFO(correlate.err);
    REQUIRE(correlate.exit_code == 0);
    CHECK(correlate.err.find("taken in from workers") != std::string::npos);
    testing::CheckSameLeads(testing::LeadsOf(single), testing::LeadsOf(clustered));
  }

  testing::TempDir dir;
  farm::Farm farm;
  std::string single, clustered;
  int single_pages = 0;
};

TEST_CASE("Cluster_ThreeWorkersAndCorrelate_SameLeadsAsOneNode") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  ClusterFarm setup(*redis, 0);
  std::vector<RunResult> workers = RunWorkers(setup.clustered, setup.dir.path(), {"w1", "w2", "w3"});
  int pages = 0, workers_with_pages = 0;
  for (const RunResult& w : workers) {
    INFO(w.err);
    CHECK(w.exit_code == 0);
    CHECK(w.err.find("published") != std::string::npos);
    pages += std::max(0, PagesCrawled(w.err));
    workers_with_pages += PagesCrawled(w.err) > 0 ? 1 : 0;
  }
  // Four hosts over three workers are two, one and one (bounded loads),
  // but with no politeness delay the farm takes about a second: on a loaded
  // machine a worker may join after the others have crawled its host, so
  // only "someone crawled" is certain here (the kill test needs a split).
  CHECK(workers_with_pages >= 1);
  // Not fetched twice: the three crawled what one node crawls (give or
  // take pages a worker fetched before the others joined, on a loaded
  // machine later than the ttl/3 a worker waits for them).
  CHECK(pages <= setup.single_pages * 5 / 4);
  setup.CheckLeadsMatchOneNode();
  // Taken in once: a second correlate finds nothing new.
  RunResult again = RunPlainsight({"--config", setup.clustered, "correlate"});
  CHECK(again.err.find("cluster: 0 advert update(s) taken in") != std::string::npos);
  // Every stream was trimmed once acknowledged: at most its last entry is
  // left, so Redis does not grow run after run.
  cluster::RedisConnection connection = cluster::ConnectTo(*redis);
  Result<cluster::RedisReply> streams = connection.Command({"KEYS", "plainsight:crawl:*"});
  REQUIRE(streams.ok());
  size_t checked = 0;
  for (const cluster::RedisReply& key : streams->elements) {
    if (connection.Command({"TYPE", key.text}).value().text != "stream") continue;
    INFO(key.text);
    CHECK(connection.Command({"XLEN", key.text}).value().integer <= 1);
    ++checked;
  }
  CHECK(checked > 256);  // the buckets, the hosts and the adverts stream
}

TEST_CASE("Cluster_ThreeWorkersWithPhotos_PhotoLinksReachTheStore_SameLeadsAsOneNode") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  ClusterFarm setup(*redis, 0, /*photos=*/true);
  for (const RunResult& w : RunWorkers(setup.clustered, setup.dir.path(), {"w1", "w2", "w3"})) {
    INFO(w.err);
    CHECK(w.exit_code == 0);
  }
  RunResult correlate = RunPlainsight({"--config", setup.clustered, "correlate"});
  INFO(correlate.err);
  REQUIRE(correlate.exit_code == 0);
  CHECK(correlate.err.find(" 0 with new photos") == std::string::npos);
  // The farm's planted photo groups (phones all different) are leads only
  // through their photos: here as on one node.
  const std::vector<testing::LeadView> single = testing::LeadsOf(setup.single);
  size_t photo_leads = 0;
  for (const testing::LeadView& lead : single) {
    for (const std::string& reason : lead.reasons) {
      if (reason.find("same photo in") != std::string::npos) {
        ++photo_leads;
        break;
      }
    }
  }
  const auto planted = std::count_if(setup.farm.photo_groups().begin(), setup.farm.photo_groups().end(),
                                     [](const farm::PlantedPhotoGroup& g) { return !g.stock; });
  CHECK(photo_leads >= static_cast<size_t>(planted));
  CHECK(photo_leads > 0);
  testing::CheckSameLeads(single, testing::LeadsOf(setup.clustered));
}

TEST_CASE("Cluster_AWorkerKilledMidRun_OthersTakeItsHostsAndNothingIsLost") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  ClusterFarm setup(*redis, 100);  // about 3 s per host
  const std::vector<std::string> names = {"w1", "w2", "w3"};
  const std::string victim = setup.BusiestWorker();
  const size_t v = static_cast<size_t>(std::find(names.begin(), names.end(), victim) - names.begin());
  std::vector<RunResult> results =
      RunWorkers(setup.clustered, setup.dir.path(), names, [&](std::vector<std::atomic<pid_t>>& pids) {
        WaitUntilCrawling(*redis, names.size());
        WaitForPid(pids[v]);
        ::kill(pids[v].load(), SIGKILL);
      });
  for (size_t i = 0; i < results.size(); ++i) {
    INFO(names[i] << "\n" << results[i].err);
    CHECK(results[i].exit_code == (i == v ? 128 + SIGKILL : 0));
  }
  const bool taken_over = std::any_of(results.begin(), results.end(), [](const RunResult& r) {
    return r.err.find("gained from other workers") != std::string::npos;
  });
  CHECK(taken_over);
  // The survivors took its hosts over (after its TTL) and crawled them from
  // their seeds: every advert reaches the store without the dead worker.
  setup.CheckLeadsMatchOneNode();

  // Restarted, it resumes its own frontier, publishes what it had stored;
  // the adverts are taken in again, not doubled.
  RunResult restarted = RunPlainsight({"--config", setup.clustered, "--db",
                                       setup.dir.path() + "/" + victim, "crawl", "--worker", victim});
  INFO(restarted.err);
  CHECK(restarted.exit_code == 0);
  CHECK(restarted.err.find("resumed an interrupted run") != std::string::npos);
  setup.CheckLeadsMatchOneNode();
}

TEST_CASE("Cluster_RedisRestartedMidRun_TheRunCompletes") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  ClusterFarm setup(*redis, 100);
  const std::vector<std::string> names = {"w1", "w2", "w3"};
  std::string restarted;
  std::vector<RunResult> results =
      RunWorkers(setup.clustered, setup.dir.path(), names, [&](std::vector<std::atomic<pid_t>>& pids) {
        WaitUntilCrawling(*redis, pids.size());
        redis->Kill();  // a crash: only what the AOF holds survives
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        restarted = redis->Restart();
      });
  REQUIRE(restarted.empty());
  for (size_t i = 0; i < results.size(); ++i) {
    INFO(names[i] << "\n" << results[i].err);
    CHECK(results[i].exit_code == 0);
  }
  const bool saw_it_down = std::any_of(results.begin(), results.end(), [](const RunResult& r) {
    return r.err.find("unavailable") != std::string::npos;
  });
  CHECK(saw_it_down);  // Redis went away while they ran
  setup.CheckLeadsMatchOneNode();
}

TEST_CASE("Cluster_RedisUnreachableOrNoClusterTable_ClearExitCodes") {
  testing::TempDir dir("plainsight-cluster-errors");
  const std::string store = dir.path() + "/store";
  const std::string port = std::to_string(testing::FreeLoopbackPort());
  const std::string unreachable = dir.path() + "/unreachable.toml";
  std::ofstream(unreachable) << "[store]\npath = \"" << store
                             << "\"\n[cluster]\nredis = \"redis://127.0.0.1:" << port << "/0\"\n";
  const std::string plain = dir.path() + "/plain.toml";
  std::ofstream(plain) << "[store]\npath = \"" << store << "\"\n";
  const std::string bad = dir.path() + "/bad.toml";
  std::ofstream(bad) << "[store]\npath = \"" << store << "\"\n\n[cluster]\nredis = \"http://x\"\n";

  const struct {
    const char* name;
    std::vector<std::string> args;
    int exit_code;
    std::string says;
  } cases[] = {
      {"worker, Redis down", {"--config", unreachable, "crawl", "--worker", "w1"}, 2,
       "127.0.0.1:" + port},
      {"correlate, Redis down", {"--config", unreachable, "correlate"}, 2, "127.0.0.1:" + port},
      {"worker without [cluster]", {"--config", plain, "crawl", "--worker", "w1"}, 1, "[cluster]"},
      {"not a redis URL", {"--config", bad, "crawl", "--worker", "w1"}, 1, "bad.toml:5"},
  };
  for (const auto& c : cases) {
    RunResult run = RunPlainsight(c.args);
    INFO(c.name << "\n" << run.err);
    CHECK(run.exit_code == c.exit_code);
    CHECK(run.err.find(c.says) != std::string::npos);
  }
}

}  // namespace
}  // namespace plainsight
