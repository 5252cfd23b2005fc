// Employer: an ordinary advertiser of vacancies (a company, an agency
// branch or a private person) with its own contacts and its own voice:
// what it does, when it started, how big it is, what it says about itself
// and what it offers. Its adverts reuse that voice, as real employers'
// adverts do, and two employers in one trade sound different. Contacts
// are claimed in the BuildContext, so no two employers share a phone, an
// e-mail or an address unless a planted group says so. Each advert writes
// the phone in a style of its own.
#pragma once

#include <string>
#include <vector>

#include "tests/farm2/build_context.h"
#include "tests/farm2/job_catalogue.h"
#include "tests/farm2/job_writer.h"
#include "tests/farm2/places.h"

namespace plainsight::farm2 {

struct Employer {
  std::string name;     // "Hartwell Logistics"
  std::string town;
  const Sector* sector = nullptr;
  std::string specialty;  // "chilled and frozen food"
  std::vector<std::string> about;   // its own sentences about itself
  std::vector<std::string> perks;   // what it offers, in its own words
  std::string signoff;              // a closing line some of its adverts carry, or ""
  std::string phone;    // national digits, "" if none
  std::string email;    // "" if none
  std::string person;   // "Sarah Whitmore"
  std::string website;  // "www.hartwell-logistics.example.org", "" if none
  std::string address;  // "Unit 5, Kingsway, Corby NN17 4DW", "" if not given
};

struct EmployerOptions {
  PhoneRange range = PhoneRange::kGeographic;
  double phone_chance = 0.8;    // otherwise e-mail only
  double email_chance = 0.75;   // otherwise phone only (one of them is always set)
  double website_chance = 0.2;
  double address_chance = 0.3;
};

// A new company in `sector` and `town`, with contacts and a voice of its own.
Employer MakeEmployer(BuildContext& ctx, Rng& rng, const Sector& sector, const std::string& town,
                      const EmployerOptions& options = {});

// A new recruitment agency in `town` (its clients' sectors vary per vacancy).
Employer MakeAgency(BuildContext& ctx, Rng& rng, const std::string& town,
                    const EmployerOptions& options);

// A unique company name: a prefix and one of `suffixes`.
std::string CompanyName(BuildContext& ctx, Rng& rng, const std::vector<std::string>& suffixes);

// How to apply, in `style`, with the employer's contacts written out;
// records the contacts on `advert`.
std::string ApplyText(Rng& rng, const Employer& employer, JobStyle style, Advert& advert);

// A vacancy for `role` at `employer`; records contacts on `advert`.
JobSpec SpecFor(Rng& rng, const Employer& employer, const Role& role, JobStyle style,
                Advert& advert);

// A vacancy an agency advertises for a client in `client`'s sector.
JobSpec AgencySpecFor(Rng& rng, const Employer& agency, const Sector& client, const Role& role,
                      JobStyle style, Advert& advert);

// Writes `spec` onto `contacts` (an advert holding the contacts so far) for
// `site`, posted on `day`.
Advert JobAdvert(const JobSpec& spec, int site, int day, Rng& rng, Advert contacts);

}  // namespace plainsight::farm2
