#include "leads/unit_closure.h"

#include <cstdlib>
#include <deque>
#include <utility>

#include "leads/corpus.h"
#include "leads/template_index.h"

namespace plainsight {

UnitClosure::UnitClosure(const Store& store, const LeadSettings& settings)
    : store_(store), settings_(settings), verdicts_(store, settings) {}

Result<std::vector<std::string>> UnitClosure::ConsecutivePartners(const std::string& phone) {
  const std::string type = std::string(EntityTypeName(EntityType::kPhone)) + " +";
  std::vector<std::string> partners;
  // The facts pair "+" and 7-15 digits (link_facts.cc, SplitPhoneBlock).
  if (phone.rfind(type, 0) != 0 || phone.size() < type.size() + 7 ||
      phone.size() > type.size() + 15 ||
      phone.find_first_not_of("0123456789", type.size()) != std::string::npos) {
    return partners;
  }
  const std::pair<std::string, size_t> block{phone.substr(0, phone.size() - 3), phone.size()};
  auto found = blocks_.find(block);
  if (found == blocks_.end()) {
    auto keys = verdicts_.LinkingPhones(block.first, block.second);
    if (!keys.ok()) return keys.status();
    std::vector<std::pair<int, std::string>> phones;
    for (std::string& key : *keys) {
      const int number = std::stoi(key.substr(key.size() - 3));
      phones.emplace_back(number, std::move(key));
    }
    if (phones.size() < 2 ||
        phones.size() > static_cast<size_t>(settings_.consecutive_block_max_phones)) {
      phones.clear();
    }
    found = blocks_.emplace(block, std::move(phones)).first;
  }
  const int number = std::stoi(phone.substr(phone.size() - 3));
  for (const auto& [other, key] : found->second) {
    if (key != phone && std::abs(other - number) <= settings_.consecutive_phone_window) {
      partners.push_back(key);
    }
  }
  return partners;
}

Status UnitClosure::Walk(const std::string& entity, std::deque<std::string>* queue) {
  auto holders = LinkHolders(store_, entity);
  if (!holders.ok()) return holders.status();
  for (std::string& holder : *holders) {
    if (adverts_.count(holder) == 0) queue->push_back(std::move(holder));
  }
  return Status::OK();
}

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
      Status s = Walk(key, &queue);
      if (!s.ok()) return s;
      auto partners = ConsecutivePartners(key);
      if (!partners.ok()) return partners.status();
      // Its holders are walked; the partner itself (and its own partners)
      // when one of them is.
      for (const std::string& partner : *partners) {
        if (entities_.count(partner) != 0) continue;
        s = Walk(partner, &queue);
        if (!s.ok()) return s;
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
