// farm_serve: the test farm as a standalone server for soak runs.
// Writes a plainsight.toml for it, serves until SIGTERM/SIGINT, and moves
// the farm one day on (adverts edited, removed, added) at every SIGUSR1.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "tests/farm/farm.h"

namespace {
std::atomic<int> g_advance{0};
std::atomic<bool> g_stop{false};
void OnUsr1(int) { g_advance.fetch_add(1); }
void OnStop(int) { g_stop.store(true); }
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: farm_serve CONFIG_OUT STORE_DIR PATTERNS_DIR [DELAY_MS]\n");
    return 1;
  }
  plainsight::farm::Farm farm;
  auto started = farm.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "farm_serve: %s\n", started.ToString().c_str());
    return 1;
  }
  plainsight::farm::ConfigOptions options;
  options.store_path = argv[2];
  options.pattern_paths = {std::string(argv[3]) + "/adult.toml", std::string(argv[3]) + "/jobs.toml"};
  options.per_host_delay_ms = argc > 4 ? std::atoi(argv[4]) : 20;
  std::ofstream(argv[1]) << farm.ConfigToml(options);
  signal(SIGUSR1, OnUsr1);
  signal(SIGTERM, OnStop);
  signal(SIGINT, OnStop);
  std::printf("ready\n");
  std::fflush(stdout);
  while (!g_stop.load()) {
    while (g_advance.load() > 0) {
      g_advance.fetch_sub(1);
      farm.AdvanceDay();
      std::printf("day %d\n", farm.day());
      std::fflush(stdout);
    }
    usleep(50000);
  }
  farm.Stop();
  return 0;
}
