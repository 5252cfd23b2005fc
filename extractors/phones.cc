#include "extractors/phones.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "extractors/decoy_spans.h"
#include "extractors/phone_candidates.h"
#include "extractors/phone_matcher.h"
#include "extractors/text_normalize.h"

namespace plainsight {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMinDigits = 9;   // shorter runs are references, not phones
constexpr size_t kMaxDigits = 17;  // "00" + country code + 15 digits

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// What a number written without "+" looks like in the region.
struct RegionInfo {
  std::string region;
  std::string country;  // "44"; "0" when the region is unknown
  std::string trunk;    // "0"; empty where there is no trunk prefix
};

RegionInfo LookUpRegion(const std::string& region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  RegionInfo info;
  info.region = region;
  info.country = std::to_string(util.GetCountryCodeForRegion(region));
  util.GetNddPrefixForRegion(region, true, &info.trunk);
  return info;
}

// Validates one digit string; returns E.164 when it is a phone number.
std::optional<std::string> Validate(const std::string& digits, bool plus, const RegionInfo& info) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string& region = info.region;
  const std::string& country = info.country;
  const std::string& trunk = info.trunk;
  std::string candidate;
  if (plus) {
    candidate = "+" + digits;
  } else if (StartsWith(digits, "00")) {
    // assign + append: "+" + substr() trips GCC 12's -Wrestrict at -O3.
    candidate.assign(1, '+').append(digits, 2, std::string::npos);
  } else {
    if (country != "0" && StartsWith(digits, country) && digits.size() >= country.size() + 9) {
      candidate = "+" + digits;  // "44 7700 900123" written without the plus
    } else if (trunk.empty() || StartsWith(digits, trunk)) {
      candidate = digits;
    } else {
      return std::nullopt;
    }
  }

  for (int attempt = 0; attempt < 2; ++attempt) {
    PhoneNumber number;
    if (util.Parse(candidate, region, &number) == PhoneNumberUtil::NO_PARSING_ERROR) {
      std::string e164;
      util.Format(number, PhoneNumberUtil::E164, &e164);
      // Real numbers by the region's metadata; Ofcom's drama ranges (test
      // data) only need to be possible. Not reordered to test the drama
      // range first: that would make benchmarks on test data flatter real
      // adverts.
      if (util.IsValidNumber(number) ||
          (util.IsPossibleNumber(number) && IsOfcomDramaNumber(e164))) {
        return e164;
      }
    }
    // "+44 (0)7700 900123": drop the bracketed trunk zero after the country code.
    if (attempt > 0 || candidate[0] != '+') break;
    PhoneNumber probe;
    if (util.Parse(candidate, region, &probe) != PhoneNumberUtil::NO_PARSING_ERROR) break;
    const size_t zero = 1 + std::to_string(probe.country_code()).size();
    if (candidate.size() <= zero || candidate[zero] != '0') break;
    candidate.erase(zero, 1);
  }
  return std::nullopt;
}

// Validate is a pure function and libphonenumber's parse dominates phone
// finding; the same numbers recur across a site's pages (its own contact
// line, an advertiser's several adverts). Each thread remembers recent
// answers, so there are no locks; the memo is dropped when full.
class ValidateMemo {
 public:
  const std::optional<std::string>& Get(const std::string& digits, bool plus,
                                         const RegionInfo& info) {
    if (region_ != info.region) {
      entries_.clear();
      region_ = info.region;
    }
    key_.clear();  // not assign(plus ? "+" : ""): GCC 12 -O3 warns (-Wrestrict)
    if (plus) key_.push_back('+');
    key_ += digits;
    auto it = entries_.find(key_);
    if (it != entries_.end()) return it->second;
    if (entries_.size() >= kMaxEntries) entries_.clear();
    return entries_.emplace(key_, Validate(digits, plus, info)).first->second;
  }

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::string region_;
  std::string key_;
  std::unordered_map<std::string, std::optional<std::string>> entries_;
};

// RegionInfo for `region`, looked up once per thread and region.
const RegionInfo& CachedRegion(const std::string& region) {
  thread_local RegionInfo info = LookUpRegion(region);
  if (info.region != region) info = LookUpRegion(region);
  return info;
}

bool IsPlainGap(std::string_view gap) {
  int dashes = 0;
  for (char c : gap) {
    if (c == '-') {
      ++dashes;
    } else if (c != ' ' && c != '(' && c != ')' && c != '+') {
      return false;
    }
  }
  return dashes <= 1;
}

bool IsAsciiDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsObfuscated(const NormalizedText& norm, std::string_view original, const DigitRun& run,
                  size_t first, size_t last) {
  int single_digits = 0;
  for (size_t k = first; k <= last; ++k) {
    const DigitAtom& atom = run[k];
    if (atom.kind != DigitAtom::Kind::kDigits) return true;
    if (k > first && !IsPlainGap(atom.gap_before)) return true;
    if (!IsAsciiDigits(norm.OriginalSpan(original, atom.begin, atom.end))) return true;
    if (atom.digits.size() == 1) ++single_digits;
  }
  return single_digits >= 3 || last - first + 1 >= 6;
}

// One number read from the text; offsets are in the normalized text.
struct Hit {
  std::string e164;
  size_t begin = 0;
  size_t end = 0;
  bool obfuscated = false;
};

// Numbers read by decoding digit runs (words, look-alikes, odd separators),
// validated for the region; every occurrence, in text order.
std::vector<Hit> CandidateHits(std::string_view text, const NormalizedText& norm,
                               const std::vector<DecoySpan>& blocked, const RegionInfo& info) {
  std::vector<Hit> hits;
  thread_local ValidateMemo validated;
  for (const DigitRun& run : SplitDigitRuns(norm.text, blocked, kMinDigits)) {
    size_t i = 0;
    while (i < run.size()) {
      const bool plus = run[i].gap_before.find('+') != std::string_view::npos;
      std::string digits;
      std::optional<std::string> best;
      size_t best_last = i;
      for (size_t j = i; j < run.size(); ++j) {
        digits += run[j].digits;
        if (digits.size() > kMaxDigits) break;
        if (digits.size() < kMinDigits) continue;
        const std::optional<std::string>& e164 = validated.Get(digits, plus, info);
        if (e164) {
          best = e164;
          best_last = j;
        }
      }
      if (!best) {
        ++i;
        continue;
      }
      Hit hit;
      hit.begin = run[i].begin;
      // Keep a leading '+' or '(' inside the reported span.
      std::string_view gap = run[i].gap_before;
      while (!gap.empty() && (gap.back() == '+' || gap.back() == '(')) {
        --hit.begin;
        gap.remove_suffix(1);
      }
      hit.end = run[best_last].end;
      hit.e164 = std::move(*best);
      hit.obfuscated = IsObfuscated(norm, text, run, i, best_last);
      hits.push_back(std::move(hit));
      i = best_last + 1;
    }
  }
  return hits;
}

bool Overlaps(const std::vector<DecoySpan>& spans, size_t begin, size_t end) {
  for (const DecoySpan& span : spans) {
    if (span.begin < end && begin < span.end) return true;
  }
  return false;
}

// Whether [begin, end) overlaps one of the first `count` hits.
bool OverlapsHit(const std::vector<Hit>& hits, size_t count, size_t begin, size_t end) {
  for (size_t k = 0; k < count; ++k) {
    if (hits[k].begin < end && begin < hits[k].end) return true;
  }
  return false;
}

// Spans the matcher need not search: decoys and numbers already read.
std::vector<DecoySpan> Settled(const std::vector<DecoySpan>& blocked,
                               const std::vector<Hit>& hits) {
  std::vector<DecoySpan> settled = blocked;
  if (hits.empty()) return settled;
  for (const Hit& hit : hits) settled.push_back({hit.begin, hit.end});
  // Sorted by start, as MatchPhoneNumbers reads them; disjoint already, as
  // runs never cross a blocked span.
  std::sort(settled.begin(), settled.end(),
            [](const DecoySpan& a, const DecoySpan& b) { return a.begin < b.begin; });
  return settled;
}

// A matcher hit is obfuscated when one of its digits was typed as something
// else (fullwidth, circled, keycap) and folded.
bool HasFoldedDigit(const NormalizedText& norm, std::string_view original, size_t begin,
                    size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const char c = norm.text[i];
    if (c < '0' || c > '9') continue;
    if (norm.OriginalSpan(original, i, i + 1) != std::string_view(&norm.text[i], 1)) return true;
  }
  return false;
}

}  // namespace

bool IsOfcomDramaNumber(std::string_view e164) {
  if (e164.size() != 13) return false;
  return StartsWith(e164, "+447700900") || StartsWith(e164, "+441632960") ||
         StartsWith(e164, "+442079460");
}

std::vector<PhoneMatch> FindPhones(std::string_view text, const std::string& region) {
  return FindPhones(text, NormalizeForMatching(text), region);
}

std::vector<PhoneMatch> FindPhones(std::string_view text, const NormalizedText& norm,
                                   const std::string& region) {
  const std::vector<DecoySpan> blocked = WithReferenceNumbers(norm.text, FindDecoySpans(norm.text));
  std::vector<Hit> hits = CandidateHits(text, norm, blocked, CachedRegion(region));
  const size_t candidates = hits.size();
  for (MatcherHit& found : MatchPhoneNumbers(norm.text, region, Settled(blocked, hits))) {
    // The candidate path's reading wins where both read the same digits: it
    // knows the drama ranges, "(0)" and how obfuscated the number was.
    if (Overlaps(blocked, found.begin, found.end) ||
        OverlapsHit(hits, candidates, found.begin, found.end)) {
      continue;
    }
    Hit hit;
    hit.e164 = std::move(found.e164);
    hit.begin = found.begin;
    hit.end = found.end;
    hit.obfuscated = HasFoldedDigit(norm, text, found.begin, found.end);
    hits.push_back(std::move(hit));
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.begin < b.begin; });

  std::vector<PhoneMatch> out;
  std::unordered_set<std::string> seen;
  for (Hit& hit : hits) {
    if (!seen.insert(hit.e164).second) continue;
    PhoneMatch match;
    match.e164 = std::move(hit.e164);
    match.match = std::string(norm.OriginalSpan(text, hit.begin, hit.end));
    match.offset = norm.ToOriginal(hit.begin);
    match.obfuscated = hit.obfuscated;
    out.push_back(std::move(match));
  }
  return out;
}

}  // namespace plainsight
