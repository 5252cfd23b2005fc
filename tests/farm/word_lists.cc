#include "tests/farm/word_lists.h"

#include <map>

namespace plainsight::farm {

const std::vector<std::string>& CompanionNames() {
  static const std::vector<std::string> kNames = {
      "Amber", "Bella", "Chloe", "Daisy", "Ella",  "Freya", "Grace", "Holly",
      "Isla",  "Jade",  "Kara",  "Lily",  "Maya",  "Nina",  "Olivia", "Poppy",
      "Ruby",  "Sophie", "Tia",  "Zara",  "Lexi",  "Eva",   "Rosa",  "Heidi"};
  return kNames;
}

const std::vector<std::string>& Towns() {
  static const std::vector<std::string> kTowns = {
      "Northampton", "Kettering", "Corby",     "Wellingborough", "Daventry",
      "Rushden",     "Towcester", "Brackley", "Raunds",         "Oundle"};
  return kTowns;
}

std::string OutwardCode(const std::string& town) {
  static const std::map<std::string, std::string> kCodes = {
      {"Northampton", "NN1"}, {"Kettering", "NN16"}, {"Corby", "NN17"},
      {"Wellingborough", "NN8"}, {"Daventry", "NN11"}, {"Rushden", "NN10"},
      {"Towcester", "NN12"}, {"Brackley", "NN13"}, {"Raunds", "NN9"},
      {"Oundle", "PE8"}};
  auto it = kCodes.find(town);
  return it == kCodes.end() ? "NN1" : it->second;
}

const std::vector<std::string>& Streets() {
  static const std::vector<std::string> kStreets = {
      "Station Road", "Church Lane",  "High Street", "Victoria Road", "Park Avenue",
      "Mill Lane",    "Queen Street", "Orchard Way", "Brook Close",   "Market Square"};
  return kStreets;
}

const std::vector<JobRole>& JobRoles() {
  static const std::vector<JobRole> kRoles = {
      {"Warehouse Operative", "Picking and packing customer orders using handheld scanners.", 1290},
      {"Forklift Driver", "Loading and unloading vehicles; a valid counterbalance licence is required.", 1400},
      {"Care Assistant", "Supporting residents with daily living in a friendly care home.", 1310},
      {"Office Cleaner", "Evening cleaning of offices, kitchens and meeting rooms.", 1285},
      {"Kitchen Porter", "Keeping the kitchen clean and helping the chefs with preparation.", 1280},
      {"Retail Assistant", "Serving customers, handling the till and keeping shelves stocked.", 1275},
      {"Delivery Driver", "Delivering parcels on a local route in a company van.", 1350},
      {"Office Administrator", "Answering calls, managing diaries and keeping records up to date.", 1320},
      {"Maintenance Electrician", "Planned and reactive electrical maintenance on site.", 1900},
      {"Customer Service Advisor", "Helping customers by phone and email with orders and returns.", 1300},
      {"Groundworker", "Drainage, kerbing and foundations on residential sites; CSCS card required.", 1600},
      {"Food Production Operative", "Working on a production line in a temperature-controlled food factory.", 1295},
      {"Farm Worker", "General farm duties including feeding, cleaning and machinery work.", 1300},
      {"Car Valeter", "Cleaning and preparing vehicles for sale at a main dealership.", 1285}};
  return kRoles;
}

const std::vector<std::string>& EmployerNames() {
  static const std::vector<std::string> kEmployers = {
      "Harbury Logistics Ltd",   "Nenebrook Care Homes",    "Pitsford Facilities Ltd",
      "Greywell Foods Ltd",      "Ashby Vale Retail",       "Cranford Parcels Ltd",
      "Quarry Lane Builders",    "Brampton Fields Farm",    "Eastfield Motors",
      "Hollowell Office Services", "Sywell Engineering Ltd", "Lamport Hospitality"};
  return kEmployers;
}

}  // namespace plainsight::farm
