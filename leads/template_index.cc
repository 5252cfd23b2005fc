#include "leads/template_index.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "leads/little_endian.h"
#include "leads/union_find.h"
#include "store/meta_keys.h"

namespace plainsight {
namespace {

namespace mk = meta_keys;

std::string StateValue(const TemplateBanding& banding) {
  char buffer[96];
  // "2": one key per bucket (before, one per posting).
  std::snprintf(buffer, sizeof buffer, "ready 2 %zu %zu %.17g", banding.signature_length,
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

std::string BucketKey(size_t band, std::uint64_t key) {
  std::string bucket(mk::kTemplateBucket);
  bucket.push_back(static_cast<char>(band));
  PutBigEndianU64(bucket, key);
  return bucket;
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

// A band bucket, ordered as its key is in the store (band byte, then the
// bucket key big-endian).
struct BucketId {
  std::uint64_t key = 0;
  std::uint8_t band = 0;
  bool operator<(const BucketId& o) const { return band != o.band ? band < o.band : key < o.key; }
  bool operator==(const BucketId& o) const { return band == o.band && key == o.key; }
};

struct BucketIdHash {
  size_t operator()(const BucketId& b) const {
    return std::hash<std::uint64_t>()(b.key ^ (std::uint64_t{b.band} << 56));
  }
};

std::string BucketKey(const BucketId& bucket) { return BucketKey(bucket.band, bucket.key); }

// The keys `prefix` + id of `ids`, in their order.
std::vector<std::string> KeysOf(std::string_view prefix, const std::vector<std::string>& ids) {
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (const std::string& id : ids) keys.push_back(std::string(prefix) + id);
  return keys;
}

// One update's view of the index: what is stored, with the changes laid
// over it, read in batches and kept.
class IndexView {
 public:
  IndexView(const Store& store, const TemplateBanding& banding)
      : store_(store), banding_(banding) {}

  // Sets an advert's signature as it is now (before anything reads it).
  void SetSignature(const std::string& id, std::vector<std::uint16_t> values) {
    signatures_[id] = std::move(values);
  }
  // The changes' moves between buckets; `id` must outlive the view.
  void AddToBucket(const BucketId& bucket, const std::string& id) {
    moves_.push_back({bucket, &id, Move::kEnters});
  }
  void RemoveFromBucket(const BucketId& bucket, const std::string& id) {
    moves_.push_back({bucket, &id, Move::kLeaves});
  }
  // A bucket a re-signed advert stays in: no member comes or goes, but its
  // ties there are judged on its new values.
  void StayInBucket(const BucketId& bucket, const std::string& id) {
    moves_.push_back({bucket, &id, Move::kStays});
  }
  // The buckets something entered, left or was re-signed in, ascending.
  // Called once every move is in.
  std::vector<BucketId> Touched() {
    std::sort(moves_.begin(), moves_.end());
    std::vector<BucketId> touched;
    for (const Move& move : moves_) {
      if (touched.empty() || !(touched.back() == move.bucket)) touched.push_back(move.bucket);
    }
    return touched;
  }

  // Reads the signatures of those of `ids` not yet known, in one batch.
  Status LoadSignatures(const std::vector<std::string>& ids) {
    std::vector<std::string> wanted;
    for (const std::string& id : ids) {
      if (signatures_.count(id) == 0) wanted.push_back(id);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    auto stored = store_.GetMetas(KeysOf(mk::kTemplateSignature, wanted));
    if (!stored.ok()) return stored.status();
    for (size_t i = 0; i < wanted.size(); ++i) {
      auto values = Decoded(wanted[i], (*stored)[i]);
      if (!values.ok()) return values.status();
      signatures_.emplace(wanted[i], std::move(*values));
    }
    return Status::OK();
  }

  // The signature now (empty: none). The pointer stays valid.
  Result<const std::vector<std::uint16_t>*> Signature(const std::string& id) {
    auto it = signatures_.find(id);
    if (it == signatures_.end()) {
      Status s = LoadSignatures({id});
      if (!s.ok()) return s;
      it = signatures_.find(id);
    }
    return &it->second;
  }

  struct Members {
    std::vector<std::string> before;  // as stored
    std::vector<std::string> after;   // with the changes laid over
  };
  // The members of each of `buckets` (ascending, distinct) before and after the
  // changes, each list ascending: one batched lookup.
  Result<std::vector<Members>> Buckets(const std::vector<BucketId>& buckets) {
    buckets_read_ += buckets.size();
    std::vector<std::string> keys;
    keys.reserve(buckets.size());
    for (const BucketId& bucket : buckets) keys.push_back(BucketKey(bucket));
    auto stored = store_.GetMetas(keys);
    if (!stored.ok()) return stored.status();
    std::vector<Members> members(buckets.size());
    // `buckets` ascend, as the moves do: one merged walk.
    auto next_move = moves_.cbegin();
    for (size_t i = 0; i < buckets.size(); ++i) {
      if ((*stored)[i].has_value()) members[i].before = SplitIds(*(*stored)[i]);
      std::vector<std::string> ids = members[i].before;
      while (next_move != moves_.cend() && next_move->bucket < buckets[i]) ++next_move;
      const auto begin = next_move;
      while (next_move != moves_.cend() && next_move->bucket == buckets[i]) ++next_move;
      const auto end = next_move;
      std::vector<std::string_view> leaving;
      bool entered = false;
      for (auto move = begin; move != end; ++move) {
        if (move->kind == Move::kLeaves) leaving.push_back(*move->id);
        if (move->kind != Move::kEnters) continue;
        ids.push_back(*move->id);
        entered = true;
      }
      if (!leaving.empty()) {
        ids.erase(std::remove_if(ids.begin(), ids.end(),
                                 [&](const std::string& id) {
                                   return std::find(leaving.begin(), leaving.end(), id) !=
                                          leaving.end();
                                 }),
                  ids.end());
      }
      if (entered) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      }
      members[i].after = std::move(ids);
    }
    return members;
  }

  Result<std::vector<std::uint16_t>> Decoded(const std::string& id,
                                             const std::optional<std::string>& stored) const {
    if (!stored.has_value()) return std::vector<std::uint16_t>();
    std::vector<std::uint16_t> values = DecodeValues(*stored);
    if (values.size() != banding_.signature_length) {
      return Status::Corruption("template index: the signature of " + id + " has " +
                                std::to_string(values.size()) + " values");
    }
    return values;
  }

  size_t buckets_read() const { return buckets_read_; }

 private:
  const Store& store_;
  TemplateBanding banding_;
  std::unordered_map<std::string, std::vector<std::uint16_t>> signatures_;
  struct Move {
    BucketId bucket;
    const std::string* id;
    enum Kind : std::uint8_t { kLeaves, kEnters, kStays } kind;
    bool operator<(const Move& o) const {
      if (!(bucket == o.bucket)) return bucket < o.bucket;
      return kind != o.kind ? kind < o.kind : *id < *o.id;
    }
  };
  std::vector<Move> moves_;  // sorted by Touched()
  size_t buckets_read_ = 0;
};

// The adverts whose ties are recomputed, each with the stored cluster it
// was in brought in whole.
class Retied {
 public:
  explicit Retied(const Store& store) : store_(store) {}

  // Adds each of `ids` with its cluster: one batch of reads for all.
  Status Add(const std::vector<std::string>& ids) {
    std::vector<std::string> fresh;
    for (const std::string& id : ids) {
      if (index_.count(id) == 0) fresh.push_back(id);
    }
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    if (fresh.empty()) return Status::OK();
    auto clusters = TemplateClustersOf(store_, fresh);
    if (!clusters.ok()) return clusters.status();
    for (std::vector<std::string>& cluster : *clusters) {
      if (cluster.empty() || old_clusters_.count(cluster.front()) != 0) continue;
      for (const std::string& member : cluster) Insert(member);
      const std::string first = cluster.front();
      old_clusters_.emplace(first, std::move(cluster));
    }
    for (const std::string& id : fresh) Insert(id);
    return Status::OK();
  }

  bool Has(const std::string& id) const { return index_.count(id) != 0; }
  const std::vector<std::string>& ids() const { return ids_; }
  // The stored clusters met, by first id.
  const std::map<std::string, std::vector<std::string>>& old_clusters() const {
    return old_clusters_;
  }

 private:
  void Insert(const std::string& id) {
    if (index_.emplace(id, ids_.size()).second) ids_.push_back(id);
  }
  const Store& store_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string> ids_;
  std::map<std::string, std::vector<std::string>> old_clusters_;
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
  s = store.ClearMetaPrefixes({mk::kTemplateIndexKeys});
  if (!s.ok()) return s;
  std::vector<const TemplateSignature*> sorted;
  sorted.reserve(adverts.size());
  for (const TemplateSignature& a : adverts) sorted.push_back(&a);
  std::sort(sorted.begin(), sorted.end(),
            [](const TemplateSignature* a, const TemplateSignature* b) { return a->id < b->id; });
  std::vector<const std::uint16_t*> signatures(sorted.size(), nullptr);
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (!sorted[i]->values.empty()) signatures[i] = sorted[i]->values.data();
  }
  // Every key in ascending order, so the store can take them in as one
  // table file: buckets, clusters, cluster entries, then signatures (the
  // prefixes' order).
  static_assert(std::string_view(mk::kTemplateBucket) < mk::kTemplateCluster &&
                std::string_view(mk::kTemplateCluster) < mk::kTemplateClusterOf &&
                std::string_view(mk::kTemplateClusterOf) < mk::kTemplateSignature);
  auto made = store.NewSortedMetaWriter();
  if (!made.ok()) return made.status();
  SortedMetaWriter& writer = **made;
  const size_t rows = banding.Rows();
  // Buckets band by band, each band's in key order; a bucket's ids come
  // ascending because `sorted` is.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  std::string bucket, joined;
  for (size_t band = 0; band < banding.bands; ++band) {
    keys.clear();
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (signatures[i] != nullptr) {
        keys.emplace_back(TemplateBandKey(signatures[i], band, rows),
                          static_cast<std::uint32_t>(i));
      }
    }
    std::sort(keys.begin(), keys.end());
    for (size_t run = 0; run < keys.size();) {
      joined.clear();
      size_t end = run;
      for (; end < keys.size() && keys[end].first == keys[run].first; ++end) {
        if (end != run) joined.push_back('\x1f');
        joined += sorted[keys[end].second]->id;
      }
      bucket.assign(mk::kTemplateBucket);
      bucket.push_back(static_cast<char>(band));
      PutBigEndianU64(bucket, keys[run].first);
      s = writer.Put(bucket, joined);
      if (!s.ok()) return s;
      run = end;
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cluster_of;  // member -> first, as indices
  for (const std::vector<std::uint32_t>& cluster : FindTemplateClusters(signatures, banding)) {
    std::vector<std::string> ids;
    for (std::uint32_t i : cluster) {
      ids.push_back(sorted[i]->id);
      cluster_of.emplace_back(i, cluster.front());
    }
    s = writer.Put(mk::kTemplateCluster + ids.front(), JoinIds(ids));
    if (!s.ok()) return s;
  }
  std::sort(cluster_of.begin(), cluster_of.end());
  for (const auto& [member, first] : cluster_of) {
    s = writer.Put(mk::kTemplateClusterOf + sorted[member]->id, sorted[first]->id);
    if (!s.ok()) return s;
  }
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (signatures[i] == nullptr) continue;
    s = writer.Put(mk::kTemplateSignature + sorted[i]->id, EncodeValues(sorted[i]->values));
    if (!s.ok()) return s;
  }
  s = writer.Finish();
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
  std::vector<std::pair<std::string, std::string>> puts;
  std::vector<std::string> deletes;
  // The changed adverts' signatures as stored (empty: none), and those
  // that have none now.
  std::unordered_map<std::string, std::vector<std::uint16_t>> before;
  std::unordered_set<std::string> gone;
  {
    std::vector<std::string> ids;
    for (const TemplateSignature& change : changes) ids.push_back(change.id);
    auto stored = store.GetMetas(KeysOf(mk::kTemplateSignature, ids));
    if (!stored.ok()) return stored.status();
    for (size_t c = 0; c < changes.size(); ++c) {
      const TemplateSignature& change = changes[c];
      auto old = view.Decoded(change.id, (*stored)[c]);
      if (!old.ok()) return old.status();
      const std::vector<std::uint16_t>& now = change.values;
      if (*old == now) continue;  // nothing the index holds changed
      for (size_t band = 0; band < banding.bands; ++band) {
        const auto b = static_cast<std::uint8_t>(band);
        std::optional<std::uint64_t> was, is;
        if (!old->empty()) was = TemplateBandKey(old->data(), band, rows);
        if (!now.empty()) is = TemplateBandKey(now.data(), band, rows);
        if (was == is) {
          if (was.has_value()) view.StayInBucket({*was, b}, change.id);
          continue;
        }
        if (was.has_value()) view.RemoveFromBucket({*was, b}, change.id);
        if (is.has_value()) view.AddToBucket({*is, b}, change.id);
      }
      if (now.empty()) {
        deletes.push_back(mk::kTemplateSignature + change.id);
        gone.insert(change.id);
      } else {
        puts.emplace_back(mk::kTemplateSignature + change.id, EncodeValues(now));
      }
      view.SetSignature(change.id, now);
      before.emplace(change.id, std::move(*old));
    }
  }

  // 1. The ties of the touched buckets before and after the changes: only
  // theirs can differ (every other bucket keeps its members and values).
  const std::vector<BucketId> touched = view.Touched();
  auto touched_members = view.Buckets(touched);
  if (!touched_members.ok()) return touched_members.status();
  std::vector<std::string> nodes;  // members of touched buckets with company
  std::unordered_map<std::string, std::uint32_t> node_of;
  auto node = [&](const std::string& id) {
    const auto [it, inserted] = node_of.try_emplace(id, static_cast<std::uint32_t>(nodes.size()));
    if (inserted) nodes.push_back(id);
    return it->second;
  };
  for (size_t i = 0; i < touched.size(); ++i) {
    const IndexView::Members& members = (*touched_members)[i];
    if (members.after.empty()) {
      deletes.push_back(BucketKey(touched[i]));
    } else {
      puts.emplace_back(BucketKey(touched[i]), JoinIds(members.after));
    }
    for (const std::vector<std::string>* list : {&members.before, &members.after}) {
      if (list->size() < 2) continue;
      for (const std::string& member : *list) node(member);
    }
  }
  s = view.LoadSignatures(nodes);
  if (!s.ok()) return s;
  using Tie = std::pair<std::uint32_t, std::uint32_t>;  // nodes, lower first
  // Ties `members` by their signatures before or after the changes.
  auto tie_bucket = [&](const std::vector<std::string>& members, bool as_before,
                        std::vector<Tie>* ties) -> Status {
    if (members.size() < 2) return Status::OK();
    std::vector<const std::uint16_t*> values;
    std::vector<std::uint32_t> ids;
    for (const std::string& member : members) {
      const std::vector<std::uint16_t>* v = nullptr;
      if (const auto was = before.find(member); as_before && was != before.end()) {
        v = &was->second;
      } else {
        auto now = view.Signature(member);
        if (!now.ok()) return now.status();
        v = *now;
      }
      if (v->size() != banding.signature_length) {
        return Status::Corruption("template index: bucket member " + member + " has no signature");
      }
      values.push_back(v->data());
      ids.push_back(node(member));
    }
    TieBucket(
        members.size(), [](size_t, size_t) { return false; },
        [&](size_t a, size_t b) {
          return SignatureAgreement(values[a], values[b], banding.signature_length) >=
                 banding.threshold;
        },
        [&](size_t a, size_t b) {
          ties->emplace_back(std::min(ids[a], ids[b]), std::max(ids[a], ids[b]));
        });
    return Status::OK();
  };
  std::vector<Tie> ties_before, ties_after;
  for (const IndexView::Members& members : *touched_members) {
    s = tie_bucket(members.before, true, &ties_before);
    if (s.ok()) s = tie_bucket(members.after, false, &ties_after);
    if (!s.ok()) return s;
  }
  touched_members->clear();
  for (std::vector<Tie>* ties : {&ties_before, &ties_after}) {
    std::sort(ties->begin(), ties->end());
    ties->erase(std::unique(ties->begin(), ties->end()), ties->end());
  }
  std::vector<Tie> lost;
  std::set_difference(ties_before.begin(), ties_before.end(), ties_after.begin(), ties_after.end(),
                      std::back_inserter(lost));

  // 2. Clusters stay whole unless a lost tie split them. The touched
  // buckets' ties after the changes are ties of the new graph: when they
  // join the two ends of every lost tie, and all the old neighbours of an
  // advert that is gone, every path the cluster had still holds. A cluster
  // where they do not may have split: only those have every bucket of
  // every member tied again.
  UnionFind joined(nodes.size());
  for (const auto& [a, b] : ties_after) joined.Union(a, b);
  std::vector<std::string> may_have_split;  // a member of each such cluster
  std::map<std::uint32_t, std::vector<std::uint32_t>> neighbours_of_gone;
  size_t bridged = 0;
  for (const auto& [a, b] : lost) {
    const bool a_gone = gone.count(nodes[a]) != 0;
    const bool b_gone = gone.count(nodes[b]) != 0;
    if (a_gone && b_gone) {
      may_have_split.push_back(nodes[a]);
    } else if (a_gone || b_gone) {
      neighbours_of_gone[a_gone ? a : b].push_back(a_gone ? b : a);
    } else if (joined.Find(a) != joined.Find(b)) {
      may_have_split.push_back(nodes[a]);
    } else {
      ++bridged;
    }
  }
  for (const auto& [advert, neighbours] : neighbours_of_gone) {
    for (std::uint32_t n : neighbours) {
      if (joined.Find(n) != joined.Find(neighbours.front())) {
        may_have_split.push_back(nodes[advert]);
        break;
      }
    }
  }

  // 3. Re-tie every bucket of every advert in those clusters, whole. A tie
  // to an advert outside brings that advert's cluster in: the set is walked
  // in waves, each wave's buckets read in one batch. The touched buckets'
  // ties are in hand already.
  Retied retied(store);
  s = retied.Add(may_have_split);
  if (!s.ok()) return s;
  TemplateIndexUpdate update;
  update.ties_lost = lost.size();
  update.ties_bridged = bridged;
  update.clusters_retied = retied.old_clusters().size();
  // The touched buckets' members: their clusters are read in step 4 (the
  // waves add the members of the re-tied set's buckets after them).
  const size_t touched_nodes = nodes.size();
  // Ties the buckets `lists` as they are after the changes, after reading
  // their members' signatures in one batch.
  auto tie_all = [&](const std::vector<IndexView::Members>& lists) -> Status {
    std::vector<std::string> members_all;
    for (const IndexView::Members& members : lists) {
      if (members.after.size() >= 2)
        members_all.insert(members_all.end(), members.after.begin(), members.after.end());
    }
    Status tied = view.LoadSignatures(members_all);
    const size_t first_new = ties_after.size();
    for (size_t i = 0; i < lists.size() && tied.ok(); ++i) {
      tied = tie_bucket(lists[i].after, false, &ties_after);
    }
    if (!tied.ok()) return tied;
    std::vector<std::string> outside;
    for (size_t t = first_new; t < ties_after.size(); ++t) {
      for (std::uint32_t end : {ties_after[t].first, ties_after[t].second}) {
        if (!retied.Has(nodes[end])) outside.push_back(nodes[end]);
      }
    }
    std::sort(outside.begin(), outside.end());
    outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
    update.outside_ties += outside.size();
    return retied.Add(outside);
  };
  std::unordered_set<BucketId, BucketIdHash> tied_buckets(touched.begin(), touched.end());
  for (size_t next = 0; next < retied.ids().size();) {
    const size_t wave_end = retied.ids().size();
    s = view.LoadSignatures({retied.ids().begin() + static_cast<std::ptrdiff_t>(next),
                             retied.ids().begin() + static_cast<std::ptrdiff_t>(wave_end)});
    if (!s.ok()) return s;
    std::vector<BucketId> wave;
    for (; next < wave_end; ++next) {
      auto signature = view.Signature(retied.ids()[next]);
      if (!signature.ok()) return signature.status();
      if ((*signature)->empty()) continue;
      ++update.adverts_retied;
      for (size_t band = 0; band < banding.bands; ++band) {
        const BucketId bucket{TemplateBandKey((*signature)->data(), band, rows),
                              static_cast<std::uint8_t>(band)};
        if (tied_buckets.insert(bucket).second) wave.push_back(bucket);
      }
    }
    std::sort(wave.begin(), wave.end());
    auto buckets = view.Buckets(wave);
    if (!buckets.ok()) return buckets.status();
    s = tie_all(*buckets);
    if (!s.ok()) return s;
  }
  update.buckets_read = view.buckets_read();

  // 4. The connected sets anew, over the touched buckets' members, their
  // old clusters and the re-tied set: an old cluster no lost tie split is
  // joined whole (less what is gone), the re-tied ones by their ties, and
  // all by the touched buckets' ties.
  auto clusters_of_nodes = TemplateClustersOf(
      store, {nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(touched_nodes)});
  if (!clusters_of_nodes.ok()) return clusters_of_nodes.status();
  std::map<std::string, std::vector<std::string>> old_by_first = retied.old_clusters();
  for (std::vector<std::string>& cluster : *clusters_of_nodes) {
    if (!cluster.empty()) old_by_first.try_emplace(cluster.front(), std::move(cluster));
  }
  clusters_of_nodes->clear();
  for (const auto& [first, members] : old_by_first) {
    for (const std::string& id : members) node(id);
  }
  for (const std::string& id : retied.ids()) node(id);
  UnionFind uf(nodes.size());
  for (const auto& [a, b] : ties_after) uf.Union(a, b);
  for (const auto& [first, members] : old_by_first) {
    if (retied.old_clusters().count(first) != 0) continue;
    std::optional<size_t> anchor;
    for (const std::string& id : members) {
      if (gone.count(id) != 0) continue;
      if (!anchor.has_value()) {
        anchor = node_of.at(id);
      } else {
        uf.Union(*anchor, node_of.at(id));
      }
    }
  }
  std::map<size_t, std::vector<std::string>> by_root;
  for (size_t i = 0; i < nodes.size(); ++i) by_root[uf.Find(i)].push_back(nodes[i]);
  std::set<std::vector<std::string>> now_clusters;
  for (auto& [root, ids] : by_root) {
    if (ids.size() < 2) continue;
    std::sort(ids.begin(), ids.end());
    now_clusters.insert(std::move(ids));
  }
  std::set<std::vector<std::string>> old_clusters;
  for (auto& [first, members] : old_by_first) old_clusters.insert(std::move(members));
  // Cluster entries by key: nullopt deletes; later entries overwrite.
  std::map<std::string, std::optional<std::string>> writes;
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
  auto clusters = TemplateClustersOf(store, {id});
  if (!clusters.ok()) return clusters.status();
  return std::move(clusters->front());
}

Result<std::vector<std::vector<std::string>>> TemplateClustersOf(
    const Store& store, const std::vector<std::string>& ids) {
  auto firsts = store.GetMetas(KeysOf(mk::kTemplateClusterOf, ids));
  if (!firsts.ok()) return firsts.status();
  std::vector<std::string> wanted;
  for (const std::optional<std::string>& first : *firsts) {
    if (first.has_value()) wanted.push_back(*first);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  auto joined = store.GetMetas(KeysOf(mk::kTemplateCluster, wanted));
  if (!joined.ok()) return joined.status();
  std::vector<std::vector<std::string>> clusters(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!(*firsts)[i].has_value()) continue;
    const size_t k = static_cast<size_t>(
        std::lower_bound(wanted.begin(), wanted.end(), *(*firsts)[i]) - wanted.begin());
    if (!(*joined)[k].has_value()) {
      return Status::Corruption("template index: " + ids[i] + " is in cluster " + wanted[k] +
                                ", which is not kept");
    }
    clusters[i] = SplitIds(*(*joined)[k]);
  }
  return clusters;
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
