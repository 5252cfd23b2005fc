#include "leads/link_counts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "leads/corpus.h"
#include "leads/little_endian.h"
#include "store/meta_keys.h"
#include "store/meta_scan.h"

namespace plainsight {
namespace {

namespace mk = meta_keys;

// The state once a recount is whole, with the form of its digests and
// keys: a change to either (the entity forms of corpus.h, say) must bump
// it, so counts of the old form are recounted, not applied to.
constexpr char kReady[] = "ready 2";

// Length-prefixed strings and counts (LEB128), so no value needs escaping.
void PutNumber(std::string* out, std::uint64_t n) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

bool GetNumber(std::string_view* in, std::uint64_t* n) {
  *n = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *n |= std::uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

void PutString(std::string* out, std::string_view s) {
  PutNumber(out, s.size());
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  std::uint64_t size = 0;
  if (!GetNumber(in, &size) || size > in->size()) return false;
  s->assign(in->substr(0, size));
  in->remove_prefix(size);
  return true;
}

// What the counts hold of one advert.
struct Digest {
  std::string site;
  std::vector<std::string> entities;  // "phone +44…", sorted, distinct
  std::vector<std::string> wordings;  // indicator id "\x1f" match, sorted, distinct
  bool operator==(const Digest&) const = default;
};

void SortDistinct(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

Digest DigestOf(const AdvertSummary& advert) {
  Digest d;
  d.site = advert.site;
  ForEachLinkEntity(advert, [&](EntityType type, const std::vector<std::string>& values) {
    for (const std::string& value : values) {
      d.entities.push_back(std::string(EntityTypeName(type)) + " " + value);
    }
  });
  SortDistinct(&d.entities);
  for (const IndicatorRecord& hit : advert.indicators)
    d.wordings.push_back(hit.id + "\x1f" + hit.match);
  SortDistinct(&d.wordings);
  return d;
}

std::string EncodeDigest(const Digest& d) {
  std::string out;
  PutString(&out, d.site);
  PutNumber(&out, d.entities.size());
  for (const std::string& e : d.entities) PutString(&out, e);
  PutNumber(&out, d.wordings.size());
  for (const std::string& w : d.wordings) PutString(&out, w);
  return out;
}

bool DecodeDigest(std::string_view in, Digest* d) {
  std::uint64_t n = 0;
  if (!GetString(&in, &d->site) || !GetNumber(&in, &n) || n > in.size()) return false;
  d->entities.resize(n);
  for (std::string& e : d->entities) {
    if (!GetString(&in, &e)) return false;
  }
  if (!GetNumber(&in, &n) || n > in.size()) return false;
  d->wordings.resize(n);
  for (std::string& w : d->wordings) {
    if (!GetString(&in, &w)) return false;
  }
  return in.empty();
}

std::string EncodeSiteCounts(const SiteCounts& counts) {
  std::string out;
  for (const auto& [site, n] : counts) {
    PutString(&out, site);
    PutNumber(&out, static_cast<std::uint64_t>(n));
  }
  return out;
}

bool DecodeSiteCounts(std::string_view in, SiteCounts* counts) {
  counts->clear();
  std::string site;
  std::uint64_t n = 0;
  while (!in.empty()) {
    if (!GetString(&in, &site) || !GetNumber(&in, &n)) return false;
    (*counts)[site] = static_cast<std::int64_t>(n);
  }
  return true;
}

// The decimal count kept under `key`: 0 when absent, corruption when the
// value is not a count.
Result<std::int64_t> KeptCount(const Store& store, const std::string& key) {
  auto value = store.GetMeta(key);
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::int64_t{0};
  const std::string& text = **value;
  std::int64_t n = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size() || n < 0) {
    return Status::Corruption("link counts: " + key + " holds no count");
  }
  return n;
}

// The prefix of an entity's holder keys: its length first, so no entity's
// prefix is the start of another's.
std::string HolderPrefix(const std::string& entity) {
  std::string prefix(mk::kLinkHolder);
  PutNumber(&prefix, entity.size());
  return prefix + entity;
}

// Per site, its entities (or wordings) by their count there.
std::string ByCountPrefix(const char* index, const std::string& site, std::int64_t count) {
  std::string key = index + site + '\x1f';
  PutBigEndianU64(key, static_cast<std::uint64_t>(count));
  return key;
}

std::string SiteEntityPrefix(const std::string& site, std::int64_t count) {
  return ByCountPrefix(mk::kLinkSiteEntity, site, count);
}

std::string SiteEntityKey(const std::string& site, std::int64_t count, const std::string& entity) {
  return SiteEntityPrefix(site, count) + entity;
}

// Visits the entries of a by-count index (`index` + site) whose count on
// the site may cross `share` of it when its total moves from totals.first
// to totals.second: between the share of the two totals (one either side,
// for rounding), and at least `min_count` (fewer can never be the site's
// own). visit(count, the rest of the key after the count).
Status ForEachCountThatMayCross(const Store& store, const char* index, const std::string& site,
                                const std::pair<std::int64_t, std::int64_t>& totals, double share,
                                std::int64_t min_count,
                                const std::function<void(std::int64_t, std::string)>& visit) {
  share = std::clamp(std::isnan(share) ? 1.0 : share, 0.0, 1.0);
  const auto [low_total, high_total] = std::minmax(totals.first, totals.second);
  const std::int64_t low = std::max<std::int64_t>(
      {1, min_count, static_cast<std::int64_t>(share * static_cast<double>(low_total)) - 1});
  const std::int64_t high = static_cast<std::int64_t>(share * static_cast<double>(high_total)) + 1;
  if (low > high) return Status::OK();
  const size_t rest_at = ByCountPrefix(index, site, 0).size();
  auto count_of = [&](const std::string& key) {
    return static_cast<std::int64_t>(GetBigEndianU64(key, rest_at - 8));
  };
  // A seek per count while there are not too many; past that (a first
  // crawl of a big site), one scan of the site's keys, which ascend by count.
  constexpr std::int64_t kMaxCountsSeeked = std::int64_t{1} << 16;
  if (high - low <= kMaxCountsSeeked) {
    std::vector<std::string> prefixes;
    for (std::int64_t n = low; n <= high; ++n) prefixes.push_back(ByCountPrefix(index, site, n));
    return store.ForEachMetaUnder(prefixes,
                                  [&](size_t, const std::string& key, const std::string&) {
                                    visit(count_of(key), key.substr(rest_at));
                                    return true;
                                  });
  }
  const std::string site_prefix = index + site + '\x1f';
  return store.ForEachMeta(site_prefix, [&](const std::string& key, const std::string&) {
    if (key.size() < rest_at) return true;
    const std::int64_t count = count_of(key);
    if (count > high) return false;
    if (count >= low) visit(count, key.substr(rest_at));
    return true;
  });
}

// A wording key "site\x1fid\x1fmatch" split at its first separator.
std::pair<std::string, std::string> SplitSite(const std::string& wording) {
  const size_t cut = wording.find('\x1f');
  return {wording.substr(0, cut), wording.substr(cut + 1)};
}

std::string SiteWordingKey(const std::string& wording, std::int64_t count) {
  const auto [site, rest] = SplitSite(wording);
  return ByCountPrefix(mk::kLinkSiteWording, site, count) + rest;
}

// Counts, or the difference between two states of some adverts.
struct Counts {
  SiteCounts sites;
  std::map<std::string, SiteCounts> entities;
  std::map<std::string, std::int64_t> wordings;  // site "\x1f" id "\x1f" match

  void Add(const Digest& d, std::int64_t sign) {
    sites[d.site] += sign;
    for (const std::string& e : d.entities) entities[e][d.site] += sign;
    for (const std::string& w : d.wordings) wordings[d.site + "\x1f" + w] += sign;
  }
};

Result<std::optional<Digest>> StoredDigest(const Store& store, const std::string& id) {
  auto value = store.GetMeta(mk::kLinkDigest + id);
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Digest>();
  Digest d;
  if (!DecodeDigest(**value, &d)) return Status::Corruption("link counts: digest of " + id);
  return std::optional<Digest>(std::move(d));
}

// Every stored advert counted, with its encoded digest and its holder keys.
Result<Counts> CountAll(const Store& store, std::map<std::string, std::string>* digests,
                        std::vector<std::string>* holder_keys) {
  Counts counts;
  Status s = store.ForEachAdvertSummary([&](const AdvertSummary& a) {
    const Digest d = DigestOf(a);
    counts.Add(d, +1);
    for (const std::string& entity : d.entities)
      holder_keys->push_back(HolderPrefix(entity) + a.id);
    (*digests)[a.id] = EncodeDigest(d);
    return true;
  });
  if (!s.ok()) return s;
  return counts;
}

constexpr const char* kPrefixes[] = {mk::kLinkDigest,  mk::kLinkSite,       mk::kLinkEntity,
                                     mk::kLinkWording, mk::kLinkSiteEntity, mk::kLinkSiteWording,
                                     mk::kLinkHolder};

}  // namespace

Status RecountLinkCounts(Store& store) {
  // Marked unfinished first: changes are never applied to a part-written
  // count.
  Status marked = store.PutMeta(mk::kLinkCountsState, "building");
  if (!marked.ok()) return marked;
  std::map<std::string, std::string> digests;
  std::vector<std::string> holder_keys;
  auto counts = CountAll(store, &digests, &holder_keys);
  if (!counts.ok()) return counts.status();
  Status s = store.ClearMetaPrefixes({std::begin(kPrefixes), std::end(kPrefixes)});
  if (!s.ok()) return s;
  // Each kind of key in ascending order through a writer of its own, so
  // the store takes each in as one table file (sorted_meta_writer.h).
  auto write_sorted = [&](const std::function<Status(SortedMetaWriter&)>& fill) -> Status {
    auto writer = store.NewSortedMetaWriter();
    if (!writer.ok()) return writer.status();
    Status filled = fill(**writer);
    return filled.ok() ? (*writer)->Finish() : filled;
  };
  auto write_keys = [&](std::vector<std::string>* keys) {
    std::sort(keys->begin(), keys->end());
    return write_sorted([&](SortedMetaWriter& writer) {
      for (const std::string& key : *keys) {
        Status put = writer.Put(key, "");
        if (!put.ok()) return put;
      }
      return Status::OK();
    });
  };
  s = write_keys(&holder_keys);
  holder_keys = {};
  if (s.ok()) {
    s = write_sorted([&](SortedMetaWriter& writer) {
      for (const auto& [id, digest] : digests) {
        Status put = writer.Put(mk::kLinkDigest + id, digest);
        if (!put.ok()) return put;
      }
      return Status::OK();
    });
  }
  digests = {};
  if (s.ok()) {
    s = write_sorted([&](SortedMetaWriter& writer) {
      for (const auto& [site, n] : counts->sites) {
        Status put = writer.Put(mk::kLinkSite + site, std::to_string(n));
        if (!put.ok()) return put;
      }
      return Status::OK();
    });
  }
  std::vector<std::string> by_count;
  if (s.ok()) {
    s = write_sorted([&](SortedMetaWriter& writer) {
      for (const auto& [entity, per_site] : counts->entities) {
        Status put = writer.Put(mk::kLinkEntity + entity, EncodeSiteCounts(per_site));
        if (!put.ok()) return put;
        for (const auto& [site, n] : per_site) by_count.push_back(SiteEntityKey(site, n, entity));
      }
      return Status::OK();
    });
  }
  if (s.ok()) s = write_keys(&by_count);
  by_count.clear();
  if (s.ok()) {
    s = write_sorted([&](SortedMetaWriter& writer) {
      for (const auto& [wording, n] : counts->wordings) {
        Status put = writer.Put(mk::kLinkWording + wording, std::to_string(n));
        if (!put.ok()) return put;
        by_count.push_back(SiteWordingKey(wording, n));
      }
      return Status::OK();
    });
  }
  if (s.ok()) s = write_keys(&by_count);
  if (!s.ok()) return s;
  return store.PutMeta(mk::kLinkCountsState, kReady);
}

Result<LinkCountChanges> ApplyLinkCountChanges(Store& store, const std::vector<std::string>& ids) {
  auto state = store.GetMeta(mk::kLinkCountsState);
  if (!state.ok()) return state.status();
  if (!state->has_value() || **state != kReady) {
    return Status::NotFound("link counts: none written whole");
  }
  std::vector<std::string> distinct = ids;
  SortDistinct(&distinct);
  Counts delta;
  std::vector<std::pair<std::string, std::string>> puts;
  std::vector<std::string> deletes;
  LinkCountChanges changes;
  for (const std::string& id : distinct) {
    auto old = StoredDigest(store, id);
    if (!old.ok()) return old.status();
    auto summary = store.GetAdvertSummary(id);
    if (!summary.ok()) return summary.status();
    std::optional<Digest> now;
    if (summary->has_value()) now = DigestOf(**summary);
    if (*old == now) continue;
    ++changes.adverts;
    if (old->has_value()) delta.Add(**old, -1);
    if (now.has_value()) {
      delta.Add(*now, +1);
      puts.emplace_back(mk::kLinkDigest + id, EncodeDigest(*now));
    } else {
      deletes.push_back(mk::kLinkDigest + id);
    }
    // Holders: entities left, then entities taken (both lists sorted).
    const std::vector<std::string> none;
    const std::vector<std::string>& was = old->has_value() ? (*old)->entities : none;
    const std::vector<std::string>& is = now.has_value() ? now->entities : none;
    for (const std::string& entity : was) {
      if (!std::binary_search(is.begin(), is.end(), entity)) {
        deletes.push_back(HolderPrefix(entity) + id);
      }
    }
    for (const std::string& entity : is) {
      if (!std::binary_search(was.begin(), was.end(), entity)) {
        puts.emplace_back(HolderPrefix(entity) + id, "");
      }
    }
  }
  // A decimal count moved by `by` (deleted at zero): its value before.
  auto move_count = [&](const std::string& key, std::int64_t by) -> Result<std::int64_t> {
    auto before = KeptCount(store, key);
    if (!before.ok()) return before.status();
    const std::int64_t n = *before + by;
    if (n < 0) return Status::Corruption("link counts: " + key + " below zero");
    if (n == 0) {
      deletes.push_back(key);
    } else {
      puts.emplace_back(key, std::to_string(n));
    }
    return *before;
  };
  for (const auto& [site, by] : delta.sites) {
    if (by == 0) continue;
    auto before = move_count(mk::kLinkSite + site, by);
    if (!before.ok()) return before.status();
    changes.sites[site] = {*before, *before + by};
  }
  for (const auto& [wording, by] : delta.wordings) {
    if (by == 0) continue;
    auto before = move_count(mk::kLinkWording + wording, by);
    if (!before.ok()) return before.status();
    if (*before > 0) deletes.push_back(SiteWordingKey(wording, *before));
    if (*before + by > 0) puts.emplace_back(SiteWordingKey(wording, *before + by), "");
    changes.wordings[wording] = {*before, *before + by};
  }
  for (const auto& [entity, per_site] : delta.entities) {
    if (std::all_of(per_site.begin(), per_site.end(),
                    [](const auto& p) { return p.second == 0; })) {
      continue;
    }
    const std::string key = mk::kLinkEntity + entity;
    auto value = store.GetMeta(key);
    if (!value.ok()) return value.status();
    SiteCounts counts;
    if (value->has_value() && !DecodeSiteCounts(**value, &counts)) {
      return Status::Corruption("link counts: " + key);
    }
    const SiteCounts before = counts;
    for (const auto& [site, by] : per_site) {
      if (by == 0) continue;
      const std::int64_t was = counts[site];
      const std::int64_t n = was + by;
      if (n < 0) return Status::Corruption("link counts: " + key + " below zero on " + site);
      if (was > 0) deletes.push_back(SiteEntityKey(site, was, entity));
      if (n > 0) puts.emplace_back(SiteEntityKey(site, n, entity), "");
      counts[site] = n;
      if (n == 0) counts.erase(site);
    }
    if (counts.empty()) {
      deletes.push_back(key);
    } else {
      puts.emplace_back(key, EncodeSiteCounts(counts));
    }
    changes.entities[entity] = {before, counts};
  }
  Status s = store.WriteMetas(puts, deletes);
  if (!s.ok()) return s;
  return changes;
}

Result<std::vector<std::string>> LinkHolders(const Store& store, const std::string& entity) {
  return MetaKeySuffixes(store, HolderPrefix(entity));
}

Result<std::vector<std::vector<std::string>>> LinkHolders(
    const Store& store, const std::vector<std::string>& entities) {
  // Prefixes ascending and distinct (no prefix begins another: the
  // entity's length leads each), each with the entities it answers.
  std::map<std::string, std::vector<size_t>> asked;
  for (size_t i = 0; i < entities.size(); ++i) asked[HolderPrefix(entities[i])].push_back(i);
  std::vector<std::string> prefixes;
  std::vector<const std::vector<size_t>*> askers;
  for (const auto& [prefix, which] : asked) {
    prefixes.push_back(prefix);
    askers.push_back(&which);
  }
  std::vector<std::vector<std::string>> holders(entities.size());
  Status s =
      store.ForEachMetaUnder(prefixes, [&](size_t p, const std::string& key, const std::string&) {
        for (size_t i : *askers[p]) holders[i].push_back(key.substr(prefixes[p].size()));
        return true;
      });
  if (!s.ok()) return s;
  return holders;
}

Result<std::string> CountedSiteOf(const Store& store, const std::string& id) {
  auto digest = StoredDigest(store, id);
  if (!digest.ok()) return digest.status();
  return digest->has_value() ? (*digest)->site : std::string();
}

Result<bool> LinkCountsReady(const Store& store) {
  auto state = store.GetMeta(mk::kLinkCountsState);
  if (!state.ok()) return state.status();
  return state->has_value() && **state == kReady;
}

Result<SiteCounts> ReadEntityCounts(const Store& store, const std::string& entity) {
  auto counts = ReadEntityCounts(store, std::vector<std::string>{entity});
  if (!counts.ok()) return counts.status();
  return std::move(counts->front());
}

Result<std::vector<SiteCounts>> ReadEntityCounts(const Store& store,
                                                 const std::vector<std::string>& entities) {
  std::vector<std::string> keys;
  keys.reserve(entities.size());
  for (const std::string& entity : entities) keys.push_back(mk::kLinkEntity + entity);
  auto values = store.GetMetas(keys);
  if (!values.ok()) return values.status();
  std::vector<SiteCounts> counts(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    const std::optional<std::string>& value = (*values)[i];
    if (value.has_value() && !DecodeSiteCounts(*value, &counts[i])) {
      return Status::Corruption("link counts: " + entities[i] + " holds no counts");
    }
  }
  return counts;
}

Result<std::int64_t> ReadSiteTotal(const Store& store, const std::string& site) {
  return KeptCount(store, mk::kLinkSite + site);
}

Result<std::int64_t> ReadWordingCount(const Store& store, const std::string& site,
                                      const std::string& indicator, const std::string& match) {
  return KeptCount(store, mk::kLinkWording + site + "\x1f" + indicator + "\x1f" + match);
}

Status ForEachEntityCounts(
    const Store& store, const std::string& prefix,
    const std::function<bool(const std::string& entity, const SiteCounts& holders)>& visit) {
  return ForEachEntityCounts(store, std::vector<std::string>{prefix},
                             [&](size_t, const std::string& entity, const SiteCounts& holders) {
                               return visit(entity, holders);
                             });
}

Status ForEachEntityCounts(const Store& store, const std::vector<std::string>& prefixes,
                           const std::function<bool(size_t prefix, const std::string& entity,
                                                    const SiteCounts& holders)>& visit) {
  std::vector<std::string> key_prefixes;
  key_prefixes.reserve(prefixes.size());
  for (const std::string& prefix : prefixes) key_prefixes.push_back(mk::kLinkEntity + prefix);
  SiteCounts counts;
  Status failed;
  Status s = store.ForEachMetaUnder(
      key_prefixes, [&](size_t p, const std::string& key, const std::string& value) {
        if (!DecodeSiteCounts(value, &counts)) {
          failed = Status::Corruption("link counts: " + key + " holds no counts");
          return false;
        }
        return visit(p, key.substr(sizeof(mk::kLinkEntity) - 1), counts);
      });
  return s.ok() ? failed : s;
}

Hygiene DecideHygiene(const SiteCounts& holders, const SiteCounts& site_totals,
                      const LeadSettings& settings) {
  std::int64_t count = 0;
  for (const auto& [site, n] : holders) count += n;
  if (count < 2) return Hygiene::kLinks;
  for (const auto& [site, n] : holders) {
    const auto total = site_totals.find(site);
    if (total == site_totals.end() || total->second <= 0) continue;
    if (n >= settings.boilerplate_min_adverts &&
        static_cast<double>(n) / static_cast<double>(total->second) >= settings.boilerplate_share) {
      return Hygiene::kBoilerplate;
    }
  }
  const auto sites = static_cast<std::int64_t>(holders.size());
  if (count > settings.hub_max_adverts ||
      (count > settings.hub_multi_site_adverts && sites >= settings.hub_min_sites)) {
    return Hygiene::kHub;
  }
  return Hygiene::kLinks;
}

// Each site's total before and after the applied changes: the moved ones
// from the changes, the rest read (once) from the store.
class TotalsBeforeAndAfter {
 public:
  TotalsBeforeAndAfter(const Store& store, const LinkCountChanges& changes)
      : store_(store), changes_(changes) {}
  Result<std::pair<std::int64_t, std::int64_t>> Of(const std::string& site) {
    if (const auto moved = changes_.sites.find(site); moved != changes_.sites.end()) {
      return moved->second;
    }
    if (const auto read = unmoved_.find(site); read != unmoved_.end()) {
      return std::make_pair(read->second, read->second);
    }
    auto n = KeptCount(store_, mk::kLinkSite + site);
    if (!n.ok()) return n.status();
    unmoved_[site] = *n;
    return std::make_pair(*n, *n);
  }
  // Adds the totals of the sites `holders` are on to `before` and `after`.
  Status Add(const SiteCounts& holders, SiteCounts* before, SiteCounts* after) {
    for (const auto& [site, n] : holders) {
      auto totals = Of(site);
      if (!totals.ok()) return totals.status();
      (*before)[site] = totals->first;
      (*after)[site] = totals->second;
    }
    return Status::OK();
  }

 private:
  const Store& store_;
  const LinkCountChanges& changes_;
  SiteCounts unmoved_;
};

Result<std::vector<std::string>> FlippedHygiene(const Store& store, const LinkCountChanges& changes,
                                                const LeadSettings& settings) {
  TotalsBeforeAndAfter site_totals(store, changes);
  std::set<std::string> flipped;
  for (const auto& [entity, counts] : changes.entities) {
    SiteCounts before, after;
    Status s = site_totals.Add(counts.first, &before, &after);
    if (s.ok()) s = site_totals.Add(counts.second, &before, &after);
    if (!s.ok()) return s;
    if (DecideHygiene(counts.first, before, settings) !=
        DecideHygiene(counts.second, after, settings)) {
      flipped.insert(entity);
    }
  }
  // Entities whose counts stayed but whose site's total moved: boilerplate
  // can flip only for a count between the shares of the two totals.
  for (const auto& [site, totals] : changes.sites) {
    std::vector<std::string> candidates;
    Status s = ForEachCountThatMayCross(
        store, mk::kLinkSiteEntity, site, totals, settings.boilerplate_share,
        settings.boilerplate_min_adverts, [&](std::int64_t, std::string entity) {
          if (changes.entities.count(entity) == 0) candidates.push_back(std::move(entity));
        });
    if (!s.ok()) return s;
    for (const std::string& entity : candidates) {
      auto value = store.GetMeta(mk::kLinkEntity + entity);
      if (!value.ok()) return value.status();
      SiteCounts counts;
      if (!value->has_value() || !DecodeSiteCounts(**value, &counts)) {
        return Status::Corruption("link counts: " + entity + " listed on " + site + ", not kept");
      }
      SiteCounts before, after;
      s = site_totals.Add(counts, &before, &after);
      if (!s.ok()) return s;
      if (DecideHygiene(counts, before, settings) != DecideHygiene(counts, after, settings)) {
        flipped.insert(entity);
      }
    }
  }
  return std::vector<std::string>(flipped.begin(), flipped.end());
}

Result<std::vector<std::string>> FlippedWordings(const Store& store,
                                                 const LinkCountChanges& changes,
                                                 const LeadSettings& settings) {
  auto site_wide = [&](std::int64_t n, std::int64_t total) {
    return total > 0 && n >= settings.boilerplate_min_adverts &&
           static_cast<double>(n) >= settings.boilerplate_share * static_cast<double>(total);
  };
  TotalsBeforeAndAfter site_totals(store, changes);
  std::set<std::string> flipped;
  for (const auto& [wording, counts] : changes.wordings) {
    auto totals = site_totals.Of(SplitSite(wording).first);
    if (!totals.ok()) return totals.status();
    if (site_wide(counts.first, totals->first) != site_wide(counts.second, totals->second)) {
      flipped.insert(wording);
    }
  }
  // Wordings whose counts stayed on a site whose total moved: only counts
  // between the shares of the two totals can flip.
  for (const auto& moved : changes.sites) {
    // Named copies: a lambda may not capture structured bindings (clang).
    const std::string& site = moved.first;
    const std::pair<std::int64_t, std::int64_t>& totals = moved.second;
    Status s = ForEachCountThatMayCross(
        store, mk::kLinkSiteWording, site, totals, settings.boilerplate_share,
        settings.boilerplate_min_adverts, [&](std::int64_t count, std::string rest) {
          std::string wording = site + '\x1f' + rest;
          if (changes.wordings.count(wording) == 0 &&
              site_wide(count, totals.first) != site_wide(count, totals.second)) {
            flipped.insert(std::move(wording));
          }
        });
    if (!s.ok()) return s;
  }
  return std::vector<std::string>(flipped.begin(), flipped.end());
}

Result<std::vector<std::string>> CheckLinkCounts(const Store& store, size_t max_differences) {
  std::map<std::string, std::string> digests;
  std::vector<std::string> holder_keys;
  auto fresh = CountAll(store, &digests, &holder_keys);
  if (!fresh.ok()) return fresh.status();
  // The kept values, by prefix, key without its prefix.
  std::map<std::string, std::map<std::string, std::string>> kept;
  for (const char* prefix : kPrefixes) {
    const size_t length = std::string_view(prefix).size();
    Status s = store.ForEachMeta(prefix, [&](const std::string& key, const std::string& value) {
      kept[prefix][key.substr(length)] = value;
      return true;
    });
    if (!s.ok()) return s;
  }
  std::vector<std::string> differences;
  auto differ = [&](const std::string& what) {
    if (differences.size() < max_differences) differences.push_back(what);
  };
  // Compares a table of expected values with the kept one, both by key.
  auto compare = [&](const char* prefix, const char* name,
                     const std::map<std::string, std::string>& expected) {
    const auto& have = kept[prefix];
    for (const auto& [key, value] : expected) {
      auto it = have.find(key);
      if (it == have.end()) {
        differ(std::string(name) + " " + key + ": missing");
      } else if (it->second != value) {
        differ(std::string(name) + " " + key + ": differs");
      }
    }
    for (const auto& [key, value] : have) {
      if (expected.count(key) == 0)
        differ(std::string(name) + " " + key + ": kept, not in the store");
    }
  };
  compare(mk::kLinkDigest, "digest", digests);
  std::map<std::string, std::string> holders;
  const size_t holder_prefix_length = std::string_view(mk::kLinkHolder).size();
  for (const std::string& key : holder_keys) holders[key.substr(holder_prefix_length)] = "";
  compare(mk::kLinkHolder, "holder", holders);
  std::map<std::string, std::string> expected;
  for (const auto& [site, n] : fresh->sites) expected[site] = std::to_string(n);
  compare(mk::kLinkSite, "site", expected);
  expected.clear();
  for (const auto& [entity, per_site] : fresh->entities)
    expected[entity] = EncodeSiteCounts(per_site);
  compare(mk::kLinkEntity, "entity", expected);
  expected.clear();
  for (const auto& [wording, n] : fresh->wordings) expected[wording] = std::to_string(n);
  compare(mk::kLinkWording, "wording", expected);
  expected.clear();
  const size_t prefix_length = std::string_view(mk::kLinkSiteEntity).size();
  for (const auto& [entity, per_site] : fresh->entities) {
    for (const auto& [site, n] : per_site) {
      expected[SiteEntityKey(site, n, entity).substr(prefix_length)] = "";
    }
  }
  compare(mk::kLinkSiteEntity, "entity by count on its site", expected);
  expected.clear();
  const size_t wording_prefix_length = std::string_view(mk::kLinkSiteWording).size();
  for (const auto& [wording, n] : fresh->wordings) {
    expected[SiteWordingKey(wording, n).substr(wording_prefix_length)] = "";
  }
  compare(mk::kLinkSiteWording, "wording by count on its site", expected);
  return differences;
}

}  // namespace plainsight
