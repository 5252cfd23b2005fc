// BuildContext: what farm2's generators share while one seed builds the
// farm: the seed's random streams, the one phone pool, the names and
// e-mails already used (so ordinary advertisers never collide by chance),
// and the adverts and truth groups built so far.
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
  // Adds an ordinary advert.
  void Add(Advert advert) {
    advert.group.clear();
    adverts_.push_back(std::move(advert));
  }
  // Adds an advert to group `group`.
  void Add(Advert advert, std::size_t group) {
    advert.group = groups_[group].name;
    groups_[group].adverts.push_back(adverts_.size());
    adverts_.push_back(std::move(advert));
  }

  // False if `name` (a company, a persona e-mail, a slug) was claimed before.
  bool Claim(const std::string& name) { return claimed_.insert(name).second; }

  // A named list a generator deals from across calls (see PrivateAd).
  std::vector<std::string>& Deck(const std::string& name) { return decks_[name]; }

  std::vector<Advert>& adverts() { return adverts_; }
  std::vector<TruthGroup>& groups() { return groups_; }

 private:
  Rng root_;
  PhonePool phones_;
  std::set<std::string> claimed_;
  std::map<std::string, std::vector<std::string>> decks_;
  std::vector<Advert> adverts_;
  std::vector<TruthGroup> groups_;
};

}  // namespace plainsight::farm2
