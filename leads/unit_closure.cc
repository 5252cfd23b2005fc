#include "leads/unit_closure.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "leads/corpus.h"
#include "leads/template_index.h"

namespace plainsight {

UnitClosure::UnitClosure(const Store& store, const LeadSettings& settings)
    : store_(store), settings_(settings), verdicts_(store, settings) {}

namespace {

// The 1000-number block of a phone key the facts pair ("+" and 7-15
// digits: link_facts.cc, SplitPhoneBlock): its key prefix and key length.
bool BlockOf(const std::string& phone, std::pair<std::string, size_t>* block) {
  static const std::string type = std::string(EntityTypeName(EntityType::kPhone)) + " +";
  if (phone.rfind(type, 0) != 0 || phone.size() < type.size() + 7 ||
      phone.size() > type.size() + 15 ||
      phone.find_first_not_of("0123456789", type.size()) != std::string::npos) {
    return false;
  }
  *block = {phone.substr(0, phone.size() - 3), phone.size()};
  return true;
}

int NumberInBlock(const std::string& phone) { return std::stoi(phone.substr(phone.size() - 3)); }

}  // namespace

Status UnitClosure::ReadBlocks(const std::vector<std::string>& phones) {
  std::vector<std::pair<std::string, size_t>> unread;
  std::pair<std::string, size_t> block;
  for (const std::string& phone : phones) {
    if (BlockOf(phone, &block) && blocks_.count(block) == 0) unread.push_back(block);
  }
  std::sort(unread.begin(), unread.end());
  unread.erase(std::unique(unread.begin(), unread.end()), unread.end());
  auto linking = verdicts_.LinkingPhones(unread);
  if (!linking.ok()) return linking.status();
  for (size_t b = 0; b < unread.size(); ++b) {
    std::vector<std::pair<int, std::string>> numbered;
    std::vector<std::string>& keys = (*linking)[b];
    if (keys.size() >= 2 && keys.size() <= static_cast<size_t>(settings_.consecutive_block_max_phones)) {
      for (std::string& key : keys) numbered.emplace_back(NumberInBlock(key), std::move(key));
    }
    blocks_.emplace(std::move(unread[b]), std::move(numbered));
  }
  return Status::OK();
}

std::vector<std::string> UnitClosure::ConsecutivePartners(const std::string& phone) const {
  std::vector<std::string> partners;
  std::pair<std::string, size_t> block;
  if (!BlockOf(phone, &block)) return partners;
  const auto found = blocks_.find(block);
  if (found == blocks_.end()) return partners;
  const int number = NumberInBlock(phone);
  for (const auto& [other, key] : found->second) {
    if (key != phone && std::abs(other - number) <= settings_.consecutive_phone_window) {
      partners.push_back(key);
    }
  }
  return partners;
}

Status UnitClosure::Walk(const std::vector<std::string>& entities, std::vector<std::string>* next) {
  auto holders = LinkHolders(store_, entities);
  if (!holders.ok()) return holders.status();
  for (std::vector<std::string>& of_one : *holders) {
    for (std::string& holder : of_one) {
      if (adverts_.count(holder) == 0) next->push_back(std::move(holder));
    }
  }
  return Status::OK();
}

Status UnitClosure::Add(const std::vector<std::string>& seeds) {
  std::vector<std::string> wave = seeds;
  while (!wave.empty()) {
    std::sort(wave.begin(), wave.end());
    wave.erase(std::unique(wave.begin(), wave.end()), wave.end());
    wave.erase(std::remove_if(wave.begin(), wave.end(),
                              [&](const std::string& id) { return adverts_.count(id) != 0; }),
               wave.end());
    auto summaries = store_.GetAdvertSummaries(wave);
    if (!summaries.ok()) return summaries.status();
    std::vector<std::string> present;
    std::vector<std::string> keys;  // entities not met before
    for (size_t i = 0; i < wave.size(); ++i) {
      if (!(*summaries)[i].has_value()) continue;
      adverts_.insert(wave[i]);
      present.push_back(wave[i]);
      ForEachLinkEntity(*(*summaries)[i],
                        [&](EntityType type, const std::vector<std::string>& values) {
                          for (const std::string& value : values) {
                            std::string key = std::string(EntityTypeName(type)) + " " + value;
                            if (entities_.insert(key).second) keys.push_back(std::move(key));
                          }
                        });
    }
    summaries->clear();
    auto verdicts = verdicts_.Entities(keys);
    if (!verdicts.ok()) return verdicts.status();
    std::vector<std::string> linking;
    std::vector<bool> shared;  // held by another advert too
    for (size_t k = 0; k < keys.size(); ++k) {
      if ((*verdicts)[k].hygiene != Hygiene::kLinks) continue;
      linking.push_back(keys[k]);
      shared.push_back((*verdicts)[k].adverts > 1);
    }
    Status s = ReadBlocks(linking);
    if (!s.ok()) return s;
    std::vector<std::string> walked;
    for (size_t k = 0; k < linking.size(); ++k) {
      const std::string& key = linking[k];
      // An entity only the advert it came from holds has no holders to
      // walk (most of them: a seek each saved).
      if (shared[k]) walked.push_back(key);
      // Its holders are walked; the partner itself (and its own partners)
      // when one of them is.
      for (const std::string& partner : ConsecutivePartners(key)) {
        if (entities_.count(partner) == 0) walked.push_back(partner);
      }
    }
    std::vector<std::string> next;
    s = Walk(walked, &next);
    if (!s.ok()) return s;
    auto clusters = TemplateClustersOf(store_, present);
    if (!clusters.ok()) return clusters.status();
    for (std::vector<std::string>& cluster : *clusters) {
      if (cluster.empty() || !cluster_firsts_.insert(cluster.front()).second) continue;
      auto verdict = verdicts_.Cluster(cluster);
      if (!verdict.ok()) return verdict.status();
      if (verdict->hygiene == Hygiene::kLinks) {
        for (const std::string& member : cluster) {
          if (adverts_.count(member) == 0) next.push_back(member);
        }
      }
      clusters_.push_back(std::move(cluster));
    }
    wave = std::move(next);
  }
  return Status::OK();
}

}  // namespace plainsight
