#include "extractors/boilerplate.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_set>

namespace plainsight {

std::uint64_t BoilerplateHash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void SiteBoilerplate::Bump(std::unordered_map<std::uint64_t, Count>& counts, std::uint64_t key,
                           bool listing) {
  Count& c = counts[key];
  ++c.pages;
  c.on_listing = c.on_listing || listing;
}

void SiteBoilerplate::Learn(const std::vector<std::string>& blocks,
                            const std::vector<std::string>& contacts, bool listing_page) {
  std::unordered_set<std::uint64_t> block_keys, contact_keys;  // once per page
  for (const std::string& b : blocks) {
    if (!b.empty()) block_keys.insert(BoilerplateHash(b));
  }
  for (const std::string& c : contacts) contact_keys.insert(BoilerplateHash(c));
  std::lock_guard<std::mutex> lock(mutex_);
  ++pages_;
  for (std::uint64_t k : block_keys) Bump(blocks_, k, listing_page);
  for (std::uint64_t k : contact_keys) Bump(contacts_, k, listing_page);
  if (blocks_.size() > 200000) Prune();
}

// Keeps memory bounded on huge sites: blocks seen once are advert content.
void SiteBoilerplate::Prune() {
  for (auto it = blocks_.begin(); it != blocks_.end();) {
    it = it->second.pages <= 1 ? blocks_.erase(it) : std::next(it);
  }
}

bool SiteBoilerplate::IsBoilerplate(const std::unordered_map<std::uint64_t, Count>& counts,
                                    std::uint64_t key) const {
  auto it = counts.find(key);
  if (it == counts.end() || !it->second.on_listing) return false;
  return it->second.pages >= static_cast<std::uint32_t>(kMinPages) && 2 * it->second.pages >= pages_;
}

bool SiteBoilerplate::IsBoilerplateBlock(std::string_view block) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return IsBoilerplate(blocks_, BoilerplateHash(block));
}

bool SiteBoilerplate::IsBoilerplateContact(std::string_view contact) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return IsBoilerplate(contacts_, BoilerplateHash(contact));
}

int SiteBoilerplate::pages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(pages_);
}

// "pages\nb key count listing\n…c key count listing\n…", keys in order so
// equal profiles serialise equally. Once the profile has settled, what was
// seen on one page only is left out (advert content, most of a big site's
// entries); until then everything is kept, so a profile saved and loaded
// again gives the same verdicts.
std::string SiteBoilerplate::Serialize() const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::uint32_t least = pages_ < static_cast<std::uint32_t>(kSettledPages) ? 1 : 2;
  std::ostringstream out;
  out << pages_ << "\n";
  auto write = [&](char kind, const std::unordered_map<std::uint64_t, Count>& counts) {
    std::vector<std::pair<std::uint64_t, Count>> kept;
    for (const auto& entry : counts) {
      if (entry.second.pages >= least) kept.emplace_back(entry);
    }
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [k, c] : kept) {
      out << kind << " " << k << " " << c.pages << " " << (c.on_listing ? 1 : 0) << "\n";
    }
  };
  write('b', blocks_);
  write('c', contacts_);
  return out.str();
}

bool SiteBoilerplate::Deserialize(std::string_view bytes, SiteBoilerplate* out) {
  std::istringstream in{std::string(bytes)};
  std::uint32_t pages = 0;
  if (!(in >> pages)) return false;
  std::lock_guard<std::mutex> lock(out->mutex_);
  out->pages_ = pages;
  out->blocks_.clear();
  out->contacts_.clear();
  char kind = 0;
  std::uint64_t key = 0;
  std::uint32_t count = 0;
  int listing = 0;
  while (in >> kind >> key >> count >> listing) {
    auto& target = kind == 'b' ? out->blocks_ : out->contacts_;
    target[key] = {count, listing != 0};
  }
  return true;
}

}  // namespace plainsight
