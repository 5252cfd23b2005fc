// photo_gen: writes generated advert photos for the crawl bench's site
// (bench/crawl_bench.sh --images): <out_dir>/<id>.jpg for ids first ..
// first + count - 1, each a distinct picture (tests/images/test_pictures.h,
// never a real photo), JPEG at the quality an advert site serves.
//
// Usage: photo_gen OUT_DIR FIRST_ID COUNT [WIDTH HEIGHT]   (default 640x480)
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/images/test_pictures.h"

namespace pictures = plainsight::images::test_pictures;

int main(int argc, char** argv) {
  if (argc != 4 && argc != 6) {
    std::fprintf(stderr, "usage: photo_gen OUT_DIR FIRST_ID COUNT [WIDTH HEIGHT]\n");
    return 2;
  }
  const std::string out_dir = argv[1];
  const long first = std::atol(argv[2]);
  const long count = std::atol(argv[3]);
  const int width = argc == 6 ? std::atoi(argv[4]) : 640;
  const int height = argc == 6 ? std::atoi(argv[5]) : 480;
  std::filesystem::create_directories(out_dir);
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  std::vector<int> failures(threads, 0);
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (long id = first + t; id < first + count; id += threads) {
        const auto seed = static_cast<std::uint64_t>(id);
        const std::string jpeg =
            pictures::EncodeOriginal(pictures::MakePicture(seed, seed, width, height));
        std::ofstream out(out_dir + "/" + std::to_string(id) + ".jpg", std::ios::binary);
        out << jpeg;
        if (jpeg.empty() || !out) ++failures[t];
      }
    });
  }
  for (std::thread& w : workers) w.join();
  int failed = 0;
  for (int f : failures) failed += f;
  if (failed > 0) {
    std::fprintf(stderr, "photo_gen: %d pictures not written\n", failed);
    return 1;
  }
  std::printf("photos=%ld\n", count);
  return 0;
}
