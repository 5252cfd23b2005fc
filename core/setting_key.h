// SettingKey: one TOML key of a settings struct, listed once. Each settings
// struct (CrawlSettings, StoreSettings, LeadSettings, SiteConfig's own keys)
// keeps a table of its keys beside it; the config loader reads, range-checks
// and rejects unknown keys from that table alone, so adding a setting is one
// member and one table row.
//
// Thread safety: tables are immutable statics; read them from any thread.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

namespace plainsight {

template <typename Settings>
struct SettingKey {
  using Member =
      std::variant<int Settings::*, std::int64_t Settings::*, double Settings::*, bool Settings::*,
                   std::string Settings::*, std::vector<std::string> Settings::*>;

  const char* name;
  Member member;
  // Inclusive range for integers and numbers; a number's default range is
  // "not negative".
  double min = 0;
  double max = std::numeric_limits<double>::infinity();
  // A string list whose items must each be a valid RE2 (site URL patterns).
  bool regex_list = false;
};

template <typename Settings>
using SettingKeys = std::vector<SettingKey<Settings>>;

}  // namespace plainsight
