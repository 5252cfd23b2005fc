#include "leads/site_chrome.h"

#include <algorithm>

namespace plainsight {
namespace {

constexpr std::string_view kMagic = "C1";

void PutU64(std::string& out, std::uint64_t v) {
  for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

std::uint64_t GetU64(std::string_view in, size_t at) {
  std::uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  return v;
}

}  // namespace

std::uint64_t HashChromeLine(std::string_view line) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : line) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h;
}

void SiteChrome::Learn(std::string_view text) {
  ++sampled_;
  std::vector<std::uint64_t> seen;
  ForEachTextLine(text, [&](std::string_view line) { seen.push_back(HashChromeLine(line)); });
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (std::uint64_t h : seen) ++line_counts_[h];
}

void SiteChrome::Settle(double share, int min_adverts) {
  std::vector<std::uint64_t> lines;
  if (sampled_ >= min_adverts) {
    for (const auto& [line, count] : line_counts_) {
      if (static_cast<double>(count) >= share * static_cast<double>(sampled_)) {
        lines.push_back(line);
      }
    }
  }
  line_counts_.clear();
  SetLines(std::move(lines));
}

void SiteChrome::SetLines(std::vector<std::uint64_t> lines) {
  std::sort(lines.begin(), lines.end());
  lines_ = std::move(lines);
  fingerprint_ = 0;
  for (std::uint64_t line : lines_) fingerprint_ = (fingerprint_ ^ line) * 0x100000001b3ULL + 1;
}

bool SiteChrome::IsChrome(std::string_view line) const {
  return std::binary_search(lines_.begin(), lines_.end(), HashChromeLine(line));
}

std::string SiteChrome::Encode(std::uint64_t sample) const {
  std::string out(kMagic);
  PutU64(out, sample);
  for (std::uint64_t line : lines_) PutU64(out, line);
  return out;
}

bool SiteChrome::Parse(std::string_view bytes, std::uint64_t sample) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  bytes.remove_prefix(kMagic.size());
  if (bytes.size() < 8 || bytes.size() % 8 != 0 || GetU64(bytes, 0) != sample) return false;
  std::vector<std::uint64_t> lines;
  for (size_t at = 8; at < bytes.size(); at += 8) lines.push_back(GetU64(bytes, at));
  SetLines(std::move(lines));
  return true;
}

}  // namespace plainsight
