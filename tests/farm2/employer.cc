#include "tests/farm2/employer.h"

#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

std::string Written(Rng& rng, const std::string& phone, Advert& advert) {
  advert.phones.push_back(phone);
  return FormatPhone(phone, AnyDigitStyle(rng));
}

std::string WrittenEmail(const std::string& email, Advert& advert) {
  advert.emails.push_back(email);
  return email;
}

std::string FirstName(const std::string& person) { return person.substr(0, person.find(' ')); }

std::string Person(Rng& rng) {
  std::string person = rng.Pick(FirstNames());
  return person + " " + rng.Pick(Surnames());
}

void SetContacts(BuildContext& ctx, Rng& rng, const EmployerOptions& options, Employer& e) {
  e.person = Person(rng);
  const bool phone = rng.Chance(options.phone_chance);
  const bool email = !phone || rng.Chance(options.email_chance);
  if (phone) e.phone = ctx.phones().Take(options.range);
  const std::string domain = Slug(e.name) + (rng.Chance(0.5) ? ".example.com" : ".example.org");
  if (email) {
    static const std::vector<std::string> kLocals = {"recruitment", "jobs", "careers", "hr",
                                                     "info", "office", "hello", "vacancies"};
    e.email = rng.Pick(kLocals) + "@" + domain;
    ctx.Claim("email:" + e.email);
  }
  if (rng.Chance(options.website_chance)) e.website = "www." + domain;
  if (rng.Chance(options.address_chance)) {
    for (;;) {
      std::string address = FullAddress(rng, TownNamed(e.town));
      if (ctx.Claim("address:" + address)) {
        e.address = address;
        break;
      }
    }
  }
}

std::map<std::string, std::string> Slots(const Employer& e, const std::string& year,
                                         const std::string& staff) {
  return {{"company", e.name}, {"town", e.town}, {"specialty", e.specialty},
          {"year", year},      {"staff", staff}};
}

std::vector<std::string> FillAll(const std::vector<std::string>& items,
                                 const std::map<std::string, std::string>& slots, Rng& rng) {
  std::vector<std::string> out;
  for (const std::string& item : items) out.push_back(Fill(item, slots, rng));
  return out;
}

}  // namespace

std::string CompanyName(BuildContext& ctx, Rng& rng, const std::vector<std::string>& suffixes) {
  for (;;) {
    std::string name = rng.Pick(CompanyPrefixes());
    name += " " + rng.Pick(suffixes);
    if (ctx.Claim("company:" + name)) return name;
  }
}

Employer MakeEmployer(BuildContext& ctx, Rng& rng, const Sector& sector, const std::string& town,
                      const EmployerOptions& options) {
  Employer e;
  e.name = CompanyName(ctx, rng, sector.suffixes);
  e.town = town;
  e.sector = &sector;
  e.specialty = rng.Pick(sector.specialties);
  const std::string year = std::to_string(rng.Between(1952, 2019));
  const std::string staff = std::to_string(rng.Between(3, 90) * 5);
  const auto slots = Slots(e, year, staff);
  std::vector<std::string> intros = rng.Sample(sector.intros, 2);
  e.about.push_back(Fill(intros[0], slots, rng));
  if (rng.Chance(0.6)) e.about.push_back(Fill(rng.Pick(EmployerClaims()), slots, rng));
  e.perks = FillAll(rng.Sample(sector.offers, 5), slots, rng);
  static const std::vector<std::string> kSignoffs = {
      "We look forward to hearing from you.",
      "Early applications are encouraged as we may close the advert early.",
      "No agencies please.",
      "Please note we are unable to offer sponsorship.",
      "Interviews will be held on site.",
      "Informal visits are welcome.",
      "",
      "",
  };
  e.signoff = rng.Pick(kSignoffs);
  SetContacts(ctx, rng, options, e);
  return e;
}

Employer MakeAgency(BuildContext& ctx, Rng& rng, const std::string& town,
                    const EmployerOptions& options) {
  static const std::vector<std::string> kSuffixes = {
      "Recruitment", "Staffing", "Personnel", "Resourcing", "Employment Services", "Workforce",
      "Talent", "People"};
  Employer e;
  e.name = CompanyName(ctx, rng, kSuffixes);
  e.town = town;
  static const std::vector<std::string> kSpecialties = {
      "industrial and logistics", "office and professional", "care and support",
      "driving", "catering and hospitality", "technical and engineering"};
  e.specialty = rng.Pick(kSpecialties);
  const std::string year = std::to_string(rng.Between(1985, 2020));
  const std::string staff = std::to_string(rng.Between(2, 30) * 10);
  const auto slots = Slots(e, year, staff);
  static const std::vector<std::string> kAbout = {
      "{company} has placed people in {specialty} jobs around {town} since {year}.",
      "{company} is an independent agency in {town} with a focus on {specialty} work.",
      "Every week {company} finds work for around {staff} people across {town} and the "
      "county.",
      "We are a friendly, locally owned agency in {town}, recruiting for {specialty} roles.",
      "{company} is a member of the REC and has recruited for {specialty} employers since "
      "{year}.",
      "Started in {year} above a shop in {town}, {company} now works with over 150 clients."};
  e.about.push_back(Fill(rng.Pick(kAbout), slots, rng));
  static const std::vector<std::string> kPerks = {
      "weekly pay", "holiday pay from day one", "temp to perm for the right people",
      "free parking", "an immediate start", "overtime after 40 hours",
      "a dedicated consultant who keeps in touch", "a £{bonus} refer-a-friend bonus",
      "free safety boots after two weeks", "our app for booking shifts",
      "pension auto-enrolment", "long-term assignments"};
  e.perks = FillAll(rng.Sample(kPerks, 5), slots, rng);
  static const std::vector<std::string> kSignoffs = {
      "{company} is acting as an employment business for this vacancy.",
      "Only shortlisted candidates will be contacted.",
      "We welcome applications from all backgrounds.",
      "Please bring two forms of ID when you come to register.",
      "Not quite right? Call us anyway, we have new jobs every day.",
      "Registration takes about 30 minutes at our {town} office."};
  e.signoff = Fill(rng.Pick(kSignoffs), slots, rng);
  SetContacts(ctx, rng, options, e);
  return e;
}

std::string ApplyText(Rng& rng, const Employer& e, JobStyle style, Advert& advert) {
  std::vector<std::string> parts;
  const std::string first = FirstName(e.person);
  const bool phone = !e.phone.empty(), email = !e.email.empty();
  switch (style) {
    case JobStyle::kAts:
      if (phone && email) {
        std::string lead = rng.Chance(0.5) ? "For an informal chat call " : "Questions? Ring ";
        parts.push_back(lead + first + " on " + Written(rng, e.phone, advert) +
                        " or e-mail your CV to " + WrittenEmail(e.email, advert) + ".");
      } else if (email) {
        parts.push_back("Questions about the role? E-mail " + e.person + " at " +
                        WrittenEmail(e.email, advert) + ".");
      } else {
        parts.push_back("If you would like to talk to someone first, call " +
                        Written(rng, e.phone, advert) + " and ask for " + first + ".");
      }
      break;
    case JobStyle::kAgency:
      if (phone)
        parts.push_back("Call " + first + " on " + Written(rng, e.phone, advert) +
                        (email ? " or email " + WrittenEmail(e.email, advert) : std::string()) +
                        ".");
      else
        parts.push_back("Email your CV to " + WrittenEmail(e.email, advert) + ".");
      if (!e.address.empty()) parts.push_back("Or register in person at " + e.address + ".");
      break;
    case JobStyle::kPlain:
    case JobStyle::kClassified:
      if (phone && email && rng.Chance(0.5)) {
        parts.push_back("Send your CV to " + WrittenEmail(e.email, advert) + " or ring " +
                        Written(rng, e.phone, advert) + ".");
      } else if (phone) {
        std::string verb = rng.Chance(0.5) ? "Call " : "Please phone ";
        parts.push_back(verb + first + " on " + Written(rng, e.phone, advert) + ".");
      } else {
        parts.push_back("Apply by e-mail to " + WrittenEmail(e.email, advert) + ".");
      }
      if (!e.address.empty() && rng.Chance(0.5))
        parts.push_back("You are welcome to drop your CV in at " + e.address + ".");
      break;
  }
  if (!e.website.empty()) {
    static const std::vector<std::string> kWeb = {
        "To find out more about us, visit our homepage at {w}.",
        "More about the company at {w}.", "See {w} for more about working with us."};
    std::string line = rng.Pick(kWeb);
    line.replace(line.find("{w}"), 3, e.website);
    parts.push_back(line);
  }
  return Join(parts, " ");
}

namespace {

JobSpec BaseSpec(Rng& rng, const Employer& e, const Role& role, JobStyle style,
                 Advert& advert) {
  JobSpec spec;
  spec.title = role.title;
  if (rng.Chance(0.3)) spec.title += " - " + e.town;
  spec.company = e.name;
  spec.town = e.town;
  spec.pay = PayFor(rng, role);
  static const std::vector<std::string> kContracts = {"Permanent", "Permanent", "Permanent",
                                                      "Temporary", "Fixed term (6 months)",
                                                      "Part time"};
  spec.contract = rng.Pick(kContracts);
  spec.hours = rng.Pick(role.hours);
  const std::map<std::string, std::string> slots = {
      {"company", e.name}, {"town", e.town}, {"specialty", e.specialty}, {"staff", "12"}};
  std::vector<std::string> duties = rng.Sample(role.duties, static_cast<std::size_t>(rng.Between(2, 4)));
  for (const std::string& d : rng.Sample(GenericDuties(), static_cast<std::size_t>(rng.Between(1, 2))))
    duties.push_back(d);
  rng.Shuffle(duties);
  spec.duties = FillAll(duties, slots, rng);
  std::vector<std::string> needs =
      rng.Sample(role.requirements, static_cast<std::size_t>(rng.Between(1, 2)));
  for (const std::string& r : rng.Sample(GenericRequirements(), static_cast<std::size_t>(rng.Between(1, 2))))
    needs.push_back(r);
  rng.Shuffle(needs);
  spec.requirements = FillAll(needs, slots, rng);
  spec.offers = rng.Sample(e.perks, static_cast<std::size_t>(rng.Between(3, 4)));
  spec.apply = ApplyText(rng, e, style, advert);
  spec.equal_opportunities = rng.Chance(0.85);
  if (!e.signoff.empty() && rng.Chance(0.7)) spec.notes.push_back(e.signoff);
  return spec;
}

std::string Hiring(Rng& rng, const Role& role) {
  return Fill(rng.Pick(HiringSentences()),
              {{"role", MidSentence(role.title)}, {"a_role", WithArticle(role.title)}}, rng);
}

}  // namespace

JobSpec SpecFor(Rng& rng, const Employer& e, const Role& role, JobStyle style, Advert& advert) {
  JobSpec spec = BaseSpec(rng, e, role, style, advert);
  spec.intro = e.about;
  spec.intro.push_back(Hiring(rng, role));
  if (!e.address.empty() && rng.Chance(0.6))
    spec.intro.push_back("You will be based at " + e.address + ".");
  return spec;
}

JobSpec AgencySpecFor(Rng& rng, const Employer& agency, const Sector& client, const Role& role,
                      JobStyle style, Advert& advert) {
  Employer as_client = agency;
  as_client.specialty = rng.Pick(client.specialties);
  JobSpec spec = BaseSpec(rng, as_client, role, style, advert);
  static const std::vector<std::string> kClient = {
      "Our client makes {specialty} near {town} and needs {a_role}.",
      "We are recruiting {a_role} for a well-established {specialty} business in {town}.",
      "A long-standing client of ours in {town}, specialising in {specialty}, is looking for "
      "{a_role}.",
      "Our client, a growing {specialty} company based in {town}, needs a reliable {role}.",
      "We have a new {role} vacancy with a respected local employer in {specialty}."};
  std::string line = Fill(rng.Pick(kClient),
                          {{"specialty", as_client.specialty},
                           {"town", agency.town},
                           {"role", MidSentence(role.title)},
                           {"a_role", WithArticle(role.title)}},
                          rng);
  spec.intro = {line};
  if (rng.Chance(0.6)) spec.intro.push_back(agency.about.front());
  static const std::vector<std::string> kContracts = {"Temporary", "Temp to perm", "Permanent"};
  spec.contract = rng.Pick(kContracts);
  return spec;
}

Advert JobAdvert(const JobSpec& spec, int site, int day, Rng& rng, Advert contacts) {
  Advert advert = std::move(contacts);
  advert.site = site;
  advert.posted = DateOf(day);
  WriteJob(spec, StyleOf(site), rng, advert);
  return advert;
}

}  // namespace plainsight::farm2
