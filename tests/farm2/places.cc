#include "tests/farm2/places.h"

#include <stdexcept>

namespace plainsight::farm2 {

const std::vector<Town>& Towns() {
  static const std::vector<Town> kTowns = {
      {"Northampton", {"NN1", "NN2", "NN3", "NN4", "NN5"}},
      {"Kettering", {"NN15", "NN16"}},
      {"Corby", {"NN17", "NN18"}},
      {"Wellingborough", {"NN8", "NN29"}},
      {"Daventry", {"NN11"}},
      {"Rushden", {"NN10"}},
      {"Leicester", {"LE1", "LE2", "LE3", "LE4", "LE5"}},
      {"Derby", {"DE1", "DE21", "DE22", "DE23", "DE24"}},
      {"Luton", {"LU1", "LU2", "LU3", "LU4"}},
      {"Peterborough", {"PE1", "PE2", "PE3", "PE4"}},
      {"Bedford", {"MK40", "MK41", "MK42"}},
      {"Milton Keynes", {"MK1", "MK5", "MK9", "MK10", "MK14"}},
      {"Nottingham", {"NG1", "NG2", "NG5", "NG7"}},
      {"Coventry", {"CV1", "CV2", "CV3", "CV6"}},
      {"Market Harborough", {"LE16"}},
      {"Loughborough", {"LE11"}},
  };
  return kTowns;
}

const Town& TownNamed(const std::string& name) {
  for (const Town& town : Towns())
    if (town.name == name) return town;
  throw std::runtime_error("farm2: unknown town " + name);
}

std::vector<std::string> TownNames() {
  std::vector<std::string> names;
  for (const Town& town : Towns()) names.push_back(town.name);
  return names;
}

namespace {
const std::string kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

std::string Unit(Rng& rng) {
  std::string unit;
  unit += kInwardLetters[rng.Below(kInwardLetters.size())];
  unit += kInwardLetters[rng.Below(kInwardLetters.size())];  // separate statements: in order
  return unit;
}
}  // namespace

std::string Postcode(Rng& rng, const Town& town) {
  std::string code = rng.Pick(town.districts);
  code += " " + std::to_string(rng.Between(1, 9));
  return code + Unit(rng);
}

std::string PostcodeInSector(Rng& rng, const std::string& sector) { return sector + Unit(rng); }

std::string StreetAddress(Rng& rng) {
  static const std::vector<std::string> kStreets = {
      "Station Road",   "Church Lane",    "Victoria Road", "Mill Road",      "London Road",
      "Park Avenue",    "Queen Street",   "Bridge Street", "Albert Street",  "Regent Street",
      "Sheep Street",   "Harborough Road", "Wellington Way", "Spencer Parade", "Kingsway",
      "Abbey Road",     "Orchard Close",  "Market Street", "Newland Street", "St Mary's Road",
      "Gold Street",    "Castle Street",  "Windsor Road",  "Hazelwood Road", "Ladybridge Drive"};
  std::string number = std::to_string(rng.Between(1, 180));
  return number + " " + rng.Pick(kStreets);
}

std::string FullAddress(Rng& rng, const Town& town) {
  std::string street = StreetAddress(rng);
  return street + ", " + town.name + " " + Postcode(rng, town);
}

}  // namespace plainsight::farm2
