#include "leads/link_graph.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "leads/link_facts.h"
#include "leads/template_risk.h"
#include "leads/union_find.h"

namespace plainsight {
namespace {

std::vector<std::uint32_t> SortedUnion(std::vector<std::uint32_t> a,
                                       const std::vector<std::uint32_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

int KindRank(LinkKind kind) {
  switch (kind) {
    case LinkKind::kContact:
      return 0;
    case LinkKind::kAddress:
      return 1;
    case LinkKind::kTemplate:
      return 2;
    case LinkKind::kPostcode:
      return 3;
    case LinkKind::kConsecutive:
      return 4;
  }
  return 5;
}

std::string Describe(const Corpus& corpus, const LinkSource& s) {
  switch (s.kind) {
    case LinkKind::kContact:
    case LinkKind::kAddress:
    case LinkKind::kPostcode:
      return corpus.EntityKey(s.entity);
    case LinkKind::kTemplate:
      return "near-duplicate template";
    case LinkKind::kConsecutive:
      return "consecutive phones " + std::string(corpus.EntityValue(s.entity)) + " and " +
             std::string(corpus.EntityValue(s.entity2));
  }
  return "";
}

// Union-find with the size of each root's group, and the cap.
class Grouping {
 public:
  explicit Grouping(size_t n) : uf_(n), size_(n, 1) {}
  size_t Find(size_t i) { return uf_.Find(i); }
  size_t SizeOf(size_t root) const { return size_[root]; }
  // The distinct roots of `members`, ascending.
  const std::vector<size_t>& Roots(const std::vector<std::uint32_t>& members) {
    roots_.clear();
    for (std::uint32_t i : members) roots_.push_back(uf_.Find(i));
    std::sort(roots_.begin(), roots_.end());
    roots_.erase(std::unique(roots_.begin(), roots_.end()), roots_.end());
    return roots_;
  }
  size_t Total(const std::vector<size_t>& roots) const {
    size_t total = 0;
    for (size_t r : roots) total += size_[r];
    return total;
  }
  void Join(const std::vector<size_t>& roots) {
    if (roots.empty()) return;
    const size_t total = Total(roots);
    for (size_t k = 1; k < roots.size(); ++k) uf_.Union(roots[0], roots[k]);
    size_[uf_.Find(roots[0])] = total;
  }

 private:
  UnionFind uf_;
  std::vector<size_t> size_;  // valid at roots
  std::vector<size_t> roots_;
};

// The adverts of one template in parts: two adverts are in one part when
// strong links already group them or they name the same first town (the
// place the advert is for; later towns may be page furniture).
std::vector<std::vector<std::uint32_t>> SplitByTown(const Corpus& corpus, Grouping& grouping,
                                                    const std::vector<std::uint32_t>& members) {
  UnionFind parts(members.size());
  std::unordered_map<size_t, size_t> first_by_root;
  std::unordered_map<std::uint16_t, size_t> first_by_town;
  for (size_t k = 0; k < members.size(); ++k) {
    auto [root, new_root] = first_by_root.try_emplace(grouping.Find(members[k]), k);
    if (!new_root) parts.Union(root->second, k);
    const Run<std::uint16_t> towns = corpus.Towns(members[k]);
    if (towns.empty()) continue;
    auto [town, new_town] = first_by_town.try_emplace(towns[0], k);
    if (!new_town) parts.Union(town->second, k);
  }
  std::vector<std::vector<std::uint32_t>> out;
  std::unordered_map<size_t, size_t> index;  // part root -> position in out
  for (size_t k = 0; k < members.size(); ++k) {
    auto [it, inserted] = index.try_emplace(parts.Find(k), out.size());
    if (inserted) out.emplace_back();
    out[it->second].push_back(members[k]);  // members ascend, so each part does
  }
  return out;
}

// A postcode given without a street joins the one full address known at it.
// A postcode covers about 15 addresses: with exactly one full address (street
// and postcode) seen there, an advert that gives only the postcode ("incall
// near NN1 4TH", "Abington Grove, NN1 4TH" with no house number) names that
// door; with two or more it names none, and stays a weak link. Found on the
// independent farm (issue 15: job adverts house workers at "19 Abington
// Grove, NN1 4TH", adult adverts give the street or only the postcode).
template <typename Join>
void JoinPostcodesToTheirOneAddress(
    const Corpus& corpus, const EntityHolders& holders,
    const std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>& postcode_addresses,
    const std::vector<bool>& ignored, std::vector<LinkSource>* sources, Join& join_within_cap,
    Grouping& grouping) {
  for (LinkSource& s : *sources) {
    if (s.kind != LinkKind::kPostcode || !s.active) continue;
    auto at = postcode_addresses.find(s.entity);
    if (at == postcode_addresses.end()) continue;
    // Withheld by the cap while strong links grouped: no longer known.
    size_t known = 0;
    std::uint32_t address = 0;
    for (std::uint32_t e : at->second) {
      if (!ignored[e]) {
        ++known;
        address = e;
      }
    }
    if (known != 1) continue;
    std::vector<std::uint32_t> joined = holders.Of(address);
    const size_t with_address = joined.size();
    for (std::uint32_t advert : s.members) {
      bool has_street = false;
      for (std::uint32_t e : corpus.Entities(advert)) {
        has_street = has_street || corpus.entity_types[e] == EntityType::kAddress;
      }
      if (!has_street) joined.push_back(advert);
    }
    if (joined.size() == with_address) continue;
    std::sort(joined.begin(), joined.end());
    joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
    const std::vector<size_t> roots = grouping.Roots(joined);
    if (roots.size() >= 2 && join_within_cap(s, roots)) s.joined_at.push_back(joined.front());
  }
}

}  // namespace

bool IsStrong(LinkKind kind) { return kind == LinkKind::kContact || kind == LinkKind::kAddress; }

const char* LinkTypeName(const Corpus& corpus, LinkKind kind, std::uint32_t entity) {
  switch (kind) {
    case LinkKind::kContact:
      return EntityTypeName(corpus.entity_types[entity]);
    case LinkKind::kAddress:
      return "address";
    case LinkKind::kTemplate:
      return "template";
    case LinkKind::kPostcode:
      return "postcode";
    case LinkKind::kConsecutive:
      return "consecutive phones";
  }
  return "";
}

namespace {

LinkGraph Group(const Corpus& corpus, const EntityHolders& holders, LinkFacts facts,
                const LeadSettings& settings) {
  LinkGraph g;
  const size_t n = corpus.adverts.size();
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (holders.Count(e) < 2 || facts.entity_ignored[e]) continue;
    LinkSource s;
    switch (corpus.entity_types[e]) {
      case EntityType::kPhone:
      case EntityType::kEmail:
      case EntityType::kHandle:
      case EntityType::kImage:
        s.kind = LinkKind::kContact;
        break;
      case EntityType::kAddress:
        s.kind = LinkKind::kAddress;
        break;
      case EntityType::kPostcode:
        s.kind = LinkKind::kPostcode;
        break;
    }
    s.entity = static_cast<std::uint32_t>(e);
    s.members = holders.Of(e);
    g.sources.push_back(std::move(s));
  }
  for (auto& members : facts.templates) {
    LinkSource s;
    s.kind = LinkKind::kTemplate;
    s.members = std::move(members);
    g.sources.push_back(std::move(s));
  }
  for (const auto& [low, high] : facts.consecutive) {
    LinkSource s;
    s.kind = LinkKind::kConsecutive;
    s.entity = low;
    s.entity2 = high;
    s.members = SortedUnion(holders.Of(low), holders.Of(high));
    if (s.members.size() >= 2) g.sources.push_back(std::move(s));
  }
  g.entity_ignored = std::move(facts.entity_ignored);
  g.entity_hub = std::move(facts.entity_hub);
  g.boilerplate = std::move(facts.boilerplate);
  g.hubs = std::move(facts.hubs);
  g.withheld = facts.over_cap;
  const auto postcode_addresses = std::move(facts.postcode_addresses);

  // Strongest and most specific first, so the cap cuts the broadest links.
  std::sort(g.sources.begin(), g.sources.end(), [](const LinkSource& a, const LinkSource& b) {
    if (KindRank(a.kind) != KindRank(b.kind)) return KindRank(a.kind) < KindRank(b.kind);
    if (a.members.size() != b.members.size()) return a.members.size() < b.members.size();
    if (a.members != b.members) return a.members < b.members;
    return std::make_pair(a.entity, a.entity2) < std::make_pair(b.entity, b.entity2);
  });
  Grouping grouping(n);
  const auto cap = static_cast<size_t>(settings.max_lead_adverts);
  auto withhold = [&](LinkSource& s, size_t total) {
    s.active = false;
    ++g.withheld;
    // On more adverts than the cap by itself: said by its own count, which
    // no other source changes (incremental_correlation.md); else by the
    // size of the group it would have made.
    std::string what = s.members.size() > cap
                           ? Describe(corpus, s) + ": on " + std::to_string(s.members.size()) +
                                 " adverts, over max_lead_adverts " + std::to_string(cap)
                           : Describe(corpus, s) + ": would join " + std::to_string(total) +
                                 " adverts, over max_lead_adverts " + std::to_string(cap);
    if (s.kind == LinkKind::kContact || s.kind == LinkKind::kAddress) {
      g.entity_hub[s.entity] = what;
      g.entity_ignored[s.entity] = true;
    }
    g.hubs.push_back(what);
  };
  // Joins the groups at `roots` through `s`, unless the group they would make
  // passes the cap: then `s` is withheld instead. Returns whether it joined.
  auto join_within_cap = [&](LinkSource& s, const std::vector<size_t>& roots) {
    const size_t total = grouping.Total(roots);
    if (total > cap) {
      withhold(s, total);
      return false;
    }
    grouping.Join(roots);
    s.joined = true;
    return true;
  };
  // Strong links build the groups.
  for (LinkSource& s : g.sources) {
    if (IsStrong(s.kind)) join_within_cap(s, grouping.Roots(s.members));
  }
  JoinPostcodesToTheirOneAddress(corpus, holders, postcode_addresses, g.entity_ignored, &g.sources,
                                 join_within_cap, grouping);
  // A template with risk of its own joins singletons to each other and to
  // at most one strong group. Where it touches two or more strong groups it
  // joins only those of its adverts that also name one town (the same
  // copied advert in the same place: one ring using several phones), never
  // across towns (two rings copying one text in different places).
  for (LinkSource& s : g.sources) {
    if (s.kind != LinkKind::kTemplate) continue;
    s.risk = TemplateRisk(corpus, g.entity_ignored, s.members, settings);
    if (s.risk.empty()) continue;
    const std::vector<size_t> roots = grouping.Roots(s.members);
    size_t strong_groups = 0;
    for (size_t r : roots) strong_groups += grouping.SizeOf(r) >= 2 ? 1u : 0u;
    std::vector<std::vector<std::uint32_t>> parts;
    if (strong_groups >= 2) {
      parts = SplitByTown(corpus, grouping, s.members);
      if (parts.size() > 1) ++g.weak_not_joined;
    } else {
      parts = {s.members};
    }
    for (const std::vector<std::uint32_t>& part : parts) {
      if (part.size() < 2) continue;
      if (parts.size() > 1 && TemplateRisk(corpus, g.entity_ignored, part, settings).empty()) {
        continue;
      }
      const std::vector<size_t> part_roots = grouping.Roots(part);
      if (part_roots.size() < 2) continue;
      if (!s.joined) {
        if (!join_within_cap(s, part_roots)) break;
        s.joined_at.push_back(part.front());
        continue;
      }
      // A later part past the cap is left apart; the parts already joined
      // stay joined, and the template stays listed in their leads (it once
      // went inactive here, leaving a lead joined by nothing it showed).
      const size_t total = grouping.Total(part_roots);
      if (total > cap) {
        ++g.withheld;
        g.hubs.push_back(Describe(corpus, s) + ": a part in other towns would join " +
                         std::to_string(total) + " adverts, over max_lead_adverts " +
                         std::to_string(cap) + "; left apart");
        break;
      }
      grouping.Join(part_roots);
      s.joined_at.push_back(part.front());
    }
  }

  // Groups are numbered in order of their first advert.
  g.group.assign(n, 0);
  constexpr std::uint32_t kUnnumbered = 0xffffffffu;
  std::vector<std::uint32_t> dense(n, kUnnumbered);  // by root
  for (size_t i = 0; i < n; ++i) {
    std::uint32_t& number = dense[grouping.Find(i)];
    if (number == kUnnumbered) number = static_cast<std::uint32_t>(g.groups++);
    g.group[i] = number;
  }
  return g;
}

}  // namespace

LinkGraph BuildLinkGraph(const Corpus& corpus, const LeadSettings& settings) {
  const EntityHolders holders = IndexHolders(corpus);
  return Group(corpus, holders, ComputeLinkFacts(corpus, holders, settings), settings);
}

LinkGraph BuildLinkGraph(const Corpus& corpus, LinkFacts facts, const LeadSettings& settings) {
  // Facts of another corpus would be read past their end.
  facts.entity_ignored.resize(corpus.EntityCount(), false);
  return Group(corpus, IndexHolders(corpus), std::move(facts), settings);
}

std::vector<std::vector<GroupLink>> LinksByGroup(const LinkGraph& graph) {
  std::vector<std::vector<GroupLink>> out(graph.groups);
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> parts;
  for (const LinkSource& s : graph.sources) {
    if (!s.active) continue;
    parts.clear();
    for (std::uint32_t i : s.members) parts[graph.group[i]].push_back(i);
    // In group order, so the result does not depend on hashing.
    std::vector<std::uint32_t> groups;
    for (const auto& [group, members] : parts) {
      if (members.size() >= 2) groups.push_back(group);
    }
    std::sort(groups.begin(), groups.end());
    for (std::uint32_t group : groups) {
      bool joined = s.joined && IsStrong(s.kind);
      for (std::uint32_t advert : s.joined_at) joined |= graph.group[advert] == group;
      out[group].push_back({&s, std::move(parts[group]), joined});
    }
  }
  return out;
}

}  // namespace plainsight
