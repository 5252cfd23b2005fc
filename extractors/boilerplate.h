// SiteBoilerplate: what one site repeats on most of its pages (navigation,
// footer, sidebars, the site's own phone and email), learnt as the site is
// crawled and excluded from matching and from entities, so that a site's
// chrome neither scores as an indicator nor links its adverts.
//
// A text block or contact is boilerplate when it is on at least half the
// site's pages (and on at least kMinPages of them) AND on at least one of
// its listing pages: chrome is everywhere, whereas advert content is only on
// advert pages, however often an agency repeats it.
//
// Thread-safe: Learn() and the queries may run from many workers at once.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plainsight {

class SiteBoilerplate {
 public:
  static constexpr int kMinPages = 3;
  // Pages after which the profile rarely changes its verdicts; adverts
  // parsed before are extracted again at the end of the run (the crawler's
  // provisional_advert.h).
  static constexpr int kSettledPages = 50;

  // One fetched page: its visible text blocks and the contacts found in it.
  void Learn(const std::vector<std::string>& blocks, const std::vector<std::string>& contacts,
             bool listing_page);
  bool IsBoilerplateBlock(std::string_view block) const;
  bool IsBoilerplateContact(std::string_view contact) const;
  int pages() const;

  // For keeping what was learnt between runs (the store's meta family).
  std::string Serialize() const;
  static bool Deserialize(std::string_view bytes, SiteBoilerplate* out);

 private:
  struct Count {
    std::uint32_t pages = 0;
    bool on_listing = false;
  };
  bool IsBoilerplate(const std::unordered_map<std::uint64_t, Count>& counts,
                     std::uint64_t key) const;
  void Bump(std::unordered_map<std::uint64_t, Count>& counts, std::uint64_t key, bool listing);
  void Prune();

  mutable std::mutex mutex_;
  std::uint32_t pages_ = 0;                            // guarded by mutex_
  std::unordered_map<std::uint64_t, Count> blocks_;    // guarded by mutex_
  std::unordered_map<std::uint64_t, Count> contacts_;  // guarded by mutex_
};

std::uint64_t BoilerplateHash(std::string_view text);

}  // namespace plainsight
