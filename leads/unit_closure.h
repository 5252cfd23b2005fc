// UnitClosure: the adverts an incremental run recomputes
// (docs/incremental_correlation.md, "The unit of recomputation").
//
// Adverts are tied by every entity with two or more holders that links
// (neither a site's own nor a hub, decided from the counts the store keeps,
// link_counts.h, as link_facts.h decides them), by every template cluster
// that links (template_index.h), and by pairs of consecutive phones (a
// group holding one phone of a pair lists the pair, with the other
// phone's adverts among its members). A unit is a connected set of
// them. Starting from seeds, the closure walks those ties through the
// store's holder index and cluster index, so it holds the whole unit of
// every seed: grouped alone, with the store's facts, those adverts come
// out as the full run groups them, and no group of the full run reaches
// outside them.
//
// Reads the store as it is when walked; the caller has brought the counts
// and the template index up to date first. Not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "leads/link_counts.h"
#include "leads/link_facts.h"
#include "store/store.h"

namespace plainsight {

class UnitClosure {
 public:
  UnitClosure(const Store& store, const LeadSettings& settings);

  // Adds the units of `ids` (nothing for an advert not stored). The
  // units are walked in waves, each wave's reads batched.
  Status Add(const std::vector<std::string>& ids);

  // The adverts of the units added, ascending.
  std::vector<std::string> Adverts() const { return {adverts_.begin(), adverts_.end()}; }
  size_t size() const { return adverts_.size(); }
  // The template clusters met (each ascending), whether they link or not.
  const std::vector<std::vector<std::string>>& clusters() const { return clusters_; }

 private:
  // Reads the linking phones of the 1000-number blocks of `phones` (keys)
  // not read before, all in one pass over the store's counts.
  Status ReadBlocks(const std::vector<std::string>& phones);
  // The linking phones the facts would pair with `phone` (a key), from
  // its block as read.
  std::vector<std::string> ConsecutivePartners(const std::string& phone) const;
  // The next wave: the holders of `entities` not yet in.
  Status Walk(const std::vector<std::string>& entities, std::vector<std::string>* next);

  const Store& store_;
  const LeadSettings& settings_;
  KeptVerdicts verdicts_;
  // Per block (its key prefix and key length): its linking phones by
  // number, when the block holds few enough of them to pair.
  std::map<std::pair<std::string, size_t>, std::vector<std::pair<int, std::string>>> blocks_;
  std::set<std::string> adverts_;
  std::set<std::string> entities_;        // walked or judged
  std::set<std::string> cluster_firsts_;  // clusters met, by first id
  std::vector<std::vector<std::string>> clusters_;
};

}  // namespace plainsight
