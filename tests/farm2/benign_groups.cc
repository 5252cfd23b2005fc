#include "tests/farm2/benign_groups.h"

#include "tests/farm2/employer.h"
#include "tests/farm2/ordinary_vacancies.h"
#include "tests/farm2/private_ads.h"
#include "tests/farm2/profiles.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {

void AddNationalAgency(BuildContext& ctx) {
  Rng rng = ctx.Stream("national-agency");
  const std::string name = "Brightwater Recruitment";
  const std::string domain = "brightwater-recruitment.example.com";
  std::size_t group = ctx.AddGroup(
      "benign-national-agency-brightwater", false,
      "A national recruitment agency: 20 fairly paid vacancies from five branches, each branch "
      "with its own phone, e-mail and address, all e-mails at one domain and one website. No "
      "exploitation wording.");
  const std::vector<std::string> branches = {"Northampton", "Kettering", "Leicester",
                                             "Milton Keynes", "Peterborough"};
  int posted = 0;
  for (const std::string& town : branches) {
    Employer branch;
    branch.name = name;
    branch.town = town;
    branch.phone = ctx.phones().Take(town == "Milton Keynes" ? PhoneRange::kLondon
                                                            : PhoneRange::kGeographic);
    branch.email = Slug(town) + "@" + domain;
    branch.person = rng.Pick(FirstNames());
    branch.person += " " + rng.Pick(Surnames());
    branch.website = "www." + domain;
    branch.address = FullAddress(rng, TownNamed(town));
    branch.specialty = "industrial, office and care";
    branch.about = {name + " is one of the UK's largest independent recruitment agencies, with "
                           "over 40 branches. Our " + town + " branch has been open since 2009."};
    branch.perks = {"weekly pay", "holiday pay", "free online training courses",
                    "a pension scheme", "temp to perm opportunities"};
    branch.signoff = name + " is acting as an employment business for this vacancy.";
    for (int k = 0; k < 4; ++k, ++posted) {
      const int site = posted % 5 == 1 ? kHireline : posted % 5 == 3 ? kLocalwork : kAgencyBoard;
      const int day = rng.Between(0, 58);
      ctx.Add(AgencyVacancy(rng, branch, site, day), group);
    }
  }
}

void AddSmallBusinesses(BuildContext& ctx) {
  Rng rng = ctx.Stream("small-businesses");
  // A household: one landline-less family phone for three small jobs.
  {
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    std::size_t group = ctx.AddGroup(
        "benign-household-wellingborough", false,
        "A family in Wellingborough looking for a cleaner, a gardener and a dog walker, all with "
        "the family's one mobile.");
    const std::vector<std::pair<std::string, int>> jobs = {
        {"cleaner", kSwapshop}, {"gardener", kSwapshop}, {"dogs", kLocalwork}};
    int day = 11;
    for (const auto& [key, site] : jobs) {
      Advert contacts;
      const std::string first = rng.Chance(0.5) ? "Helen" : "Rob";
      std::string contact = PrivateContact(rng, first, phone, "", contacts, false);
      ctx.Add(WritePrivateAd(rng, PrivateJobNamed(key), "Wellingborough", site, day, contact,
                             std::move(contacts)),
              group);
      day += 9;
    }
  }
  // A cafe and its catering arm: one phone, one address.
  {
    const std::string phone = ctx.phones().Take(PhoneRange::kGeographic);
    const std::string address = "3 Market Place, Kettering " + Postcode(rng, TownNamed("Kettering"));
    std::size_t group = ctx.AddGroup(
        "benign-cafe-and-catering-kettering", false,
        "The Copper Kettle cafe and Copper Kettle Catering, one family business with one phone "
        "and one address, hiring for three ordinary jobs.");
    struct Job {
      std::string title, intro, pay, hours;
      int site, day;
    };
    const std::vector<Job> jobs = {
        {"Cafe assistant - The Copper Kettle",
         "The Copper Kettle is a family-run cafe on Market Place in Kettering. We need a cheerful "
         "assistant for the counter and tables.",
         "£12.90 per hour plus tips", "weekdays, 9am-3pm", kSwapshop, 8},
        {"Catering assistant - Copper Kettle Catering",
         "Copper Kettle Catering, the outside catering side of The Copper Kettle cafe, needs an "
         "assistant for weddings and office lunches.",
         "£13.25 an hour", "flexible, mostly Fridays and Saturdays", kLocalwork, 23},
        {"Weekend kitchen porter",
         "Busy cafe in Kettering town centre needs a kitchen porter for Saturdays and Sundays.",
         "£12.80 per hour", "Saturday and Sunday, 8am-4pm", kLocalwork, 41},
    };
    for (const Job& job : jobs) {
      JobSpec spec;
      spec.title = job.title;
      spec.company = "The Copper Kettle";
      spec.town = "Kettering";
      spec.pay = job.pay;
      spec.hours = job.hours;
      spec.intro = {job.intro};
      Advert contacts;
      contacts.phones = {phone};
      spec.apply = "Pop in and ask for Sue at " + address + ", or call " +
                   FormatPhone(phone, AnyDigitStyle(rng)) + ".";
      spec.informal = job.intro + " " + job.pay + ", " + job.hours + ". " + spec.apply;
      ctx.Add(JobAdvert(spec, job.site, job.day, rng, std::move(contacts)), group);
    }
  }
  // A farm shop and its pick-your-own.
  {
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    const std::string email = "shop@hollowfield-farm.example.org";
    std::size_t group = ctx.AddGroup(
        "benign-farm-shop-market-harborough", false,
        "Hollowfield Farm near Market Harborough: a farm shop assistant and seasonal "
        "pick-your-own staff, one mobile and one e-mail.");
    const std::vector<std::pair<std::string, std::string>> jobs = {
        {"Farm shop assistant",
         "Hollowfield Farm Shop near Market Harborough needs a part-time assistant for the till, "
         "the deli counter and our cafe. £13.10 an hour, Thursday to Sunday."},
        {"Pick-your-own staff (summer)",
         "Hollowfield Farm needs friendly people to run our pick-your-own fields next summer: "
         "welcoming visitors, weighing fruit and taking payments. £12.80 an hour, weekends and "
         "school holidays, you must be 16 or over."}};
    int day = 14;
    for (const auto& [title, text] : jobs) {
      Advert contacts;
      std::string contact = PrivateContact(rng, "Jenny", phone, email, contacts, false);
      JobSpec spec;
      spec.title = title;
      spec.town = "Market Harborough";
      spec.informal = text + " " + contact;
      spec.intro = {text};
      spec.apply = contact;
      const int site = day == 14 ? kSwapshop : kLocalwork;
      ctx.Add(JobAdvert(spec, site, day, rng, std::move(contacts)), group);
      day += 21;
    }
  }
}

void AddRepeatEmployer(BuildContext& ctx) {
  Rng rng = ctx.Stream("repeat-employer");
  const std::string company = "Meadowview Care Group";
  const std::string phone = ctx.phones().Take(PhoneRange::kGeographic);
  const std::string email = "staff@meadowview-care.example.org";
  const std::string address =
      "Meadowview House, 22 Harborough Road, Kettering " + Postcode(rng, TownNamed("Kettering"));
  std::size_t group = ctx.AddGroup(
      "benign-repeat-employer-meadowview", false,
      "A care group advertising 10 near-identical vacancies in its own reused wording, with one "
      "phone, one e-mail and one address; fair pay, ordinary terms.");
  struct Opening {
    std::string title, pay, hours;
  };
  const std::vector<Opening> openings = {
      {"Care Assistant (Days)", "£12.95 per hour", "12-hour days, three or four a week"},
      {"Care Assistant (Nights)", "£13.40 per hour", "12-hour nights, three a week"},
      {"Senior Carer", "£14.10 per hour", "days, 8am-8pm, four days a week"},
      {"Kitchen Assistant", "£12.85 per hour", "part time, 7am-1pm, five days out of seven"},
      {"Housekeeper", "£12.85 per hour", "Monday to Friday, 8am-2pm"},
      {"Activities Coordinator", "£13.20 per hour", "30 hours a week, Monday to Friday"},
      {"Laundry Assistant", "£12.85 per hour", "part time, mornings"},
      {"Bank Care Assistant", "£13.10 per hour", "as and when, days and nights"},
      {"Maintenance Person", "£14.60 per hour", "Monday to Friday, 8am-4pm"},
      {"Care Team Leader", "£14.40 per hour", "days and nights on a rota"},
  };
  const std::string intro =
      "Meadowview Care Group is a family-run group of three care homes in Kettering and the "
      "surrounding villages. Our residents are at the heart of everything we do, and so are the "
      "people who look after them.";
  for (std::size_t i = 0; i < openings.size(); ++i) {
    const Opening& o = openings[i];
    JobSpec spec;
    spec.title = o.title;
    spec.company = company;
    spec.town = "Kettering";
    spec.pay = o.pay;
    spec.hours = o.hours;
    spec.contract = i == 7 ? "Bank" : "Permanent";
    spec.intro = {intro, "We are looking for " + WithArticle(o.title) + " to join our team at " +
                             address + "."};
    spec.duties = {"supporting our residents with kindness and respect",
                   "working as part of a close team", "following our care plans and policies"};
    spec.requirements = {"a caring nature", "good communication skills",
                         "a willingness to learn (full training given)"};
    spec.offers = {"paid DBS check", "free meals on shift", "paid training and qualifications",
                   "uniform provided", "enhanced pay on bank holidays"};
    if (i == 2 || i == 9)
      spec.notes = {"We hold a sponsor licence and can consider applicants who need a Skilled "
                    "Worker visa."};
    Advert contacts;
    contacts.phones = {phone};
    contacts.emails = {email};
    spec.apply = "Call our recruitment line on " + FormatPhone(phone, AnyDigitStyle(rng)) +
                 " or e-mail " + email + ".";
    const int site = i % 2 == 0 ? kHireline : kLocalwork;
    ctx.Add(JobAdvert(spec, site, 5 + static_cast<int>(i) * 5, rng, std::move(contacts)), group);
  }
}

void AddAddressLookalikes(BuildContext& ctx) {
  Rng rng = ctx.Stream("address-lookalikes");
  // One vacancy of a new employer that gives `address` in its text.
  auto post = [&](std::size_t group, const std::string& sector_key, const std::string& town,
                  const std::string& address, int site) {
    const Sector& sector = SectorNamed(sector_key);
    EmployerOptions options;
    options.phone_chance = 1.0;
    options.address_chance = 0.0;
    options.website_chance = 0.0;
    Employer employer = MakeEmployer(ctx, rng, sector, town, options);
    Advert contacts;
    const Role& role = rng.Pick(sector.roles);
    JobSpec spec = SpecFor(rng, employer, role, StyleOf(site), contacts);
    spec.intro.push_back("You will be based at our premises at " + address + ".");
    const int day = rng.Between(0, 58);
    ctx.Add(JobAdvert(spec, site, day, rng, std::move(contacts)), group);
  };
  {
    std::size_t group = ctx.AddGroup(
        "benign-same-unit-two-towns", false,
        "Two unrelated employers at 'Unit 13, Riverside Business Park', one in Derby and one in "
        "Luton: the same unit and park name, different towns and postcodes.");
    post(group, "manufacturing", "Derby",
         "Unit 13, Riverside Business Park, Derby " + PostcodeInSector(rng, "DE21 4"), kHireline);
    post(group, "warehouse", "Luton",
         "Unit 13, Riverside Business Park, Luton " + PostcodeInSector(rng, "LU2 0"), kLocalwork);
  }
  {
    std::size_t group = ctx.AddGroup(
        "benign-same-industrial-estate", false,
        "Three unrelated employers on Orchard Way Industrial Estate in Corby: different units, "
        "postcodes in the same sector.");
    const std::vector<std::pair<std::string, int>> firms = {
        {"manufacturing", 2}, {"warehouse", 9}, {"cleaning", 14}};
    int k = 0;
    for (const auto& [sector, unit] : firms) {
      post(group, sector, "Corby",
           "Unit " + std::to_string(unit) + ", Orchard Way Industrial Estate, Corby " +
               PostcodeInSector(rng, "NN17 5"),
           k++ == 1 ? kAgencyBoard : kHireline);
    }
  }
  {
    std::size_t group = ctx.AddGroup(
        "benign-bare-street-address", false,
        "Two unrelated employers in Rushden and Daventry whose adverts both give just '12 High "
        "Street', with no town or postcode in the address.");
    post(group, "office", "Rushden", "12 High Street", kLocalwork);
    post(group, "retail", "Daventry", "12 High Street", kSwapshop);
  }
}

void AddCrossposters(BuildContext& ctx) {
  Rng rng = ctx.Stream("crossposters");
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Charlotte", "Northampton"}, {"Hayley", "Leicester"}, {"Joanna", "Milton Keynes"},
      {"Rebecca", "Derby"}};
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& [name, town] = people[i];
    const int age = rng.Between(26, 38);
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    std::size_t group = ctx.AddGroup(
        "benign-independent-" + Lower(name), false,
        "An independent advertiser on both directories with the same phone, name, age and town "
        "on each: one person, nothing else.");
    std::vector<std::string> bio = IndependentBio(rng, name, age, town);
    const std::string rate = AnyRate(rng);
    for (int site : {kMoonlit, kAmber}) {
      if (i % 2 == 1 && site == kAmber) bio = IndependentBio(rng, name, age, town);
      const std::string shown = FormatPhone(phone, AnyDigitStyle(rng));
      const int day = rng.Between(0, 58);
      const std::string title = ProfileTitle(rng, name, age, town);
      Advert advert = Profile(site, day, title, name, age, town, rate, shown, bio);
      advert.phones = {phone};
      ctx.Add(std::move(advert), group);
    }
  }
}

}  // namespace plainsight::farm2
