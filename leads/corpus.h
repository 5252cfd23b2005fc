// Corpus: a compact in-memory view of every stored advert, holding only
// what correlation needs (ids, site, kind, towns, contacts, indicator ids,
// a stated age and name, dates and a MinHash signature) and never the text,
// so a million adverts fit in a few hundred megabytes (flat arrays, not an
// object per advert: see Corpus).
//
// Loading streams the store's advert summaries (store/advert_summary.h:
// no text, no JSON) once. Text is read only where it is needed:
//   - Signatures and stated personas are cached in the store's meta family
//     keyed by the advert body's sha256 (signature_cache.h), so only new or
//     changed adverts are read and re-signed; stale cache entries of
//     deleted adverts are removed. Many misses (a first run) are read in
//     one pass over the adverts' texts and signed on worker threads
//     (text_signer.h), a few by point lookups.
//   - Page chrome: advert text is the page's visible text, site header and
//     footer included, which would make every advert of a site look alike.
//     A line found on at least chrome_share of a sample of the site's
//     adverts (its first chrome_sample adverts in id order, i.e. URL-hash
//     order, a random sample) is the site's chrome and is left out of the
//     signature. The lines (and common phrasing) are pinned per site: kept
//     until a quarter of the sample they were learnt from has changed or
//     the options have, rebuild included (a small site's common phrasing
//     would otherwise move, and re-sign the whole site, with every few
//     adverts it gains); the sample's texts are read only to learn anew.
// So a run over an unchanged store reads no advert text at all.
// Everything else is rebuilt from the summaries on every load.
//
// A Corpus is a plain value, built by LoadCorpus and then read-only: it may
// be shared by threads that only read it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "leads/minhash.h"
#include "store/store.h"

namespace plainsight {

// A read-only run of consecutive values in one of the corpus's flat arrays.
template <typename T>
class Run {
 public:
  Run(const T* first, const T* last) : first_(first), last_(last) {}
  const T* begin() const { return first_; }
  const T* end() const { return last_; }
  size_t size() const { return static_cast<size_t>(last_ - first_); }
  bool empty() const { return first_ == last_; }
  const T& operator[](size_t i) const { return first_[i]; }
  const T& front() const { return *first_; }

 private:
  const T* first_;
  const T* last_;
};

// One variable-length list per item (advert or entity), all in one flat
// array: a million adverts' lists cost two allocations, not a million.
// Lists are appended in item order: push values, then Close().
template <typename T, typename Offset = std::uint32_t>
struct FlatLists {
  std::vector<Offset> offsets{0};  // list i: values[offsets[i], offsets[i + 1])
  std::vector<T> values;

  Run<T> operator[](size_t i) const {
    return {values.data() + offsets[i], values.data() + offsets[i + 1]};
  }
  // The values pushed since the last Close().
  Run<T> Open() const { return {values.data() + offsets.back(), values.data() + values.size()}; }
  void Close() { offsets.push_back(static_cast<Offset>(values.size())); }
  void Reserve(size_t lists, size_t total) {
    offsets.reserve(lists + 1);
    values.reserve(total);
  }
};

// An advert's fixed-size fields; its id, contacts, towns and indicators
// are in the Corpus's flat lists (see Corpus::Id and friends).
struct AdvertDigest {
  std::int64_t first_seen = 0;
  // When it was posted: the page's own date when it reads YYYY-MM-DD,
  // else first_seen (which, on a first crawl, is the crawl's time).
  std::int64_t posted_at = 0;
  std::int64_t removed_at = -1;  // -1 while not removed
  std::uint32_t name = 0;        // 1 + index into Corpus::names, 0 = none
  std::uint16_t site = 0;        // index into Corpus::sites
  std::uint8_t age = 0;          // stated age, 0 = none
  bool adult = false;            // kind "adult"
  bool jobs = false;             // kind "jobs"
  bool posted_known = false;     // posted_at came from the page's date
};

// One indicator with one matched text: adverts that matched the same
// indicator with other words hold other entries, so a quote is always the
// advert's own.
struct CorpusIndicator {
  std::string id;
  std::string category;
  double weight = 0;
  std::string match;
};

// Per-advert data is held as flat arrays rather than an object per advert
// with its own strings and vectors: at a million adverts the per-object
// headers and small allocations alone cost ~200 MB.
struct Corpus {
  std::vector<AdvertDigest> adverts;  // in id order
  FlatLists<char, std::uint64_t> advert_ids;
  FlatLists<std::uint32_t> advert_entities;    // indices into the entities, distinct
  FlatLists<std::uint16_t> advert_towns;       // indices into towns
  FlatLists<std::uint32_t> advert_indicators;  // indices into indicators, distinct (id, match)
  std::vector<std::string> sites;
  std::vector<std::string> towns;
  std::vector<std::string> names;
  // Entity e is a contact of type entity_types[e] and value entity_values[e].
  std::vector<EntityType> entity_types;
  FlatLists<char, std::uint64_t> entity_values;
  std::vector<CorpusIndicator> indicators;

  // Signatures, truncated to 16 bits per value (a chance agreement of two
  // different minima is then 1 in 65536, far below the estimate's own
  // error) and stored flat: advert i's values start at
  // signature_slot[i] * signature_length, or it has none (kNoSignature:
  // too few shingles to judge). Only linking reads them: DropSignatures
  // frees them after it.
  static constexpr std::uint32_t kNoSignature = 0xffffffffu;
  size_t signature_length = 0;
  size_t signature_bands = 1;  // LSH bands the MinHash options were made for
  std::vector<std::uint32_t> signature_slot;
  std::vector<std::uint16_t> signature_values;

  // "site: indicator ID "match" on N of M adverts (the site's own
  // wording)": dropped from those adverts, for CorrelateSummary.
  std::vector<std::string> site_wide_indicators;

  size_t signatures_computed = 0;
  size_t signatures_reused = 0;

  // Per site, hashes of its chrome lines (sorted), see WithoutChrome.
  std::vector<std::vector<std::uint64_t>> site_chrome;
  // Per site, when it was first crawled: the earliest first_seen of any of
  // its adverts ever stored. Adverts first seen within a day of it came
  // with that crawl, so first_seen says nothing of when they were posted.
  // Kept in the store (meta_keys::kFirstCrawl), so retention deleting the
  // oldest adverts does not turn an ordinary day into "the first crawl",
  // and a site added to the config later has its own.
  std::vector<std::int64_t> site_first_crawl;

  std::string_view Id(size_t i) const {
    Run<char> id = advert_ids[i];
    return {id.begin(), id.size()};
  }
  Run<std::uint32_t> Entities(size_t i) const { return advert_entities[i]; }
  Run<std::uint16_t> Towns(size_t i) const { return advert_towns[i]; }
  Run<std::uint32_t> Indicators(size_t i) const { return advert_indicators[i]; }
  size_t EntityCount() const { return entity_types.size(); }
  std::string_view EntityValue(size_t e) const {
    Run<char> value = entity_values[e];
    return {value.begin(), value.size()};
  }

  // Index of the advert with `id`, or -1.
  long Find(std::string_view id) const;
  // The agreeing share of two adverts' signatures; 0 when either has none.
  double EstimateJaccard(size_t a, size_t b) const;
  const std::uint16_t* Signature(size_t i) const;
  void DropSignatures();
  std::string EntityKey(size_t entity) const;  // "phone +447700900123"
};

struct CorpusOptions {
  MinHashOptions minhash;
  // Texts with fewer shingles of their own (after the site's chrome and
  // common phrasing are left out) get no signature: too little of the
  // writer's own wording to call two adverts copies. On the test farm the
  // ordinary adverts, written from a few house wordings, keep 8-14 after
  // the common phrasing goes, whose residue is slot values (names, towns)
  // drawn from short lists; the planted copied adverts keep 35-36.
  int min_shingles = 16;
  bool reuse_signatures = true;  // false: re-sign every advert (rebuild)
  double chrome_share = 0.5;
  int chrome_min_adverts = 4;  // sites with fewer sampled adverts have no chrome
  int chrome_sample = 200;
  // A site's common phrasing, left out of signatures (site_chrome.h); the
  // defaults learn none. Correlate passes leads.template_common_*.
  double common_share = 1.1;
  int common_min_writers = 1000000;
  // Indicator wording (one indicator, one matched text) on at least this
  // share of a site's adverts, and on at least site_wide_min_adverts of
  // them, is the site's own and dropped (see Corpus::site_wide_indicators).
  // Correlate passes leads.boilerplate_share and boilerplate_min_adverts.
  double site_wide_share = 0.5;
  int site_wide_min_adverts = 4;
};

// The entities an advert links by, each type's values in turn, as the
// corpus takes them: phones, e-mails, postcodes, full addresses (street
// with its postcode or town, full_address.h) and named messaging handles.
void ForEachLinkEntity(
    const AdvertSummary& advert,
    const std::function<void(EntityType, const std::vector<std::string>&)>& visit);

// `text` without the lines that are `site`'s page chrome.
std::string WithoutChrome(const Corpus& corpus, size_t site, const std::string& text);

// Streams every stored advert into a Corpus, updating the signature cache.
Result<Corpus> LoadCorpus(Store& store, const CorpusOptions& options);

// A Corpus of the stored adverts among `ids` (ascending; absent ones are
// skipped), for an incremental run: read one by one, signed from the cache
// (or signed and cached), with each site's kept chrome and the site-wide
// wordings decided by the kept counts (link_counts.h) rather than by these
// adverts. NotFound when a site has no kept chrome.
Result<Corpus> LoadCorpusOf(Store& store, const CorpusOptions& options,
                            const std::vector<std::string>& ids);

// Whether `site`'s chrome stays pinned after the changes (`present`: the
// site's changed adverts as stored now; `gone`: its adverts deleted), as
// a full load would decide it; if so, keeps the site's new sample. False
// when a full load would learn the chrome anew, or when that cannot be
// told without a scan of the site (a full sample lost an advert) or
// nothing is kept.
Result<bool> ChromeHoldsAfter(Store& store, const CorpusOptions& options, const std::string& site,
                              const std::vector<std::string>& present,
                              const std::vector<std::string>& gone);

}  // namespace plainsight
