#include "tests/farm/planted_groups.h"

#include <string>

namespace plainsight::farm {

namespace {

constexpr char kCircuitPhone[] = "07700900123";
constexpr char kAgencyEmail[] = "recruit@example.com";
constexpr char kAgencyPostcode[] = "NN1 9ZQ";
constexpr char kAgencyAddressLine[] = "14 Wharf Lane, Northampton NN1 9ZQ";
constexpr char kLegitEmployer[] = "Larkspur Mill Bakery Ltd";
constexpr char kLegitEmail[] = "careers.larkspur@example.com";

// One phone written six ways over two sites and five towns, with several
// names and ages and third-party or turnover wording: a "circuit".
void PlantCircuit(PlantedAdverts* out) {
  static const struct {
    const char* site;
    const char* town;
    const char* name;
    int age;
    const char* title;
    const char* opening;
    const char* price;
    PhoneStyle style;
    bool disallowed;
  } kAdverts[] = {
      {kVelvetRooms, "Northampton", "Jasmine", 22, "Jasmine, Age 22 - relaxing massage in Northampton",
       "New girls every week. Ask for Jasmine, a friendly new face offering relaxing massage.",
       "£60 per hour", PhoneStyle::kSpaced, false},
      {kSilkCompanions, "Kettering", "Lena", 25, "Lena: elegant company in Kettering",
       "She is available now for elegant company and relaxing evenings, 24/7.",
       "£60 per hour", PhoneStyle::kIntl, false},
      {kVelvetRooms, "Corby", "Natalia", 23, "Natalia, 23, companionship in Corby",
       "Our ladies are discreet and welcoming. Natalia offers companionship and relaxing massage.",
       "£70 per hour", PhoneStyle::kBracketed, false},
      {kSilkCompanions, "Wellingborough", "Kiki", 27, "New arrival Kiki in Wellingborough",
       "New arrivals this week, come and see us. Kiki offers relaxing massage in a quiet flat.",
       "£60 per hour", PhoneStyle::kDashed, false},
      {kVelvetRooms, "Daventry", "Sara", 24, "Sara - elegant company, Daventry",
       "She is new and available today. Book Sara for elegant company and relaxing evenings.",
       "£50 per hour", PhoneStyle::kLookAlike, false},
      {kSilkCompanions, "Kettering", "Alina", 26, "Alina, Age 26, relaxing evenings",
       "Our girls are available 24/7. Alina offers companionship and a relaxing massage.",
       "£60 per hour", PhoneStyle::kIntlZero, false},
      {kVelvetRooms, "Northampton", "Mila", 22, "Mila, 22, new this week in Northampton",
       "New girls every week. Mila is available now for relaxing massage.",
       "£60 per hour", PhoneStyle::kCompact, true},
  };
  for (const auto& a : kAdverts) {
    AdvertSpec ad;
    ad.site = a.site;
    ad.title = a.title;
    ad.town = a.town;
    ad.name = a.name;
    ad.age = a.age;
    ad.price = a.price;
    ad.phone_written = WritePhone(kCircuitPhone, a.style);
    ad.phone_e164 = PhoneE164(kCircuitPhone);
    ad.paragraphs = {a.opening,
                     std::string("Age ") + std::to_string(a.age) + ". Based in " + a.town +
                         ", in-calls and out-calls.",
                     std::string(a.price) + ". Call or text " + ad.phone_written + "."};
    ad.group = kSharedPhoneCircuit;
    ad.disallowed = a.disallowed;
    out->adverts.push_back(std::move(ad));
  }
  out->groups.push_back({kSharedPhoneCircuit,
                         "one phone on adult adverts across both adult sites and several "
                         "towns, written differently each time, with turnover and "
                         "third-party wording",
                         {PhoneE164(kCircuitPhone)},
                         {},
                         {}});
}

// One near-identical text where only name, age, town, price and phone vary;
// no contact is shared, so only near-duplicate detection can join them.
void PlantRotatingTemplate(GenerationContext& ctx, PlantedAdverts* out) {
  static const struct {
    const char* site;
    const char* name;
    int age;
    const char* town;
    const char* price;
  } kAdverts[] = {
      {kVelvetRooms, "Anya", 23, "Corby", "£70"},
      {kSilkCompanions, "Daria", 25, "Northampton", "£80"},
      {kVelvetRooms, "Irina", 22, "Kettering", "£60"},
      {kSilkCompanions, "Vika", 24, "Rushden", "£90"},
  };
  for (const auto& a : kAdverts) {
    const std::string phone = ctx.phones().TakeMobile();
    const std::string age = std::to_string(a.age);
    AdvertSpec ad;
    ad.site = a.site;
    ad.name = a.name;
    ad.age = a.age;
    ad.town = a.town;
    ad.price = std::string(a.price) + " per hour";
    ad.title = std::string(a.name) + ", " + age + " - sweet and friendly, new to " + a.town;
    ad.phone_written = WritePhone(phone, PhoneStyle::kSpaced);
    ad.phone_e164 = PhoneE164(phone);
    ad.paragraphs = {
        std::string("Sweet and friendly ") + a.name + ", " + age + ", new to " + a.town +
            ". Relaxing massage and elegant company in a clean, discreet apartment close to "
            "the town centre.",
        ad.price + ", no rush. Call " + ad.phone_written +
            " now, available today from 10am until late."};
    ad.group = kRotatingTemplate;
    out->adverts.push_back(std::move(ad));
  }
  out->groups.push_back({kRotatingTemplate,
                         "one advert text reused with only name, age, town, price and "
                         "phone changed; no shared contact",
                         {},
                         {},
                         {}});
}

// Low-pay job adverts on both boards tied by one agency address (all) and
// email (some); every advert has its own phone.
void PlantAgency(GenerationContext& ctx, PlantedAdverts* out) {
  static const struct {
    const char* site;
    const char* title;
    const char* town;
    const char* pay;
    const char* lines[3];
    bool with_email;
  } kAdverts[] = {
      {kShireJobs, "Warehouse Pickers Needed - Immediate Start", "Northampton", "£300 a week",
       {"Warehouse pickers wanted for a busy distribution centre.",
        "Accommodation provided, £60 a week deducted from wages.",
        "£300 a week, 6 days, 10 hours a day. Cash in hand available."},
       true},
      {kShireJobs, "Farm Picking Team - Seasonal Work", "Wellingborough", "£320 a week",
       {"Fruit and vegetable picking on local farms, start this week.",
        "Transport to work provided, pick-up 5am from the house.",
        "Accommodation provided, shared rooms, rent taken from wages."},
       true},
      {kShireJobs, "Food Packing Operatives", "Corby", "£300 a week",
       {"Packing ready meals on a production line.",
        "No experience or English needed.",
        "£300 a week, 6 days, 10 hours a day."},
       false},
      {kCountyWorkBoard, "Car Wash Staff Wanted", "Kettering", "£280 a week",
       {"Hand car wash staff needed, all weather.",
        "Fee for registration, paid on your first day.",
        "Transport to work provided, pick-up 5am."},
       true},
      {kCountyWorkBoard, "Cleaning Staff for Hotels", "Northampton", "£290 a week",
       {"Hotel room cleaning across the county, start tomorrow.",
        "No experience or English needed.",
        "Accommodation provided, £60 a week deducted from wages."},
       false},
  };
  ctx.ReserveEmail(kAgencyEmail);
  ctx.ReservePostcode(kAgencyPostcode);
  bool landline = false;
  for (const auto& a : kAdverts) {
    // Alternate mobile and landline so the group's phones look unrelated.
    const std::string phone = landline ? ctx.phones().TakeLandline() : ctx.phones().TakeMobile();
    landline = !landline;
    AdvertSpec ad;
    ad.site = a.site;
    ad.title = a.title;
    ad.town = a.town;
    ad.pay = a.pay;
    ad.phone_written = WritePhone(phone, PhoneStyle::kSpaced);
    ad.phone_e164 = PhoneE164(phone);
    ad.address = kAgencyAddressLine;
    ad.postcode = kAgencyPostcode;
    for (const char* line : a.lines) ad.paragraphs.push_back(line);
    std::string contact = std::string("Come to our office at ") + kAgencyAddressLine +
                          " or call " + ad.phone_written;
    if (a.with_email) {
      ad.email = kAgencyEmail;
      contact += ", email " + ad.email;
    }
    ad.paragraphs.push_back(contact + ".");
    ad.group = kAgencyAddress;
    out->adverts.push_back(std::move(ad));
  }
  out->groups.push_back({kAgencyAddress,
                         "low-pay job adverts on both jobs boards sharing one address and "
                         "postcode (all) and one email (some), with accommodation, transport, "
                         "fee and hours wording; phones all differ",
                         {},
                         {kAgencyEmail},
                         {kAgencyPostcode}});
}

// A fair employer with two vacancies sharing a phone and email: linked, but
// with no indicator wording and pay above the minimum, so it must rank low.
void PlantLegitEmployer(GenerationContext& ctx, PlantedAdverts* out) {
  static const struct {
    const char* title;
    const char* pay;
    const char* duties;
  } kAdverts[] = {
      {"Bakery Production Operative", "£13.50 per hour",
       "Mixing, shaping and baking bread for shops across the county."},
      {"Bakery Delivery Driver", "£13.90 per hour",
       "Delivering fresh bread to cafes and shops on a morning route."},
  };
  const std::string phone = ctx.phones().TakeLandline();
  ctx.ReserveEmail(kLegitEmail);
  for (const auto& a : kAdverts) {
    AdvertSpec ad;
    ad.site = kCountyWorkBoard;
    ad.title = a.title;
    ad.town = "Northampton";
    ad.employer = kLegitEmployer;
    ad.pay = a.pay;
    ad.phone_written = WritePhone(phone, PhoneStyle::kSpaced);
    ad.phone_e164 = PhoneE164(phone);
    ad.email = kLegitEmail;
    ad.paragraphs = {
        std::string(kLegitEmployer) + " is a family bakery in Northampton. " + a.duties,
        std::string(a.pay) + ", 37.5 hours a week, Monday to Friday, permanent contract.",
        "28 days holiday, workplace pension and a staff discount.",
        "To apply call " + ad.phone_written + " or email your CV to " + ad.email + "."};
    ad.group = kLegitRepeatEmployer;
    out->adverts.push_back(std::move(ad));
  }
  out->groups.push_back({kLegitRepeatEmployer,
                         "one fair employer, two vacancies sharing a phone and email, no "
                         "indicator wording: should rank low",
                         {PhoneE164(phone)},
                         {kLegitEmail},
                         {}});
}

}  // namespace

PlantedAdverts PlantGroups(GenerationContext& ctx) {
  PlantedAdverts out;
  ctx.phones().Reserve(kCircuitPhone);
  PlantCircuit(&out);
  PlantAgency(ctx, &out);
  PlantRotatingTemplate(ctx, &out);
  PlantLegitEmployer(ctx, &out);
  for (AdvertSpec& ad : out.adverts) ad.posted = ctx.PostedDate();
  return out;
}

}  // namespace plainsight::farm
