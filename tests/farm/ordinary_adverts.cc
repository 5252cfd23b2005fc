#include "tests/farm/ordinary_adverts.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "tests/farm/word_lists.h"

namespace plainsight::farm {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "Harbury Logistics Ltd" -> "harburylogistics".
std::string EmailStem(const std::string& employer) {
  std::string stem;
  for (char c : employer) {
    if (std::isalpha(static_cast<unsigned char>(c))) stem += static_cast<char>(std::tolower(c));
    if (stem.size() >= 16) break;
  }
  return stem;
}

std::string Pounds(int pence) {
  char text[32];
  std::snprintf(text, sizeof text, "£%d.%02d", pence / 100, pence % 100);
  return text;
}

PhoneStyle SomeOrdinaryStyle(Rng& rng) {
  static const std::vector<PhoneStyle> kStyles = {PhoneStyle::kSpaced, PhoneStyle::kSpaced,
                                                  PhoneStyle::kCompact, PhoneStyle::kIntl};
  return rng.Pick(kStyles);
}

}  // namespace

AdvertSpec OrdinaryAdultAdvert(GenerationContext& ctx, const std::string& site) {
  Rng& rng = ctx.rng();
  AdvertSpec ad;
  ad.site = site;
  ad.name = rng.Pick(CompanionNames());
  ad.age = rng.Between(24, 39);
  ad.town = rng.Pick(Towns());
  ad.price = "£" + std::to_string(rng.Between(8, 15) * 10) + " per hour";
  ad.posted = ctx.PostedDate();
  const std::string phone = ctx.phones().TakeMobile();
  ad.phone_written = WritePhone(phone, SomeOrdinaryStyle(rng));
  ad.phone_e164 = PhoneE164(phone);
  if (rng.OneIn(3)) ad.email = ctx.UniqueEmail(Lower(ad.name) + ".bookings", "example.org");

  const std::string age = std::to_string(ad.age);
  static const char* const kTitleShapes[] = {"%s, Age %s - relaxing massage in %s",
                                             "Elegant company with %s (%s) in %s",
                                             "%s, %s: companionship and relaxing evenings, %s"};
  char title[160];
  std::snprintf(title, sizeof title, kTitleShapes[rng.Below(3)], ad.name.c_str(), age.c_str(),
                ad.town.c_str());
  ad.title = title;

  ad.paragraphs.push_back("Hello, I'm " + ad.name +
                          ". I offer relaxing massage and elegant company for gentlemen who "
                          "appreciate a calm and friendly atmosphere.");
  ad.paragraphs.push_back("Age " + age + ". Based in " + ad.town +
                          ", with a quiet, private apartment and out-calls to hotels nearby.");
  ad.paragraphs.push_back("Rates: " + ad.price + ". Longer relaxing evenings by arrangement.");
  std::string contact = "Please call or text " + ad.phone_written;
  if (!ad.email.empty()) contact += " or email " + ad.email;
  ad.paragraphs.push_back(contact + ". No withheld numbers.");
  return ad;
}

AdvertSpec OrdinaryJobAdvert(GenerationContext& ctx, const std::string& site) {
  Rng& rng = ctx.rng();
  const JobRole& role = rng.Pick(JobRoles());
  AdvertSpec ad;
  ad.site = site;
  ad.title = role.title;
  ad.town = rng.Pick(Towns());
  ad.employer = rng.Pick(EmployerNames());
  const int rate = role.min_rate_pence + 5 * rng.Between(0, 40);
  ad.pay = Pounds(rate) + " per hour";
  ad.posted = ctx.PostedDate();
  const std::string phone =
      rng.OneIn(2) ? ctx.phones().TakeLandline() : ctx.phones().TakeMobile();
  ad.phone_written = WritePhone(phone, SomeOrdinaryStyle(rng));
  ad.phone_e164 = PhoneE164(phone);
  ad.email = ctx.UniqueEmail("jobs." + EmailStem(ad.employer), "example.com");

  ad.paragraphs.push_back(ad.employer + " is looking for a " + role.title + " to join our team in " +
                          ad.town + ". " + role.duties);
  const std::string hours = rng.OneIn(2) ? "37.5" : "40";
  ad.paragraphs.push_back("Pay: " + ad.pay + ", " + hours + " hours a week, Monday to Friday.");
  ad.paragraphs.push_back("28 days holiday including bank holidays, workplace pension and free parking.");
  if (rng.OneIn(3)) {
    ad.postcode = ctx.UniquePostcode(ad.town);
    ad.address = std::to_string(rng.Between(1, 120)) + " " + rng.Pick(Streets()) + ", " + ad.town +
                 " " + ad.postcode;
    ad.paragraphs.push_back("Our site: " + ad.address + ".");
  }
  ad.paragraphs.push_back("To apply, call " + ad.phone_written + " or email your CV to " + ad.email +
                          ".");
  return ad;
}

}  // namespace plainsight::farm
