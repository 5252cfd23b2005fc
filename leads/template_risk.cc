#include "leads/template_risk.h"

#include <algorithm>
#include <set>

namespace plainsight {

size_t DistinctPhones(const Corpus& corpus, const std::vector<bool>& entity_ignored,
                      const std::vector<std::uint32_t>& members) {
  std::set<std::uint32_t> phones;
  for (std::uint32_t i : members) {
    for (std::uint32_t e : corpus.Entities(i)) {
      if (corpus.entity_types[e] == EntityType::kPhone && !entity_ignored[e]) phones.insert(e);
    }
  }
  return phones.size();
}

bool MostlyAdult(const Corpus& corpus, const std::vector<std::uint32_t>& members) {
  size_t adult = 0;
  for (std::uint32_t i : members) adult += corpus.adverts[i].adult ? 1u : 0u;
  return adult * 2 >= members.size();
}

std::string TemplateRisk(const Corpus& corpus, const std::vector<bool>& entity_ignored,
                         const std::vector<std::uint32_t>& members, const LeadSettings& settings) {
  const size_t n = members.size();
  if (n < 2) return "";
  if (MostlyAdult(corpus, members)) {
    const size_t phones = DistinctPhones(corpus, entity_ignored, members);
    if (phones >= static_cast<size_t>(settings.template_rotating_phones)) {
      return std::to_string(phones) + " phones on " + std::to_string(n) + " adult adverts";
    }
    std::set<std::uint32_t> names;
    std::set<std::uint8_t> ages;
    for (std::uint32_t i : members) {
      const AdvertDigest& d = corpus.adverts[i];
      if (!d.adult) continue;
      if (d.name != 0) names.insert(d.name);
      if (d.age != 0) ages.insert(d.age);
    }
    if (names.size() >= 3 || ages.size() >= 3) {
      return std::to_string(std::max(names.size(), ages.size())) + " names or ages on " +
             std::to_string(n) + " adult adverts";
    }
  }
  std::set<std::string> categories;
  size_t carrying = 0;
  for (std::uint32_t i : members) {
    const Run<std::uint32_t> hits = corpus.Indicators(i);
    if (!hits.empty()) ++carrying;
    for (std::uint32_t k : hits) categories.insert(corpus.indicators[k].category);
  }
  if (carrying * 2 >= n && categories.size() >= 2) {
    return "indicators in " + std::to_string(carrying) + " of " + std::to_string(n) +
           " adverts (" + std::to_string(categories.size()) +
           (categories.size() == 1 ? " category)" : " categories)");
  }
  return "";
}

}  // namespace plainsight
