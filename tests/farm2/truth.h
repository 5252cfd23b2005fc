// The planted truth: which farm2 adverts belong together and whether the
// group is one analysts should see (risky) or one that must not become a
// lead (benign). Ordinary adverts belong to no group. Groups are disjoint.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plainsight::farm2 {

struct TruthGroup {
  std::string name;         // "risky-shared-phone-ring-1"
  bool risky = false;
  std::string description;  // what was planted, in a sentence or two
  std::vector<std::size_t> adverts;  // indices into Farm2::adverts()
  std::vector<std::string> advert_urls;  // absolute once the farm is started
};

}  // namespace plainsight::farm2
