// Store: plainsight's persistent state in one RocksDB directory.
//
// Column families:
//   adverts   advert id -> AdvertRecord (JSON)
//   entities  "<type>\x1f<value>\x1f<advert id>" -> "" (phone/email/postcode/
//             address/handle -> adverts), kept in step with adverts in one WriteBatch
//   summaries advert id -> AdvertSummary (binary, advert_summary.h), also
//             kept in step with adverts; what correlation reads
//   leads     lead id -> LeadRecord (JSON)
//   pages     normalised URL -> fetch metadata (JSON, owned by the crawler)
//   meta      small named values (schema version, robots cache, …)
//
// Thread safety: every method may be called from any thread. Upserts are
// serialised internally (read-modify-write of one advert and its index).
// Ownership: the Store owns the RocksDB handles; destroy it to close.
// Only one process may open a store for writing: a second Open() fails with
// Status::Busy, which the CLI maps to exit code 2.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/advert.h"
#include "store/advert_summary.h"
#include "store/sorted_meta_writer.h"

namespace plainsight {

// kImage is a cluster of near-matching advert photos (leads/image_links.h),
// "pdq:<64 hex>"; it exists only in correlation, never in the entity index.
enum class EntityType { kPhone, kEmail, kPostcode, kAddress, kHandle, kImage };
const char* EntityTypeName(EntityType type);  // "phone", "email", …, "image"

struct StoreOptions {
  bool create_if_missing = true;
  // Opens without taking the write lock, for analyst reads while a run holds
  // it. Writes then fail.
  bool read_only = false;
};

enum class UpsertOutcome { kNew, kChanged, kUnchanged };

// One URL the current crawl run must still fetch (see "Crash-safe frontier"
// in crawler/crawler.h). Sites are named, not numbered, so a resumed run
// survives a reordered config.
//
// An advert's photo is an entry of its own per advert (`image` set): its
// url is the image URL + "#advert-image=" + the advert id (a fragment no
// page URL has), `image_of` the advert id and `image_order` its place
// among the advert's images. Stored as "<site>\x1f<depth>\x1fi\x1f<advert
// id>\x1f<order>"; pages keep the older "<site>\x1f<depth>\x1fa|f".
struct FrontierEntry {
  std::string url;
  std::string site;
  int depth = 0;
  bool advert = false;
  bool image = false;
  std::string image_of;  // advert id
  int image_order = 0;
};

// What finishing one page commits, atomically with its advert (if any): the
// links it added to the frontier, the page's fetch metadata, and the fact
// that it is done, so a resumed run neither loses nor refetches it.
struct PageCommit {
  std::string url;
  std::vector<FrontierEntry> discovered;
  std::string page_meta;  // for the pages family; empty = leave as is
  // Meta values written in the same atomic write (e.g. a note that the
  // advert must be extracted again at the end of the run).
  std::vector<std::pair<std::string, std::string>> meta;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating with mode 0700 if allowed) the store at `dir`.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const StoreOptions& options);

  // Inserts or merges an advert keyed by record.id: first_seen is kept from
  // the stored copy, last_seen taken from `record`; the content and the
  // entity index are replaced only when the body's sha256 changed.
  virtual Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& record) = 0;
  // The same, committing `commit` in the same atomic write.
  virtual Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& record,
                                             const PageCommit& commit) = 0;
  // Replaces what was extracted from a stored advert's capture (title,
  // text, location, posted, contacts, places, indicators, pay) and its
  // entity index, keeping its identity, capture, times and removal; and
  // deletes `done_meta_keys`, all in one atomic write. NotFound if the
  // advert is not stored.
  virtual Status ReplaceAdvertContent(const AdvertRecord& extracted,
                                      const std::vector<std::string>& done_meta_keys) = 0;
  // Marks a stored advert seen at `when` without reparsing (HTTP 304).
  virtual Status TouchAdvert(const std::string& id, std::int64_t when) = 0;
  virtual Status MarkAdvertRemoved(const std::string& id, std::int64_t when) = 0;
  virtual Status DeleteAdvert(const std::string& id) = 0;
  // The change log: every write above that changes what correlation reads
  // (a new or changed capture, re-extraction, removal, return, deletion)
  // also writes meta_keys::kChanged + id in the same atomic write; a touch
  // or an unchanged capture does not. Correlation reads the entries with
  // ForEachMeta and deletes the ones it used (DeleteMetasIfUnchanged).

  virtual Result<std::optional<AdvertRecord>> GetAdvert(const std::string& id) const = 0;
  // One advert's title and text only, decoding nothing else: false when the
  // advert is not stored.
  virtual Result<bool> GetAdvertText(const std::string& id, std::string* title,
                                     std::string* text) const = 0;
  // One advert's summary (no text, no JSON): what the crawler needs to know
  // about a stored advert. The default decodes the whole advert.
  virtual Result<std::optional<AdvertSummary>> GetAdvertSummary(const std::string& id) const {
    auto advert = GetAdvert(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value()) return std::optional<AdvertSummary>();
    return std::optional<AdvertSummary>(SummarizeAdvert(**advert));
  }
  // The summaries of `ids` in their order (nullopt where not stored): one
  // batched lookup, cheaper than GetAdvertSummary each.
  virtual Result<std::vector<std::optional<AdvertSummary>>> GetAdvertSummaries(
      const std::vector<std::string>& ids) const {
    std::vector<std::optional<AdvertSummary>> summaries;
    summaries.reserve(ids.size());
    for (const std::string& id : ids) {
      auto summary = GetAdvertSummary(id);
      if (!summary.ok()) return summary.status();
      summaries.push_back(std::move(*summary));
    }
    return summaries;
  }
  // Visits adverts in id order until `visit` returns false.
  virtual Status ForEachAdvert(const std::function<bool(const AdvertRecord&)>& visit) const = 0;
  // Visits every advert's summary in id order until `visit` returns false:
  // no text, no JSON, many times cheaper than ForEachAdvert. The object
  // passed is reused between calls. A store last written by a plainsight
  // without summaries gets them built from its adverts on the first call
  // (once, when writable; a read-only store derives them on every call).
  virtual Status ForEachAdvertSummary(
      const std::function<bool(const AdvertSummary&)>& visit) const = 0;
  // Visits every advert's id, title and text in id order until `visit`
  // returns false, decoding nothing else (signing a whole store).
  virtual Status ForEachAdvertText(
      const std::function<bool(std::string_view id, const std::string& title,
                               const std::string& text)>& visit) const = 0;
  virtual Result<std::vector<std::string>> AdvertIdsForEntity(EntityType type,
                                                              const std::string& value) const = 0;
  virtual Result<std::uint64_t> CountAdverts() const = 0;

  // Replaces every stored lead with `leads` in one atomic batch. A lead whose
  // stored bytes would not change is not rewritten.
  virtual Status ReplaceLeads(const std::vector<LeadRecord>& leads) = 0;
  // Writes `puts` and deletes the leads `deletes` names, in one atomic
  // batch (an incremental correlation's leads; an id in both is written;
  // the ids of `puts` are distinct).
  virtual Status PatchLeads(const std::vector<LeadRecord>& puts,
                            const std::vector<std::string>& deletes) = 0;
  // The lead and `meta` entries (e.g. the review decision that changed it)
  // in one atomic write.
  virtual Status PutLead(const LeadRecord& lead,
                         const std::vector<std::pair<std::string, std::string>>& meta) = 0;
  virtual Result<std::optional<LeadRecord>> GetLead(const std::string& id) const = 0;
  virtual Status ForEachLead(const std::function<bool(const LeadRecord&)>& visit) const = 0;
  // The same, with only id, status, created_at, updated_at, advert_ids,
  // merged_from, split_from and the template filled (what a re-correlation
  // carries over); reasons and contacts are left empty. Much cheaper than
  // ForEachLead. The default decodes fully and drops the rest.
  virtual Status ForEachLeadBrief(const std::function<bool(const LeadRecord&)>& visit) const {
    return ForEachLead([&](const LeadRecord& lead) {
      LeadRecord brief;
      brief.id = lead.id;
      brief.status = lead.status;
      brief.created_at = lead.created_at;
      brief.updated_at = lead.updated_at;
      brief.advert_ids = lead.advert_ids;
      brief.merged_from = lead.merged_from;
      brief.split_from = lead.split_from;
      brief.template_text = lead.template_text;
      brief.template_slots = lead.template_slots;
      return visit(brief);
    });
  }

  // The lead-of-advert index (meta_keys::kLeadOf), kept by the three lead
  // writes above once a ReplaceLeads has written it whole. A ReplaceLeads
  // writes it whole again when meta_keys::kLeadIndexState is absent (a
  // caller that no longer trusts it deletes that key) or its count does
  // not come out at the leads written.
  // The stored leads counted; nullopt while the index is not kept (a store
  // from before it, until its next ReplaceLeads).
  virtual Result<std::optional<std::uint64_t>> CountLeads() const = 0;
  // For each of `advert_ids`, the id of the stored lead that lists it (""
  // for none). Meaningful only while CountLeads has a value.
  virtual Result<std::vector<std::string>> LeadIdsOfAdverts(
      const std::vector<std::string>& advert_ids) const = 0;
  // The briefs (as ForEachLeadBrief) of the leads `ids` names, in their
  // order (nullopt where absent): one batched lookup.
  virtual Result<std::vector<std::optional<LeadRecord>>> GetLeadBriefs(
      const std::vector<std::string>& ids) const = 0;

  // The crawl frontier of the run in progress.
  virtual Status AddToFrontier(const std::vector<FrontierEntry>& entries) = 0;
  virtual Status CommitPage(const PageCommit& commit) = 0;
  // Visits every frontier entry with whether it is done.
  virtual Status ForEachFrontierEntry(
      const std::function<bool(const FrontierEntry&, bool done)>& visit) const = 0;
  virtual Status ClearFrontier() = 0;

  virtual Status PutPage(const std::string& url, const std::string& value) = 0;
  virtual Result<std::optional<std::string>> GetPage(const std::string& url) const = 0;

  virtual Status PutMeta(const std::string& key, const std::string& value) = 0;
  // Many (key, value) pairs in one atomic write: cheaper than PutMeta each.
  virtual Status PutMetas(const std::vector<std::pair<std::string, std::string>>& entries) = 0;
  virtual Result<std::optional<std::string>> GetMeta(const std::string& key) const = 0;
  // The values of `keys` in their order (nullopt where absent): one batched
  // lookup, much cheaper than GetMeta each when there are many (the
  // template index reads millions of buckets a day, most of them absent).
  virtual Result<std::vector<std::optional<std::string>>> GetMetas(
      const std::vector<std::string>& keys) const {
    std::vector<std::optional<std::string>> values;
    values.reserve(keys.size());
    for (const std::string& key : keys) {
      auto value = GetMeta(key);
      if (!value.ok()) return value.status();
      values.push_back(std::move(*value));
    }
    return values;
  }
  // Visits meta keys that start with `prefix`, in order, until false.
  virtual Status ForEachMeta(const std::string& prefix,
                             const std::function<bool(const std::string& key,
                                                      const std::string& value)>& visit) const = 0;
  // Visits the keys under each of `prefixes` (in their order; one may
  // begin another, or repeat it), with the index
  // of the prefix, until false: one pass with one iterator, much cheaper
  // than ForEachMeta per prefix when there are many (the template index
  // reads a million buckets a day).
  virtual Status ForEachMetaUnder(
      const std::vector<std::string>& prefixes,
      const std::function<bool(size_t prefix, const std::string& key, const std::string& value)>&
          visit) const {
    for (size_t i = 0; i < prefixes.size(); ++i) {
      bool more = true;
      Status s = ForEachMeta(prefixes[i], [&](const std::string& key, const std::string& value) {
        more = visit(i, key, value);
        return more;
      });
      if (!s.ok() || !more) return s;
    }
    return Status::OK();
  }
  // A writer of entries in ascending key order (sorted_meta_writer.h).
  virtual Result<std::unique_ptr<SortedMetaWriter>> NewSortedMetaWriter() {
    return NewBatchedSortedMetaWriter(*this);
  }
  virtual Status DeleteMeta(const std::string& key) = 0;
  // Deletes every meta key under each of `prefixes`, before an index is
  // written anew. Not atomic (a caller marks its index unfinished first).
  // The RocksDB store drops whole table files and compacts the rest of the
  // ranges away, so a table file a SortedMetaWriter then ingests over them
  // overlaps nothing and lands in the bottom level, instead of in level 0
  // where it would be compacted down again (a second write of the index).
  virtual Status ClearMetaPrefixes(const std::vector<std::string>& prefixes) {
    constexpr size_t kBatch = 10000;
    std::vector<std::string> keys;
    for (const std::string& prefix : prefixes) {
      Status failed;
      Status s = ForEachMeta(prefix, [&](const std::string& key, const std::string&) {
        keys.push_back(key);
        if (keys.size() >= kBatch) {
          failed = DeleteMetas(keys);
          keys.clear();
        }
        return failed.ok();
      });
      if (!s.ok()) return s;
      if (!failed.ok()) return failed;
    }
    return keys.empty() ? Status::OK() : DeleteMetas(keys);
  }
  // Many keys in one atomic write.
  virtual Status DeleteMetas(const std::vector<std::string>& keys) = 0;
  // Puts and deletes in one atomic write (an index that must never be
  // left half updated).
  virtual Status WriteMetas(const std::vector<std::pair<std::string, std::string>>& puts,
                            const std::vector<std::string>& deletes) = 0;
  // Deletes each key whose value is still the one given (read earlier), in
  // one atomic write that no advert write interleaves with: the change log's
  // clear, which must keep an entry rewritten since it was read.
  virtual Status DeleteMetasIfUnchanged(
      const std::vector<std::pair<std::string, std::string>>& read) = 0;

  // Forces buffered writes to disk (end of a run), the write-ahead log and
  // the memtables both, so the next Open has no log to replay; and waits
  // for the compactions they call for, so the next run starts with none.
  virtual Status Flush() = 0;
};

}  // namespace plainsight
