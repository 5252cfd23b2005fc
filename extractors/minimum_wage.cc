#include "extractors/minimum_wage.h"

#include <algorithm>
#include <utility>

#include "core/dates.h"

namespace plainsight {
namespace {

bool IsIsoDate(std::string_view s) { return ParseIsoDay(s).has_value(); }

}  // namespace

MinimumWageTable MinimumWageTable::UkDefault() {
  // National Living Wage (the adult rate): GOV.UK "National Minimum Wage
  // and National Living Wage rates". Earlier years let adverts be judged
  // by the rate on their own date, not today's.
  return MinimumWageTable({{"2021-04-01", 8.91},
                           {"2022-04-01", 9.50},
                           {"2023-04-01", 10.42},
                           {"2024-04-01", 11.44},
                           {"2025-04-01", 12.21},
                           {"2026-04-01", 12.71}});
}

MinimumWageTable::MinimumWageTable(std::vector<MinimumWageRate> rates) : rates_(std::move(rates)) {
  std::sort(rates_.begin(), rates_.end(), [](const MinimumWageRate& a, const MinimumWageRate& b) {
    return a.effective_from < b.effective_from;
  });
}

std::optional<double> MinimumWageTable::RateOn(std::string_view iso_date) const {
  std::string_view date = iso_date.substr(0, 10);
  if (!IsIsoDate(date)) return std::nullopt;
  std::optional<double> rate;
  // ISO dates of one length order as strings.
  for (const MinimumWageRate& r : rates_) {
    if (r.effective_from > date) break;
    rate = r.hourly;
  }
  return rate;
}

}  // namespace plainsight
