// parse_ceiling_bench: the most pages per second any crawler that parses
// every page with gumbo could reach on this machine.
//
// Reads every *.html file under DIR into memory, then parses each once with
// gumbo (the options plainsight uses, max_errors = 0) on --threads threads
// (default: every core), and does nothing else: no network, no server, no
// extraction, no storage. crawl_bench.sh runs it on the site it serves, so
// its figure sits beside wget2's (which fetches and link-parses only) as the
// ceiling for plainsight's.
//
// Usage: parse_ceiling_bench DIR [--threads N]
// The last lines are "key=value" figures for scripts/bench.
#include <gumbo.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> ReadPages(const fs::path& dir) {
  std::vector<std::string> pages;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_ceiling_bench DIR [--threads N]\n");
    return 2;
  }
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--threads") threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  threads = std::max(1u, threads);
  const std::vector<std::string> pages = ReadPages(argv[1]);
  if (pages.empty()) {
    std::fprintf(stderr, "parse_ceiling_bench: no .html files under %s\n", argv[1]);
    return 1;
  }
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::atomic<size_t> next{0};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < pages.size(); i = next++) {
        GumboOutput* out = gumbo_parse_with_options(&options, pages[i].data(), pages[i].size());
        gumbo_destroy_output(&options, out);
      }
    });
  }
  for (std::thread& t : pool) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double rate = static_cast<double>(pages.size()) / seconds;
  std::printf("gumbo alone: %zu pages (%.1f MB) on %u threads in %.2f s: %.1f pages/s\n",
              pages.size(), static_cast<double>(bytes) / 1e6, threads, seconds, rate);
  std::printf("ceiling.pages=%zu\n", pages.size());
  std::printf("ceiling.threads=%u\n", threads);
  std::printf("ceiling.seconds=%.2f\n", seconds);
  std::printf("ceiling.pages_s=%.1f\n", rate);
  return 0;
}
