// farm2_serve: builds farm2 from a seed and either dumps it or serves it.
//   farm2_serve --dump DIR [--seed N]   writes every page, truth.json,
//                                       truth_places.json and a summary
//                                       under DIR, then exits
//   farm2_serve --out DIR [--seed N]    serves the sites until SIGINT or
//                                       SIGTERM, with DIR/plainsight.toml,
//                                       DIR/truth.json and
//                                       DIR/truth_places.json for the live
//                                       ports
// For looking at the farm by hand; the tests do not need it.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>

#include "tests/farm2/config_toml.h"
#include "tests/farm2/farm2.h"
#include "tests/farm2/text.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

void Summary(const plainsight::farm2::Farm2& farm, std::ostream& out) {
  std::map<int, int> per_site;
  for (const auto& advert : farm.adverts()) ++per_site[advert.site];
  out << "adverts " << farm.adverts().size() << "\n";
  for (const auto& [site, count] : per_site) out << "  " << farm.site(site).name << " " << count << "\n";
  int risky = 0, benign = 0, grouped = 0;
  for (const auto& group : farm.truth()) {
    (group.risky ? risky : benign) += 1;
    grouped += static_cast<int>(group.adverts.size());
    out << (group.risky ? "  risky  " : "  benign ") << group.name << " " << group.adverts.size() << "\n";
  }
  out << "groups " << risky << " risky, " << benign << " benign; " << grouped << " adverts in groups, "
      << farm.adverts().size() - static_cast<std::size_t>(grouped) << " ordinary\n";
  for (const auto& place : farm.truth_places())
    out << (place.of_concern ? "  concern " : "  decoy   ") << place.name << " (" << place.role << ") "
        << place.adverts.size() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::uint64_t seed = plainsight::farm2::Farm2::kDefaultSeed;
  std::string dump, out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--seed") seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (flag == "--dump") dump = value;
    else if (flag == "--out") out = value;
  }
  if (dump.empty() == out.empty()) {
    std::cerr << "usage: farm2_serve (--dump DIR | --out DIR) [--seed N]\n";
    return 1;
  }
  plainsight::farm2::Farm2 farm(seed);
  if (!dump.empty()) {
    for (int s = 0; s < farm.site_count(); ++s) {
      fs::path dir = fs::path(dump) / farm.site(s).name;
      fs::create_directories(dir);
      for (const auto& [target, page] : farm.pages(s)) {
        std::string name = plainsight::farm2::Slug(target);
        std::ofstream(dir / ((name.empty() ? "index" : name) + ".html")) << page;
      }
    }
    std::ofstream(fs::path(dump) / "truth.json") << farm.TruthJson();
    std::ofstream(fs::path(dump) / "truth_places.json") << farm.TruthPlacesJson();
    // One line per advert: site, path, group, the advert's own text, and the
    // phones and e-mails it writes.
    std::ofstream lines(fs::path(dump) / "adverts.tsv");
    for (const auto& advert : farm.adverts()) {
      std::string text = advert.title;
      for (const auto& section : advert.sections) {
        text += " " + section.heading;
        for (const auto& p : section.paragraphs) text += " " + p;
        for (const auto& b : section.bullets) text += " " + b;
      }
      text += " " + advert.contact;
      for (char& c : text)
        if (c == '\t' || c == '\n') c = ' ';
      lines << farm.site(advert.site).name << '\t' << advert.path << '\t'
            << (advert.group.empty() ? "-" : advert.group) << '\t' << text << '\t'
            << plainsight::farm2::Join(advert.phones, ",") << '\t'
            << plainsight::farm2::Join(advert.emails, ",") << '\n';
    }
    std::ofstream summary(fs::path(dump) / "summary.txt");
    Summary(farm, summary);
    Summary(farm, std::cout);
    return 0;
  }
  if (auto status = farm.Start(); !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  fs::create_directories(out);
  plainsight::farm2::ConfigOptions options;
  options.store_path = (fs::path(out) / "store").string();
  if (auto status = plainsight::farm2::WriteConfig(farm, options, (fs::path(out) / "plainsight.toml").string());
      !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  if (auto status = farm.WriteTruthJson((fs::path(out) / "truth.json").string()); !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  if (auto status = farm.WriteTruthPlacesJson((fs::path(out) / "truth_places.json").string());
      !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  Summary(farm, std::cout);
  std::cout << "serving; config " << (fs::path(out) / "plainsight.toml").string() << std::endl;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  farm.Stop();
  return 0;
}
