// JobCatalogue: the ordinary world of work farm2's vacancies are drawn
// from: sectors with their specialties, roles, duties, requirements and
// perks, the claims employers make about themselves, company name parts,
// people's names, and fair pay in the ways adverts write it. Texts carry
// slots ({company}, {town}, {specialty}, {year}, {staff}, and numbers
// {holiday}, {pension}, {bonus}) that each
// employer fills with its own values, and alternatives ([a|b|c]) each
// advert chooses between, so two employers in one trade do not write the
// same advert. Every ordinary hourly rate is at or above
// £12.75 (the UK National Living Wage is £12.71 from April 2026) and
// every salary is at least that for a 40-hour week.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/farm2/rng.h"

namespace plainsight::farm2 {

struct Role {
  std::string title;
  std::vector<std::string> duties;        // may use {specialty}
  std::vector<std::string> requirements;
  double pay_min = 0;  // per hour, or per year when `salaried`
  double pay_max = 0;
  bool salaried = false;
  std::vector<std::string> hours;
};

struct Sector {
  std::string key;
  std::vector<std::string> suffixes;     // "Logistics"
  std::vector<std::string> specialties;  // what this employer does: "chilled food"
  std::vector<std::string> intros;       // frames with {company} {town} {specialty} {year} {staff}
  std::vector<std::string> offers;       // may use {holiday} {pension} {bonus}
  std::vector<Role> roles;
};

const std::vector<Sector>& Sectors();
const Sector& SectorNamed(const std::string& key);

// Sentences an employer may add about itself ("Most of our managers
// started on the shop floor."); may use {company}, {town}, {year}.
const std::vector<std::string>& EmployerClaims();
// Duties and requirements any vacancy may add to its role's own.
const std::vector<std::string>& GenericDuties();
const std::vector<std::string>& GenericRequirements();
// Ways to say "we are hiring {a_role}" ({role} the bare title, {a_role}
// with its article).
const std::vector<std::string>& HiringSentences();

const std::vector<std::string>& CompanyPrefixes();
const std::vector<std::string>& FirstNames();
const std::vector<std::string>& Surnames();

// "£13.20 per hour", "£13.20/hr", "£26,000 - £29,000 a year", ...
std::string FormatHourly(Rng& rng, double amount);
std::string FormatSalary(Rng& rng, double low, double high);
// A fair rate for `role`, written as adverts write it.
std::string PayFor(Rng& rng, const Role& role);

// `text` with every "[a|b|c]" replaced by one of its options, every
// "{key}" of `slots` filled in, and {holiday} (22-28 days), {pension}
// (3-8 %) and {bonus} (£100-£500) drawn from `rng`.
std::string Fill(std::string text, const std::map<std::string, std::string>& slots, Rng& rng);

}  // namespace plainsight::farm2
