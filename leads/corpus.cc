#include "leads/corpus.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/dates.h"
#include "leads/full_address.h"
#include "leads/link_counts.h"
#include "leads/signature_cache.h"
#include "leads/site_chrome.h"
#include "leads/template_clusters.h"
#include "leads/text_signer.h"
#include "store/meta_keys.h"

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

// The posted day at midnight UTC when the page gives one; `fallback`
// otherwise (and *known false).
std::int64_t PostedAt(const std::string& posted, std::int64_t fallback, bool* known) {
  const std::optional<CivilDay> day = ParsePostedDay(posted);
  *known = day.has_value();
  return day ? UnixMidnight(*day) : fallback;
}

// Messaging names: "telegram:@name", "snapchat:name", "signal:name.42". A
// WhatsApp or Signal number is already among the advert's phones and links
// there, so it is not counted twice.
std::vector<std::string> NamedHandles(const AdvertSummary& a) {
  std::vector<std::string> named;
  for (const std::string& handle : a.handles) {
    const size_t colon = handle.find(':');
    if (colon != std::string::npos && handle.compare(colon + 1, 1, "+") != 0) {
      named.push_back(handle);
    }
  }
  return named;
}

constexpr auto& kAdvertCountKey = meta_keys::kAdvertCount;

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

// A chrome sample as kept (kChromeSample, kChromePin): a line naming the
// options it is learnt with, then one line per advert, its id and body hash.
std::string ChromeOptionsLine(const CorpusOptions& options) {
  return "options " + std::to_string(options.chrome_sample) + " " +
         std::to_string(options.chrome_min_adverts) + " " + std::to_string(options.chrome_share) +
         " " + std::to_string(options.common_share) + " " +
         std::to_string(options.common_min_writers) + "\n";
}

std::string SampleEntry(std::string_view id, std::uint64_t body) {
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(body));
  return std::string(id) + " " + hex + "\n";
}

std::vector<std::string_view> SampleLines(std::string_view kept) {
  std::vector<std::string_view> lines;
  while (!kept.empty()) {
    const size_t end = kept.find('\n');
    lines.push_back(kept.substr(0, end));
    kept.remove_prefix(end == std::string_view::npos ? kept.size() : end + 1);
  }
  return lines;
}

// Whether a quarter or more of the pinned sample has changed since its
// chrome was learnt (adverts new to it, gone from it or edited, whichever
// is more), or the options have: then the chrome is learnt anew.
bool SampleDrifted(std::string_view pinned, std::string_view current) {
  std::vector<std::string_view> was = SampleLines(pinned);
  std::vector<std::string_view> now = SampleLines(current);
  if (was.empty() || now.empty() || was.front() != now.front()) return true;
  std::sort(was.begin() + 1, was.end());
  std::sort(now.begin() + 1, now.end());
  std::vector<std::string_view> added, dropped;
  std::set_difference(now.begin() + 1, now.end(), was.begin() + 1, was.end(),
                      std::back_inserter(added));
  std::set_difference(was.begin() + 1, was.end(), now.begin() + 1, now.end(),
                      std::back_inserter(dropped));
  const size_t changed = std::max(added.size(), dropped.size());
  const size_t pinned_adverts = was.size() - 1;
  return pinned_adverts == 0 ? changed > 0 : changed * 4 >= pinned_adverts;
}

// Builds a Corpus in four passes: summaries (no text), each site's chrome
// (cached; text of its sample only when the sample changed), cached
// signatures and personas, and text for the adverts left to sign.
class CorpusBuilder {
 public:
  // `subset`: the adverts added are some of the store's (LoadCorpusOf): the
  // site-wide decisions come from what the store keeps, not from them.
  CorpusBuilder(Store& store, const CorpusOptions& options, bool subset = false)
      : store_(store),
        options_(options),
        subset_(subset),
        hasher_(options.minhash),
        sites_(&corpus_.sites),
        towns_(&corpus_.towns),
        names_(&corpus_.names) {
    corpus_.signature_length = static_cast<size_t>(hasher_.options().num_hashes);
    corpus_.signature_bands = static_cast<size_t>(hasher_.options().bands);
  }

  // `adverts` is a guess from the previous run: it saves the regrowth of
  // the per-advert arrays (and their 1.5x peak while they are copied).
  void Reserve(size_t adverts) {
    corpus_.adverts.reserve(adverts);
    corpus_.advert_ids.Reserve(adverts, adverts * 18);  // "A-" and 16 hex digits
    corpus_.advert_entities.Reserve(adverts, adverts * 3);
    corpus_.advert_towns.Reserve(adverts, adverts);
    corpus_.advert_indicators.Reserve(adverts, adverts / 8);
    sha_.reserve(adverts);
    entity_ids_.reserve(adverts * 3 / 2);
  }

  // Each site's first crawl: the earlier of the stored one and its
  // earliest advert now (see Corpus::site_first_crawl); stored when new or
  // earlier.
  Status PinFirstCrawls() {
    corpus_.site_first_crawl.assign(corpus_.sites.size(), 0);
    std::vector<std::pair<std::string, std::string>> changed;
    for (size_t site = 0; site < corpus_.sites.size(); ++site) {
      const std::string key = std::string(meta_keys::kFirstCrawl) + corpus_.sites[site];
      auto stored = store_.GetMeta(key);
      if (!stored.ok()) return stored.status();
      const std::int64_t now = site < site_first_seen_.size() ? site_first_seen_[site] : 0;
      if (stored->has_value()) {
        const std::int64_t kept = std::strtoll((*stored)->c_str(), nullptr, 10);
        if (kept <= now) {
          corpus_.site_first_crawl[site] = kept;
          continue;
        }
      }
      corpus_.site_first_crawl[site] = now;
      changed.emplace_back(key, std::to_string(now));
    }
    return changed.empty() ? Status::OK() : store_.PutMetas(changed);
  }

  void Add(const AdvertSummary& a) {
    AdvertDigest d;
    d.site = sites_.Intern(a.site);
    d.adult = a.kind == "adult";
    d.jobs = a.kind == "jobs";
    d.first_seen = a.first_seen;
    d.posted_at = PostedAt(a.posted, a.first_seen, &d.posted_known);
    if (site_first_seen_.size() <= d.site) {
      site_first_seen_.resize(d.site + 1u, std::numeric_limits<std::int64_t>::max());
    }
    site_first_seen_[d.site] = std::min(site_first_seen_[d.site], a.first_seen);
    d.removed_at = a.removed ? a.removed_at : -1;
    corpus_.advert_ids.values.insert(corpus_.advert_ids.values.end(), a.id.begin(), a.id.end());
    corpus_.advert_ids.Close();
    ForEachLinkEntity(a, [this](EntityType type, const std::vector<std::string>& values) {
      AddEntities(type, values);
    });
    corpus_.advert_entities.Close();
    for (const std::string& town : a.towns) {
      AddDistinct(towns_.Intern(town), &corpus_.advert_towns);
    }
    corpus_.advert_towns.Close();
    for (const IndicatorRecord& hit : a.indicators) {
      // By id and match: a reason quotes the words of an advert in its own
      // lead, so each distinct match is kept (see CorpusIndicator).
      indicator_key_.assign(hit.id);
      indicator_key_.push_back('\x1f');
      indicator_key_.append(hit.match);
      auto [it, inserted] = indicator_ids_.try_emplace(
          indicator_key_, static_cast<std::uint32_t>(corpus_.indicators.size()));
      if (inserted) corpus_.indicators.push_back({hit.id, hit.category, hit.weight, hit.match});
      AddDistinct(it->second, &corpus_.advert_indicators);
    }
    corpus_.advert_indicators.Close();
    const auto index = static_cast<std::uint32_t>(corpus_.adverts.size());
    if (samples_.size() <= d.site) samples_.resize(d.site + 1u);
    if (samples_[d.site].size() < static_cast<size_t>(std::max(options_.chrome_sample, 0))) {
      samples_[d.site].push_back(index);
    }
    corpus_.adverts.push_back(d);
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
      sample = Mix(Mix(sample, static_cast<std::uint64_t>(options_.common_share * 1e6)),
                   static_cast<std::uint64_t>(options_.common_min_writers));
      for (std::uint32_t i : samples_[site]) {
        sample = Mix(Mix(sample, HashString(corpus_.Id(i))), sha_[i]);
      }
      const std::string key = kChromeKeyPrefix + corpus_.sites[site];
      if (subset_) {
        // The sample is the site's, not this subset's: the caller checked
        // that its changes leave the pinned chrome (ChromeHoldsAfter).
        auto cached = store_.GetMeta(key);
        if (!cached.ok()) return cached.status();
        if (!cached->has_value() || !chrome_[site].ParseKept(**cached)) {
          return Status::NotFound("no kept chrome for site " + corpus_.sites[site]);
        }
        continue;
      }
      // The chrome is pinned: kept until a quarter of the sample it was
      // learnt from has changed (SampleDrifted), so a site's common
      // phrasing does not move, and re-sign the whole site, with every
      // few adverts it gains.
      std::string entries = ChromeOptionsLine(options_);
      for (std::uint32_t i : samples_[site]) entries += SampleEntry(corpus_.Id(i), sha_[i]);
      Status kept_sample =
          PutMetaIfChanged(meta_keys::kChromeSample + corpus_.sites[site], entries);
      if (!kept_sample.ok()) return kept_sample;
      auto pin = store_.GetMeta(meta_keys::kChromePin + corpus_.sites[site]);
      if (!pin.ok()) return pin.status();
      auto cached = store_.GetMeta(key);
      if (!cached.ok()) return cached.status();
      if (pin->has_value() && cached->has_value() && !SampleDrifted(**pin, entries) &&
          chrome_[site].ParseKept(**cached)) {
        continue;
      }
      const std::vector<std::uint64_t> writers = SampleWriters(samples_[site]);
      for (size_t k = 0; k < samples_[site].size(); ++k) {
        auto advert = store_.GetAdvert(std::string(corpus_.Id(samples_[site][k])));
        if (!advert.ok()) return advert.status();
        if (advert->has_value()) {
          chrome_[site].Learn((*advert)->title + "\n" + (*advert)->text, writers[k]);
        }
      }
      chrome_[site].Settle(options_.chrome_share, options_.chrome_min_adverts,
                           options_.common_share, options_.common_min_writers);
      Status s = store_.PutMetas({{key, chrome_[site].Encode(sample)},
                                  {meta_keys::kChromePin + corpus_.sites[site], entries}});
      if (!s.ok()) return s;
    }
    samples_.clear();
    samples_.shrink_to_fit();
    return Status::OK();
  }

  // Forgets the kept chrome of sites with no adverts left: one that comes
  // back starts with a sample of its own, as a full load would see it.
  Status ForgetEmptySites() {
    std::vector<std::string> gone;
    const std::string prefix = meta_keys::kChromeSample;
    Status s = store_.ForEachMeta(prefix, [&](const std::string& key, const std::string&) {
      const std::string site = key.substr(prefix.size());
      if (std::find(corpus_.sites.begin(), corpus_.sites.end(), site) == corpus_.sites.end()) {
        gone.push_back(key);
        gone.push_back(meta_keys::kChromePin + site);
        gone.push_back(kChromeKeyPrefix + site);
      }
      return true;
    });
    if (!s.ok() || gone.empty()) return s;
    return store_.DeleteMetas(gone);
  }

  Status PutMetaIfChanged(const std::string& key, const std::string& value) {
    auto kept = store_.GetMeta(key);
    if (!kept.ok()) return kept.status();
    if (kept->has_value() && **kept == value) return Status::OK();
    return store_.PutMeta(key, value);
  }

  // Who wrote each sampled advert, for counting common phrasing by
  // writer: its first phone or e-mail that is not the site's own (on half
  // the sample or more), else the advert itself.
  std::vector<std::uint64_t> SampleWriters(const std::vector<std::uint32_t>& sample) const {
    std::unordered_map<std::uint32_t, size_t> on;
    for (std::uint32_t i : sample) {
      for (std::uint32_t e : corpus_.Entities(i)) ++on[e];
    }
    std::vector<std::uint64_t> writers;
    for (std::uint32_t i : sample) {
      std::uint64_t writer = (std::uint64_t{1} << 63) | i;
      for (std::uint32_t e : corpus_.Entities(i)) {
        const EntityType type = corpus_.entity_types[e];
        if ((type == EntityType::kPhone || type == EntityType::kEmail ||
             type == EntityType::kHandle) &&
            static_cast<double>(on[e]) <
                options_.chrome_share * static_cast<double>(sample.size())) {
          writer = e;
          break;
        }
      }
      writers.push_back(writer);
    }
    return writers;
  }

  // Reads the signature cache in one scan (much cheaper than a point lookup
  // per advert). Its keys and the adverts both ascend by id, so the two are
  // merged like sorted lists: no table of the cache is built. An entry is
  // taken where the advert's body and its site's chrome are unchanged (and
  // an adult advert's persona was read); its values go straight into the
  // corpus's flat array. Entries of adverts that no longer exist are
  // deleted. On a rebuild nothing is taken, but stale entries still go.
  Status TakeCachedSignatures() {
    const size_t n = corpus_.adverts.size();
    corpus_.signature_slot.assign(n, Corpus::kNoSignature);
    // Every advert gets at most one signature: reserving the lot now avoids
    // a doubling vector's 1.5x peak (the values are ~250 MB at a million).
    corpus_.signature_values.reserve(n * corpus_.signature_length);
    taken_.assign(n, false);
    CachedSignature parsed;
    if (subset_) {
      for (size_t i = 0; i < n && options_.reuse_signatures; ++i) {
        auto value = store_.GetMeta(SignatureKey(corpus_.Id(i)));
        if (!value.ok()) return value.status();
        if (value->has_value()) TakeCached(i, **value, &parsed);
      }
      return Status::OK();
    }
    std::vector<std::string> stale;
    size_t next = 0;  // first advert not yet passed in the merge
    constexpr size_t kPrefix = sizeof(kSignatureKeyPrefix) - 1;
    Status s = store_.ForEachMeta(
        kSignatureKeyPrefix, [&](const std::string& key, const std::string& value) {
          const std::string_view id = std::string_view(key).substr(kPrefix);
          while (next < n && corpus_.Id(next) < id) ++next;
          if (next == n || corpus_.Id(next) != id) {
            stale.push_back(key);
            return true;
          }
          const size_t i = next++;
          if (options_.reuse_signatures) TakeCached(i, value, &parsed);
          return true;
        });
    if (!s.ok()) return s;
    for (const std::string& key : stale) {
      s = store_.DeleteMeta(key);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  // Takes advert i's cache entry `value` where the advert's body and its
  // site's chrome are unchanged (and an adult advert's persona was read).
  void TakeCached(size_t i, const std::string& value, CachedSignature* parsed) {
    if (!ParseCachedSignature(value, corpus_.signature_length, parsed)) return;
    const AdvertDigest& d = corpus_.adverts[i];
    if (sha_[i] == 0 || parsed->body != sha_[i] ||
        parsed->chrome != chrome_[d.site].fingerprint() || (d.adult && !parsed->persona_read)) {
      return;
    }
    taken_[i] = true;
    ++corpus_.signatures_reused;
    if (parsed->shingles >= options_.min_shingles &&
        parsed->values.size() == corpus_.signature_length) {
      corpus_.signature_slot[i] = AppendSignature(parsed->values);
    }
    if (d.adult) SetPersona(i, parsed->age, parsed->name);
  }

  // Signs every advert TakeCachedSignatures did not take, from its text.
  Status Sign() {
    std::vector<std::uint32_t> misses;
    for (size_t i = 0; i < taken_.size(); ++i) {
      if (!taken_[i]) misses.push_back(static_cast<std::uint32_t>(i));
    }
    std::vector<bool>().swap(taken_);
    // Many misses (a first run): one pass over all advert texts beats a
    // point lookup each, and the texts are signed in batches on worker
    // threads while the scan reads on.
    if (!subset_ && misses.size() > 1000 && misses.size() * 8 > corpus_.adverts.size()) {
      BatchSigner signer(hasher_, kSignThreads);
      std::vector<SignInput> batch, done;
      std::vector<SignOutput> signed_texts;
      Status failed;
      // Absorbs the batch out, if any; the first failure is kept in `failed`.
      auto collect = [&]() -> Status {
        if (!signer.busy()) return failed;
        signer.Finish(&done, &signed_texts);
        for (size_t k = 0; k < done.size() && failed.ok(); ++k) {
          failed = Absorb(done[k].advert, std::move(signed_texts[k]));
        }
        return failed;
      };
      size_t k = 0;
      Status s = store_.ForEachAdvertText(
          [&](std::string_view id, const std::string& title, const std::string& text) {
            while (k < misses.size() && corpus_.Id(misses[k]) < id) ++k;
            if (k == misses.size()) return false;
            if (corpus_.Id(misses[k]) != id) return true;
            const std::uint32_t i = misses[k++];
            const AdvertDigest& d = corpus_.adverts[i];
            batch.push_back({i, d.adult, &chrome_[d.site], title, text});
            if (batch.size() < kSignBatch) return true;
            (void)collect();  // a failure ends the scan: see the return below
            signer.Start(std::move(batch));
            batch = std::move(done);  // reuse its storage
            batch.clear();
            return failed.ok();
          });
      Status absorbed = collect();
      if (!s.ok()) return s;
      if (!absorbed.ok()) return absorbed;
      signer.Start(std::move(batch));
      absorbed = collect();
      if (!absorbed.ok()) return absorbed;
      return WritePending();
    }
    for (std::uint32_t i : misses) {
      auto advert = store_.GetAdvert(std::string(corpus_.Id(i)));
      if (!advert.ok()) return advert.status();
      if (!advert->has_value()) continue;
      const AdvertDigest& d = corpus_.adverts[i];
      Status s = Absorb(
          i, SignAdvertText(hasher_, chrome_[d.site], (*advert)->title, (*advert)->text, d.adult));
      if (!s.ok()) return s;
    }
    return WritePending();
  }

  // Indicator wording on most of one site's adverts is the site's own (a
  // board's safety notice "no genuine employer will ask you to hand over
  // your passport" matched documents_held on every advert of an
  // independent farm's board): it says nothing of any one advert, so it is
  // dropped from those adverts, as a site's own phone is.
  Status DropSiteWideIndicators() {
    const size_t sites = corpus_.sites.size();
    std::vector<size_t> site_totals(sites, 0);
    for (const AdvertDigest& d : corpus_.adverts) ++site_totals[d.site];
    std::unordered_map<std::uint64_t, size_t> count;  // (site, indicator entry) -> adverts
    const auto key = [](std::uint16_t site, std::uint32_t k) {
      return (std::uint64_t{site} << 32) | k;
    };
    for (size_t i = 0; i < corpus_.adverts.size(); ++i) {
      for (std::uint32_t k : corpus_.Indicators(i)) ++count[key(corpus_.adverts[i].site, k)];
    }
    if (subset_) {  // the store's counts, not the subset's
      for (size_t site = 0; site < sites; ++site) {
        auto total = ReadSiteTotal(store_, corpus_.sites[site]);
        if (!total.ok()) return total.status();
        site_totals[site] = static_cast<size_t>(*total);
      }
      for (auto& [pair, n] : count) {
        const CorpusIndicator& hit = corpus_.indicators[pair & 0xffffffffu];
        auto kept = ReadWordingCount(store_, corpus_.sites[pair >> 32], hit.id, hit.match);
        if (!kept.ok()) return kept.status();
        n = static_cast<size_t>(*kept);
      }
    }
    std::vector<std::uint64_t> site_wide;
    for (const auto& [pair, n] : count) {
      const auto site = static_cast<std::uint16_t>(pair >> 32);
      if (n >= static_cast<size_t>(options_.site_wide_min_adverts) &&
          static_cast<double>(n) >=
              options_.site_wide_share * static_cast<double>(site_totals[site])) {
        site_wide.push_back(pair);
      }
    }
    if (site_wide.empty()) return Status::OK();
    std::sort(site_wide.begin(), site_wide.end());
    for (std::uint64_t pair : site_wide) {
      const auto site = static_cast<std::uint16_t>(pair >> 32);
      const CorpusIndicator& hit = corpus_.indicators[pair & 0xffffffffu];
      corpus_.site_wide_indicators.push_back(corpus_.sites[site] + ": indicator " + hit.id + " \"" +
                                             hit.match + "\" on " + std::to_string(count[pair]) +
                                             " of " + std::to_string(site_totals[site]) +
                                             " adverts (the site's own wording)");
    }
    FlatLists<std::uint32_t> kept;
    kept.Reserve(corpus_.adverts.size(), corpus_.advert_indicators.values.size());
    for (size_t i = 0; i < corpus_.adverts.size(); ++i) {
      for (std::uint32_t k : corpus_.Indicators(i)) {
        if (!std::binary_search(site_wide.begin(), site_wide.end(),
                                key(corpus_.adverts[i].site, k))) {
          kept.values.push_back(k);
        }
      }
      kept.Close();
    }
    corpus_.advert_indicators = std::move(kept);
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

  // Appends `value` to the list being built unless it is already on it.
  template <typename T>
  static void AddDistinct(T value, FlatLists<T>* lists) {
    Run<T> open = lists->Open();
    if (std::find(open.begin(), open.end(), value) == open.end()) lists->values.push_back(value);
  }

  void AddEntities(EntityType type, const std::vector<std::string>& values) {
    for (const std::string& value : values) {
      auto [it, inserted] = entity_ids_.try_emplace(
          EntityHash(type, value), static_cast<std::uint32_t>(corpus_.entity_types.size()));
      if (inserted) {
        corpus_.entity_types.push_back(type);
        corpus_.entity_values.values.insert(corpus_.entity_values.values.end(), value.begin(),
                                            value.end());
        corpus_.entity_values.Close();
      }
      AddDistinct(it->second, &corpus_.advert_entities);
    }
  }

  void SetPersona(size_t index, int age, const std::string& name) {
    AdvertDigest& d = corpus_.adverts[index];
    d.age = static_cast<std::uint8_t>(std::clamp(age, 0, 255));
    if (!name.empty()) d.name = names_.Intern(name) + 1;
  }

  // Takes one advert's freshly computed signature and persona into the
  // corpus and queues its cache entry. Called in advert order.
  Status Absorb(size_t index, SignOutput out) {
    ++corpus_.signatures_computed;
    const AdvertDigest& d = corpus_.adverts[index];
    if (d.adult) SetPersona(index, out.persona.age, out.persona.name);
    if (out.shingles >= options_.min_shingles && out.values.size() == corpus_.signature_length) {
      corpus_.signature_slot[index] = AppendSignature(out.values);
    }
    CachedSignature entry;
    entry.body = sha_[index];
    entry.chrome = chrome_[d.site].fingerprint();
    entry.shingles = out.shingles;
    entry.values = std::move(out.values);
    entry.persona_read = out.persona_read;
    entry.age = out.persona.age;
    entry.name = std::move(out.persona.name);
    pending_.emplace_back(SignatureKey(corpus_.Id(index)), EncodeCachedSignature(entry));
    if (pending_.size() >= kWriteBatch) return WritePending();
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

  // Texts signed per batch, and threads signing each: two, like the
  // template step (the target machine has two cores; the reading thread
  // mostly waits on the store meanwhile).
  static constexpr size_t kSignBatch = 2048;
  static constexpr size_t kSignThreads = 2;
  // New cache entries, written kWriteBatch at a time.
  static constexpr size_t kWriteBatch = 1000;
  std::vector<std::pair<std::string, std::string>> pending_;

  Store& store_;
  CorpusOptions options_;
  bool subset_ = false;
  MinHasher hasher_;
  Corpus corpus_;
  Interner<std::uint16_t> sites_;
  Interner<std::uint16_t> towns_;
  Interner<std::uint32_t> names_;
  std::unordered_map<std::uint64_t, std::uint32_t> entity_ids_;
  std::unordered_map<std::string, std::uint32_t> indicator_ids_;  // by id and match
  std::string indicator_key_;
  std::vector<std::uint64_t> sha_;                   // by advert, see Add
  std::vector<bool> taken_;                          // by advert: signature from the cache
  std::vector<std::vector<std::uint32_t>> samples_;  // by site: its chrome sample
  std::vector<std::int64_t> site_first_seen_;        // by site: earliest first_seen now
  std::vector<SiteChrome> chrome_;                   // by site
};

}  // namespace

void ForEachLinkEntity(
    const AdvertSummary& a,
    const std::function<void(EntityType, const std::vector<std::string>&)>& visit) {
  visit(EntityType::kPhone, a.phones);
  visit(EntityType::kEmail, a.emails);
  visit(EntityType::kPostcode, a.postcodes);
  visit(EntityType::kAddress, FullAddresses(a.addresses, a.postcodes, a.towns));
  visit(EntityType::kHandle, NamedHandles(a));
}

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

long Corpus::Find(std::string_view id) const {
  size_t low = 0;
  size_t high = adverts.size();
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (Id(mid) < id) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (low == adverts.size() || Id(low) != id) return -1;
  return static_cast<long>(low);
}

const std::uint16_t* Corpus::Signature(size_t i) const {
  if (i >= signature_slot.size() || signature_slot[i] == kNoSignature) return nullptr;
  return signature_values.data() + size_t{signature_slot[i]} * signature_length;
}

double Corpus::EstimateJaccard(size_t a, size_t b) const {
  return SignatureAgreement(Signature(a), Signature(b), signature_length);
}

void Corpus::DropSignatures() {
  // Swapped with empty vectors: `v = {}` would keep the capacity.
  std::vector<std::uint32_t>().swap(signature_slot);
  std::vector<std::uint16_t>().swap(signature_values);
}

std::string Corpus::EntityKey(size_t entity) const {
  std::string key = EntityTypeName(entity_types[entity]);
  key += ' ';
  key += EntityValue(entity);
  return key;
}

Result<Corpus> LoadCorpus(Store& store, const CorpusOptions& options) {
  // Reserving up front avoids the 1.5x peak of doubling vectors. The size
  // comes from the previous run (counting would cost a full scan of the
  // adverts).
  CorpusBuilder builder(store, options);
  Result<std::optional<std::string>> last_count = store.GetMeta(kAdvertCountKey);
  if (!last_count.ok()) return last_count.status();
  if (last_count->has_value()) {
    const size_t count = std::strtoull((*last_count)->c_str(), nullptr, 10);
    builder.Reserve(count + count / 16);
  }
  Status s = store.ForEachAdvertSummary([&](const AdvertSummary& a) {
    builder.Add(a);
    return true;
  });
  if (!s.ok()) return s;
  s = builder.PinFirstCrawls();
  if (!s.ok()) return s;
  s = builder.LearnChrome();
  if (s.ok()) s = builder.ForgetEmptySites();
  if (!s.ok()) return s;
  s = builder.TakeCachedSignatures();
  if (!s.ok()) return s;
  s = builder.Sign();
  if (!s.ok()) return s;
  s = builder.DropSiteWideIndicators();
  if (!s.ok()) return s;
  Corpus corpus = builder.Take();
  s = store.PutMeta(kAdvertCountKey, std::to_string(corpus.adverts.size()));
  if (!s.ok()) return s;
  return corpus;
}

Result<Corpus> LoadCorpusOf(Store& store, const CorpusOptions& options,
                            const std::vector<std::string>& ids) {
  CorpusBuilder builder(store, options, /*subset=*/true);
  builder.Reserve(ids.size());
  for (const std::string& id : ids) {
    auto summary = store.GetAdvertSummary(id);
    if (!summary.ok()) return summary.status();
    if (summary->has_value()) builder.Add(**summary);
  }
  Status s = builder.PinFirstCrawls();
  if (s.ok()) s = builder.LearnChrome();
  if (s.ok()) s = builder.TakeCachedSignatures();
  if (s.ok()) s = builder.Sign();
  if (s.ok()) s = builder.DropSiteWideIndicators();
  if (!s.ok()) return s;
  return builder.Take();
}

Result<bool> ChromeHoldsAfter(Store& store, const CorpusOptions& options, const std::string& site,
                              const std::vector<std::string>& present,
                              const std::vector<std::string>& gone) {
  const std::string sample_key = meta_keys::kChromeSample + site;
  auto kept = store.GetMeta(sample_key);
  if (!kept.ok()) return kept.status();
  auto pin = store.GetMeta(meta_keys::kChromePin + site);
  if (!pin.ok()) return pin.status();
  if (!kept->has_value() || !pin->has_value()) return false;
  const std::vector<std::string_view> lines = SampleLines(**kept);
  const std::string options_line = ChromeOptionsLine(options);
  if (lines.empty() || std::string(lines.front()) + "\n" != options_line) return false;
  std::map<std::string, std::string> sample;  // id -> its entry
  for (size_t k = 1; k < lines.size(); ++k) {
    sample[std::string(lines[k].substr(0, lines[k].find(' ')))] = std::string(lines[k]) + "\n";
  }
  const auto size = static_cast<size_t>(std::max(options.chrome_sample, 0));
  // A full sample losing one of its adverts takes the site's next advert,
  // which only a scan of the site would name.
  const bool full = sample.size() >= size;
  for (const std::string& id : gone) {
    if (sample.erase(id) != 0 && full) return false;
  }
  for (const std::string& id : present) {
    if (full && !sample.empty() && id > sample.rbegin()->first) continue;
    auto advert = store.GetAdvertSummary(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value()) continue;
    sample[id] = SampleEntry(id, BodyHash((*advert)->sha256));
  }
  while (sample.size() > size) sample.erase(std::prev(sample.end()));
  std::string entries = options_line;
  for (const auto& [id, entry] : sample) entries += entry;
  if (SampleDrifted(**pin, entries)) return false;
  if (entries == **kept) return true;
  Status s = store.PutMeta(sample_key, entries);
  if (!s.ok()) return s;
  return true;
}

}  // namespace plainsight
