// The legal minimum hourly wage by date, for judging whether advertised pay
// is below it. UkDefault() holds the UK National Living Wage (age 21+):
// £11.44 from 2024-04-01, £12.21 from 2025-04-01, £12.71 from 2026-04-01.
//
// Thread safety: immutable after construction; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

struct MinimumWageRate {
  std::string effective_from;  // ISO date "2024-04-01"
  double hourly = 0.0;         // pounds per hour
};

class MinimumWageTable {
 public:
  static MinimumWageTable UkDefault();

  // Rates in any order; they are sorted by date.
  explicit MinimumWageTable(std::vector<MinimumWageRate> rates);

  // The rate in force on `iso_date` ("2025-06-30"; a longer ISO 8601 time
  // stamp is cut to its date). nullopt before the first rate or when the
  // date is not of the form YYYY-MM-DD.
  std::optional<double> RateOn(std::string_view iso_date) const;

 private:
  std::vector<MinimumWageRate> rates_;  // ascending effective_from
};

}  // namespace plainsight
