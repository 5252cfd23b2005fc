#include "leads/site_chrome.h"

#include <algorithm>

#include "leads/little_endian.h"

namespace plainsight {
namespace {

// C2: sample hash, line count, lines, common shingles.
constexpr std::string_view kMagic = "C2";

}  // namespace

std::uint64_t HashChromeLine(std::string_view line) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : line) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h;
}

void SiteChrome::Learn(std::string_view text, std::uint64_t writer) {
  ++sampled_;
  std::vector<std::uint64_t> seen;
  ForEachTextLine(text, [&](std::string_view line) { seen.push_back(HashChromeLine(line)); });
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (std::uint64_t h : seen) ++line_counts_[h];
  writers_.push_back(writer);
  seen = ShingleHashes(text);
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (std::uint64_t h : seen) {
    std::vector<std::uint64_t>& writers = shingle_writers_[h];
    if (writers.empty() || writers.back() != writer) writers.push_back(writer);
  }
}

void SiteChrome::Settle(double share, int min_adverts, double common_share,
                        int common_min_writers) {
  std::vector<std::uint64_t> lines, common;
  if (sampled_ >= min_adverts) {
    for (const auto& [line, count] : line_counts_) {
      if (static_cast<double>(count) >= share * static_cast<double>(sampled_)) {
        lines.push_back(line);
      }
    }
    std::sort(writers_.begin(), writers_.end());
    const auto writers =
        static_cast<double>(std::unique(writers_.begin(), writers_.end()) - writers_.begin());
    const double needed = std::max(common_share * writers, static_cast<double>(common_min_writers));
    for (auto& [shingle, by] : shingle_writers_) {
      if (static_cast<double>(by.size()) < needed) continue;  // cheap test first
      std::sort(by.begin(), by.end());
      const auto distinct = static_cast<double>(std::unique(by.begin(), by.end()) - by.begin());
      if (distinct >= needed) common.push_back(shingle);
    }
  }
  line_counts_.clear();
  shingle_writers_.clear();
  writers_.clear();
  SetLines(std::move(lines), std::move(common));
}

void SiteChrome::SetLines(std::vector<std::uint64_t> lines, std::vector<std::uint64_t> common) {
  std::sort(lines.begin(), lines.end());
  std::sort(common.begin(), common.end());
  lines_ = std::move(lines);
  common_ = std::move(common);
  fingerprint_ = 0;
  for (std::uint64_t line : lines_) fingerprint_ = (fingerprint_ ^ line) * 0x100000001b3ULL + 1;
  fingerprint_ = (fingerprint_ ^ common_.size()) * 0x100000001b3ULL + 7;
  for (std::uint64_t h : common_) fingerprint_ = (fingerprint_ ^ h) * 0x100000001b3ULL + 3;
}

bool SiteChrome::IsChrome(std::string_view line) const {
  return std::binary_search(lines_.begin(), lines_.end(), HashChromeLine(line));
}

std::string SiteChrome::Encode(std::uint64_t sample) const {
  std::string out(kMagic);
  PutU64(out, sample);
  PutU64(out, lines_.size());
  for (std::uint64_t line : lines_) PutU64(out, line);
  for (std::uint64_t h : common_) PutU64(out, h);
  return out;
}

bool SiteChrome::Parse(std::string_view bytes, std::uint64_t sample) {
  const size_t sample_at = kMagic.size();
  if (bytes.size() < sample_at + 8 || GetU64(bytes, sample_at) != sample) return false;
  return ParseKept(bytes);
}

bool SiteChrome::ParseKept(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  bytes.remove_prefix(kMagic.size());
  if (bytes.size() < 16 || bytes.size() % 8 != 0) return false;
  const std::uint64_t line_count = GetU64(bytes, 8);
  if (line_count > (bytes.size() - 16) / 8) return false;
  std::vector<std::uint64_t> lines, common;
  for (size_t at = 16; at < bytes.size(); at += 8) {
    (lines.size() < line_count ? lines : common).push_back(GetU64(bytes, at));
  }
  SetLines(std::move(lines), std::move(common));
  return true;
}

}  // namespace plainsight
