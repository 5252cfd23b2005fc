#include "tests/farm2/risky_labour.h"

#include "tests/farm2/job_writer.h"
#include "tests/farm2/places.h"
#include "tests/farm2/profiles.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

// One vacancy of a planted agency: the spec, where it goes, and which of
// the agency's contacts it gives.
struct Posting {
  int site;
  int day;
  JobSpec spec;
  bool gives_phone = true;
};

void Post(BuildContext& ctx, Rng& rng, std::size_t group, const Posting& posting,
          const std::vector<std::string>& phones, const std::vector<std::string>& emails) {
  Advert advert;
  advert.site = posting.site;
  advert.posted = DateOf(posting.day);
  advert.phones = phones;
  advert.emails = emails;
  WriteJob(posting.spec, StyleOf(posting.site), rng, advert);
  ctx.Add(std::move(advert), group);
}

}  // namespace

void AddExploitativeAgencies(BuildContext& ctx) {
  Rng rng = ctx.Stream("exploitative-agencies");

  // Agency X: one mobile, one office in Northampton, an e-mail now and then.
  {
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    const std::string email = "eastgate.labour@example.com";
    const std::string address =
        "Unit 4, Tanners Yard, 27 Bridge Street, Northampton " + PostcodeInSector(rng, "NN1 1");
    const std::string company = "Eastgate Labour Solutions";
    std::size_t group = ctx.AddGroup(
        "risky-agency-eastgate", true,
        "A labour agency with 9 vacancies on three boards sharing one mobile, one office address "
        "and sometimes one e-mail: accommodation deducted from wages, 5am minibus pick-ups, pay "
        "under the minimum wage, no English needed, permit fees, passports kept.");
    auto p = [&](PhoneStyle style) { return FormatPhone(phone, style); };

    std::vector<Posting> postings;
    {
      JobSpec s;
      s.title = "Factory and warehouse workers needed URGENT";
      s.town = "Northampton";
      s.pay = "£300 a week for 6 days";
      s.informal =
          "Factory and warehouse workers needed urgently in Northampton, start tomorrow. No "
          "experience, no English needed. £300 a week for 6 days. Accommodation available, rent "
          "taken from your wages. Free minibus from the town centre at 5am. Call " +
          p(PhoneStyle::kSpaced) + " or come to our office at " + address + ".";
      postings.push_back({kSwapshop, 9, s, true});
    }
    {
      JobSpec s;
      s.title = "Chicken processing operatives";
      s.company = company;
      s.town = "Northampton";
      s.pay = "£8 per hour";
      s.hours = "12 hour shifts, 6 days a week";
      s.contract = "Temporary";
      s.intro = {company + " supplies workers to food factories around Northampton.",
                 "We need 20 people for a chicken factory, start this week."};
      s.duties = {"cutting and packing chicken", "cleaning the line", "loading crates"};
      s.requirements = {"no English needed", "no experience"};
      s.notes = {"Transport every day, pick-up 4.45am from Abington Street.",
                 "Shared house available, £85 per week deducted from wages."};
      s.apply = "Call Viktor on " + p(PhoneStyle::kDashed) + ". Bring your passport to the office at " +
                address + ", we keep it safe for you during the contract.";
      postings.push_back({kAgencyBoard, 13, s, true});
    }
    {
      JobSpec s;
      s.title = "Warehouse Packers - immediate start";
      s.company = company;
      s.town = "Northampton";
      s.pay = "£320 per week (60 hours)";
      s.contract = "Temporary";
      s.hours = "Monday to Saturday, 6am-4pm";
      s.intro = {"We are looking for packers for a busy warehouse on the edge of Northampton.",
                 "No experience is needed and we welcome workers from all countries."};
      s.duties = {"packing boxes for supermarket orders", "labelling and stacking pallets",
                  "keeping up with the line"};
      s.offers = {"accommodation provided (deducted from wages)",
                  "transport to site from Northampton town centre, minibus leaves 5am",
                  "help to open a bank account"};
      s.apply = "Call " + p(PhoneStyle::kInternational) +
                ". A work permit fee of £250 is payable before you start, we arrange everything.";
      s.equal_opportunities = true;
      postings.push_back({kHireline, 15, s, true});
    }
    {
      JobSpec s;
      s.title = "Car wash staff wanted";
      s.town = "Wellingborough";
      s.pay = "£50 a day";
      s.informal = "Hand car wash in Wellingborough needs staff, no experience, no English ok. "
                   "£50 a day cash, 10 hours, 7 days. Room available above the car wash. Call " +
                   p(PhoneStyle::kCompact) + " (Eastgate).";
      postings.push_back({kSwapshop, 18, s, true});
    }
    {
      JobSpec s;
      s.title = "Field and packhouse workers";
      s.company = company;
      s.town = "Kettering";
      s.pay = "£8.50 per hour";
      s.hours = "6 days a week, up to 70 hours";
      s.contract = "Seasonal";
      s.intro = {"Vegetable picking and packing on farms between Kettering and Corby."};
      s.duties = {"picking and grading vegetables", "packing for supermarkets"};
      s.requirements = {"no experience", "no English needed", "no documents needed, we sort it"};
      s.notes = {"Caravan accommodation, £70 a week taken from your pay.",
                 "Transport to the fields at 5am.",
                 "We arrange your bank account and National Insurance number. Your documents are "
                 "held by the office for the length of the contract."};
      s.apply = "Call " + p(PhoneStyle::kGrouped) + " or email " + email + ".";
      postings.push_back({kAgencyBoard, 22, s, true});
    }
    {
      JobSpec s;
      s.title = "Hotel room cleaners";
      s.company = company;
      s.town = "Kettering";
      s.pay = "£2.50 per room";
      s.intro = {"Room attendants wanted for two hotels in Kettering, about 14 rooms a day, paid "
                 "per room."};
      s.notes = {"Shared accommodation provided. Transport from the town centre at 6am.",
                 "Uniform and work permit fee taken from your first wages."};
      s.apply = "Come to our office at " + address + " or email " + SpellEmail(email) + ".";
      postings.push_back({kLocalwork, 26, s, false});
    }
    {
      JobSpec s;
      s.title = "Labourers wanted - building sites";
      s.town = "Northampton";
      s.pay = "£70 a day";
      s.informal = "Labourers wanted for building sites, no CSCS needed, we sort everything. £70 "
                   "a day, 6 days. Van pick up 5.30am from Northampton bus station. Room in shared "
                   "house £90 a week taken from wages. Call or WhatsApp " +
                   p(PhoneStyle::kIntlZero) + ".";
      postings.push_back({kSwapshop, 31, s, true});
    }
    {
      JobSpec s;
      s.title = "Packing operatives - nights";
      s.company = company;
      s.town = "Corby";
      s.pay = "£9 per hour";
      s.hours = "nights, 6 x 12 hours";
      s.contract = "Temporary";
      s.intro = {"Night packing work in Corby for a large food company."};
      s.requirements = {"no English needed", "your own safety boots"};
      s.notes = {"We provide a bed in a shared house near the site (£80 a week from wages) and a "
                 "minibus to work.", "Registration fee £150."};
      s.apply = "Office: " + address + ". Phone " + p(PhoneStyle::kSpaced) + ".";
      postings.push_back({kAgencyBoard, 38, s, true});
    }
    {
      JobSpec s;
      s.title = "Food Production Operatives";
      s.company = company;
      s.town = "Northampton";
      s.pay = "£340 per week";
      s.contract = "Temporary";
      s.hours = "6 days, 5am start";
      s.intro = {"Our client is a large ready-meals factory in Northampton.",
                 "Work is available straight away for men and women, no experience."};
      s.duties = {"preparing ingredients", "packing meals on the line", "cleaning down"};
      s.offers = {"a room in shared accommodation, paid from your wages",
                  "free transport, pick-up from the town centre at 4.30am"};
      s.apply = "Ring " + p(PhoneStyle::kDashed) + " or e-mail " + email +
                ". Please bring your passport and we will keep it in the office.";
      postings.push_back({kHireline, 44, s, true});
    }
    for (const Posting& posting : postings) {
      std::vector<std::string> emails;
      const bool has_email =
          (posting.spec.apply + posting.spec.informal).find("eastgate.labour") != std::string::npos;
      if (has_email) emails.push_back(email);
      std::vector<std::string> phones;
      if (posting.gives_phone) phones.push_back(phone);
      Post(ctx, rng, group, posting, phones, emails);
    }
  }

  // Agency Y: one e-mail everywhere, one office in Leicester, a phone in some.
  {
    const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
    const std::string email = "balton.work@example.org";
    const std::string address = "Flat 2, 118 Narborough Road, Leicester " + PostcodeInSector(rng, "LE3 0");
    const std::string company = "Balton Workforce";
    std::size_t group = ctx.AddGroup(
        "risky-agency-balton", true,
        "A labour agency with 7 vacancies in Leicester, Coventry, Nottingham and Derby sharing one "
        "e-mail and one office address (a flat), a phone in some: 60-hour weeks for £250, rooms "
        "above the shop, wages 'managed', fees for permits.");
    const std::string e = email;
    std::vector<std::pair<Posting, bool>> postings;  // posting, gives the phone
    {
      JobSpec s;
      s.title = "Sewing machinists";
      s.company = company;
      s.town = "Leicester";
      s.pay = "£250 a week";
      s.hours = "6 days, 60 hours";
      s.intro = {"Garment factory in Leicester needs machinists, start Monday."};
      s.requirements = {"no English needed", "experience on industrial machines"};
      s.notes = {"Cash every Friday. Accommodation can be arranged, rent taken from wages."};
      s.apply = "Email " + e + " or visit " + address + ".";
      postings.push_back({{kAgencyBoard, 16, s, false}, false});
    }
    {
      JobSpec s;
      s.title = "Warehouse workers Coventry - transport provided";
      s.town = "Coventry";
      s.pay = "£8 an hour";
      s.informal = "Warehouse workers for Coventry, £8 an hour, 6 days. Transport provided from "
                   "Leicester, minibus at 5am from Narborough Road. Room available in shared "
                   "house, paid from wages. No English needed. Email " + e + " or call " +
                   FormatPhone(phone, PhoneStyle::kSpaced) + ".";
      postings.push_back({{kSwapshop, 21, s, true}, true});
    }
    {
      JobSpec s;
      s.title = "Car wash workers Nottingham";
      s.company = company;
      s.town = "Nottingham";
      s.pay = "£45 a day";
      s.hours = "8am-7pm, 7 days";
      s.intro = {"Busy hand car wash in Nottingham, immediate start."};
      s.requirements = {"no experience", "no papers needed"};
      s.notes = {"Sleeping room on site. We keep your ID safe."};
      s.apply = "Write to " + e + " with your name and nationality.";
      postings.push_back({{kAgencyBoard, 27, s, false}, false});
    }
    {
      JobSpec s;
      s.title = "Food packing - Leicester";
      s.company = company;
      s.town = "Leicester";
      s.pay = "£7.50 per hour";
      s.intro = {"Packing fruit and salad for supermarkets in Leicester.",
                 "Wages are paid into an account we open for you."};
      s.notes = {"Work permit arranged for a fee of £300, paid back from wages.",
                 "Pick-up at 5am from the office."};
      s.apply = "Office: " + address + ". E-mail " + e + ", phone " +
                FormatPhone(phone, PhoneStyle::kInternational) + ".";
      postings.push_back({{kLocalwork, 34, s, true}, true});
    }
    {
      JobSpec s;
      s.title = "Hotel housekeeping staff";
      s.company = company;
      s.town = "Coventry";
      s.pay = "£260 per week";
      s.hours = "Monday to Sunday, one day off a fortnight";
      s.contract = "Temporary";
      s.intro = {"Housekeeping work in Coventry hotels.",
                 "You live in staff accommodation, deducted from pay."};
      s.duties = {"cleaning rooms", "changing beds", "laundry"};
      s.offers = {"transport to the hotels, early pick-up 5.30am"};
      s.apply = "Send your details to " + SpellEmail(e) + ".";
      postings.push_back({{kHireline, 40, s, false}, false});
    }
    {
      JobSpec s;
      s.title = "Nail bar staff - training given";
      s.town = "Nottingham";
      s.pay = "£200 a week";
      s.informal = "Nail bar in Nottingham needs girls, training given, no experience needed. "
                   "Accommodation above the shop. £200 a week. Contact " + e + " or " +
                   FormatPhone(phone, PhoneStyle::kDashed) + ", Balton.";
      postings.push_back({{kSwapshop, 47, s, true}, true});
    }
    {
      JobSpec s;
      s.title = "Construction labourers - Derby";
      s.company = company;
      s.town = "Derby";
      s.pay = "£60 a day";
      s.hours = "6 days";
      s.intro = {"Labouring on housing sites in Derby for a subcontractor."};
      s.requirements = {"no CSCS card needed", "no English needed"};
      s.notes = {"House share provided, cost taken from wages. Van from Leicester at 5am.",
                 "CSCS and permit fees paid by you, we deduct from the first month."};
      s.apply = "Email " + e + ". Interviews at " + address + ".";
      postings.push_back({{kAgencyBoard, 52, s, false}, false});
    }
    for (const auto& [posting, with_phone] : postings) {
      std::vector<std::string> phones;
      if (with_phone) phones.push_back(phone);
      Post(ctx, rng, group, posting, phones, {email});
    }
  }
}

void AddRecruitmentLink(BuildContext& ctx) {
  Rng rng = ctx.Stream("recruitment-link");
  const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
  std::size_t group = ctx.AddGroup(
      "risky-recruitment-link", true,
      "A 'massage therapists and promotional models wanted' job advert whose phone is also behind "
      "four adult profiles in Luton and Bedford.");
  {
    JobSpec s;
    s.title = "Massage therapists and promotional models wanted";
    s.town = "Luton";
    s.pay = "up to £1,000 a week";
    s.informal =
        "Young ladies 18-25 wanted for massage and modelling work in Luton and Bedford. No "
        "experience needed, full training given. Accommodation provided and travel paid. Earn up "
        "to £1,000 a week, paid daily. Text Mark on " + FormatPhone(phone, PhoneStyle::kSpaced) +
        " with a recent photo.";
    Advert advert;
    advert.site = kSwapshop;
    advert.posted = DateOf(24);
    advert.phones = {phone};
    WriteJob(s, JobStyle::kClassified, rng, advert);
    ctx.Add(std::move(advert), group);
  }
  const std::vector<std::string> towns = {"Luton", "Bedford", "Luton", "Bedford"};
  std::vector<std::string> names = rng.Sample(PersonaNames(), towns.size());
  for (std::size_t i = 0; i < towns.size(); ++i) {
    const std::string& name = names[i];
    const int age = rng.Between(19, 22);
    const std::string shown = FormatPhone(phone, i == 2 ? PhoneStyle::kInternational : AnyDigitStyle(rng));
    std::vector<std::string> bio = {
        "Our new girl " + name + " is " + std::to_string(age) + " and has just started with us in " +
            towns[i] + ". She offers relaxing massage and elegant company.",
        i % 2 == 0 ? "Book with our receptionist, 10am till late."
                   : "Please call to book, bookings taken by our manager."};
    Advert advert = Profile(i % 2 == 0 ? kMoonlit : kAmber, 30 + static_cast<int>(i) * 5,
                            ProfileTitle(rng, name, age, towns[i]), name, age, towns[i],
                            "£80 per hour", shown, bio);
    advert.phones = {phone};
    ctx.Add(std::move(advert), group);
  }
}

}  // namespace plainsight::farm2
