#include "tests/farm2/risky_rings.h"

#include "tests/farm2/profiles.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

struct RingPlan {
  std::string name;
  int size;
  std::vector<std::string> towns;  // visited in this order, about a week each
  int first_day;
  bool words_once;                 // one profile gives the phone only in words
};

// Each ring writes in its own way: its own phrase bank, by index.
std::vector<std::string> RingBio(Rng& rng, std::size_t ring, const std::string& name, int age,
                                 const std::string& town) {
  const std::string a = std::to_string(age);
  struct Bank {
    std::vector<std::string> openers, middles, closers;
  };
  const std::vector<Bank> banks = {
      {{"Hello, I am " + name + ", new girl in " + town + ".",
        "Hi darling, my name is " + name + ", just arrived in " + town + " for a short time.",
        "New in " + town + "! " + name + ", " + a + ", sweet and smiling.",
        name + " is " + a + ", sweet and new in town."},
       {"Relaxing massage and elegant company.", "Very clean discreet apartment close to the station.",
        "I speak only a little English.", "Special price this week only.",
        "Available 24/7, incall only."},
       {"Call me, if I do not answer please call again.", "No texts, call only."}},
      {{"Young and beautiful " + name + " visiting " + town + " this week.",
        "Sexy smile, sweet heart: " + name + " (" + a + ") now in " + town + ".",
        "First time in " + town + ", " + name + " " + a + " years.",
        name + " from Eastern Europe, " + a + ", here few days only in " + town + "."},
       {"Open day and night, just call.", "Only for gentlemen, no time wasters please.",
        "Real photos, what you see is what you get.", "Massage and company, you choose.",
        "Cheap prices for the first visit."},
       {"If I am busy my friend will answer and book you in.", "Booking by phone only."}},
      {{"Hello gentlemen, I am " + name + ", I am " + a + " and I am here only for a few days.",
        name + " - " + a + " - lovely new lady in " + town + ".",
        "Stunning " + name + " just moved to " + town + ".",
        "Just arrived " + name + ", " + a + ", waiting for your call in " + town + "."},
       {"Clean flat near the shops, parking on the street.", "Young and fresh, very friendly.",
        "Open late every day including Sunday.", "Relaxing massage, elegant company, dinner dates.",
        "Please be respectful."},
       {"Call to book, reception answers 9am to 3am.", "Ring anytime."}},
  };
  const Bank& bank = banks[ring % banks.size()];
  std::string first = rng.Pick(bank.openers);
  first += " " + Join(rng.Sample(bank.middles, static_cast<std::size_t>(rng.Between(2, 3))), " ");
  return {first, rng.Pick(bank.closers)};
}

std::string RingRate(Rng& rng) {
  static const std::vector<std::string> kRates = {"£60 per hour", "£50 for 30 minutes",
                                                  "£70 per hour", "£60 per hour"};
  return rng.Pick(kRates);
}

void PlantRing(BuildContext& ctx, Rng& rng, const RingPlan& plan, std::size_t number) {
  const std::size_t bank = number - 1;
  const std::string phone = ctx.phones().Take(PhoneRange::kMobile);
  std::size_t group = ctx.AddGroup(
      "risky-shared-phone-ring-" + std::to_string(number), true,
      "One phone behind " + std::to_string(plan.size) +
          " profiles with different names and ages that move through " +
          Join(plan.towns, ", ") + " over a few weeks, on both directories.");
  std::vector<std::string> names = rng.Sample(PersonaNames(), static_cast<std::size_t>(plan.size));
  const int per_town = (plan.size + static_cast<int>(plan.towns.size()) - 1) /
                       static_cast<int>(plan.towns.size());
  const int words_at = plan.words_once ? plan.size / 2 : -1;
  for (int i = 0; i < plan.size; ++i) {
    const std::string& town = plan.towns[static_cast<std::size_t>(i / per_town)];
    const int day = plan.first_day + (i / per_town) * 7 + rng.Between(0, 4);
    const int age = rng.Between(19, 27);
    const std::string& name = names[static_cast<std::size_t>(i)];
    std::vector<std::string> bio = RingBio(rng, bank, name, age, town);
    std::string shown;
    if (i == words_at) {
      bio.push_back("Phone me on " + FormatPhone(phone, PhoneStyle::kWords) + ".");
    } else {
      shown = FormatPhone(phone, AnyDigitStyle(rng));
      if (rng.Chance(0.4)) bio.back() += " " + shown;
    }
    const std::string title = ProfileTitle(rng, name, age, town);
    const std::string rate = RingRate(rng);
    Advert advert = Profile(i % 2 == 0 ? kMoonlit : kAmber, day, title, name, age, town, rate,
                            shown, bio);
    advert.phones.push_back(phone);
    ctx.Add(std::move(advert), group);
  }
}

}  // namespace

void AddSharedPhoneRings(BuildContext& ctx) {
  Rng rng = ctx.Stream("shared-phone-rings");
  const std::vector<RingPlan> plans = {
      {"ring-1", 10, {"Northampton", "Kettering", "Corby", "Wellingborough"}, 4, true},
      {"ring-2", 8, {"Leicester", "Nottingham", "Derby", "Coventry"}, 18, false},
      {"ring-3", 7, {"Luton", "Bedford", "Milton Keynes"}, 33, false},
  };
  for (std::size_t i = 0; i < plans.size(); ++i) PlantRing(ctx, rng, plans[i], i + 1);
}

void AddRotatingTemplate(BuildContext& ctx) {
  Rng rng = ctx.Stream("rotating-template");
  std::vector<std::string> phones = {
      ctx.phones().TakeExact("07700900301"), ctx.phones().TakeExact("07700900302"),
      ctx.phones().TakeExact("07700900303"), ctx.phones().TakeExact("07700900304"),
      ctx.phones().TakeExact("07700900518"), ctx.phones().TakeExact("07700900519")};
  for (int i = 0; i < 4; ++i) phones.push_back(ctx.phones().Take(PhoneRange::kMobile));
  std::size_t group = ctx.AddGroup(
      "risky-rotating-phone-template", true,
      "One 'new girls every week' advert in an organisation's voice copied 10 times across both "
      "directories; only name, age, town and phone change, and every copy has its own phone "
      "(07700 900301-900304 and 900518-900519 are consecutive).");
  const std::vector<std::string> towns = {"Peterborough", "Northampton", "Kettering",
                                          "Milton Keynes", "Bedford"};
  std::vector<std::string> names = rng.Sample(PersonaNames(), phones.size());
  for (std::size_t i = 0; i < phones.size(); ++i) {
    const std::string& name = names[i];
    const std::string& town = towns[i % towns.size()];
    const int age = rng.Between(19, 24);
    const std::string shown = FormatPhone(phones[i], PhoneStyle::kSpaced);
    const std::string a = std::to_string(age);
    std::vector<std::string> bio = {
        "New girls every week at our discreet apartment in " + town + " town centre. This week "
        "we are happy to introduce " + name + ", " + a + ", just arrived and waiting to meet you.",
        "All our girls offer relaxing massage and elegant company. Open 24 hours, 7 days a week, "
        "incall and outcall. Very reasonable rates from £60.",
        "Call our receptionist on " + shown + " to book, no texts please."};
    Advert advert = Profile(i % 2 == 0 ? kAmber : kMoonlit, 12 + static_cast<int>(i) * 4,
                            "New girls every week - " + name + " (" + a + ") in " + town, name,
                            age, town, "From £60", shown, bio);
    advert.phones.push_back(phones[i]);
    ctx.Add(std::move(advert), group);
  }
}

void AddCopiedTextRings(BuildContext& ctx) {
  Rng rng = ctx.Stream("copied-text-rings");
  struct Ring {
    std::string label;
    int phone_count;
    std::vector<std::string> towns;
    int first_day;
    // Phones each advert gives, by index into the ring's phones.
    std::vector<std::vector<int>> adverts;
  };
  const std::vector<Ring> rings = {
      {"a", 3, {"Northampton", "Wellingborough", "Rushden"}, 6,
       {{0}, {0, 1}, {1}, {1, 2}, {2}, {0}}},
      {"b", 2, {"Nottingham", "Derby", "Loughborough"}, 30, {{0}, {0, 1}, {1}, {1}, {0}}},
  };
  for (const Ring& ring : rings) {
    std::vector<std::string> phones;
    for (int i = 0; i < ring.phone_count; ++i) phones.push_back(ctx.phones().Take(PhoneRange::kMobile));
    std::size_t group = ctx.AddGroup(
        "risky-copied-text-ring-" + ring.label, true,
        "Ring " + ring.label + ": " + std::to_string(ring.adverts.size()) + " adverts in " +
            Join(ring.towns, ", ") + " sharing " + std::to_string(ring.phone_count) +
            " phones among them. Its text is the same copied template the other copied-text ring "
            "uses; the two rings are unrelated and must stay two leads.");
    std::vector<std::string> names = rng.Sample(PersonaNames(), ring.adverts.size());
    for (std::size_t i = 0; i < ring.adverts.size(); ++i) {
      const std::string& name = names[i];
      const std::string& town = ring.towns[i % ring.towns.size()];
      const int age = rng.Between(19, 26);
      std::vector<std::string> written;
      Advert contacts;
      for (int p : ring.adverts[i]) {
        const std::string& phone = phones[static_cast<std::size_t>(p)];
        contacts.phones.push_back(phone);
        written.push_back(FormatPhone(phone, AnyDigitStyle(rng)));
      }
      std::vector<std::string> bio = {
          "Hello, my name is " + name + ", I am " + std::to_string(age) +
              " years old and I have just arrived in " + town + ". I am sweet, friendly and "
              "always smiling, and I love to give a relaxing massage.",
          "Clean private flat near the centre, easy parking. Available from 10am till late, "
          "every day. Call or text " + Join(written, " or ") + "."};
      Advert advert = Profile(i % 2 == 0 ? kMoonlit : kAmber,
                              ring.first_day + static_cast<int>(i) * 3,
                              name + " - sweet and friendly - " + town, name, age, town,
                              "£70 per hour", written.front(), bio);
      advert.phones = contacts.phones;
      ctx.Add(std::move(advert), group);
    }
  }
}

}  // namespace plainsight::farm2
