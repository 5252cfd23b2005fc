// Cluster mode (issue 17 item 3): three `crawl --worker` processes share the
// farm's hosts through a redis-server the test starts on loopback, hand
// each other the links to hosts they do not own, publish their adverts, and
// `correlate` on the config's own store takes them in. The leads must be a
// single-node crawl's: same groups of adverts, same scores and reasons.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/farm/farm.h"
#include "tests/support/farm_config.h"
#include "tests/support/redis_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

using nlohmann::json;
using testing::RunPlainsight;
using testing::RunResult;

struct LeadView {
  std::set<std::string> urls;
  double score = 0;
  std::vector<std::string> reasons;
  bool operator<(const LeadView& o) const { return urls < o.urls; }
};

std::vector<LeadView> LeadsOf(const std::string& config) {
  RunResult run = RunPlainsight({"--config", config, "leads", "--format", "json", "--min-score", "0"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const json parsed = json::parse(run.out);
  std::vector<LeadView> out;
  for (const json& lead : parsed["leads"]) {
    LeadView v;
    for (const json& a : lead["adverts"]) v.urls.insert(a["url"].get<std::string>());
    v.score = lead["score"].get<double>();
    v.reasons = lead["reasons"].get<std::vector<std::string>>();
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "crawl: N pages" from a worker's summary.
int PagesCrawled(const std::string& err) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex("crawl: (\\d+) pages"))) return -1;
  return std::stoi(m[1]);
}

// A loopback port nothing listens on (bound, then released).
int UnusedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST_CASE("Cluster_ThreeWorkersAndCorrelate_SameLeadsAsOneNode") {
  auto redis = testing::StartRedisOrWarn();
  if (!redis) return;
  testing::TempDir dir("plainsight-cluster");
  farm::Farm farm;
  REQUIRE(farm.Start().ok());

  const std::string single = testing::WriteFarmConfig(
      farm, testing::FarmConfigOptions(dir.path() + "/single", 0), dir.path() + "/single.toml");
  RunResult crawl = RunPlainsight({"--config", single, "crawl", "-q"});
  INFO(crawl.err);
  REQUIRE(crawl.exit_code == 0);

  const std::string clustered = dir.path() + "/cluster.toml";
  std::ofstream(clustered) << testing::FarmConfigToml(
                                  farm, testing::FarmConfigOptions(dir.path() + "/central", 0))
                           << "\n[cluster]\nredis = \"" << redis->Url() << "\"\nworker_ttl_ms = 2000\n";
  std::vector<RunResult> workers(3);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < workers.size(); ++i) {
    threads.emplace_back([&, i] {
      const std::string name = "w" + std::to_string(i + 1);
      workers[i] = RunPlainsight({"--config", clustered, "--db", dir.path() + "/" + name, "crawl",
                                  "--worker", name});
    });
  }
  for (std::thread& t : threads) t.join();
  int pages = 0, workers_with_pages = 0;
  for (const RunResult& w : workers) {
    INFO(w.err);
    CHECK(w.exit_code == 0);
    CHECK(w.err.find("published") != std::string::npos);
    pages += std::max(0, PagesCrawled(w.err));
    workers_with_pages += PagesCrawled(w.err) > 0 ? 1 : 0;
  }
  // How the four farm hosts split depends on their ports and on who joined
  // first (a worker alone crawls everything until the others show up), so
  // only the total is checked; the split is in the log.
  CHECK(workers_with_pages >= 1);
  // Not fetched twice: the three crawled what one node crawls (give or
  // take pages a worker fetched before the others joined).
  CHECK(pages <= PagesCrawled(crawl.err) * 11 / 10);

  RunResult correlate = RunPlainsight({"--config", clustered, "correlate"});
  INFO(correlate.err);
  REQUIRE(correlate.exit_code == 0);
  CHECK(correlate.err.find("taken in from workers") != std::string::npos);
  const std::vector<LeadView> one = LeadsOf(single);
  const std::vector<LeadView> three = LeadsOf(clustered);
  farm.Stop();

  REQUIRE_FALSE(one.empty());
  CHECK(three.size() == one.size());
  for (size_t i = 0; i < std::min(one.size(), three.size()); ++i) {
    INFO("lead " << i << ": " << *one[i].urls.begin());
    CHECK(three[i].urls == one[i].urls);
    CHECK(three[i].score == Approx(one[i].score));
    CHECK(three[i].reasons == one[i].reasons);
  }
  // Taken in once: a second correlate finds nothing new.
  RunResult again = RunPlainsight({"--config", clustered, "correlate"});
  CHECK(again.err.find("cluster: 0 advert update(s) taken in") != std::string::npos);
}

TEST_CASE("Cluster_RedisUnreachableOrNoClusterTable_ClearExitCodes") {
  testing::TempDir dir("plainsight-cluster-errors");
  const std::string store = dir.path() + "/store";
  const std::string port = std::to_string(UnusedPort());
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
