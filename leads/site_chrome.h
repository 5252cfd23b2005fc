// Site chrome: the header and footer lines a site prints on every advert
// page. Advert text is the page's visible text, so without removing them
// every advert of a site would look alike. A line found on at least
// chrome_share of a sample of the site's adverts is chrome (see corpus.h
// for how the sample is chosen).
//
// The same sample also gives the site's common phrasing: 2-word shingles
// used by many of its distinct writers (an advert's own phone or e-mail is
// its writer, so one ring posting thirty copies counts once; adverts with
// no contact count one each). A whole board's or trade's house style ("we
// are an equal opportunities employer", an ATS's section headings, a
// board's appended notice) is left out of signatures, so two adverts are
// near-duplicates only when their own wording is (issue 12: house style
// had made 52 unrelated adverts "one template").
//
// The learnt lines are cached in the store's meta family under
// "chrome\x1f<site>" with a hash of the sample (its adverts' ids and body
// sha256s and the options), so a run whose sample is unchanged reads no
// advert text to know the chrome.
// Plain values: not thread-safe while learning, read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "leads/minhash.h"
#include "store/meta_keys.h"

namespace plainsight {

inline constexpr auto& kChromeKeyPrefix = meta_keys::kChrome;

// FNV-1a of one line.
std::uint64_t HashChromeLine(std::string_view line);

// Calls visit(line) for each non-blank line of `text`, trimmed.
template <typename Visit>
void ForEachTextLine(std::string_view text, Visit&& visit) {
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (!line.empty()) visit(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

class SiteChrome {
 public:
  // Counts the distinct lines and shingles of one sampled advert
  // ("title\ntext") written by `writer` (see above).
  void Learn(std::string_view text, std::uint64_t writer);
  // Ends learning: keeps the lines on at least `share` of the sample, or
  // none when fewer than `min_adverts` were sampled; and the shingles of at
  // least `common_share` of the sample's writers and at least
  // `common_min_writers` of them.
  void Settle(double share, int min_adverts, double common_share = 1.1, int common_min_writers = 1);

  bool IsChrome(std::string_view line) const;
  const std::vector<std::uint64_t>& lines() const { return lines_; }             // sorted
  const std::vector<std::uint64_t>& common_shingles() const { return common_; }  // sorted
  // Changes whenever the set of chrome lines does.
  std::uint64_t fingerprint() const { return fingerprint_; }

  // The cache value for a sample with hash `sample`, and back. Parse
  // returns false on a value of another sample or format.
  std::string Encode(std::uint64_t sample) const;
  bool Parse(std::string_view bytes, std::uint64_t sample);
  // The same, whatever sample it was learnt from (an incremental run has
  // checked the sample itself: corpus.h).
  bool ParseKept(std::string_view bytes);

 private:
  void SetLines(std::vector<std::uint64_t> lines, std::vector<std::uint64_t> common);

  int sampled_ = 0;
  std::unordered_map<std::uint64_t, int> line_counts_;
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> shingle_writers_;
  std::vector<std::uint64_t> writers_;
  std::vector<std::uint64_t> lines_;
  std::vector<std::uint64_t> common_;
  std::uint64_t fingerprint_ = 0;
};

}  // namespace plainsight
