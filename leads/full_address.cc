#include "leads/full_address.h"

#include <algorithm>
#include <cctype>

namespace plainsight {
namespace {

std::vector<std::string> Distinct(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace

std::vector<std::string> FullAddresses(const std::vector<std::string>& streets,
                                       const std::vector<std::string>& postcodes,
                                       const std::vector<std::string>& towns) {
  std::vector<std::string> full;
  if (streets.empty()) return full;
  const std::vector<std::string> distinct_postcodes = Distinct(postcodes);
  const std::vector<std::string> distinct_towns = Distinct(towns);
  std::string where;
  if (distinct_postcodes.size() == 1) {
    where = distinct_postcodes[0];
  } else if (distinct_postcodes.empty() && distinct_towns.size() == 1) {
    where = distinct_towns[0];
    for (char& c : where) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else {
    return full;
  }
  for (const std::string& street : streets) full.emplace_back(street).append(", ").append(where);
  return full;
}

std::string StreetOf(const std::string& full) {
  const size_t comma = full.rfind(", ");
  return comma == std::string::npos ? full : full.substr(0, comma);
}

}  // namespace plainsight
