#include "extractors/minimum_wage.h"

#include <catch2/catch.hpp>
#include <optional>

namespace plainsight {
namespace {

TEST_CASE("MinimumWage_UkDefault_RateInForceOnDay", "[minimum_wage]") {
  static const struct {
    const char* date;
    std::optional<double> hourly;
  } kCases[] = {
      {"2021-03-31", std::nullopt}, {"2021-04-01", 8.91},            {"2022-03-31", 8.91},
      {"2022-04-01", 9.50},         {"2023-04-01", 10.42},           {"2024-03-31", 10.42},
      {"2024-04-01", 11.44},        {"2025-03-31", 11.44},
      {"2025-04-01", 12.21},        {"2026-03-31", 12.21},           {"2026-04-01", 12.71},
      {"2030-01-01", 12.71},        {"2026-11-28T10:00:00Z", 12.71}, {"28/11/2026", std::nullopt},
      {"", std::nullopt},           {"2026-4-1", std::nullopt},
  };
  const MinimumWageTable table = MinimumWageTable::UkDefault();
  for (const auto& c : kCases) {
    INFO(c.date);
    CHECK(table.RateOn(c.date) == c.hourly);
  }
}

TEST_CASE("MinimumWage_CustomTable_SortedByDate", "[minimum_wage]") {
  const MinimumWageTable table({{"2021-04-01", 8.91}, {"2019-04-01", 8.21}, {"2020-04-01", 8.72}});
  static const struct {
    const char* date;
    std::optional<double> hourly;
  } kCases[] = {{"2019-03-31", std::nullopt},
                {"2019-04-01", 8.21},
                {"2020-12-25", 8.72},
                {"2022-01-01", 8.91}};
  for (const auto& c : kCases) {
    INFO(c.date);
    CHECK(table.RateOn(c.date) == c.hourly);
  }
  CHECK_FALSE(MinimumWageTable({}).RateOn("2026-01-01").has_value());
}

}  // namespace
}  // namespace plainsight
