#include "extractors/phones.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/strings.h"
#include "extractors/decoy_spans.h"
#include "extractors/phone_digits.h"
#include "extractors/phone_candidates.h"
#include "extractors/phone_matcher.h"
#include "extractors/text_normalize.h"

namespace plainsight {
namespace {

constexpr size_t kMinDigits = 9;   // shorter runs are references, not phones
constexpr size_t kMaxDigits = 17;  // "00" + country code + 15 digits

// DigitsToE164 is a pure function and libphonenumber's parse dominates phone
// finding; the same numbers recur across a site's pages (its own contact
// line, an advertiser's several adverts). Each thread remembers recent
// answers, so there are no locks; the memo is dropped when full.
class ValidateMemo {
 public:
  const std::optional<std::string>& Get(const std::string& digits, bool plus,
                                         const PhoneRegion& info) {
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
    return entries_.emplace(key_, DigitsToE164(digits, plus, info)).first->second;
  }

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::string region_;
  std::string key_;
  std::unordered_map<std::string, std::optional<std::string>> entries_;
};

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

bool IsAsciiDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsAsciiDigit); }

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
                               const std::vector<DecoySpan>& blocked, const PhoneRegion& info) {
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
  return e164.starts_with("+447700900") || e164.starts_with("+441632960") ||
         e164.starts_with("+442079460");
}

std::vector<PhoneMatch> FindPhones(std::string_view text, const std::string& region) {
  return FindPhones(text, NormalizeForMatching(text), region);
}

std::vector<PhoneMatch> FindPhones(std::string_view text, const NormalizedText& norm,
                                   const std::string& region) {
  const std::vector<DecoySpan> blocked = WithReferenceNumbers(norm.text, FindDecoySpans(norm.text));
  std::vector<Hit> hits = CandidateHits(text, norm, blocked, PhoneRegionFor(region));
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
