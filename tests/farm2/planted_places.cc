#include "tests/farm2/planted_places.h"

#include <regex>
#include <stdexcept>

#include "tests/farm2/employer.h"
#include "tests/farm2/job_catalogue.h"
#include "tests/farm2/places.h"
#include "tests/farm2/profiles.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {

std::string AdvertText(const Advert& advert) {
  std::vector<std::string> parts = {advert.title};
  for (const Section& section : advert.sections) {
    if (!section.heading.empty()) parts.push_back(section.heading);
    for (const std::string& p : section.paragraphs) parts.push_back(p);
    for (const std::string& b : section.bullets) parts.push_back(b);
  }
  if (!advert.contact.empty()) parts.push_back(advert.contact);
  return Join(parts, " ");
}

namespace {

constexpr int kLastDay = 58;

// The job boards in turn, so each place's adverts are spread over them.
const std::vector<int>& JobSites() {
  static const std::vector<int> kSites = {kHireline, kSwapshop, kAgencyBoard, kLocalwork};
  return kSites;
}

const Role& RoleTitled(const Sector& sector, const std::string& title) {
  for (const Role& role : sector.roles)
    if (role.title == title) return role;
  throw std::runtime_error("farm2: no role " + title + " in " + sector.key);
}

// A postcode in `sector` that no advert so far writes and no other planted
// place has, so a place's postcode points at that place alone.
std::string FreshPostcode(BuildContext& ctx, Rng& rng, const std::string& sector) {
  for (;;) {
    std::string postcode = PostcodeInSector(rng, sector);
    if (!ctx.Claim("postcode:" + postcode)) continue;
    bool written = false;
    for (const Advert& advert : ctx.adverts())
      if (AdvertText(advert).find(postcode) != std::string::npos) {
        written = true;
        break;
      }
    if (!written) return postcode;
  }
}

// `text` with every "{key}" of `slots` filled in (and [a|b] choices made).
std::string Slotted(const std::string& text, const std::map<std::string, std::string>& slots,
                    Rng& rng) {
  return Fill(text, slots, rng);
}

// A new employer or agency in `town` with a phone of its own (and now and
// then an e-mail), no website and no address of its own.
Employer NewAdvertiser(BuildContext& ctx, Rng& rng, bool agency, const Sector& sector,
                       const std::string& town) {
  EmployerOptions options;
  options.range = rng.Chance(0.6) ? PhoneRange::kMobile : PhoneRange::kGeographic;
  options.phone_chance = 1.0;
  options.email_chance = 0.35;
  options.website_chance = 0.0;
  options.address_chance = 0.0;
  return agency ? MakeAgency(ctx, rng, town, options) : MakeEmployer(ctx, rng, sector, town, options);
}

// One vacancy of a new advertiser for `role`, with its own voice and
// contacts, on different terms: `pay`, `hours` ("" keeps the employer's
// own), fewer perks, and `notes` added to what the employer says.
Advert Vacancy(BuildContext& ctx, Rng& rng, bool agency, const Sector& sector, const Role& role,
               const std::string& town, int site, const std::string& pay, const std::string& hours,
               const std::vector<std::string>& notes) {
  Employer advertiser = NewAdvertiser(ctx, rng, agency, sector, town);
  Advert contacts;
  JobSpec spec = agency ? AgencySpecFor(rng, advertiser, sector, role, StyleOf(site), contacts)
                        : SpecFor(rng, advertiser, role, StyleOf(site), contacts);
  if (!pay.empty()) spec.pay = pay;
  if (!hours.empty()) spec.hours = hours;
  if (spec.offers.size() > 2) spec.offers.resize(2);
  for (const std::string& note : notes) spec.notes.push_back(note);
  return JobAdvert(spec, site, rng.Between(0, kLastDay), rng, std::move(contacts));
}

// What job adverts say about a bed in a workers' house at {addr}; a place
// deals these out so no two of its adverts word it alike.
const std::vector<std::string>& HousingLines() {
  static const std::vector<std::string> kLines = {
      "House shared with other workers at {addr}, £{rent} a week deducted for accommodation.",
      "Accommodation available at {addr}: £{rent} a week is taken from your wages.",
      "Live on site if you need to. Rooms at {addr}, rent comes out of your pay each week.",
      "We can put you up from day one in a house shared with other workers ({addr}); £{rent} a "
      "week deducted from wages.",
      "Beds available in our workers' house, {addr}. £{rent} per week deducted for "
      "accommodation, bills included.",
      "Room in a shared house at {addr} for anyone who needs it, paid from your wages "
      "(£{rent} weekly).",
      "Live-in option: {addr}, shared with the rest of the team, £{rent} a week off your pay.",
  };
  return kLines;
}

// Other things such adverts say; one or two are added to each.
const std::vector<std::string>& PressureLines() {
  static const std::vector<std::string> kLines = {
      "No experience or English needed.",
      "Start tomorrow, cash paid weekly.",
      "Work 6 or 7 days a week, up to 70 hours.",
      "We help you open a bank account and get a National Insurance number.",
      "Transport to work every morning from the house.",
      "A registration fee of £120 is taken from your first wage.",
      "Overtime every week, you will not be short of hours.",
  };
  return kLines;
}

struct HousingPosting {
  bool agency;
  std::string sector;
  std::string role;
  std::string pay;
  std::string hours;
};

struct House {
  std::string name;       // place and group suffix
  std::string street;     // "27 Rockingham Road"
  std::string town;
  std::string sector;     // postcode sector
  std::vector<HousingPosting> postings;
};

// Adds one posting per entry, each a new advertiser naming `address` as
// the accommodation, to `group` and `place`.
void PostHousing(BuildContext& ctx, Rng& rng, std::size_t group, std::size_t place,
                 const std::string& address, const std::string& town,
                 const std::vector<HousingPosting>& postings, std::size_t first_site) {
  std::vector<std::string> lines = rng.Sample(HousingLines(), postings.size());
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const HousingPosting& p = postings[i];
    const Sector& sector = SectorNamed(p.sector);
    const Role& role = RoleTitled(sector, p.role);
    std::vector<std::string> notes = {
        Slotted(lines[i], {{"addr", address}, {"rent", std::to_string(rng.Between(8, 11) * 10)}},
                rng)};
    for (const std::string& line :
         rng.Sample(PressureLines(), static_cast<std::size_t>(rng.Between(1, 2))))
      notes.push_back(line);
    const int site = JobSites()[(first_site + i) % JobSites().size()];
    std::size_t advert =
        ctx.Add(Vacancy(ctx, rng, p.agency, sector, role, town, site, p.pay, p.hours, notes), group);
    ctx.AddToPlace(place, advert);
  }
}

}  // namespace

void AddSharedHousing(BuildContext& ctx) {
  Rng rng = ctx.Stream("shared-housing");
  const std::vector<House> houses = {
      {"rockingham-road-corby", "27 Rockingham Road", "Corby", "NN17 2",
       {{true, "warehouse", "Warehouse Operative", "£10.50 per hour", "6 days, 6am-6pm"},
        {false, "manufacturing", "Production Operative", "£400 a week", "60 hours, 6 days"},
        {true, "hospitality", "Kitchen Porter", "£11 an hour", "split shifts, 6 days"},
        {false, "cleaning", "Office Cleaner", "£55 a day", "early mornings and evenings, 7 days"},
        {true, "retail", "Night Replenishment Assistant", "£10.90 per hour",
         "nights, 6 x 10 hours"}}},
      {"stamford-road-kettering", "8 Stamford Road", "Kettering", "NN16 0",
       {{false, "warehouse", "Warehouse Operative", "£380 per week", "Monday to Saturday, 12 hours"},
        {true, "manufacturing", "Production Operative", "£9.80 per hour", "4 on 2 off, 12-hour shifts"},
        {true, "cleaning", "Office Cleaner", "£300 a week", "6am-10am and 5pm-9pm, 6 days"},
        {false, "hospitality", "Kitchen Porter", "£60 a day cash", "7 days, 10am-10pm"}}},
      {"midland-road-wellingborough", "63 Midland Road", "Wellingborough", "NN8 4",
       {{true, "manufacturing", "Production Operative", "£11.20 per hour", "nights, 6 x 12 hours"},
        {false, "retail", "Night Replenishment Assistant", "£350 a week", "6 nights"},
        {true, "warehouse", "Warehouse Operative", "£10 an hour", "as many hours as you want"},
        {false, "hospitality", "Kitchen Porter", "£420 a week", "6 days, 11am-11pm"}}},
  };
  std::size_t first_site = 0;
  for (const House& house : houses) {
    const std::string postcode = FreshPostcode(ctx, rng, house.sector);
    const std::string address = house.street + ", " + house.town + " " + postcode;
    ctx.Claim("address:" + address);
    const std::string n = std::to_string(house.postings.size());
    std::size_t group = ctx.AddGroup(
        "risky-shared-housing-" + house.name, true,
        n + " job adverts of " + n + " different employers and agencies (each its own phone and "
            "wording) naming one house, " + address + ", as the workers' accommodation, rent "
            "deducted from pay; low pay, long weeks, no English needed, fees. Only the address "
            "links them.");
    std::size_t place = ctx.AddPlace(TruthPlace{
        "shared-housing-" + house.name, true, "premises", house.street, postcode, house.town,
        "A house named as workers' accommodation (rent deducted from pay, shared with other "
        "workers, live on site) by " + n + " job adverts of different employers and agencies, "
        "each with its own phone.",
        {}, {}});
    PostHousing(ctx, rng, group, place, address, house.town, house.postings, first_site++);
  }
}

void AddDualUseAddress(BuildContext& ctx) {
  Rng rng = ctx.Stream("dual-use-address");
  const std::string street = "19 Abington Grove";
  const std::string town = "Northampton";
  const std::string postcode = FreshPostcode(ctx, rng, "NN1 4");
  const std::string address = street + ", " + town + " " + postcode;
  ctx.Claim("address:" + address);
  std::size_t group = ctx.AddGroup(
      "risky-dual-use-abington-grove", true,
      "Three job adverts of different employers offering accommodation at " + address +
          " (rent from wages) and three adult profiles, each with its own phone and name, giving "
          "Abington Grove and the same postcode (or the postcode and 'incall near Abington Park') "
          "as their incall: living and working at one address.");
  std::size_t place = ctx.AddPlace(TruthPlace{
      "dual-use-abington-grove-northampton", true, "premises", street, postcode, town,
      "One address used by both kinds of advert: three job adverts (different employers and "
      "phones) give it as the workers' accommodation, three adult profiles (different names and "
      "phones) give its street and postcode, or its postcode and 'incall near Abington Park', as "
      "their incall.",
      {}, {}});
  const std::vector<HousingPosting> jobs = {
      {false, "cleaning", "Office Cleaner", "£320 a week", "early mornings and evenings, 6 days"},
      {true, "hospitality", "Kitchen Porter", "£10.40 per hour", "6 days, 12-hour shifts"},
      {false, "warehouse", "Warehouse Operative", "£75 a day", "7 days, 6am start"},
  };
  PostHousing(ctx, rng, group, place, address, town, jobs, 1);

  // The profiles: bland independents' wording, the incall line naming the place.
  const std::vector<std::string> incalls = {
      "Incall only, in a discreet flat on Abington Grove, Northampton " + postcode + ".",
      "Incall near Abington Park (" + postcode + "), parking in the next street.",
      "My incall is on Abington Grove, " + postcode + ", a few minutes from the town centre.",
  };
  const std::vector<std::string> extras = {
      "New in town, available every day from 10am till late.",
      "Just arrived in Northampton, so call soon.",
      "Open seven days, a friendly welcome every time.",
  };
  const std::vector<int> sites = {kMoonlit, kAmber, kMoonlit};
  std::vector<std::string> names = rng.Sample(PersonaNames(), incalls.size());
  for (std::size_t i = 0; i < incalls.size(); ++i) {
    const int age = rng.Between(20, 27);
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    std::vector<std::string> bio = IndependentBio(rng, names[i], age, town);
    bio.insert(bio.begin() + 1, incalls[i] + " " + extras[i]);
    const std::string shown = FormatPhone(phone, AnyDigitStyle(rng));
    Advert advert = Profile(sites[i], rng.Between(0, kLastDay),
                            ProfileTitle(rng, names[i], age, town), names[i], age, town,
                            AnyRate(rng), shown, bio);
    advert.phones = {phone};
    ctx.AddToPlace(place, ctx.Add(std::move(advert), group));
  }
}

void AddPickUpPoints(BuildContext& ctx) {
  Rng rng = ctx.Stream("pick-up-points");
  struct Point {
    std::string name, landmark, town, description;
    std::vector<std::string> lines;  // one per advert, naming the landmark
    std::vector<HousingPosting> postings;
  };
  const std::vector<Point> points = {
      {"pick-up-kettering-bus-station", "Kettering bus station", "Kettering",
       "Kettering bus station as the 5am pick-up point for transport to work, in four job adverts "
       "of different agencies and employers (each its own phone).",
       {"Free transport: the minibus leaves Kettering bus station at 5am.",
        "Pick-up from Kettering bus station 5am, back around 6pm.",
        "We run a van from Kettering bus station at 4.50am every morning.",
        "Transport provided, meet the driver at Kettering bus station for 5am."},
       {{true, "warehouse", "Warehouse Operative", "", "Monday to Friday, 6am-2pm"},
        {true, "manufacturing", "Production Operative", "", "days, 6am-2.30pm"},
        {false, "warehouse", "Warehouse Operative", "", "Monday to Friday, 6am-2.30pm"},
        {true, "manufacturing", "Production Operative", "", "Monday to Friday, 6am-2pm"}}},
      {"pick-up-tesco-car-park-corby", "Tesco car park", "Corby",
       "The Tesco car park in Corby as the 4.45am pick-up point for transport to work, in three "
       "job adverts of different agencies (each its own phone).",
       {"Transport from the Tesco car park, Corby at 4:45.",
        "Pick-up 4.45am at the Tesco car park in Corby, drop-off back there after the shift.",
        "Our minibus collects from the Tesco car park (Corby) at quarter to five."},
       {{true, "manufacturing", "Production Operative", "", "Monday to Friday, 6am-2pm"},
        {true, "warehouse", "Warehouse Operative", "", "days, 6am-2.30pm"},
        {true, "manufacturing", "Production Operative", "", "days, 6am-4pm, 5 or 6 a week"}}},
  };
  std::size_t first_site = 2;
  for (const Point& point : points) {
    std::size_t place = ctx.AddPlace(TruthPlace{point.name, true, "pick-up", "", "", point.town,
                                                point.description, {}, {}});
    for (std::size_t i = 0; i < point.postings.size(); ++i) {
      const HousingPosting& p = point.postings[i];
      const Sector& sector = SectorNamed(p.sector);
      const Role& role = RoleTitled(sector, p.role);
      // Fair pay and ordinary terms: the pick-up is the one sign, so each
      // advert alone is unremarkable, as the truth (no group) says.
      std::vector<std::string> notes = {point.lines[i]};
      const int site = JobSites()[(first_site + i) % JobSites().size()];
      // Ordinary adverts: nothing but the landmark links them.
      ctx.AddToPlace(place, ctx.Add(Vacancy(ctx, rng, p.agency, sector, role, point.town, site,
                                            p.pay, p.hours, notes)));
    }
    ++first_site;
  }
}

void AddPlaceDecoys(BuildContext& ctx) {
  Rng rng = ctx.Stream("place-decoys");
  EmployerOptions plain;
  plain.phone_chance = 1.0;
  plain.website_chance = 0.0;
  plain.address_chance = 0.0;

  // An ordinary employer's own premises in six fair-pay vacancies.
  {
    const Sector& sector = SectorNamed("manufacturing");
    EmployerOptions options = plain;
    options.email_chance = 1.0;
    Employer employer = MakeEmployer(ctx, rng, sector, "Kettering", options);
    const std::string street = "42 Northfield Avenue";
    const std::string postcode = FreshPostcode(ctx, rng, "NN16 9");
    employer.address = street + ", Kettering " + postcode;
    ctx.Claim("address:" + employer.address);
    std::size_t group = ctx.AddGroup(
        "benign-employer-premises-" + Slug(employer.name), false,
        employer.name + ", a manufacturer in Kettering, advertises six ordinary vacancies at its "
                        "own premises, " + employer.address + ", under one phone and e-mail; "
                        "fair pay, no concerns.");
    std::size_t place = ctx.AddPlace(TruthPlace{
        "decoy-employer-premises-northfield-avenue-kettering", false, "premises", street, postcode,
        "Kettering",
        "An ordinary manufacturer's own factory, named in six fairly paid vacancies with no "
        "indicators: an employer's premises, not a place of concern.",
        {}, {}});
    std::vector<Role> roles = sector.roles;
    for (int k = 0; k < 6; ++k) {
      const Role& role = roles[static_cast<std::size_t>(k) % roles.size()];
      const int site = JobSites()[static_cast<std::size_t>(k) % JobSites().size()];
      Advert contacts;
      JobSpec spec = SpecFor(rng, employer, role, StyleOf(site), contacts);
      if ((Join(spec.intro, " ") + spec.apply).find(employer.address) == std::string::npos)
        spec.intro.push_back("You will be based at our factory at " + employer.address + ".");
      ctx.AddToPlace(place, ctx.Add(JobAdvert(spec, site, rng.Between(0, kLastDay), rng,
                                              std::move(contacts)),
                                    group));
    }
  }

  // A business park: seven unrelated employers, five at numbered units, two
  // naming the park alone. One postcode for the park.
  {
    const std::string park = "Nene Meadows Business Park";
    const std::string postcode = FreshPostcode(ctx, rng, "NN8 6");
    const std::string where = park + ", Wellingborough " + postcode;
    ctx.Claim("address:" + where);
    std::size_t group = ctx.AddGroup(
        "benign-business-park-nene-meadows", false,
        "Seven unrelated employers on " + where + ": five at their own numbered units, two naming "
        "the park alone; own phones and e-mails, fair pay, no concerns.");
    std::size_t place = ctx.AddPlace(TruthPlace{
        "decoy-business-park-nene-meadows-wellingborough", false, "premises", "", postcode,
        "Wellingborough",
        "A business park named by seven ordinary vacancies of different employers (units 2, 5, 8, "
        "14 and 21, and twice the park alone): the park as a whole is not a place of concern.",
        {}, {}});
    const std::vector<std::pair<std::string, int>> firms = {
        {"warehouse", 2}, {"manufacturing", 5}, {"office", 8}, {"driving", 0},
        {"trades", 14},   {"cleaning", 21},     {"retail", 0}};
    std::size_t k = 0;
    for (const auto& [sector_key, unit] : firms) {
      const Sector& sector = SectorNamed(sector_key);
      Employer employer = MakeEmployer(ctx, rng, sector, "Wellingborough", plain);
      Advert contacts;
      const int site = JobSites()[k++ % JobSites().size()];
      JobSpec spec = SpecFor(rng, employer, rng.Pick(sector.roles), StyleOf(site), contacts);
      spec.intro.push_back(unit > 0 ? "You will be based at our site at Unit " +
                                          std::to_string(unit) + ", " + where + "."
                                    : "We are on " + where + ", with free parking on site.");
      ctx.AddToPlace(place, ctx.Add(JobAdvert(spec, site, rng.Between(0, kLastDay), rng,
                                              std::move(contacts)),
                                    group));
    }
  }

  // A Jobcentre Plus address in four employers' adverts.
  {
    const std::string street = "Ashton House, 19 Lower Mounts";
    const std::string postcode = FreshPostcode(ctx, rng, "NN1 3");
    const std::string address = "Jobcentre Plus, " + street + ", Northampton " + postcode;
    ctx.Claim("address:" + address);
    std::size_t group = ctx.AddGroup(
        "benign-jobcentre-northampton", false,
        "Four unrelated employers holding recruitment sessions or taking applications in person at "
        "the " + address + "; own phones, fair pay, no concerns.");
    std::size_t place = ctx.AddPlace(TruthPlace{
        "decoy-jobcentre-northampton", false, "premises", street, postcode, "Northampton",
        "A Jobcentre Plus where four ordinary employers take applications in person: a job "
        "centre, not a place of concern.",
        {}, {}});
    const std::vector<std::string> sectors = {"retail", "hospitality", "cleaning", "warehouse"};
    const std::vector<std::string> lines = {
        "Apply in person at the {where} on any Tuesday, 10am-2pm.",
        "We are holding a recruitment day at the {where}; bring your CV.",
        "Interviews take place at the {where}, ask at reception for our team.",
        "Drop in to see us at the {where} on Thursday mornings."};
    for (std::size_t k = 0; k < sectors.size(); ++k) {
      const Sector& sector = SectorNamed(sectors[k]);
      Employer employer = MakeEmployer(ctx, rng, sector, "Northampton", plain);
      Advert contacts;
      const int site = JobSites()[(k + 3) % JobSites().size()];
      JobSpec spec = SpecFor(rng, employer, rng.Pick(sector.roles), StyleOf(site), contacts);
      spec.notes.push_back(Slotted(lines[k], {{"where", address}}, rng));
      ctx.AddToPlace(place, ctx.Add(JobAdvert(spec, site, rng.Between(0, kLastDay), rng,
                                              std::move(contacts)),
                                    group));
    }
  }
}

namespace {

// Adverts of `group` whose text contains `marker`.
std::vector<std::size_t> AdvertsNaming(BuildContext& ctx, const std::string& group,
                                       const std::string& marker) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < ctx.adverts().size(); ++i) {
    const Advert& advert = ctx.adverts()[i];
    if (advert.group == group && AdvertText(advert).find(marker) != std::string::npos)
      found.push_back(i);
  }
  return found;
}

// The postcode written right after `marker` in `text` (`marker` ends just
// before the town), "" if none.
std::string PostcodeAfter(const std::string& text, const std::string& marker) {
  static const std::regex kPostcode("^[A-Za-z ]*? ([A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2})");
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) return "";
  std::smatch match;
  const std::string rest = text.substr(at + marker.size());
  if (!std::regex_search(rest, match, kPostcode)) return "";
  return match[1].str();
}

// Records a place an older generator planted: the adverts of `group` that
// write `marker`, and (when `one_postcode`) the postcode they write after it.
void RecordExisting(BuildContext& ctx, TruthPlace place, const std::string& group,
                    const std::string& marker, bool one_postcode = true) {
  place.adverts = AdvertsNaming(ctx, group, marker);
  if (place.adverts.empty()) throw std::runtime_error("farm2: no advert names " + marker);
  if (one_postcode)
    place.postcode = PostcodeAfter(AdvertText(ctx.adverts()[place.adverts.front()]), marker);
  ctx.AddPlace(std::move(place));
}

}  // namespace

void AddExistingPlaces(BuildContext& ctx) {
  RecordExisting(ctx,
                 {"agency-office-eastgate-bridge-street-northampton", true, "premises",
                  "Unit 4, Tanners Yard, 27 Bridge Street", "", "Northampton",
                  "Eastgate Labour Solutions' office, where workers register and the adverts say "
                  "passports are kept; the agency's adverts also give 5am pick-ups in Northampton "
                  "town centre.",
                  {}, {}},
                 "risky-agency-eastgate", "27 Bridge Street,");
  RecordExisting(ctx,
                 {"agency-office-balton-narborough-road-leicester", true, "premises",
                  "Flat 2, 118 Narborough Road", "", "Leicester",
                  "Balton Workforce's office, a flat where interviews are held, on the road its "
                  "5am minibus leaves from.",
                  {}, {}},
                 "risky-agency-balton", "118 Narborough Road,");
  RecordExisting(ctx,
                 {"decoy-care-home-meadowview-kettering", false, "premises",
                  "Meadowview House, 22 Harborough Road", "", "Kettering",
                  "A care group's own home, named in its ten fairly paid vacancies.", {}, {}},
                 "benign-repeat-employer-meadowview", "22 Harborough Road,");
  RecordExisting(ctx,
                 {"decoy-cafe-market-place-kettering", false, "premises", "3 Market Place", "",
                  "Kettering", "A family cafe's own premises, named in its three adverts.", {}, {}},
                 "benign-cafe-and-catering-kettering", "3 Market Place,");
  RecordExisting(ctx,
                 {"decoy-industrial-estate-orchard-way-corby", false, "premises", "", "", "Corby",
                  "Three unrelated firms at different units of Orchard Way Industrial Estate: "
                  "the estate as a whole is not a place of concern.",
                  {}, {}},
                 "benign-same-industrial-estate", "Orchard Way Industrial Estate,", false);
}

}  // namespace plainsight::farm2
