// The RocksDB implementation of Store.
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "store/lead_index.h"
#include "store/meta_keys.h"
#include "store/record_codec.h"
#include "store/store.h"

namespace plainsight {
namespace {

constexpr char kSep = '\x1f';
const char* const kFamilies[] = {"default", "adverts",  "entities", "leads",
                                 "pages",   "frontier", "summaries"};
enum Family { kMeta = 0, kAdverts, kEntities, kLeads, kPages, kFrontier, kSummaries, kFamilyCount };

// The meta family holds the correlation indexes (link counts, template
// buckets), read by point lookups most of which miss: a bloom filter lets
// a miss skip reading data blocks. About 10 bits a key, held with each
// table file.
rocksdb::ColumnFamilyOptions FamilyOptions(Family f) {
  rocksdb::ColumnFamilyOptions options;
  if (f == kMeta) {
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  }
  return options;
}

// Table files a SortedMetaWriter is filling; one left by a killed run is
// removed when the store is next opened for writing.
constexpr char kIngestPrefix[] = "ingest-";

// Present (holding the summary format) once every advert has a summary. A
// store made before summaries existed lacks it until they are built.
constexpr auto& kSummariesKey = meta_keys::kStoreSummaries;
constexpr char kSummariesFormat[] = "Y2";
// The layout of the families and records. A store written by a newer
// plainsight (a higher version) is refused rather than half-understood and
// written back stale; an older or unversioned one is taken as it is (every
// change so far is read compatibly) and stamped.
constexpr auto& kSchemaKey = meta_keys::kStoreSchema;
// 2: the lead-of-advert index (meta_keys::kLeadOf), which a plainsight
// reading 1 would leave stale by writing leads without it.
constexpr int kSchemaVersion = 2;
constexpr size_t kBackfillBatch = 1000;

// Frontier keys: "f\x1f<url>" holds the entry, "d\x1f<url>" marks it done.
std::string FrontierKey(char kind, const std::string& url) {
  std::string key(1, kind);
  key += kSep;
  key += url;
  return key;
}

std::string EncodeFrontier(const FrontierEntry& e) {
  std::string value = e.site + kSep + std::to_string(e.depth) + kSep;
  if (!e.image) return value + (e.advert ? "a" : "f");
  return value + "i" + kSep + e.image_of + kSep + std::to_string(e.image_order);
}

bool DecodeFrontier(const std::string& url, const std::string& value, FrontierEntry* e) {
  size_t a = value.find(kSep);
  size_t b = a == std::string::npos ? a : value.find(kSep, a + 1);
  if (b == std::string::npos) return false;
  e->url = url;
  e->site = value.substr(0, a);
  e->depth = std::atoi(value.substr(a + 1, b - a - 1).c_str());
  const std::string kind = value.substr(b + 1);
  e->advert = kind == "a";
  e->image = kind.size() > 1 && kind[0] == 'i' && kind[1] == kSep;
  if (e->image) {
    const size_t c = value.find(kSep, b + 3);
    if (c == std::string::npos) return false;
    e->image_of = value.substr(b + 3, c - b - 3);
    e->image_order = std::atoi(value.substr(c + 1).c_str());
  }
  return true;
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string message = context + ": " + s.ToString();
  // RocksDB reports a held LOCK file as an IOError; callers need to tell
  // "someone else is running" from "the disk is broken".
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
    return Status::Busy(context + ": the store is locked by another plainsight process");
  }
  if (s.IsCorruption()) return Status::Corruption(message);
  if (s.IsNotFound()) return Status::NotFound(message);
  return Status::IoError(message);
}

// The record codecs in the (key, bytes, record) shape ScanDecoded takes.
// A fresh record each time: these codecs append to lists.
Status DecodeAdvertAt(std::string_view, std::string_view bytes, AdvertRecord* advert) {
  *advert = AdvertRecord();
  return DecodeAdvert(std::string(bytes), advert);
}
Status DecodeLeadAt(std::string_view, std::string_view bytes, LeadRecord* lead) {
  *lead = LeadRecord();
  return DecodeLead(std::string(bytes), lead);
}

std::string EntityKey(EntityType type, const std::string& value, const std::string& advert_id) {
  std::string key = EntityTypeName(type);
  key += kSep;
  key += value;
  key += kSep;
  key += advert_id;
  return key;
}

void ForEachEntity(const AdvertRecord& a,
                   const std::function<void(EntityType, const std::string&)>& visit) {
  for (const auto& v : a.phones) visit(EntityType::kPhone, v);
  for (const auto& v : a.emails) visit(EntityType::kEmail, v);
  for (const auto& v : a.postcodes) visit(EntityType::kPostcode, v);
  for (const auto& v : a.addresses) visit(EntityType::kAddress, v);
  for (const auto& v : a.handles) visit(EntityType::kHandle, v);
}

// Owns the DB and its column family handles; handles must go before the DB.
class RocksHandles {
 public:
  RocksHandles() = default;
  RocksHandles(const RocksHandles&) = delete;
  RocksHandles& operator=(const RocksHandles&) = delete;
  RocksHandles(RocksHandles&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), families_(std::move(other.families_)) {}
  RocksHandles& operator=(RocksHandles&& other) noexcept {
    if (this != &other) {
      Close();
      db_ = std::exchange(other.db_, nullptr);
      families_ = std::move(other.families_);
    }
    return *this;
  }
  ~RocksHandles() { Close(); }

  rocksdb::DB** db_out() { return &db_; }
  std::vector<rocksdb::ColumnFamilyHandle*>* families_out() { return &families_; }
  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* family(Family f) const { return families_[f]; }


 private:
  void Close() {
    if (db_ == nullptr) return;
    for (auto* handle : families_) {
      if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
    }
    families_.clear();
    delete db_;
    db_ = nullptr;
  }

  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> families_;
};

// Entries in key order written to a table file in the store's directory,
// taken in by the meta family at Finish (the file is moved, not copied).
class IngestingMetaWriter final : public SortedMetaWriter {
 public:
  // `commit` is the store's write mutex: the ingestion is a write like
  // any other (RocksStore::Serialized says why writes go one at a time).
  IngestingMetaWriter(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta,
                      const rocksdb::Options& options, std::string path, std::mutex* commit)
      : db_(db),
        meta_(meta),
        writer_(rocksdb::EnvOptions(), options),
        path_(std::move(path)),
        commit_(commit) {}
  IngestingMetaWriter(const IngestingMetaWriter&) = delete;
  IngestingMetaWriter& operator=(const IngestingMetaWriter&) = delete;
  ~IngestingMetaWriter() override {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }

  Status Open() { return FromRocks(writer_.Open(path_), "open " + path_); }

  // The table writer refuses keys out of order itself.
  Status Put(std::string_view key, std::string_view value) override {
    rocksdb::Status s = writer_.Put(rocksdb::Slice(key.data(), key.size()),
                                    rocksdb::Slice(value.data(), value.size()));
    if (s.IsInvalidArgument()) {
      return Status::InvalidArgument("write " + path_ + ": " + s.ToString());
    }
    if (!s.ok()) return FromRocks(s, "write " + path_);
    ++entries_;
    return Status::OK();
  }

  Status Finish() override {
    if (entries_ == 0) {  // a table file cannot be empty
      std::error_code ignored;
      std::filesystem::remove(path_, ignored);
      return Status::OK();
    }
    rocksdb::Status s = writer_.Finish();
    if (!s.ok()) return FromRocks(s, "finish " + path_);
    rocksdb::IngestExternalFileOptions ingest;
    ingest.move_files = true;
    std::lock_guard<std::mutex> lock(*commit_);
    return FromRocks(db_->IngestExternalFile(meta_, {path_}, ingest), "ingest " + path_);
  }

 private:
  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* meta_;
  rocksdb::SstFileWriter writer_;
  std::string path_;
  std::mutex* commit_;
  size_t entries_ = 0;
};

class RocksStore final : public Store {
 public:
  RocksStore(RocksHandles handles, bool read_only, std::string dir,
             const rocksdb::DBOptions& db_options)
      : handles_(std::move(handles)),
        read_only_(read_only),
        dir_(std::move(dir)),
        meta_options_(db_options, FamilyOptions(kMeta)) {}

  Status CheckSchema(const std::string& dir) {
    auto stored = GetMeta(kSchemaKey);
    if (!stored.ok()) return stored.status();
    if (stored->has_value()) {
      const std::string& text = **stored;
      int version = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
      if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
          version < 0) {
        return Status::Corruption("store " + dir + ": schema version '" + text +
                                  "' is not a number");
      }
      if (version > kSchemaVersion) {
        return Status::InvalidArgument("store " + dir + " has schema version " + text +
                                       ", written by a newer plainsight; this one reads up to " +
                                       std::to_string(kSchemaVersion));
      }
      if (version == kSchemaVersion) return Status::OK();
    }
    if (read_only_) return Status::OK();
    // From 1: any lead index is not trusted (the next ReplaceLeads writes
    // it whole).
    return WriteMetaBatch({{kSchemaKey, std::to_string(kSchemaVersion)}},
                          {meta_keys::kLeadIndexState}, "write schema version");
  }

  // Marks summaries complete when there is nothing to summarise (a new
  // store); an older store keeps them pending until the first scan.
  Status InitSummaries() {
    auto marker = GetMeta(kSummariesKey);
    if (!marker.ok()) return marker.status();
    if (marker->has_value() && **marker == kSummariesFormat) {
      summaries_complete_ = true;
      return Status::OK();
    }
    if (read_only_) return Status::OK();
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kAdverts)));
    it->SeekToFirst();
    Status s = FromRocks(it->status(), "scan adverts");
    if (!s.ok() || it->Valid()) return s;
    s = PutMeta(kSummariesKey, kSummariesFormat);
    if (s.ok()) summaries_complete_ = true;
    return s;
  }

  Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& record) override {
    return UpsertAdvert(record, PageCommit{});
  }

  Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& record,
                                     const PageCommit& commit) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto existing = GetAdvert(record.id);
    if (!existing.ok()) return existing.status();
    rocksdb::WriteBatch batch;
    AddCommit(commit, &batch);
    AdvertRecord merged = record;
    UpsertOutcome outcome = UpsertOutcome::kNew;
    if (existing->has_value()) {
      const AdvertRecord& old = **existing;
      merged.first_seen =
          old.first_seen != 0 ? std::min(old.first_seen, record.first_seen) : record.first_seen;
      merged.last_seen = std::max(old.last_seen, record.last_seen);
      if (old.sha256 == record.sha256) {
        // Same capture: keep the stored content, only the sighting moves.
        AdvertRecord touched = old;
        touched.last_seen = merged.last_seen;
        touched.removed = false;
        touched.removed_at = 0;
        PutAdvert(touched, &batch);
        if (old.removed) LogChange(record.id, "back", &batch);
        Status s = Write(batch, "upsert advert " + record.id);
        if (!s.ok()) return s;
        return UpsertOutcome::kUnchanged;
      }
      outcome = UpsertOutcome::kChanged;
    }
    PutAdvertAndEntities(existing->has_value() ? &**existing : nullptr, merged, &batch);
    LogChange(record.id, outcome == UpsertOutcome::kNew ? "new" : "changed", &batch);
    Status s = Write(batch, "upsert advert " + record.id);
    if (!s.ok()) return s;
    return outcome;
  }

  Status ReplaceAdvertContent(const AdvertRecord& extracted,
                              const std::vector<std::string>& done_meta_keys) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto existing = GetAdvert(extracted.id);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) return Status::NotFound("advert " + extracted.id);
    const AdvertRecord& old = **existing;
    AdvertRecord merged = old;
    merged.title = extracted.title;
    merged.text = extracted.text;
    merged.location = extracted.location;
    merged.posted = extracted.posted;
    merged.phones = extracted.phones;
    merged.emails = extracted.emails;
    merged.handles = extracted.handles;
    merged.company = extracted.company;
    merged.postcodes = extracted.postcodes;
    merged.addresses = extracted.addresses;
    merged.towns = extracted.towns;
    merged.indicators = extracted.indicators;
    merged.pay = extracted.pay;
    rocksdb::WriteBatch batch;
    PutAdvertAndEntities(&old, merged, &batch);
    for (const std::string& key : done_meta_keys) batch.Delete(family(kMeta), key);
    LogChange(extracted.id, "re-extracted", &batch);
    return Write(batch, "replace advert content " + extracted.id);
  }

  // A sighting alone is not a change correlation hears of: nothing it
  // reads moves.
  Status TouchAdvert(const std::string& id, std::int64_t when) override {
    return Modify(id, [when](AdvertRecord* a) {
      a->last_seen = std::max(a->last_seen, when);
      return false;
    }, nullptr);
  }

  Status MarkAdvertRemoved(const std::string& id, std::int64_t when) override {
    return Modify(id, [when](AdvertRecord* a) {
      if (a->removed) return false;
      a->removed = true;
      a->removed_at = when;
      return true;
    }, "removed");
  }

  Status DeleteAdvert(const std::string& id) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto existing = GetAdvert(id);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) return Status::OK();
    rocksdb::WriteBatch batch;
    ForEachEntity(**existing, [&](EntityType type, const std::string& value) {
      batch.Delete(family(kEntities), EntityKey(type, value, id));
    });
    batch.Delete(family(kAdverts), id);
    batch.Delete(family(kSummaries), id);
    LogChange(id, "deleted", &batch);
    return Write(batch, "delete advert " + id);
  }

  Result<std::optional<AdvertRecord>> GetAdvert(const std::string& id) const override {
    return GetDecoded<AdvertRecord>(kAdverts, id, "advert", DecodeAdvertAt);
  }

  Result<bool> GetAdvertText(const std::string& id, std::string* title,
                             std::string* text) const override {
    rocksdb::PinnableSlice bytes;
    rocksdb::Status s = db()->Get(rocksdb::ReadOptions(), family(kAdverts), id, &bytes);
    if (s.IsNotFound()) return false;
    if (!s.ok()) return FromRocks(s, "read advert " + id);
    Status decoded = DecodeAdvertText(std::string_view(bytes.data(), bytes.size()), title, text);
    if (!decoded.ok()) return decoded;
    return true;
  }

  Result<std::optional<AdvertSummary>> GetAdvertSummary(const std::string& id) const override {
    if (!summaries_complete_) return Store::GetAdvertSummary(id);
    return GetDecoded<AdvertSummary>(kSummaries, id, "advert summary", DecodeAdvertSummary);
  }

  Result<std::vector<std::optional<AdvertSummary>>> GetAdvertSummaries(
      const std::vector<std::string>& ids) const override {
    if (!summaries_complete_) return Store::GetAdvertSummaries(ids);
    std::vector<std::optional<AdvertSummary>> summaries(ids.size());
    Status s = MultiGet(kSummaries, ids, "read advert summary", [&](size_t i, std::string_view b) {
      AdvertSummary summary;
      Status decoded = DecodeAdvertSummary(ids[i], b, &summary);
      if (decoded.ok()) summaries[i] = std::move(summary);
      return decoded;
    });
    if (!s.ok()) return s;
    return summaries;
  }

  Status ForEachAdvert(const std::function<bool(const AdvertRecord&)>& visit) const override {
    return ScanDecoded<AdvertRecord>(kAdverts, "adverts", DecodeAdvertAt, visit);
  }

  Status ForEachAdvertSummary(
      const std::function<bool(const AdvertSummary&)>& visit) const override {
    if (!summaries_complete_) {
      if (read_only_) {
        return ForEachAdvert([&](const AdvertRecord& a) { return visit(SummarizeAdvert(a)); });
      }
      Status s = BuildSummaries();
      if (!s.ok()) return s;
    }
    return ScanDecoded<AdvertSummary>(kSummaries, "summaries", DecodeAdvertSummary, visit);
  }

  Status ForEachAdvertText(const std::function<bool(std::string_view, const std::string&,
                                                    const std::string&)>& visit) const override {
    std::string title, text;
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kAdverts)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const rocksdb::Slice key = it->key();
      const rocksdb::Slice value = it->value();
      Status s = DecodeAdvertText(std::string_view(value.data(), value.size()), &title, &text);
      if (!s.ok()) return s;
      if (!visit(std::string_view(key.data(), key.size()), title, text)) break;
    }
    return FromRocks(it->status(), "scan advert texts");
  }

  Result<std::vector<std::string>> AdvertIdsForEntity(EntityType type,
                                                      const std::string& value) const override {
    std::string prefix = EntityTypeName(type);
    prefix += kSep;
    prefix += value;
    prefix += kSep;
    std::vector<std::string> ids;
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kEntities)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      ids.push_back(it->key().ToString().substr(prefix.size()));
    }
    Status s = FromRocks(it->status(), "scan entity index");
    if (!s.ok()) return s;
    return ids;
  }

  Result<std::uint64_t> CountAdverts() const override {
    std::uint64_t count = 0;
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kAdverts)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
    Status s = FromRocks(it->status(), "count adverts");
    if (!s.ok()) return s;
    return count;
  }

  Status ReplaceLeads(const std::vector<LeadRecord>& leads) override {
    // A re-run mostly reproduces the stored leads: writing only what changed
    // keeps the batch (and the write-ahead log) small. Both sides are walked
    // in id order, so the comparison is one merge, not a lookup per lead.
    std::vector<std::pair<const LeadRecord*, std::string>> encoded;
    encoded.reserve(leads.size());
    for (const LeadRecord& lead : leads) encoded.emplace_back(&lead, EncodeLead(lead));
    std::stable_sort(encoded.begin(), encoded.end(),
                     [](const auto& a, const auto& b) { return a.first->id < b.first->id; });
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto indexed = CountLeads();
    if (!indexed.ok()) return indexed.status();
    // Without a kept index the old leads' keys are unknown: the index is
    // written whole instead of moved.
    LeadIndexDelta delta;
    LeadRecord old;
    const auto moved_from = [&](const rocksdb::Slice& bytes, const LeadRecord* after) {
      if (!indexed->has_value()) return Status::OK();
      Status s = DecodeLeadBrief(std::string_view(bytes.data(), bytes.size()), &old);
      if (s.ok()) delta.Add(&old, after);
      return s;
    };
    rocksdb::WriteBatch batch;
    auto next = encoded.begin();
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kLeads)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const rocksdb::Slice key = it->key();
      for (; next != encoded.end() && rocksdb::Slice(next->first->id).compare(key) < 0; ++next) {
        batch.Put(family(kLeads), next->first->id, next->second);
        delta.Add(nullptr, next->first);
      }
      Status s;
      if (next != encoded.end() && rocksdb::Slice(next->first->id) == key) {
        if (it->value() != rocksdb::Slice(next->second)) {
          batch.Put(family(kLeads), next->first->id, next->second);
          s = moved_from(it->value(), next->first);
        }
        ++next;
      } else {
        batch.Delete(family(kLeads), key);
        s = moved_from(it->value(), nullptr);
      }
      if (!s.ok()) return s;
    }
    Status s = FromRocks(it->status(), "scan leads");
    if (!s.ok()) return s;
    size_t distinct = 0;
    for (auto at = encoded.begin(); at != encoded.end(); ++at) {
      if (at == encoded.begin() || at->first->id != std::prev(at)->first->id) ++distinct;
    }
    for (; next != encoded.end(); ++next) {
      batch.Put(family(kLeads), next->first->id, next->second);
      delta.Add(nullptr, next->first);
    }
    // A kept index whose count does not come out at the leads written is
    // out of step (written by hand, or a bug): written whole instead.
    if (indexed->has_value() &&
        static_cast<std::int64_t>(**indexed) + delta.lead_change() !=
            static_cast<std::int64_t>(distinct)) {
      indexed->reset();
    }
    if (!indexed->has_value()) {
      std::string end = meta_keys::kLeadOf;
      ++end.back();
      batch.DeleteRange(family(kMeta), meta_keys::kLeadOf, end);
      delta = LeadIndexDelta();
      for (const auto& [lead, bytes] : encoded) delta.Add(nullptr, lead);
    }
    s = AddLeadIndexDelta(delta, indexed->value_or(0), &batch);
    if (!s.ok()) return s;
    return Write(batch, "replace leads");
  }

  Status PatchLeads(const std::vector<LeadRecord>& puts,
                    const std::vector<std::string>& deletes) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    rocksdb::WriteBatch batch;
    std::set<std::string> put_ids;
    for (const LeadRecord& lead : puts) put_ids.insert(lead.id);
    for (const std::string& id : deletes) batch.Delete(family(kLeads), id);
    for (const LeadRecord& lead : puts) batch.Put(family(kLeads), lead.id, EncodeLead(lead));
    auto indexed = CountLeads();
    if (!indexed.ok()) return indexed.status();
    if (indexed->has_value()) {
      // The leads written over or deleted, each once: their old adverts.
      std::set<std::string> dropped(deletes.begin(), deletes.end());
      for (const std::string& id : put_ids) dropped.erase(id);
      std::vector<std::string> touched(put_ids.begin(), put_ids.end());
      touched.insert(touched.end(), dropped.begin(), dropped.end());
      auto before = GetLeadBriefs(touched);
      if (!before.ok()) return before.status();
      std::map<std::string, const LeadRecord*> old_of;
      for (size_t i = 0; i < touched.size(); ++i) {
        if ((*before)[i].has_value()) old_of[touched[i]] = &*(*before)[i];
      }
      LeadIndexDelta delta;
      for (const LeadRecord& lead : puts) {
        const auto old = old_of.find(lead.id);
        delta.Add(old != old_of.end() ? old->second : nullptr, &lead);
      }
      for (const std::string& id : dropped) {
        if (const auto old = old_of.find(id); old != old_of.end()) delta.Add(old->second, nullptr);
      }
      Status s = AddLeadIndexDelta(delta, **indexed, &batch);
      if (!s.ok()) return s;
    }
    return Write(batch, "patch leads");
  }

  Status PutLead(const LeadRecord& lead,
                 const std::vector<std::pair<std::string, std::string>>& meta) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    rocksdb::WriteBatch batch;
    batch.Put(family(kLeads), lead.id, EncodeLead(lead));
    for (const auto& [key, value] : meta) batch.Put(family(kMeta), key, value);
    auto indexed = CountLeads();
    if (!indexed.ok()) return indexed.status();
    if (indexed->has_value()) {
      auto before = GetLeadBriefs({lead.id});
      if (!before.ok()) return before.status();
      LeadIndexDelta delta;
      delta.Add((*before)[0].has_value() ? &*(*before)[0] : nullptr, &lead);
      Status s = AddLeadIndexDelta(delta, **indexed, &batch);
      if (!s.ok()) return s;
    }
    return Write(batch, "write lead");
  }

  Result<std::optional<std::uint64_t>> CountLeads() const override {
    auto state = GetMeta(meta_keys::kLeadIndexState);
    if (!state.ok()) return state.status();
    if (!state->has_value()) return std::optional<std::uint64_t>();
    std::uint64_t count = 0;
    const std::string& text = **state;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      return Status::Corruption("lead index count '" + text + "'");
    }
    return std::optional<std::uint64_t>(count);
  }

  Result<std::vector<std::string>> LeadIdsOfAdverts(
      const std::vector<std::string>& advert_ids) const override {
    std::vector<std::string> keys;
    keys.reserve(advert_ids.size());
    for (const std::string& id : advert_ids) keys.push_back(LeadOfKey(id));
    std::vector<std::string> leads(advert_ids.size());
    Status s = MultiGet(kMeta, keys, "read lead of advert", [&](size_t i, std::string_view id) {
      leads[i] = id;
      return Status::OK();
    });
    if (!s.ok()) return s;
    return leads;
  }

  Result<std::vector<std::optional<LeadRecord>>> GetLeadBriefs(
      const std::vector<std::string>& ids) const override {
    std::vector<std::optional<LeadRecord>> briefs(ids.size());
    Status s = MultiGet(kLeads, ids, "read lead", [&](size_t i, std::string_view bytes) {
      LeadRecord lead;
      Status decoded = DecodeLeadBrief(bytes, &lead);
      if (decoded.ok()) briefs[i] = std::move(lead);
      return decoded;
    });
    if (!s.ok()) return s;
    return briefs;
  }

  Result<std::optional<LeadRecord>> GetLead(const std::string& id) const override {
    return GetDecoded<LeadRecord>(kLeads, id, "lead", DecodeLeadAt);
  }

  Status ForEachLead(const std::function<bool(const LeadRecord&)>& visit) const override {
    return ScanDecoded<LeadRecord>(kLeads, "leads", DecodeLeadAt, visit);
  }

  Status ForEachLeadBrief(const std::function<bool(const LeadRecord&)>& visit) const override {
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kLeads)));
    LeadRecord lead;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const rocksdb::Slice value = it->value();
      Status s = DecodeLeadBrief(std::string_view(value.data(), value.size()), &lead);
      if (!s.ok()) return s;
      if (!visit(lead)) break;
    }
    return FromRocks(it->status(), "scan leads");
  }

  Status AddToFrontier(const std::vector<FrontierEntry>& entries) override {
    rocksdb::WriteBatch batch;
    for (const FrontierEntry& e : entries) {
      batch.Put(family(kFrontier), FrontierKey('f', e.url), EncodeFrontier(e));
    }
    return Write(batch, "add to frontier");
  }

  Status CommitPage(const PageCommit& commit) override {
    // AddCommit logs a change for an advert's photo, which needs the lock;
    // the other page commits (most) do without it.
    std::unique_lock<std::mutex> lock(write_mutex_, std::defer_lock);
    if (std::any_of(commit.meta.begin(), commit.meta.end(),
                    [](const auto& entry) { return !AdvertOfPhotoKey(entry.first).empty(); })) {
      lock.lock();
    }
    rocksdb::WriteBatch batch;
    AddCommit(commit, &batch);
    return Write(batch, "commit page " + commit.url);
  }

  Status ForEachFrontierEntry(
      const std::function<bool(const FrontierEntry&, bool)>& visit) const override {
    std::unique_ptr<rocksdb::Iterator> done_it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kFrontier)));
    std::set<std::string> done;
    std::string done_prefix = FrontierKey('d', "");
    for (done_it->Seek(done_prefix); done_it->Valid() && done_it->key().starts_with(done_prefix);
         done_it->Next()) {
      done.insert(done_it->key().ToString().substr(done_prefix.size()));
    }
    std::unique_ptr<rocksdb::Iterator> it(
        db()->NewIterator(rocksdb::ReadOptions(), family(kFrontier)));
    std::string prefix = FrontierKey('f', "");
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      FrontierEntry entry;
      std::string url = it->key().ToString().substr(prefix.size());
      if (!DecodeFrontier(url, it->value().ToString(), &entry)) {
        return Status::Corruption("frontier entry for " + url);
      }
      if (!visit(entry, done.count(url) != 0)) break;
    }
    return FromRocks(it->status(), "scan frontier");
  }

  Status ClearFrontier() override {
    std::string begin(1, '\0'), end(1, '\x7f');
    return FromRocks(Serialized([&] { return db()->DeleteRange(WriteOpts(), family(kFrontier), begin, end); }),
                     "clear frontier");
  }

  Status PutPage(const std::string& url, const std::string& value) override {
    return FromRocks(Serialized([&] { return db()->Put(WriteOpts(), family(kPages), url, value); }), "write page");
  }

  Result<std::optional<std::string>> GetPage(const std::string& url) const override {
    return Get(kPages, url, "read page");
  }

  Status PutMeta(const std::string& key, const std::string& value) override {
    return WriteMetaBatch({{key, value}}, {}, "write meta");
  }

  Status PutMetas(const std::vector<std::pair<std::string, std::string>>& entries) override {
    return WriteMetaBatch(entries, {}, "write meta");
  }

  Result<std::optional<std::string>> GetMeta(const std::string& key) const override {
    return Get(kMeta, key, "read meta");
  }

  Result<std::vector<std::optional<std::string>>> GetMetas(
      const std::vector<std::string>& keys) const override {
    std::vector<std::optional<std::string>> values(keys.size());
    Status s = MultiGet(kMeta, keys, "read meta", [&](size_t i, std::string_view value) {
      values[i] = std::string(value);
      return Status::OK();
    });
    if (!s.ok()) return s;
    return values;
  }

  Status ForEachMeta(
      const std::string& prefix,
      const std::function<bool(const std::string&, const std::string&)>& visit) const override {
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), family(kMeta)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (!visit(it->key().ToString(), it->value().ToString())) break;
    }
    return FromRocks(it->status(), "scan meta");
  }

  Status ForEachMetaUnder(
      const std::vector<std::string>& prefixes,
      const std::function<bool(size_t, const std::string&, const std::string&)>& visit)
      const override {
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), family(kMeta)));
    for (size_t i = 0; i < prefixes.size(); ++i) {
      for (it->Seek(prefixes[i]); it->Valid() && it->key().starts_with(prefixes[i]); it->Next()) {
        if (!visit(i, it->key().ToString(), it->value().ToString())) {
          return FromRocks(it->status(), "scan meta");
        }
      }
      if (!it->status().ok()) break;
    }
    return FromRocks(it->status(), "scan meta");
  }

  Result<std::unique_ptr<SortedMetaWriter>> NewSortedMetaWriter() override {
    if (read_only_) return Status::InvalidArgument("store opened read-only");
    static std::atomic<unsigned> serial{0};
    auto writer = std::make_unique<IngestingMetaWriter>(
        db(), family(kMeta), meta_options_,
        dir_ + "/" + kIngestPrefix + std::to_string(serial++) + ".sst", &commit_mutex_);
    Status s = writer->Open();
    if (!s.ok()) return s;
    return std::unique_ptr<SortedMetaWriter>(std::move(writer));
  }

  Status DeleteMeta(const std::string& key) override {
    return WriteMetaBatch({}, {key}, "delete meta");
  }

  Status ClearMetaPrefixes(const std::vector<std::string>& prefixes) override {
    if (read_only_) return Status::InvalidArgument("store opened read-only");
    if (prefixes.empty()) return Status::OK();
    std::vector<std::string> ends;
    for (const std::string& prefix : prefixes) {
      std::string end = prefix;
      while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff) end.pop_back();
      if (end.empty()) return Status::InvalidArgument("clear meta: a prefix of 0xff bytes");
      end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
      ends.push_back(std::move(end));
    }
    {
      std::lock_guard<std::mutex> lock(commit_mutex_);
      // Dropped files are gone for good (the manifest is synced), while the
      // write-ahead log is not synced per write: sync it first, so a
      // caller's "unfinished" mark cannot be lost with the files dropped.
      rocksdb::Status s = db()->FlushWAL(true);
      for (size_t i = 0; i < prefixes.size() && s.ok(); ++i) {
        const rocksdb::Slice begin(prefixes[i]), end(ends[i]);
        // Files wholly inside the range go at once; a range tombstone
        // covers what is left (and anything those files hid).
        s = rocksdb::DeleteFilesInRange(db(), family(kMeta), &begin, &end, false);
        if (s.ok()) s = db()->DeleteRange(WriteOpts(), family(kMeta), begin, end);
      }
      if (!s.ok()) return FromRocks(s, "clear meta");
    }
    // Compacting the ranges to the bottom drops the tombstones with what
    // they cover: the files at their edges, read once.
    const rocksdb::Slice begin(*std::min_element(prefixes.begin(), prefixes.end()));
    const rocksdb::Slice end(*std::max_element(ends.begin(), ends.end()));
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
    return FromRocks(db()->CompactRange(compact, family(kMeta), &begin, &end), "clear meta");
  }

  Status DeleteMetas(const std::vector<std::string>& keys) override {
    return WriteMetaBatch({}, keys, "delete meta");
  }

  Status WriteMetas(const std::vector<std::pair<std::string, std::string>>& puts,
                    const std::vector<std::string>& deletes) override {
    return WriteMetaBatch(puts, deletes, "write meta");
  }

  Status DeleteMetasIfUnchanged(
      const std::vector<std::pair<std::string, std::string>>& read) override {
    // Under write_mutex_, as every logged change is, so no write lands
    // between the compare and the delete.
    std::lock_guard<std::mutex> lock(write_mutex_);
    rocksdb::WriteBatch batch;
    std::string now;
    for (const auto& [key, value] : read) {
      rocksdb::Status got = db()->Get(rocksdb::ReadOptions(), family(kMeta), key, &now);
      if (got.IsNotFound()) continue;
      if (!got.ok()) return FromRocks(got, "read meta");
      if (now == value) batch.Delete(family(kMeta), key);
    }
    return Write(batch, "delete meta");
  }

  Status Flush() override {
    Status s = FromRocks(db()->FlushWAL(true), "flush");
    if (!s.ok() || read_only_) return s;
    std::vector<rocksdb::ColumnFamilyHandle*> families;
    for (int f = 0; f < kFamilyCount; ++f) {
      if (family(static_cast<Family>(f)) != nullptr)
        families.push_back(family(static_cast<Family>(f)));
    }
    s = FromRocks(db()->Flush(rocksdb::FlushOptions(), families), "flush");
    if (s.ok()) WaitForCompactions(families);
    return s;
  }

 private:
  // Until no compaction is pending or running: what a run's writes call
  // for is done before it ends, not in the next process, where it competed
  // with the next day's correlation (a first run's 1.4 GB of signatures
  // took 28 s of a 2-core machine during the day after it). Polled:
  // RocksDB 7.8 has no WaitForCompact. Gives up after ten minutes, or at a
  // new background error (which the next write reports). Assumes level
  // compaction with auto compactions on, as the store is opened: under
  // others "compaction-pending" can stay set with nothing to pick.
  void WaitForCompactions(const std::vector<rocksdb::ColumnFamilyHandle*>& families) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
    std::uint64_t errors_before = 0;
    db()->GetIntProperty("rocksdb.background-errors", &errors_before);
    while (std::chrono::steady_clock::now() < deadline) {
      std::uint64_t value = 0;
      if (db()->GetIntProperty("rocksdb.background-errors", &value) && value > errors_before) break;
      bool busy = db()->GetIntProperty("rocksdb.num-running-compactions", &value) && value > 0;
      for (rocksdb::ColumnFamilyHandle* f : families) {
        busy = busy || (db()->GetIntProperty(f, "rocksdb.compaction-pending", &value) && value > 0);
      }
      if (!busy) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  rocksdb::DB* db() const { return handles_.db(); }
  rocksdb::ColumnFamilyHandle* family(Family f) const { return handles_.family(f); }

  // The record under `key` in `f`, decoded by decode(key, bytes, &record);
  // nullopt when there is none.
  template <typename Record, typename Decode>
  Result<std::optional<Record>> GetDecoded(Family f, const std::string& key, const char* what,
                                           Decode decode) const {
    rocksdb::PinnableSlice bytes;
    rocksdb::Status s = db()->Get(rocksdb::ReadOptions(), family(f), key, &bytes);
    if (s.IsNotFound()) return std::optional<Record>();
    if (!s.ok()) return FromRocks(s, std::string("read ") + what + " " + key);
    Record record;
    Status decoded = decode(key, std::string_view(bytes.data(), bytes.size()), &record);
    if (!decoded.ok()) return decoded;
    return std::optional<Record>(std::move(record));
  }

  // The index moves `delta` makes, and the lead count they leave from
  // `leads` before, into `batch`. Called under write_mutex_.
  Status AddLeadIndexDelta(const LeadIndexDelta& delta, std::uint64_t leads,
                           rocksdb::WriteBatch* batch) {
    const std::int64_t after = static_cast<std::int64_t>(leads) + delta.lead_change();
    if (after < 0) return Status::Corruption("lead index count below zero");
    for (const std::string& key : delta.drops()) batch->Delete(family(kMeta), key);
    for (const auto& [key, lead] : delta.adds()) batch->Put(family(kMeta), key, lead);
    batch->Put(family(kMeta), meta_keys::kLeadIndexState, std::to_string(after));
    return Status::OK();
  }

  // Looks `keys` up in `f` in batches, calling found(i, value) for each
  // key i present, in order.
  Status MultiGet(Family f, const std::vector<std::string>& keys, const char* what,
                  const std::function<Status(size_t, std::string_view)>& found) const {
    // In slices, so the values one MultiGet pins stay few.
    constexpr size_t kSlice = 4096;
    std::vector<rocksdb::Slice> slices;
    std::vector<rocksdb::PinnableSlice> values(std::min(keys.size(), kSlice));
    std::vector<rocksdb::Status> statuses(values.size());
    for (size_t start = 0; start < keys.size(); start += kSlice) {
      const size_t n = std::min(kSlice, keys.size() - start);
      slices.assign(keys.begin() + static_cast<std::ptrdiff_t>(start),
                    keys.begin() + static_cast<std::ptrdiff_t>(start + n));
      db()->MultiGet(rocksdb::ReadOptions(), family(f), n, slices.data(), values.data(),
                     statuses.data());
      for (size_t i = 0; i < n; ++i) {
        if (statuses[i].ok()) {
          Status s = found(start + i, std::string_view(values[i].data(), values[i].size()));
          if (!s.ok()) return s;
        } else if (!statuses[i].IsNotFound()) {
          return FromRocks(statuses[i], std::string(what) + " " + keys[start + i]);
        }
        values[i].Reset();
      }
    }
    return Status::OK();
  }

  // Every record of `f` in key order, decoded, until `visit` returns false.
  // One Record is reused: each decoder assigns every field.
  template <typename Record, typename Decode>
  Status ScanDecoded(Family f, const char* what, Decode decode,
                     const std::function<bool(const Record&)>& visit) const {
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), family(f)));
    Record record;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const rocksdb::Slice key = it->key();
      const rocksdb::Slice value = it->value();
      Status s = decode(std::string_view(key.data(), key.size()),
                        std::string_view(value.data(), value.size()), &record);
      if (!s.ok()) return s;
      if (!visit(record)) break;
    }
    return FromRocks(it->status(), std::string("scan ") + what);
  }

  // One write at a time. Concurrent writers would be merged by RocksDB into
  // a write group handed over with atomics that ThreadSanitizer cannot see
  // (the library is not instrumented), so every concurrent page commit would
  // be reported as a race; and with the WAL unsynced per write, the group
  // commit saves nothing here.
  template <typename WriteCall>
  rocksdb::Status Serialized(WriteCall&& call) const {
    std::lock_guard<std::mutex> lock(commit_mutex_);
    return call();
  }

  static rocksdb::WriteOptions WriteOpts() {
    // The WAL (not fsync per write) is what makes a killed run lose nothing
    // that RocksDB acknowledged; Flush() syncs it at the end of a run.
    return rocksdb::WriteOptions();
  }

  // The advert an "advert-image\x1f<advert id>\x1f<url>" key is about;
  // empty for any other key.
  static std::string AdvertOfPhotoKey(const std::string& key) {
    const std::string_view prefix = meta_keys::kAdvertImage;
    if (std::string_view(key).substr(0, prefix.size()) != prefix) return "";
    const std::string rest = key.substr(prefix.size());
    return rest.substr(0, rest.find('\x1f'));
  }

  // Meta puts and deletes in one write. A write to an advert's photo rows
  // logs the advert as changed ("photo"): correlation reads photos, and a
  // cluster worker publishes what its log names.
  Status WriteMetaBatch(const std::vector<std::pair<std::string, std::string>>& puts,
                        const std::vector<std::string>& deletes, const char* context) {
    rocksdb::WriteBatch batch;
    std::set<std::string> photo_adverts;
    for (const auto& [key, value] : puts) {
      batch.Put(family(kMeta), key, value);
      if (std::string id = AdvertOfPhotoKey(key); !id.empty()) photo_adverts.insert(id);
    }
    for (const std::string& key : deletes) {
      batch.Delete(family(kMeta), key);
      if (std::string id = AdvertOfPhotoKey(key); !id.empty()) photo_adverts.insert(id);
    }
    if (photo_adverts.empty()) return Write(batch, context);
    std::lock_guard<std::mutex> lock(write_mutex_);
    for (const std::string& id : photo_adverts) LogChange(id, "photo", &batch);
    return Write(batch, context);
  }

  // Called under write_mutex_ (see LogChange).
  void AddCommit(const PageCommit& commit, rocksdb::WriteBatch* batch) {
    if (commit.url.empty()) return;
    for (const FrontierEntry& e : commit.discovered) {
      batch->Put(family(kFrontier), FrontierKey('f', e.url), EncodeFrontier(e));
    }
    batch->Put(family(kFrontier), FrontierKey('d', commit.url), "");
    if (!commit.page_meta.empty()) batch->Put(family(kPages), commit.url, commit.page_meta);
    for (const auto& [key, value] : commit.meta) {
      batch->Put(family(kMeta), key, value);
      // A photo fetched or given up (see WriteMetaBatch).
      if (std::string id = AdvertOfPhotoKey(key); !id.empty()) LogChange(id, "photo", batch);
    }
  }

  Status Write(rocksdb::WriteBatch& batch, const std::string& context) {
    return FromRocks(Serialized([&] { return db()->Write(WriteOpts(), &batch); }), context);
  }

  Result<std::optional<std::string>> Get(Family f, const std::string& key,
                                         const std::string& context) const {
    std::string value;
    rocksdb::Status s = db()->Get(rocksdb::ReadOptions(), family(f), key, &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, context);
    return std::optional<std::string>(std::move(value));
  }

  // `change` says whether it changed what correlation reads; if so, and
  // `logged_as` names how, the change log hears of it in the same write.
  Status Modify(const std::string& id, const std::function<bool(AdvertRecord*)>& change,
                const char* logged_as) {
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto existing = GetAdvert(id);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) return Status::NotFound("advert " + id);
    AdvertRecord record = **existing;
    bool changed = change(&record);
    rocksdb::WriteBatch batch;
    PutAdvert(record, &batch);
    if (changed && logged_as != nullptr) LogChange(id, logged_as, &batch);
    return Write(batch, "update advert " + id);
  }

  // The change log entry for an advert (meta_keys::kChanged); a later
  // change overwrites an earlier one's kind, which is all correlation needs.
  // The value carries a stamp unique to this write, so a clear that read an
  // earlier change of the same advert can tell it was rewritten since
  // (DeleteMetasIfUnchanged). Called under write_mutex_.
  void LogChange(const std::string& id, const char* how, rocksdb::WriteBatch* batch) {
    batch->Put(family(kMeta), std::string(meta_keys::kChanged) + id,
               meta_keys::ChangeValue(how, ++change_stamp_));
  }

  // The advert and its summary, always together.
  void PutAdvert(const AdvertRecord& record, rocksdb::WriteBatch* batch) {
    batch->Put(family(kAdverts), record.id, EncodeAdvert(record));
    batch->Put(family(kSummaries), record.id, EncodeAdvertSummary(record));
  }

  // PutAdvert with new content: the entity index drops what `old` (if
  // stored) listed and takes what `record` lists.
  void PutAdvertAndEntities(const AdvertRecord* old, const AdvertRecord& record,
                            rocksdb::WriteBatch* batch) {
    if (old != nullptr) {
      ForEachEntity(*old, [&](EntityType type, const std::string& value) {
        batch->Delete(family(kEntities), EntityKey(type, value, old->id));
      });
    }
    ForEachEntity(record, [&](EntityType type, const std::string& value) {
      batch->Put(family(kEntities), EntityKey(type, value, record.id), "");
    });
    PutAdvert(record, batch);
  }

  // Rebuilds every summary from the adverts (a store from before
  // summaries), then marks them complete. Holding write_mutex_ keeps
  // upserts from interleaving.
  Status BuildSummaries() const {
    std::lock_guard<std::mutex> lock(write_mutex_);
    if (summaries_complete_) return Status::OK();
    rocksdb::WriteBatch batch;
    std::unique_ptr<rocksdb::Iterator> old(
        db()->NewIterator(rocksdb::ReadOptions(), family(kSummaries)));
    for (old->SeekToFirst(); old->Valid(); old->Next())
      batch.Delete(family(kSummaries), old->key());
    Status s = FromRocks(old->status(), "scan summaries");
    if (!s.ok()) return s;
    Status written;
    s = ForEachAdvert([&](const AdvertRecord& a) {
      batch.Put(family(kSummaries), a.id, EncodeAdvertSummary(a));
      if (batch.Count() >= kBackfillBatch) {
        written = FromRocks(Serialized([&] { return db()->Write(WriteOpts(), &batch); }), "build summaries");
        batch.Clear();
      }
      return written.ok();
    });
    if (!s.ok()) return s;
    if (!written.ok()) return written;
    batch.Put(family(kMeta), kSummariesKey, kSummariesFormat);
    s = FromRocks(Serialized([&] { return db()->Write(WriteOpts(), &batch); }), "build summaries");
    if (s.ok()) summaries_complete_ = true;
    return s;
  }

  RocksHandles handles_;
  const bool read_only_;
  const std::string dir_;
  const rocksdb::Options meta_options_;  // what table files for the meta family are written with
  // Serialises read-modify-write of adverts and leads, and the one-off
  // summary build (which a const scan may start).
  mutable std::mutex write_mutex_;
  mutable std::mutex commit_mutex_;  // see Serialized()
  mutable std::atomic<bool> summaries_complete_{false};
  // Change-log stamps: the open time in nanoseconds, then one more per
  // logged change, so stamps differ across processes and runs too.
  std::uint64_t change_stamp_ = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          std::chrono::system_clock::now().time_since_epoch()).count());
};

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPhone:
      return "phone";
    case EntityType::kEmail:
      return "email";
    case EntityType::kPostcode:
      return "postcode";
    case EntityType::kAddress:
      return "address";
    case EntityType::kHandle:
      return "handle";
    case EntityType::kImage:
      return "image";
  }
  return "?";
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const StoreOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound("store " + dir + " does not exist");
    }
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create store " + dir + ": " + ec.message());
  }
  if (!options.read_only) {
    // Adverts and analysts' notes are sensitive: owner-only, always.
    if (::chmod(dir.c_str(), 0700) != 0) {
      return Status::IoError("cannot set mode 0700 on store " + dir);
    }
  }
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.keep_log_file_num = 3;
  db_options.max_background_jobs = 2;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  // A read-only open cannot create families a newer plainsight added
  // (summaries); it opens those that exist and leaves the others null.
  std::vector<std::string> existing;
  if (options.read_only) {
    rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(db_options, dir, &existing);
    if (!listed.ok()) return FromRocks(listed, "open store " + dir);
  }
  std::vector<int> slots;
  for (int f = 0; f < kFamilyCount; ++f) {
    if (options.read_only &&
        std::find(existing.begin(), existing.end(), kFamilies[f]) == existing.end()) {
      continue;
    }
    descriptors.emplace_back(kFamilies[f], FamilyOptions(static_cast<Family>(f)));
    slots.push_back(f);
  }
  RocksHandles handles;
  rocksdb::Status s;
  if (options.read_only) {
    // An analyst's read while a run writes: every table file is opened now,
    // so the run's compactions deleting files cannot break a later read; an
    // open that races a log switch or a compaction is tried again.
    db_options.max_open_files = -1;
    std::vector<rocksdb::ColumnFamilyHandle*> opened;
    for (int attempt = 0; attempt < 5; ++attempt) {
      opened.clear();
      s = rocksdb::DB::OpenForReadOnly(db_options, dir, descriptors, &opened, handles.db_out());
      if (!s.IsIOError() && !s.IsCorruption() && !s.IsPathNotFound()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
    }
    handles.families_out()->assign(kFamilyCount, nullptr);
    for (size_t i = 0; i < opened.size(); ++i) {
      (*handles.families_out())[static_cast<size_t>(slots[i])] = opened[i];
    }
  } else {
    s = rocksdb::DB::Open(db_options, dir, descriptors, handles.families_out(), handles.db_out());
  }
  if (!s.ok()) return FromRocks(s, "open store " + dir);
  if (!options.read_only) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      std::error_code ignored;
      if (name.rfind(kIngestPrefix, 0) == 0) fs::remove(it->path(), ignored);
    }
  }
  auto store = std::make_unique<RocksStore>(std::move(handles), options.read_only, dir, db_options);
  Status init = store->CheckSchema(dir);
  if (init.ok()) init = store->InitSummaries();
  if (!init.ok()) return init;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace plainsight
