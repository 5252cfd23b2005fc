// Word lists the farm draws from: names, towns, streets, job roles and
// employers. All invented or generic; the towns are real Northamptonshire
// towns because the correlator reasons about movement between towns.
#pragma once

#include <string>
#include <vector>

namespace plainsight::farm {

struct JobRole {
  std::string title;   // "Warehouse Operative"
  std::string duties;  // one sentence
  int min_rate_pence;  // lowest hourly rate offered, above the 2026 NLW
};

const std::vector<std::string>& CompanionNames();
const std::vector<std::string>& Towns();
// Real outward code of a town in Towns() ("Kettering" -> "NN16").
std::string OutwardCode(const std::string& town);
const std::vector<std::string>& Streets();
const std::vector<JobRole>& JobRoles();
const std::vector<std::string>& EmployerNames();

}  // namespace plainsight::farm
