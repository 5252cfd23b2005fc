#include "leads/corpus.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <limits>

#include "leads/near_duplicates.h"
#include "leads/personas.h"
#include "leads/signature_cache.h"
#include "leads/site_chrome.h"

namespace plainsight {
namespace {

// Interns strings into dense indices.
template <typename Index>
class Interner {
 public:
  explicit Interner(std::vector<std::string>* table) : table_(table) {}
  Index Intern(const std::string& value) {
    auto [it, inserted] = ids_.try_emplace(value, static_cast<Index>(table_->size()));
    if (inserted) table_->push_back(value);
    return it->second;
  }

 private:
  std::vector<std::string>* table_;
  std::unordered_map<std::string, Index> ids_;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "6 November 2026" -> 2026-11-06; false when it is not that shape.
bool ParseLongDate(const std::string& posted, int* y, int* m, int* d) {
  static const char* const kMonths[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
  char month[16] = {0};
  if (std::sscanf(posted.c_str(), "%d %15s %d", d, month, y) != 3) return false;
  for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    if (std::string(kMonths[i]).rfind(month, 0) == 0 && std::strlen(month) >= 3) {
      *m = i + 1;
      return true;
    }
  }
  return false;
}

// "2026-11-05..." or "5 November 2026" -> unix seconds at midnight UTC;
// `fallback` otherwise (and *known false).
std::int64_t ParsePostedDate(const std::string& posted, std::int64_t fallback, bool* known) {
  *known = false;
  int ly = 0, lm = 0, ld = 0;
  if (ParseLongDate(posted, &ly, &lm, &ld)) {
    if (ly < 1990 || ld < 1 || ld > 31) return fallback;
    *known = true;
    return DaysFromCivil(ly, static_cast<unsigned>(lm), static_cast<unsigned>(ld)) * 86400;
  }
  if (posted.size() < 10 || posted[4] != '-' || posted[7] != '-') return fallback;
  auto number = [&](size_t at, size_t len, int* out) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (posted[i] < '0' || posted[i] > '9') return false;
      v = v * 10 + (posted[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, &y) || !number(5, 2, &m) || !number(8, 2, &d)) return fallback;
  if (y < 1990 || m < 1 || m > 12 || d < 1 || d > 31) return fallback;
  *known = true;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400;
}

constexpr char kAdvertCountKey[] = "leads\x1f" "advert_count";

std::uint64_t HashString(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t Mix(std::uint64_t h, std::uint64_t v) {
  return (h ^ v) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
}

// Builds a Corpus in four passes: summaries (no text), each site's chrome
// (cached; text of its sample only when the sample changed), cached
// signatures and personas, and text for the adverts left to sign.
class CorpusBuilder {
 public:
  CorpusBuilder(Store& store, const CorpusOptions& options)
      : store_(store), options_(options), hasher_(options.minhash),
        sites_(&corpus_.sites), towns_(&corpus_.towns), names_(&corpus_.names) {
    corpus_.signature_length = static_cast<size_t>(hasher_.options().num_hashes);
    corpus_.signature_bands = static_cast<size_t>(hasher_.options().bands);
  }

  void Reserve(size_t adverts) {
    corpus_.adverts.reserve(adverts);
    corpus_.signature_slot.reserve(adverts);
    corpus_.signature_values.reserve(adverts * corpus_.signature_length);
    sha_.reserve(adverts);
    entity_ids_.reserve(adverts * 3 / 2);
  }

  void Add(const AdvertSummary& a) {
    AdvertDigest d;
    d.id = a.id;
    d.site = sites_.Intern(a.site);
    d.adult = a.kind == "adult";
    d.jobs = a.kind == "jobs";
    d.first_seen = a.first_seen;
    d.posted_at = ParsePostedDate(a.posted, a.first_seen, &d.posted_known);
    if (corpus_.adverts.empty() || a.first_seen < corpus_.earliest_first_seen) {
      corpus_.earliest_first_seen = a.first_seen;
    }
    d.removed_at = a.removed ? a.removed_at : -1;
    AddEntities(EntityType::kPhone, a.phones, &d);
    AddEntities(EntityType::kEmail, a.emails, &d);
    AddEntities(EntityType::kPostcode, a.postcodes, &d);
    AddEntities(EntityType::kAddress, a.addresses, &d);
    for (const std::string& town : a.towns) {
      std::uint16_t t = towns_.Intern(town);
      if (std::find(d.towns.begin(), d.towns.end(), t) == d.towns.end()) d.towns.push_back(t);
    }
    for (const IndicatorRecord& hit : a.indicators) {
      auto [it, inserted] =
          indicator_ids_.try_emplace(hit.id, static_cast<std::uint32_t>(corpus_.indicators.size()));
      if (inserted) corpus_.indicators.push_back({hit.id, hit.category, hit.weight, hit.match});
      if (std::find(d.indicators.begin(), d.indicators.end(), it->second) == d.indicators.end()) {
        d.indicators.push_back(it->second);
      }
    }
    const auto index = static_cast<std::uint32_t>(corpus_.adverts.size());
    if (samples_.size() <= d.site) samples_.resize(d.site + 1u);
    if (samples_[d.site].size() < static_cast<size_t>(std::max(options_.chrome_sample, 0))) {
      samples_[d.site].push_back(index);
    }
    corpus_.adverts.push_back(std::move(d));
    corpus_.signature_slot.push_back(Corpus::kNoSignature);
    sha_.push_back(BodyHash(a.sha256));
  }

  // Each site's chrome, from the first chrome_sample of its adverts in id
  // order (URL-hash order, a random sample).
  Status LearnChrome() {
    chrome_.resize(corpus_.sites.size());
    samples_.resize(corpus_.sites.size());
    for (size_t site = 0; site < chrome_.size(); ++site) {
      std::uint64_t sample = Mix(Mix(Mix(0, static_cast<std::uint64_t>(options_.chrome_sample)),
                                     static_cast<std::uint64_t>(options_.chrome_min_adverts)),
                                 static_cast<std::uint64_t>(options_.chrome_share * 1e6));
      for (std::uint32_t i : samples_[site]) {
        sample = Mix(Mix(sample, HashString(corpus_.adverts[i].id)), sha_[i]);
      }
      const std::string key = kChromeKeyPrefix + corpus_.sites[site];
      if (options_.reuse_signatures) {
        auto cached = store_.GetMeta(key);
        if (!cached.ok()) return cached.status();
        if (cached->has_value() && chrome_[site].Parse(**cached, sample)) continue;
      }
      for (std::uint32_t i : samples_[site]) {
        auto advert = store_.GetAdvert(corpus_.adverts[i].id);
        if (!advert.ok()) return advert.status();
        if (advert->has_value()) chrome_[site].Learn((*advert)->title + "\n" + (*advert)->text);
      }
      chrome_[site].Settle(options_.chrome_share, options_.chrome_min_adverts);
      Status s = store_.PutMeta(key, chrome_[site].Encode(sample));
      if (!s.ok()) return s;
    }
    samples_.clear();
    samples_.shrink_to_fit();
    return Status::OK();
  }

  // Reads every cached signature in one scan (much cheaper than a point
  // lookup per advert); the values go straight into the corpus's flat
  // array, so a reused signature costs no copy later.
  Status LoadCache() {
    CachedSignature parsed;
    return store_.ForEachMeta(kSignatureKeyPrefix, [&](const std::string& key,
                                                       const std::string& value) {
      if (!ParseCachedSignature(value, corpus_.signature_length, &parsed)) return true;
      CacheEntry entry;
      entry.sha = parsed.body;
      entry.chrome = parsed.chrome;
      entry.persona_read = parsed.persona_read;
      entry.age = static_cast<std::uint8_t>(std::clamp(parsed.age, 0, 255));
      if (!parsed.name.empty()) entry.name = names_.Intern(parsed.name) + 1;
      if (parsed.shingles >= options_.min_shingles &&
          parsed.values.size() == corpus_.signature_length) {
        entry.slot = AppendSignature(parsed.values);
      }
      cache_[HashString(std::string_view(key).substr(sizeof(kSignatureKeyPrefix) - 1))] = entry;
      return true;
    });
  }

  // Takes signatures and personas from the cache where the advert's body
  // and its site's chrome are unchanged, and signs the rest from their text.
  Status Sign() {
    std::vector<std::uint32_t> misses;
    for (size_t i = 0; i < corpus_.adverts.size(); ++i) {
      AdvertDigest& d = corpus_.adverts[i];
      auto it = cache_.find(HashString(d.id));
      if (it == cache_.end()) {
        misses.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      ++cache_hits_;  // its advert exists: not stale
      const CacheEntry& e = it->second;
      if (!options_.reuse_signatures || sha_[i] == 0 || e.sha != sha_[i] ||
          e.chrome != chrome_[d.site].fingerprint() || (d.adult && !e.persona_read)) {
        misses.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      ++corpus_.signatures_reused;
      corpus_.signature_slot[i] = e.slot;
      if (d.adult) {
        d.age = e.age;
        d.name = e.name;
      }
    }
    // Many misses (a first run): one pass over all advert texts beats a
    // point lookup each.
    if (misses.size() > 1000 && misses.size() * 8 > corpus_.adverts.size()) {
      size_t k = 0;
      Status failed;
      Status s = store_.ForEachAdvertText(
          [&](std::string_view id, const std::string& title, const std::string& text) {
            while (k < misses.size() && corpus_.adverts[misses[k]].id < id) ++k;
            if (k == misses.size()) return false;
            if (corpus_.adverts[misses[k]].id == id) failed = SignText(misses[k++], title, text);
            return failed.ok();
          });
      if (!s.ok()) return s;
      if (!failed.ok()) return failed;
      return WritePending();
    }
    for (std::uint32_t i : misses) {
      auto advert = store_.GetAdvert(corpus_.adverts[i].id);
      if (!advert.ok()) return advert.status();
      if (!advert->has_value()) continue;
      Status s = SignText(i, (*advert)->title, (*advert)->text);
      if (!s.ok()) return s;
    }
    return WritePending();
  }

  // Drops cache entries whose advert no longer exists. When the cache was
  // read and every entry matched an advert, there is nothing to look for.
  Status RemoveStaleSignatures() {
    if (options_.reuse_signatures && cache_hits_ == cache_.size()) return Status::OK();
    std::vector<std::string> stale;
    Status s = store_.ForEachMeta(kSignatureKeyPrefix, [&](const std::string& key,
                                                           const std::string&) {
      std::string id = key.substr(sizeof(kSignatureKeyPrefix) - 1);
      if (corpus_.Find(id) < 0) stale.push_back(key);
      return true;
    });
    if (!s.ok()) return s;
    for (const std::string& key : stale) {
      s = store_.DeleteMeta(key);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Corpus Take() {
    corpus_.site_chrome.resize(corpus_.sites.size());
    for (size_t site = 0; site < chrome_.size(); ++site) {
      corpus_.site_chrome[site] = chrome_[site].lines();
    }
    return std::move(corpus_);
  }

 private:
  // Entities are interned by a 64-bit hash of type and value, not by the
  // string: at a million adverts the string keys alone would take ~200 MB.
  // Two different contacts colliding has odds of about n^2 / 2^65 (1e-7 at
  // 1.5 million contacts).
  static std::uint64_t EntityHash(EntityType type, const std::string& value) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    h ^= static_cast<unsigned>(type);
    for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }

  void AddEntities(EntityType type, const std::vector<std::string>& values, AdvertDigest* d) {
    for (const std::string& value : values) {
      auto [it, inserted] = entity_ids_.try_emplace(
          EntityHash(type, value), static_cast<std::uint32_t>(corpus_.entities.size()));
      if (inserted) corpus_.entities.push_back({type, value});
      if (std::find(d->entities.begin(), d->entities.end(), it->second) == d->entities.end()) {
        d->entities.push_back(it->second);
      }
    }
  }

  Status SignText(size_t index, const std::string& title, const std::string& text) {
    AdvertDigest& d = corpus_.adverts[index];
    const SiteChrome& chrome = chrome_[d.site];
    CachedSignature entry;
    std::string kept;
    kept.reserve(title.size() + text.size() + 1);
    auto keep = [&](std::string_view line) {
      if (chrome.IsChrome(line)) return;
      kept.append(line);
      kept.push_back('\n');
    };
    ForEachTextLine(title, keep);
    ForEachTextLine(text, keep);
    entry.values = hasher_.Signature(kept);
    entry.shingles = CountShingles(kept, hasher_.options().shingle_words);
    ++corpus_.signatures_computed;
    if (d.adult) {
      Persona persona = FindPersona(title, text);
      entry.persona_read = true;
      entry.age = persona.age;
      entry.name = std::move(persona.name);
      d.age = static_cast<std::uint8_t>(std::clamp(persona.age, 0, 255));
      if (!entry.name.empty()) d.name = names_.Intern(entry.name) + 1;
    }
    entry.body = sha_[index];
    entry.chrome = chrome.fingerprint();
    pending_.emplace_back(SignatureKey(d.id), EncodeCachedSignature(entry));
    if (pending_.size() >= kWriteBatch) {
      Status s = WritePending();
      if (!s.ok()) return s;
    }
    if (entry.shingles < options_.min_shingles ||
        entry.values.size() != corpus_.signature_length) {
      return Status::OK();
    }
    corpus_.signature_slot[index] = AppendSignature(entry.values);
    return Status::OK();
  }

  Status WritePending() {
    Status s = store_.PutMetas(pending_);
    pending_.clear();
    return s;
  }

  std::uint32_t AppendSignature(const std::vector<std::uint32_t>& signature) {
    const size_t slot = corpus_.signature_values.size() / corpus_.signature_length;
    for (std::uint32_t v : signature) {
      corpus_.signature_values.push_back(static_cast<std::uint16_t>(v & 0xffffu));
    }
    return static_cast<std::uint32_t>(slot);
  }

  // A cached signature and persona, keyed by a hash of its advert id.
  struct CacheEntry {
    std::uint64_t sha = 0;     // BodyHash of the body it was made from
    std::uint64_t chrome = 0;  // the site's chrome fingerprint then
    std::uint32_t slot = Corpus::kNoSignature;
    std::uint32_t name = 0;  // as AdvertDigest::name
    std::uint8_t age = 0;
    bool persona_read = false;
  };
  std::unordered_map<std::uint64_t, CacheEntry> cache_;
  size_t cache_hits_ = 0;
  // New cache entries, written kWriteBatch at a time.
  static constexpr size_t kWriteBatch = 1000;
  std::vector<std::pair<std::string, std::string>> pending_;

  Store& store_;
  CorpusOptions options_;
  MinHasher hasher_;
  Corpus corpus_;
  Interner<std::uint16_t> sites_;
  Interner<std::uint16_t> towns_;
  Interner<std::uint32_t> names_;
  std::unordered_map<std::uint64_t, std::uint32_t> entity_ids_;
  std::unordered_map<std::string, std::uint32_t> indicator_ids_;
  std::vector<std::uint64_t> sha_;                  // by advert, see Add
  std::vector<std::vector<std::uint32_t>> samples_;  // by site: its chrome sample
  std::vector<SiteChrome> chrome_;                   // by site
};

}  // namespace

std::string WithoutChrome(const Corpus& corpus, size_t site, const std::string& text) {
  if (site >= corpus.site_chrome.size()) return text;
  const std::vector<std::uint64_t>& chrome = corpus.site_chrome[site];
  std::string kept;
  ForEachTextLine(text, [&](std::string_view line) {
    if (std::binary_search(chrome.begin(), chrome.end(), HashChromeLine(line))) return;
    kept.append(line);
    kept.push_back('\n');
  });
  return kept;
}

long Corpus::Find(const std::string& id) const {
  auto it = std::lower_bound(adverts.begin(), adverts.end(), id,
                             [](const AdvertDigest& d, const std::string& v) { return d.id < v; });
  if (it == adverts.end() || it->id != id) return -1;
  return static_cast<long>(it - adverts.begin());
}

const std::uint16_t* Corpus::Signature(size_t i) const {
  if (i >= signature_slot.size() || signature_slot[i] == kNoSignature) return nullptr;
  return signature_values.data() + size_t{signature_slot[i]} * signature_length;
}

double Corpus::EstimateJaccard(size_t a, size_t b) const {
  const std::uint16_t* x = Signature(a);
  const std::uint16_t* y = Signature(b);
  if (x == nullptr || y == nullptr || signature_length == 0) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < signature_length; ++i) equal += x[i] == y[i] ? 1u : 0u;
  return static_cast<double>(equal) / static_cast<double>(signature_length);
}

std::string Corpus::EntityKey(size_t entity) const {
  return std::string(EntityTypeName(entities[entity].type)) + " " + entities[entity].value;
}

Result<Corpus> LoadCorpus(Store& store, const CorpusOptions& options) {
  // Reserving up front avoids the 1.5x peak of a doubling vector (the
  // signatures alone are ~250 MB at a million adverts). The size comes from
  // the previous run (counting would cost a full scan of the adverts).
  CorpusBuilder builder(store, options);
  Result<std::optional<std::string>> last_count = store.GetMeta(kAdvertCountKey);
  if (!last_count.ok()) return last_count.status();
  if (last_count->has_value()) {
    const size_t count = std::strtoull((*last_count)->c_str(), nullptr, 10);
    builder.Reserve(count + count / 16);
  }
  if (options.reuse_signatures) {
    Status loaded = builder.LoadCache();
    if (!loaded.ok()) return loaded;
  }
  Status s = store.ForEachAdvertSummary([&](const AdvertSummary& a) {
    builder.Add(a);
    return true;
  });
  if (!s.ok()) return s;
  s = builder.LearnChrome();
  if (!s.ok()) return s;
  s = builder.Sign();
  if (!s.ok()) return s;
  s = builder.RemoveStaleSignatures();
  if (!s.ok()) return s;
  Corpus corpus = builder.Take();
  s = store.PutMeta(kAdvertCountKey, std::to_string(corpus.adverts.size()));
  if (!s.ok()) return s;
  return corpus;
}

}  // namespace plainsight
