// Farm2: an independent, adversarial test farm for plainsight's leads.
// One seed builds six advert sites (four job boards, two adult
// directories; layouts in layout_*.cc) with about 600 adverts, and the
// planted truth: risky groups that must each become exactly one lead,
// benign groups that must not become a lead at or above min_score, and
// ordinary adverts in no group; and the planted places (truth_places():
// shared housing, an address used by job and adult adverts, pick-up
// points, and decoys). Start() serves every site on 127.0.0.1
// (one farm::SiteServer each, ephemeral ports); truth() then carries
// absolute advert URLs. The same seed always gives the same sites, pages
// and truth; only the ports change from run to run.
//
// Start(), Stop() and the destructor are for the owning thread only.
// Everything else is const and safe from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "tests/farm/request_log.h"
#include "tests/farm2/advert.h"
#include "tests/farm2/site_layout.h"
#include "tests/farm2/truth.h"

namespace plainsight::farm2 {

class Farm2 {
 public:
  static constexpr std::uint64_t kDefaultSeed = 2026;

  explicit Farm2(std::uint64_t seed = kDefaultSeed);
  ~Farm2();
  Farm2(const Farm2&) = delete;
  Farm2& operator=(const Farm2&) = delete;

  Status Start();
  void Stop();
  bool started() const;

  std::uint64_t seed() const { return seed_; }
  int site_count() const { return static_cast<int>(layouts_.size()); }
  const SiteInfo& site(int index) const { return layouts_[static_cast<std::size_t>(index)]->info(); }
  const SiteLayout& layout(int index) const { return *layouts_[static_cast<std::size_t>(index)]; }
  const std::vector<Advert>& adverts() const { return adverts_; }

  // "http://127.0.0.1:PORT" of a started site, "" before Start().
  std::string base_url(int site) const;
  // The advert's absolute URL once started, else its path.
  std::string AdvertUrl(const Advert& advert) const;

  // Every group with its adverts' URLs (absolute once started).
  std::vector<TruthGroup> truth() const;
  // {"seed": N, "groups": [{"name", "risky", "description", "advert_urls"}]}
  std::string TruthJson() const;
  Status WriteTruthJson(const std::string& path) const;

  // Every planted place (truth.h): places of concern and decoys, with the
  // URLs of the adverts that name each (absolute once started).
  std::vector<TruthPlace> truth_places() const;
  // {"seed": N, "places": [{"name", "of_concern", "role", "address",
  // "postcode", "town", "description", "advert_urls"}]}
  std::string TruthPlacesJson() const;
  Status WriteTruthPlacesJson(const std::string& path) const;

  // Every page a site serves, by target, before "%BASE%" is filled in.
  const std::map<std::string, std::string>& pages(int site) const {
    return pages_[static_cast<std::size_t>(site)];
  }
  // Every page of every site, with a base URL that does not depend on the
  // ports: equal for equal seeds.
  std::string Snapshot() const;

  farm::RequestLog& requests() { return log_; }

 private:
  struct Servers;
  void BuildPages();
  void AddFooterPlaces();

  std::uint64_t seed_;
  std::vector<std::unique_ptr<SiteLayout>> layouts_;
  std::vector<Advert> adverts_;
  std::vector<TruthGroup> groups_;
  std::vector<TruthPlace> places_;
  std::vector<std::map<std::string, std::string>> pages_;
  std::vector<std::string> not_found_;
  farm::RequestLog log_;
  std::unique_ptr<Servers> servers_;
};

}  // namespace plainsight::farm2
