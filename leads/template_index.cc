#include "leads/template_index.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "leads/little_endian.h"
#include "leads/union_find.h"
#include "store/meta_keys.h"
#include "store/meta_scan.h"

namespace plainsight {
namespace {

namespace mk = meta_keys;

constexpr size_t kWriteBatch = 20000;
constexpr std::string_view kIndexPrefixes[] = {mk::kTemplateSignature, mk::kTemplateBucket,
                                               mk::kTemplateClusterOf, mk::kTemplateCluster};

std::string StateValue(const TemplateBanding& banding) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "ready %zu %zu %.17g", banding.signature_length,
                banding.bands, banding.threshold);
  return buffer;
}

std::string EncodeValues(const std::vector<std::uint16_t>& values) {
  std::string bytes;
  bytes.reserve(values.size() * 2);
  for (std::uint16_t v : values) PutU16(bytes, v);
  return bytes;
}

std::vector<std::uint16_t> DecodeValues(std::string_view bytes) {
  std::vector<std::uint16_t> values(bytes.size() / 2);
  for (size_t i = 0; i < values.size(); ++i) values[i] = GetU16(bytes, 2 * i);
  return values;
}

std::string BucketPrefix(size_t band, std::uint64_t key) {
  std::string prefix(mk::kTemplateBucket);
  prefix.push_back(static_cast<char>(band));
  PutBigEndianU64(prefix, key);
  return prefix;
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string joined;
  for (const std::string& id : ids) {
    if (!joined.empty()) joined.push_back('\x1f');
    joined += id;
  }
  return joined;
}

std::vector<std::string> SplitIds(std::string_view joined) {
  std::vector<std::string> ids;
  while (!joined.empty()) {
    const size_t end = joined.find('\x1f');
    ids.emplace_back(joined.substr(0, end));
    if (end == std::string_view::npos) break;
    joined.remove_prefix(end + 1);
  }
  return ids;
}

// Values of another length come from other MinHash options: refused, not
// taken for "no signature", which would empty the index quietly.
Status CheckLength(const TemplateSignature& advert, const TemplateBanding& banding) {
  if (advert.values.empty() || advert.values.size() == banding.signature_length) {
    return Status::OK();
  }
  return Status::InvalidArgument("template index: " + advert.id + " has " +
                                 std::to_string(advert.values.size()) + " values, not " +
                                 std::to_string(banding.signature_length));
}

// Each id once: a second entry would be applied against the stored state
// the first one already changed.
Status CheckDistinct(const std::vector<TemplateSignature>& adverts) {
  std::set<std::string_view> ids;
  for (const TemplateSignature& a : adverts) {
    if (!ids.insert(a.id).second) {
      return Status::InvalidArgument("template index: " + a.id + " given twice");
    }
  }
  return Status::OK();
}

Status CheckBanding(const TemplateBanding& banding) {
  if (banding.Rows() == 0 || banding.bands > 255) {
    return Status::InvalidArgument("template index: bands must be 1-255 and at most the length");
  }
  return Status::OK();
}

// One update's view of the index: what is stored, with the changes laid
// over it, read lazily and kept.
class IndexView {
 public:
  IndexView(const Store& store, const TemplateBanding& banding)
      : store_(store), banding_(banding) {}

  // Sets an advert's signature as it is now (before anything reads it).
  void SetSignature(const std::string& id, std::vector<std::uint16_t> values) {
    signatures_[id] = std::move(values);
  }
  void AddToBucket(const std::string& prefix, const std::string& id) { added_[prefix].insert(id); }
  void RemoveFromBucket(const std::string& prefix, const std::string& id) {
    removed_[prefix].insert(id);
  }
  const std::map<std::string, std::set<std::string>>& added() const { return added_; }
  const std::map<std::string, std::set<std::string>>& removed() const { return removed_; }

  // The signature now (empty: none). The pointer stays valid.
  Result<const std::vector<std::uint16_t>*> Signature(const std::string& id) {
    auto it = signatures_.find(id);
    if (it == signatures_.end()) {
      auto stored = StoredSignature(id);
      if (!stored.ok()) return stored.status();
      it = signatures_.emplace(id, std::move(*stored)).first;
    }
    return &it->second;
  }

  // The members now of each bucket of `prefixes` (ascending), each list
  // ascending: one pass over the store.
  Result<std::vector<std::vector<std::string>>> Buckets(const std::vector<std::string>& prefixes) {
    buckets_read_ += prefixes.size();
    std::vector<std::vector<std::string>> members(prefixes.size());
    Status s = store_.ForEachMetaUnder(prefixes,
                                       [&](size_t i, const std::string& key, const std::string&) {
                                         members[i].push_back(key.substr(prefixes[i].size()));
                                         return true;
                                       });
    if (!s.ok()) return s;
    for (size_t i = 0; i < prefixes.size(); ++i) {
      std::vector<std::string>& ids = members[i];
      if (const auto gone = removed_.find(prefixes[i]); gone != removed_.end()) {
        ids.erase(
            std::remove_if(ids.begin(), ids.end(),
                           [&](const std::string& id) { return gone->second.count(id) != 0; }),
            ids.end());
      }
      if (const auto came = added_.find(prefixes[i]); came != added_.end()) {
        ids.insert(ids.end(), came->second.begin(), came->second.end());
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      }
    }
    return members;
  }

  // The first id of the advert's cluster as stored, "" when in none.
  Result<std::string> ClusterOf(const std::string& id) const {
    auto first = store_.GetMeta(mk::kTemplateClusterOf + id);
    if (!first.ok()) return first.status();
    return first->value_or("");
  }

  // The stored cluster whose first id is `first`.
  Result<const std::vector<std::string>*> Cluster(const std::string& first) {
    auto it = clusters_.find(first);
    if (it == clusters_.end()) {
      auto joined = store_.GetMeta(mk::kTemplateCluster + first);
      if (!joined.ok()) return joined.status();
      if (!joined->has_value()) {
        return Status::Corruption("template index: cluster " + first + " is missing");
      }
      it = clusters_.emplace(first, SplitIds(**joined)).first;
    }
    return &it->second;
  }

  Result<std::vector<std::uint16_t>> StoredSignature(const std::string& id) const {
    auto stored = store_.GetMeta(mk::kTemplateSignature + id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return std::vector<std::uint16_t>();
    std::vector<std::uint16_t> values = DecodeValues(**stored);
    if (values.size() != banding_.signature_length) {
      return Status::Corruption("template index: the signature of " + id + " has " +
                                std::to_string(values.size()) + " values");
    }
    return values;
  }

  size_t buckets_read() const { return buckets_read_; }
  const TemplateBanding& banding() const { return banding_; }

 private:
  const Store& store_;
  TemplateBanding banding_;
  std::map<std::string, std::vector<std::uint16_t>> signatures_;
  std::map<std::string, std::set<std::string>> added_;    // bucket prefix -> ids entering
  std::map<std::string, std::set<std::string>> removed_;  // bucket prefix -> ids leaving
  std::map<std::string, std::vector<std::string>> clusters_;
  size_t buckets_read_ = 0;
};

// The adverts whose ties are recomputed, each with the stored cluster it
// was in brought in whole.
class Retied {
 public:
  explicit Retied(IndexView& view) : view_(view) {}

  Status Add(const std::string& id) {
    if (index_.count(id) != 0) return Status::OK();
    auto first = view_.ClusterOf(id);
    if (!first.ok()) return first.status();
    if (!first->empty() && old_firsts_.insert(*first).second) {
      auto cluster = view_.Cluster(*first);
      if (!cluster.ok()) return cluster.status();
      for (const std::string& member : **cluster) Insert(member);
    }
    Insert(id);
    return Status::OK();
  }

  size_t IndexOf(const std::string& id) const { return index_.at(id); }
  const std::vector<std::string>& ids() const { return ids_; }
  const std::set<std::string>& old_firsts() const { return old_firsts_; }

 private:
  void Insert(const std::string& id) {
    if (index_.emplace(id, ids_.size()).second) ids_.push_back(id);
  }
  IndexView& view_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string> ids_;
  std::set<std::string> old_firsts_;
};

}  // namespace

Status WriteTemplateIndex(Store& store, const std::vector<TemplateSignature>& adverts,
                          const TemplateBanding& banding) {
  Status s = CheckBanding(banding);
  if (s.ok()) s = CheckDistinct(adverts);
  for (size_t i = 0; i < adverts.size() && s.ok(); ++i) s = CheckLength(adverts[i], banding);
  if (!s.ok()) return s;
  // Marked unfinished first: a crash part-way leaves an index no update
  // will trust.
  s = store.PutMeta(mk::kTemplateIndexState, "building");
  if (!s.ok()) return s;
  s = DeleteMetaPrefixes(store, kIndexPrefixes);
  if (!s.ok()) return s;
  std::vector<const TemplateSignature*> sorted;
  sorted.reserve(adverts.size());
  for (const TemplateSignature& a : adverts) sorted.push_back(&a);
  std::sort(sorted.begin(), sorted.end(),
            [](const TemplateSignature* a, const TemplateSignature* b) { return a->id < b->id; });
  std::vector<const std::uint16_t*> signatures(sorted.size(), nullptr);
  MetaBatchWriter writer(store, kWriteBatch);
  const size_t rows = banding.Rows();
  for (size_t i = 0; i < sorted.size(); ++i) {
    const TemplateSignature& a = *sorted[i];
    if (a.values.empty()) continue;
    signatures[i] = a.values.data();
    s = writer.Put(mk::kTemplateSignature + a.id, EncodeValues(a.values));
    if (!s.ok()) return s;
  }
  // Postings band by band, each band's in key order: RocksDB takes keys in
  // order several times faster than scattered ones.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  for (size_t band = 0; band < banding.bands; ++band) {
    keys.clear();
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (signatures[i] != nullptr) {
        keys.emplace_back(TemplateBandKey(signatures[i], band, rows),
                          static_cast<std::uint32_t>(i));
      }
    }
    std::sort(keys.begin(), keys.end());
    for (const auto& [key, i] : keys) {
      s = writer.Put(BucketPrefix(band, key) + sorted[i]->id, "");
      if (!s.ok()) return s;
    }
  }
  for (const std::vector<std::uint32_t>& cluster : FindTemplateClusters(signatures, banding)) {
    std::vector<std::string> ids;
    for (std::uint32_t i : cluster) ids.push_back(sorted[i]->id);
    s = writer.Put(mk::kTemplateCluster + ids.front(), JoinIds(ids));
    for (size_t k = 0; k < ids.size() && s.ok(); ++k) {
      s = writer.Put(mk::kTemplateClusterOf + ids[k], ids.front());
    }
    if (!s.ok()) return s;
  }
  s = writer.Flush();
  if (!s.ok()) return s;
  return store.PutMeta(mk::kTemplateIndexState, StateValue(banding));
}

Result<TemplateIndexUpdate> UpdateTemplateIndex(Store& store,
                                                const std::vector<TemplateSignature>& changes,
                                                const TemplateBanding& banding) {
  Status s = CheckBanding(banding);
  if (s.ok()) s = CheckDistinct(changes);
  for (size_t i = 0; i < changes.size() && s.ok(); ++i) s = CheckLength(changes[i], banding);
  if (!s.ok()) return s;
  auto state = store.GetMeta(mk::kTemplateIndexState);
  if (!state.ok()) return state.status();
  if (!state->has_value() || **state != StateValue(banding)) {
    return Status::NotFound("template index: none written whole with this banding");
  }
  const size_t rows = banding.Rows();
  IndexView view(store, banding);
  // Final writes by key: nullopt deletes. Later entries overwrite earlier.
  std::map<std::string, std::optional<std::string>> writes;
  std::vector<std::string> changed;
  for (const TemplateSignature& change : changes) {
    auto old = view.StoredSignature(change.id);
    if (!old.ok()) return old.status();
    std::vector<std::uint16_t> now = change.values;
    if (*old == now) continue;  // nothing the index holds changed
    std::set<std::string> old_keys, new_keys;
    for (size_t band = 0; band < banding.bands; ++band) {
      if (!old->empty())
        old_keys.insert(BucketPrefix(band, TemplateBandKey(old->data(), band, rows)));
      if (!now.empty())
        new_keys.insert(BucketPrefix(band, TemplateBandKey(now.data(), band, rows)));
    }
    for (const std::string& prefix : old_keys) {
      if (new_keys.count(prefix) != 0) continue;
      view.RemoveFromBucket(prefix, change.id);
      writes[prefix + change.id] = std::nullopt;
    }
    for (const std::string& prefix : new_keys) {
      if (old_keys.count(prefix) != 0) continue;
      view.AddToBucket(prefix, change.id);
      writes[prefix + change.id] = "";
    }
    writes[mk::kTemplateSignature + change.id] =
        now.empty() ? std::nullopt : std::optional<std::string>(EncodeValues(now));
    view.SetSignature(change.id, std::move(now));
    changed.push_back(change.id);
  }

  // Every advert in a bucket something entered or left, and each changed
  // advert, with their clusters: only their ties can have changed.
  Retied retied(view);
  for (const std::string& id : changed) {
    s = retied.Add(id);
    if (!s.ok()) return s;
  }
  std::set<std::string> touched;
  for (const auto& [prefix, ids] : view.added()) touched.insert(prefix);
  for (const auto& [prefix, ids] : view.removed()) touched.insert(prefix);
  const std::vector<std::string> touched_prefixes(touched.begin(), touched.end());
  auto touched_members = view.Buckets(touched_prefixes);
  if (!touched_members.ok()) return touched_members.status();
  for (const std::vector<std::string>& members : *touched_members) {
    for (const std::string& id : members) {
      s = retied.Add(id);
      if (!s.ok()) return s;
    }
  }

  // Re-tie every bucket of every advert in the set, whole. A tie to an
  // advert outside it brings that advert's cluster in: the set is walked
  // in waves, each wave's buckets read in one pass. The touched buckets,
  // in hand already, are tied first (ties do not depend on the order
  // buckets are tied in: template_clusters.h).
  std::vector<std::pair<std::string, std::string>> ties;
  TemplateIndexUpdate update;
  auto tie = [&](const std::vector<std::string>& members) -> Status {
    if (members.size() < 2) return Status::OK();
    std::vector<const std::uint16_t*> member_values;
    for (const std::string& member : members) {
      auto v = view.Signature(member);
      if (!v.ok()) return v.status();
      member_values.push_back((*v)->data());
    }
    Status failed;
    TieBucket(
        members.size(), [](size_t, size_t) { return false; },
        [&](size_t a, size_t b) {
          return SignatureAgreement(member_values[a], member_values[b], banding.signature_length) >=
                 banding.threshold;
        },
        [&](size_t a, size_t b) {
          for (size_t k : {a, b}) {
            const size_t before = retied.ids().size();
            if (failed.ok()) failed = retied.Add(members[k]);
            if (retied.ids().size() != before) ++update.outside_ties;
          }
          ties.emplace_back(members[a], members[b]);
        });
    return failed;
  };
  std::set<std::string> tied_buckets(touched.begin(), touched.end());
  for (const std::vector<std::string>& members : *touched_members) {
    s = tie(members);
    if (!s.ok()) return s;
  }
  for (size_t next = 0; next < retied.ids().size();) {
    const size_t wave_end = retied.ids().size();
    std::set<std::string> wave;
    for (; next < wave_end; ++next) {
      auto signature = view.Signature(retied.ids()[next]);
      if (!signature.ok()) return signature.status();
      if ((*signature)->empty()) continue;
      ++update.adverts_retied;
      for (size_t band = 0; band < banding.bands; ++band) {
        std::string prefix = BucketPrefix(band, TemplateBandKey((*signature)->data(), band, rows));
        if (tied_buckets.insert(prefix).second) wave.insert(std::move(prefix));
      }
    }
    auto buckets = view.Buckets({wave.begin(), wave.end()});
    if (!buckets.ok()) return buckets.status();
    for (const std::vector<std::string>& members : *buckets) {
      s = tie(members);
      if (!s.ok()) return s;
    }
  }
  update.buckets_read = view.buckets_read();

  // The connected sets anew.
  UnionFind uf(retied.ids().size());
  for (const auto& [a, b] : ties) uf.Union(retied.IndexOf(a), retied.IndexOf(b));
  std::map<size_t, std::vector<std::string>> by_root;
  for (size_t i = 0; i < retied.ids().size(); ++i) by_root[uf.Find(i)].push_back(retied.ids()[i]);
  std::set<std::vector<std::string>> now_clusters;
  for (auto& [root, ids] : by_root) {
    if (ids.size() < 2) continue;
    std::sort(ids.begin(), ids.end());
    now_clusters.insert(std::move(ids));
  }
  std::set<std::vector<std::string>> old_clusters;
  for (const std::string& first : retied.old_firsts()) {
    auto cluster = view.Cluster(first);
    if (!cluster.ok()) return cluster.status();
    old_clusters.insert(**cluster);
  }
  std::map<std::string, std::string> old_first;  // member -> its old cluster's first
  for (const std::vector<std::string>& old : old_clusters) {
    for (const std::string& id : old) old_first[id] = old.front();
    if (now_clusters.count(old) != 0) continue;
    writes[mk::kTemplateCluster + old.front()] = std::nullopt;
    for (const std::string& id : old) writes[mk::kTemplateClusterOf + id] = std::nullopt;
    update.removed.push_back(old);
  }
  for (const std::vector<std::string>& now : now_clusters) {
    if (old_clusters.count(now) != 0) continue;
    writes[mk::kTemplateCluster + now.front()] = JoinIds(now);
    for (const std::string& id : now) {
      // A member whose cluster keeps its first keeps its entry as it is.
      const auto was = old_first.find(id);
      if (was != old_first.end() && was->second == now.front()) {
        writes.erase(mk::kTemplateClusterOf + id);
      } else {
        writes[mk::kTemplateClusterOf + id] = now.front();
      }
    }
    update.added.push_back(now);
  }

  std::vector<std::pair<std::string, std::string>> puts;
  std::vector<std::string> deletes;
  for (auto& [key, value] : writes) {
    if (value.has_value()) {
      puts.emplace_back(key, std::move(*value));
    } else {
      deletes.push_back(key);
    }
  }
  s = store.WriteMetas(puts, deletes);
  if (!s.ok()) return s;
  return update;
}

Result<bool> TemplateIndexReady(const Store& store, const TemplateBanding& banding) {
  auto state = store.GetMeta(mk::kTemplateIndexState);
  if (!state.ok()) return state.status();
  return state->has_value() && **state == StateValue(banding);
}

Result<std::vector<std::string>> TemplateClusterOf(const Store& store, const std::string& id) {
  auto first = store.GetMeta(mk::kTemplateClusterOf + id);
  if (!first.ok()) return first.status();
  if (!first->has_value()) return std::vector<std::string>();
  auto joined = store.GetMeta(mk::kTemplateCluster + **first);
  if (!joined.ok()) return joined.status();
  if (!joined->has_value()) {
    return Status::Corruption("template index: " + id + " is in cluster " + **first +
                              ", which is not kept");
  }
  return SplitIds(**joined);
}

Result<std::vector<std::vector<std::string>>> ReadTemplateClusters(const Store& store) {
  std::vector<std::vector<std::string>> clusters;
  Status s =
      store.ForEachMeta(mk::kTemplateCluster, [&](const std::string&, const std::string& value) {
        clusters.push_back(SplitIds(value));
        return true;
      });
  if (!s.ok()) return s;
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

}  // namespace plainsight
