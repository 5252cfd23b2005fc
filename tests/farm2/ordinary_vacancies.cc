#include "tests/farm2/ordinary_vacancies.h"

#include "tests/farm2/employer.h"
#include "tests/farm2/private_ads.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

constexpr int kLastDay = 58;  // 2026-11-28

// The towns ordinary advertisers are in, the farm's home county weighted.
const std::string& AnyTown(Rng& rng) {
  static const std::vector<std::string> kTowns = {
      "Northampton", "Northampton", "Northampton", "Kettering",     "Kettering",    "Corby",
      "Wellingborough", "Daventry",  "Rushden",     "Leicester",     "Leicester",    "Derby",
      "Luton",       "Peterborough", "Bedford",     "Milton Keynes", "Milton Keynes", "Nottingham",
      "Coventry",    "Market Harborough", "Loughborough"};
  return rng.Pick(kTowns);
}

const Sector& AnySector(Rng& rng) { return rng.Pick(Sectors()); }

Advert Vacancy(Rng& rng, const Employer& employer, const Role& role, int site) {
  Advert contacts;
  JobSpec spec = SpecFor(rng, employer, role, StyleOf(site), contacts);
  return JobAdvert(spec, site, rng.Between(0, kLastDay), rng, std::move(contacts));
}

}  // namespace

Advert AgencyVacancy(Rng& rng, const Employer& agency, int site, int day) {
  const Sector& client = AnySector(rng);
  const Role& role = rng.Pick(client.roles);
  Advert contacts;
  JobSpec spec = AgencySpecFor(rng, agency, client, role, StyleOf(site), contacts);
  return JobAdvert(spec, site, day, rng, std::move(contacts));
}

namespace {

// A local agency: mostly landlines, nearly always a phone.
Employer LocalAgency(BuildContext& ctx, Rng& rng) {
  const std::string town = AnyTown(rng);
  EmployerOptions options;
  options.range = rng.Chance(0.7) ? PhoneRange::kGeographic : PhoneRange::kLondon;
  options.phone_chance = 0.9;
  options.address_chance = 0.35;
  return MakeAgency(ctx, rng, town, options);
}

}  // namespace

void AddAtsVacancies(BuildContext& ctx) {
  Rng rng = ctx.Stream("ats-vacancies");
  // Employers that post once.
  for (int i = 0; i < 112; ++i) {
    const Sector& sector = AnySector(rng);
    EmployerOptions options;
    options.range = rng.Chance(0.75) ? PhoneRange::kGeographic : PhoneRange::kLondon;
    Employer employer = MakeEmployer(ctx, rng, sector, AnyTown(rng), options);
    ctx.Add(Vacancy(rng, employer, rng.Pick(sector.roles), kHireline));
  }
  // Employers with two or three openings at once.
  for (int i = 0; i < 8; ++i) {
    const Sector& sector = AnySector(rng);
    EmployerOptions options;
    options.phone_chance = 1.0;
    options.address_chance = 0.5;
    Employer employer = MakeEmployer(ctx, rng, sector, AnyTown(rng), options);
    std::size_t group = ctx.AddGroup(
        "benign-ats-employer-" + Slug(employer.name), false,
        employer.name + " advertises two or three ordinary vacancies on the ATS board under its "
                        "own phone and e-mail; fair pay, no concerns.");
    int openings = rng.Between(2, 3);
    std::vector<Role> roles = rng.Sample(sector.roles, static_cast<std::size_t>(openings));
    for (const Role& role : roles) ctx.Add(Vacancy(rng, employer, role, kHireline), group);
  }
}

void AddAgencyVacancies(BuildContext& ctx) {
  Rng rng = ctx.Stream("agency-vacancies");
  for (int i = 0; i < 8; ++i) {
    Employer agency = LocalAgency(ctx, rng);
    if (agency.phone.empty()) agency.phone = ctx.phones().Take(PhoneRange::kGeographic);
    std::size_t group = ctx.AddGroup(
        "benign-agency-" + Slug(agency.name), false,
        agency.name + " is a local recruitment agency advertising three or four of its clients' "
                      "vacancies with its own contacts; fair pay, no concerns.");
    int count = rng.Between(3, 4);
    for (int k = 0; k < count; ++k) {
      const int day = rng.Between(0, kLastDay);
      ctx.Add(AgencyVacancy(rng, agency, kAgencyBoard, day), group);
    }
  }
  for (int i = 0; i < 30; ++i) {
    Employer agency = LocalAgency(ctx, rng);
    const int day = rng.Between(0, kLastDay);
    ctx.Add(AgencyVacancy(rng, agency, kAgencyBoard, day));
  }
  // Employers that advertise directly on the agency board.
  for (int i = 0; i < 14; ++i) {
    const Sector& sector = AnySector(rng);
    Employer employer = MakeEmployer(ctx, rng, sector, AnyTown(rng));
    ctx.Add(Vacancy(rng, employer, rng.Pick(sector.roles), kAgencyBoard));
  }
}

void AddLocalVacancies(BuildContext& ctx) {
  Rng rng = ctx.Stream("local-vacancies");
  for (int i = 0; i < 78; ++i) {
    const Sector& sector = AnySector(rng);
    EmployerOptions options;
    options.range = rng.Chance(0.6) ? PhoneRange::kGeographic : PhoneRange::kMobile;
    options.address_chance = 0.45;
    Employer employer = MakeEmployer(ctx, rng, sector, AnyTown(rng), options);
    ctx.Add(Vacancy(rng, employer, rng.Pick(sector.roles), kLocalwork));
  }
  for (int i = 0; i < 14; ++i) {
    const std::string town = AnyTown(rng);
    const int day = rng.Between(0, kLastDay);
    ctx.Add(PrivateAd(ctx, rng, town, kLocalwork, day));
  }
}

void AddClassifiedVacancies(BuildContext& ctx) {
  Rng rng = ctx.Stream("classified-vacancies");
  for (int i = 0; i < 70; ++i) {
    const std::string town = AnyTown(rng);
    const int day = rng.Between(0, kLastDay);
    ctx.Add(PrivateAd(ctx, rng, town, kSwapshop, day));
  }
  // Small firms that put a short ad in the classifieds.
  for (int i = 0; i < 14; ++i) {
    const Sector& sector = AnySector(rng);
    EmployerOptions options;
    options.range = PhoneRange::kMobile;
    options.email_chance = 0.3;
    Employer employer = MakeEmployer(ctx, rng, sector, AnyTown(rng), options);
    ctx.Add(Vacancy(rng, employer, rng.Pick(sector.roles), kSwapshop));
  }
}

}  // namespace plainsight::farm2
