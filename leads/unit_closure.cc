#include "leads/unit_closure.h"

#include <deque>
#include <utility>

#include "leads/corpus.h"
#include "leads/template_index.h"

namespace plainsight {

UnitClosure::UnitClosure(const Store& store, const LeadSettings& settings)
    : store_(store), verdicts_(store, settings) {}

Status UnitClosure::Add(const std::string& seed) {
  std::deque<std::string> queue;
  if (adverts_.count(seed) == 0) queue.push_back(seed);
  while (!queue.empty()) {
    const std::string id = std::move(queue.front());
    queue.pop_front();
    if (adverts_.count(id) != 0) continue;
    auto advert = store_.GetAdvertSummary(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value()) continue;
    adverts_.insert(id);
    std::vector<std::string> keys;
    ForEachLinkEntity(**advert, [&](EntityType type, const std::vector<std::string>& values) {
      for (const std::string& value : values) {
        keys.push_back(std::string(EntityTypeName(type)) + " " + value);
      }
    });
    for (const std::string& key : keys) {
      if (!entities_.insert(key).second) continue;
      auto verdict = verdicts_.Entity(key);
      if (!verdict.ok()) return verdict.status();
      if (verdict->hygiene != Hygiene::kLinks) continue;
      auto holders = LinkHolders(store_, key);
      if (!holders.ok()) return holders.status();
      for (std::string& holder : *holders) {
        if (adverts_.count(holder) == 0) queue.push_back(std::move(holder));
      }
    }
    auto cluster = TemplateClusterOf(store_, id);
    if (!cluster.ok()) return cluster.status();
    if (cluster->empty() || !cluster_firsts_.insert(cluster->front()).second) continue;
    clusters_.push_back(*cluster);
    auto verdict = verdicts_.Cluster(*cluster);
    if (!verdict.ok()) return verdict.status();
    if (verdict->hygiene != Hygiene::kLinks) continue;
    for (const std::string& member : *cluster) {
      if (adverts_.count(member) == 0) queue.push_back(member);
    }
  }
  return Status::OK();
}

}  // namespace plainsight
