// The planted truth: which farm2 adverts belong together and whether the
// group is one analysts should see (risky) or one that must not become a
// lead (benign). Ordinary adverts belong to no group. Groups are disjoint.
//
// And the planted places: the addresses, postcodes and pick-up points the
// adverts name, for `plainsight places`. A place of concern is one police
// would plan a safeguarding visit to (workers' shared housing named by
// several employers' job adverts, an address used by job and adult
// adverts alike, a pick-up point for early transport, an exploitative
// agency's office); a decoy (of_concern false) is a place adverts name for
// ordinary reasons (an employer's own premises, a business park, a job
// centre, a site's own footer address). Places may share adverts with each
// other and with groups.
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

struct TruthPlace {
  std::string name;         // "shared-housing-rockingham-road-corby"
  bool of_concern = false;  // false for a decoy
  std::string role;         // "premises" or "pick-up"
  std::string address;      // "27 Rockingham Road"; "" for postcode-only or a pick-up landmark
  std::string postcode;     // "NN17 2QT"; "" when the adverts give none
  std::string town;         // "Corby"
  std::string description;  // what was planted, in a sentence or two
  std::vector<std::size_t> adverts;      // indices into Farm2::adverts() that name the place
  std::vector<std::string> advert_urls;  // absolute once the farm is started
};

}  // namespace plainsight::farm2
