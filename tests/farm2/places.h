// Places for farm2 adverts: real UK towns with their real postcode
// districts, street and estate names, and made-up but well-formed
// postcodes. Inward codes use only the letters Royal Mail allows
// (never C, I, K, M, O, V).
#pragma once

#include <string>
#include <vector>

#include "tests/farm2/rng.h"

namespace plainsight::farm2 {

struct Town {
  std::string name;                    // "Northampton"
  std::vector<std::string> districts;  // "NN1", "NN2", ...
};

const std::vector<Town>& Towns();
const Town& TownNamed(const std::string& name);

// Names of every town in Towns().
std::vector<std::string> TownNames();

// "NN3 6DW": a district of `town`, a random sector and unit.
std::string Postcode(Rng& rng, const Town& town);
// A postcode in one sector: "NN17 5" -> "NN17 5DR".
std::string PostcodeInSector(Rng& rng, const std::string& sector);

// "14 Station Road".
std::string StreetAddress(Rng& rng);
// "14 Station Road, Kettering NN16 8QE".
std::string FullAddress(Rng& rng, const Town& town);

}  // namespace plainsight::farm2
