// BuildContext: what farm2's generators share while one seed builds the
// farm: the seed's random streams, the one phone pool, the names and
// e-mails already used (so ordinary advertisers never collide by chance),
// and the adverts, truth groups and planted places built so far.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/farm2/advert.h"
#include "tests/farm2/phones.h"
#include "tests/farm2/rng.h"
#include "tests/farm2/truth.h"

namespace plainsight::farm2 {

class BuildContext {
 public:
  explicit BuildContext(std::uint64_t seed) : root_(seed), phones_(root_.Fork("phones")) {}

  // A stream of its own for one generator.
  Rng Stream(const std::string& label) const { return root_.Fork(label); }
  PhonePool& phones() { return phones_; }

  // Registers a truth group and returns its index.
  std::size_t AddGroup(const std::string& name, bool risky, const std::string& description) {
    groups_.push_back(TruthGroup{name, risky, description, {}, {}});
    return groups_.size() - 1;
  }
  // Adds an ordinary advert; returns its index.
  std::size_t Add(Advert advert) {
    advert.group.clear();
    adverts_.push_back(std::move(advert));
    return adverts_.size() - 1;
  }
  // Adds an advert to group `group`; returns its index.
  std::size_t Add(Advert advert, std::size_t group) {
    advert.group = groups_[group].name;
    groups_[group].adverts.push_back(adverts_.size());
    adverts_.push_back(std::move(advert));
    return adverts_.size() - 1;
  }

  // Registers a planted place (adverts added with AddToPlace) and returns
  // its index.
  std::size_t AddPlace(TruthPlace place) {
    places_.push_back(std::move(place));
    return places_.size() - 1;
  }
  void AddToPlace(std::size_t place, std::size_t advert) { places_[place].adverts.push_back(advert); }

  // False if `name` (a company, a persona e-mail, a slug) was claimed before.
  bool Claim(const std::string& name) { return claimed_.insert(name).second; }

  // A named list a generator deals from across calls (see PrivateAd).
  std::vector<std::string>& Deck(const std::string& name) { return decks_[name]; }

  std::vector<Advert>& adverts() { return adverts_; }
  std::vector<TruthGroup>& groups() { return groups_; }
  std::vector<TruthPlace>& places() { return places_; }

 private:
  Rng root_;
  PhonePool phones_;
  std::set<std::string> claimed_;
  std::map<std::string, std::vector<std::string>> decks_;
  std::vector<Advert> adverts_;
  std::vector<TruthGroup> groups_;
  std::vector<TruthPlace> places_;
};

}  // namespace plainsight::farm2
