#include "leads/link_graph.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "leads/template_risk.h"
#include "leads/union_find.h"

namespace plainsight {
namespace {

// Adverts holding each entity, as one flat array (counting sort).
struct Holders {
  std::vector<std::uint32_t> offsets;  // entity e's holders: [offsets[e], offsets[e+1])
  std::vector<std::uint32_t> adverts;

  size_t Count(size_t e) const { return offsets[e + 1] - offsets[e]; }
  std::vector<std::uint32_t> Of(size_t e) const {
    return {adverts.begin() + offsets[e], adverts.begin() + offsets[e + 1]};
  }
};

Holders IndexHolders(const Corpus& corpus) {
  Holders h;
  h.offsets.assign(corpus.EntityCount() + 1, 0);
  for (std::uint32_t e : corpus.advert_entities.values) ++h.offsets[e + 1];
  for (size_t e = 0; e < corpus.EntityCount(); ++e) h.offsets[e + 1] += h.offsets[e];
  h.adverts.resize(h.offsets.back());
  std::vector<std::uint32_t> fill(h.offsets.begin(), h.offsets.end() - 1);
  for (size_t i = 0; i < corpus.adverts.size(); ++i) {
    for (std::uint32_t e : corpus.Entities(i)) h.adverts[fill[e]++] = static_cast<std::uint32_t>(i);
  }
  return h;  // adverts are visited in order, so each entity's holders ascend
}

std::vector<size_t> SiteTotals(const Corpus& corpus) {
  std::vector<size_t> totals(corpus.sites.size(), 0);
  for (const AdvertDigest& d : corpus.adverts) ++totals[d.site];
  return totals;
}

// The site (if any) on which `members` are most of the adverts: a site's
// own contact or page layout, not a link between writers.
struct SiteShare {
  bool boilerplate = false;
  std::uint16_t site = 0;
  size_t count = 0;
  size_t sites = 0;  // distinct sites among members
};

SiteShare CheckSiteShare(const Corpus& corpus, const std::vector<std::uint32_t>& members,
                         const std::vector<size_t>& site_totals, const LeadSettings& settings) {
  std::map<std::uint16_t, size_t> per_site;
  for (std::uint32_t i : members) ++per_site[corpus.adverts[i].site];
  SiteShare out;
  out.sites = per_site.size();
  for (const auto& [site, count] : per_site) {
    double share = static_cast<double>(count) / static_cast<double>(site_totals[site]);
    if (count >= static_cast<size_t>(settings.boilerplate_min_adverts) &&
        share >= settings.boilerplate_share) {
      out = {true, site, count, per_site.size()};
      return out;
    }
  }
  return out;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "+447700900123" -> block 447700900, number 123. False for anything that
// is not "+" and 7-15 digits.
bool SplitPhoneBlock(std::string_view e164, std::uint64_t* block, int* number) {
  if (e164.size() < 8 || e164.size() > 16 || e164[0] != '+') return false;
  std::uint64_t digits = 0;
  for (size_t i = 1; i < e164.size(); ++i) {
    if (e164[i] < '0' || e164[i] > '9') return false;
    digits = digits * 10 + static_cast<std::uint64_t>(e164[i] - '0');
  }
  *block = digits / 1000;
  *number = static_cast<int>(digits % 1000);
  return true;
}

std::vector<std::uint32_t> SortedUnion(std::vector<std::uint32_t> a,
                                       const std::vector<std::uint32_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

void AddConsecutivePhoneSources(const Corpus& corpus, const Holders& holders,
                                const std::vector<bool>& ignored, const LeadSettings& settings,
                                std::vector<LinkSource>* sources) {
  struct Numbered {
    std::uint64_t block;
    int number;
    std::uint32_t entity;
    bool operator<(const Numbered& o) const {
      return block != o.block ? block < o.block : number < o.number;
    }
  };
  std::vector<Numbered> phones;
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (corpus.entity_types[e] != EntityType::kPhone || ignored[e]) continue;
    Numbered n{0, 0, static_cast<std::uint32_t>(e)};
    if (SplitPhoneBlock(corpus.EntityValue(e), &n.block, &n.number)) phones.push_back(n);
  }
  std::sort(phones.begin(), phones.end());
  const auto max_in_block = static_cast<size_t>(settings.consecutive_block_max_phones);
  for (size_t begin = 0; begin < phones.size();) {
    size_t end = begin + 1;
    while (end < phones.size() && phones[end].block == phones[begin].block) ++end;
    if (end - begin >= 2 && end - begin <= max_in_block) {
      for (size_t x = begin; x < end; ++x) {
        for (size_t y = x + 1; y < end; ++y) {
          if (phones[y].number - phones[x].number > settings.consecutive_phone_window) break;
          LinkSource s;
          s.kind = LinkKind::kConsecutive;
          s.entity = phones[x].entity;
          s.entity2 = phones[y].entity;
          s.members = SortedUnion(holders.Of(s.entity), holders.Of(s.entity2));
          if (s.members.size() >= 2) sources->push_back(std::move(s));
        }
      }
    }
    begin = end;
  }
}

using BandKey = std::pair<std::uint64_t, std::uint32_t>;  // (band key, advert)

// Sorts `keys` by key, keeping equal keys in their order (LSD radix sort,
// 16 bits a pass, skipping passes where every key has the same digit).
// `keys` arrive in advert order, so this is the (key, advert) order a
// comparison sort of the pairs gives, at a fraction of its cost: it runs
// once per LSH band over every signed advert.
void SortBandKeys(std::vector<BandKey>* keys, std::vector<BandKey>* scratch, int key_bits) {
  constexpr int kDigitBits = 16;
  constexpr size_t kDigits = size_t{1} << kDigitBits;
  if (keys->size() < 2) return;
  std::vector<std::uint32_t> count(kDigits);
  scratch->resize(keys->size());
  for (int shift = 0; shift < key_bits; shift += kDigitBits) {
    std::fill(count.begin(), count.end(), 0u);
    for (const BandKey& k : *keys) ++count[(k.first >> shift) & (kDigits - 1)];
    if (count[((*keys)[0].first >> shift) & (kDigits - 1)] == keys->size()) continue;
    std::uint32_t at = 0;
    for (std::uint32_t& c : count) {
      const std::uint32_t n = c;
      c = at;
      at += n;
    }
    for (const BandKey& k : *keys) (*scratch)[count[(k.first >> shift) & (kDigits - 1)]++] = k;
    keys->swap(*scratch);
  }
}

// Near-duplicate clusters: LSH band buckets, each member checked against
// the bucket's first member (or, failing that, its neighbour) so the work
// is linear in bucket size rather than quadratic.
std::vector<std::vector<std::uint32_t>> NearDuplicateClusters(const Corpus& corpus,
                                                              const LeadSettings& settings) {
  const size_t n = corpus.adverts.size();
  const size_t length = corpus.signature_length;
  const size_t bands = std::max<size_t>(corpus.signature_bands, 1);
  const size_t rows = length / bands;
  std::vector<std::vector<std::uint32_t>> clusters;
  if (rows == 0) return clusters;
  std::vector<std::uint32_t> signed_adverts;
  for (size_t i = 0; i < n; ++i) {
    if (corpus.Signature(i) != nullptr) signed_adverts.push_back(static_cast<std::uint32_t>(i));
  }
  UnionFind uf(n);
  std::vector<BandKey> keys, scratch;
  keys.reserve(signed_adverts.size());
  // Up to 4 rows are packed 16 bits each; more are hashed into 64 bits.
  const int key_bits = rows <= 4 ? static_cast<int>(16 * rows) : 64;
  for (size_t band = 0; band < bands && signed_adverts.size() > 1; ++band) {
    keys.clear();
    for (std::uint32_t i : signed_adverts) {
      const std::uint16_t* sig = corpus.Signature(i) + band * rows;
      std::uint64_t key = 0;
      for (size_t r = 0; r < rows && r < 4; ++r) key = (key << 16) | sig[r];
      for (size_t r = 4; r < rows; ++r) key = key * 0x9e3779b97f4a7c15ULL + sig[r];
      keys.emplace_back(key, i);
    }
    SortBandKeys(&keys, &scratch, key_bits);
    for (size_t begin = 0; begin < keys.size();) {
      size_t end = begin + 1;
      while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
      const std::uint32_t first = keys[begin].second;
      for (size_t k = begin + 1; k < end; ++k) {
        const std::uint32_t member = keys[k].second;
        if (uf.Find(member) == uf.Find(first)) continue;
        if (corpus.EstimateJaccard(first, member) >= settings.near_duplicate_threshold) {
          uf.Union(first, member);
        } else if (corpus.EstimateJaccard(keys[k - 1].second, member) >=
                   settings.near_duplicate_threshold) {
          uf.Union(keys[k - 1].second, member);
        }
      }
      begin = end;
    }
  }
  // Only roots with company get a cluster (most adverts are alone).
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t i : signed_adverts) ++size[uf.Find(i)];
  std::unordered_map<size_t, size_t> cluster_of_root;
  for (std::uint32_t i : signed_adverts) {
    const size_t root = uf.Find(i);
    if (size[root] < 2) continue;
    auto [it, inserted] = cluster_of_root.try_emplace(root, clusters.size());
    if (inserted) clusters.emplace_back();
    clusters[it->second].push_back(i);
  }
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

int KindRank(LinkKind kind) {
  switch (kind) {
    case LinkKind::kContact: return 0;
    case LinkKind::kAddress: return 1;
    case LinkKind::kTemplate: return 2;
    case LinkKind::kPostcode: return 3;
    case LinkKind::kConsecutive: return 4;
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
void JoinPostcodesToTheirOneAddress(const Corpus& corpus, const Holders& holders,
                                    const std::vector<bool>& ignored, std::vector<LinkSource>* sources,
                                    Join& join_within_cap, Grouping& grouping) {
  // Full addresses by postcode: "19 ABINGTON GROVE, NN1 4TH" ends in it.
  std::unordered_map<std::string_view, std::vector<size_t>> addresses_at;
  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    if (corpus.entity_types[e] != EntityType::kAddress || ignored[e]) continue;
    const std::string_view value = corpus.EntityValue(e);
    const size_t comma = value.rfind(", ");
    if (comma != std::string_view::npos) addresses_at[value.substr(comma + 2)].push_back(e);
  }
  for (LinkSource& s : *sources) {
    if (s.kind != LinkKind::kPostcode || !s.active) continue;
    auto at = addresses_at.find(corpus.EntityValue(s.entity));
    if (at == addresses_at.end() || at->second.size() != 1) continue;
    std::vector<std::uint32_t> joined = holders.Of(at->second.front());
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

bool IsStrong(LinkKind kind) {
  return kind == LinkKind::kContact || kind == LinkKind::kAddress;
}

const char* LinkTypeName(const Corpus& corpus, LinkKind kind, std::uint32_t entity) {
  switch (kind) {
    case LinkKind::kContact:
      return EntityTypeName(corpus.entity_types[entity]);
    case LinkKind::kAddress: return "address";
    case LinkKind::kTemplate: return "template";
    case LinkKind::kPostcode: return "postcode";
    case LinkKind::kConsecutive: return "consecutive phones";
  }
  return "";
}

namespace {

// Distinct phones, e-mails and handles over `members`' adverts.
size_t DistinctContacts(const Corpus& corpus, const std::vector<std::uint32_t>& members) {
  std::unordered_set<std::uint32_t> contacts;
  for (std::uint32_t advert : members) {
    for (std::uint32_t entity : corpus.advert_entities[advert]) {
      const EntityType type = corpus.entity_types[entity];
      if (type == EntityType::kPhone || type == EntityType::kEmail || type == EntityType::kHandle) {
        contacts.insert(entity);
      }
    }
  }
  return contacts.size();
}

}  // namespace

LinkGraph BuildLinkGraph(const Corpus& corpus, const LeadSettings& settings) {
  LinkGraph g;
  const size_t n = corpus.adverts.size();
  const Holders holders = IndexHolders(corpus);
  const std::vector<size_t> site_totals = SiteTotals(corpus);
  g.entity_ignored.assign(corpus.EntityCount(), false);

  for (size_t e = 0; e < corpus.EntityCount(); ++e) {
    const size_t count = holders.Count(e);
    if (count < 2) continue;
    std::vector<std::uint32_t> members = holders.Of(e);
    SiteShare share = CheckSiteShare(corpus, members, site_totals, settings);
    if (share.boilerplate) {
      g.boilerplate.push_back(corpus.sites[share.site] + ": " + corpus.EntityKey(e) + " on " +
                              std::to_string(share.count) + " of " +
                              std::to_string(site_totals[share.site]) + " adverts");
      g.entity_ignored[e] = true;
      continue;
    }
    if (corpus.entity_types[e] == EntityType::kImage) {
      const size_t contacts = DistinctContacts(corpus, members);
      if (contacts > static_cast<size_t>(settings.image_hub_contacts)) {
        std::string what = corpus.EntityKey(e) + " on " + std::to_string(count) + " adverts under " +
                           std::to_string(contacts) + " contacts across " +
                           Plural(share.sites, "site", "sites") + " (stock or placeholder photo)";
        g.hubs.push_back(what);
        g.entity_hub[static_cast<std::uint32_t>(e)] = std::move(what);
        g.entity_ignored[e] = true;
        continue;
      }
    }
    if (count > static_cast<size_t>(settings.hub_max_adverts) ||
        (count > static_cast<size_t>(settings.hub_multi_site_adverts) &&
         share.sites >= static_cast<size_t>(settings.hub_min_sites))) {
      std::string what = corpus.EntityKey(e) + " on " + std::to_string(count) +
                         " adverts across " + Plural(share.sites, "site", "sites");
      g.hubs.push_back(what);
      g.entity_hub[static_cast<std::uint32_t>(e)] = std::move(what);
      g.entity_ignored[e] = true;
      continue;
    }
    LinkSource s;
    switch (corpus.entity_types[e]) {
      case EntityType::kPhone:
      case EntityType::kEmail:
      case EntityType::kHandle:
      case EntityType::kImage: s.kind = LinkKind::kContact; break;
      case EntityType::kAddress: s.kind = LinkKind::kAddress; break;
      case EntityType::kPostcode: s.kind = LinkKind::kPostcode; break;
    }
    s.entity = static_cast<std::uint32_t>(e);
    s.members = std::move(members);
    g.sources.push_back(std::move(s));
  }

  for (auto& members : NearDuplicateClusters(corpus, settings)) {
    SiteShare share = CheckSiteShare(corpus, members, site_totals, settings);
    if (share.boilerplate) {
      g.boilerplate.push_back(corpus.sites[share.site] + ": one near-duplicate template on " +
                              std::to_string(share.count) + " of " +
                              std::to_string(site_totals[share.site]) + " adverts (site layout)");
      continue;
    }
    if (members.size() > static_cast<size_t>(settings.hub_max_adverts)) {
      g.hubs.push_back("near-duplicate template on " + std::to_string(members.size()) +
                       " adverts across " + Plural(share.sites, "site", "sites"));
      continue;
    }
    LinkSource s;
    s.kind = LinkKind::kTemplate;
    s.members = std::move(members);
    g.sources.push_back(std::move(s));
  }

  AddConsecutivePhoneSources(corpus, holders, g.entity_ignored, settings, &g.sources);

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
  JoinPostcodesToTheirOneAddress(corpus, holders, g.entity_ignored, &g.sources, join_within_cap, grouping);
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
