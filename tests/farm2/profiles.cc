#include "tests/farm2/profiles.h"

#include "tests/farm2/job_catalogue.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {

const std::vector<std::string>& PersonaNames() {
  static const std::vector<std::string> kNames = {
      "Anna",   "Bella",  "Chloe",  "Daisy",   "Ella",    "Freya",  "Gina",   "Holly",
      "Isla",   "Jade",   "Kasia",  "Lola",    "Mia",     "Nina",   "Olivia", "Paige",
      "Rosa",   "Sasha",  "Tia",    "Vicky",   "Zara",    "Amber",  "Candice", "Demi",
      "Elena",  "Grace",  "Ivy",    "Jasmine", "Katie",   "Leah",   "Maya",   "Natalia",
      "Petra",  "Ruby",   "Sienna", "Tanya",   "Valentina", "Yasmin", "Lexi",  "Roxy",
      "Daria",  "Sofia",  "Lena",   "Eva",     "Nikki",   "Carmen", "Alina",  "Bianca",
      "Monika", "Georgia", "Hana",  "Imogen",  "Julia",   "Kira",   "Layla",  "Mila"};
  return kNames;
}

std::string AnyRate(Rng& rng) {
  static const std::vector<std::string> kRates = {
      "£80 per hour", "£70 per hour", "£90 per hour",        "£100 per hour",
      "£80 per hour", "£120 for 90 minutes", "£60 for 30 minutes", "£150 for two hours"};
  return rng.Pick(kRates);
}

std::vector<std::string> IndependentBio(Rng& rng, const std::string& name, int age,
                                        const std::string& town) {
  const std::string a = std::to_string(age);
  const std::vector<std::string> openers = {
      "Hi, I'm " + name + ", a friendly and chatty " + a + " year old living in " + town + ".",
      "Hello gentlemen, " + name + " here. Thank you for looking at my page.",
      "Welcome to my page. I'm " + name + ", an independent lady based in " + town + ".",
      "I'm " + name + ", " + a + ", warm, easy-going and always well presented.",
      "My name is " + name + " and I offer companionship to polite gentlemen in and around " +
          town + ".",
      name + " here, " + a + " and " + town + " born and bred.",
      "Good evening! I'm " + name + ". I moved to " + town + " a couple of years ago.",
      "Thanks for stopping by. I'm " + name + ", a mature and discreet companion in " + town + ".",
      "Hey, " + name + " here. Easy to talk to, hard to forget (or so I'm told).",
      "Hi there, I'm " + name + " and I have been an independent companion in " + town +
          " for a few years now."};
  const std::vector<std::string> looks = {"blonde", "brunette", "redhead", "dark-haired",
                                          "raven-haired"};
  const std::vector<std::string> builds = {"slim", "curvy", "petite", "tall", "athletic"};
  const std::vector<std::string> characters = {"bubbly", "calm", "witty", "warm", "gentle",
                                               "down to earth", "cheeky", "well-read"};
  const std::vector<std::string> interests = {
      "the theatre", "long walks", "good food", "old films", "live music", "yoga",
      "a glass of red wine", "travelling", "cooking", "art galleries", "the gym",
      "rugby on a Saturday", "crime novels", "gardening"};
  const std::vector<std::string> offers = {
      "[I offer|Offering|I provide] relaxing massage and elegant company[| to discerning gentlemen| for the busy professional].",
      "Elegant company for [dinner dates|evenings out|dinner] and [social events|business functions|weekends away] is what I enjoy [most|best].",
      "A relaxing [full body|deep tissue|hot stone] massage [with warm oils|by candlelight] is my speciality.",
      "I am happy to [accompany|join] you [to|for] dinner, a show or a [business function|work do].",
      "Companionship and a proper conversation, [at your pace|never rushed|whatever the day has been like].",
      "Relaxing massage in a [calm, candlelit|warm, quiet|softly lit] room."};
  const std::vector<std::string> places = {
      "My [flat|apartment|place] is [clean and private|private and spotless|quiet and discreet] with [easy parking nearby|parking outside|the station five minutes away].",
      "Outcalls to hotels in " + town + " and [the nearby villages|the surrounding area|anywhere within half an hour].",
      "Incall only, in a quiet [street|cul-de-sac|road] [a few|ten|five] minutes from " + town + " centre.",
      "I visit hotels within about [twenty|fifteen|thirty] miles of " + town + ".",
      "Discreet [apartment|flat] with a [shower|power shower] and fresh towels[|, and a good coffee machine].",
      "I can [travel to|come to] you, please give me [a little|an hour's|a day's] notice."};
  const std::vector<std::string> practical = {
      "Please [call or text|text or call|get in touch], no withheld numbers.",
      "Texts preferred, I will reply as soon as I [can|am free].",
      "Available [Monday to Saturday|weekdays|most days], [11am|10am|noon] till [9pm|10pm|late].",
      "Appointments by arrangement only, please give me an hour's notice.",
      "I do not answer withheld numbers or e-mails.",
      "Weekday daytimes only, I keep my evenings for family.",
      "Evenings and weekends, as I work during the day.",
      "Please be clean, polite and on time, and we will get on famously.",
      "If I don't pick up I'm with someone, try again in an hour."};
  std::string look = rng.Pick(builds);
  look += " " + rng.Pick(looks);
  std::string character = rng.Pick(characters);
  std::vector<std::string> loves = rng.Sample(interests, 2);
  std::vector<std::string> first = {rng.Pick(openers)};
  switch (rng.Below(3)) {
    case 0: {
      const bool vowel = std::string("aeiou").find(look[0]) != std::string::npos;
      first.push_back(std::string(vowel ? "I'm an " : "I'm a ") + look + " with a " + character +
                      " side.");
      break;
    }
    case 1: first.push_back("People describe me as " + character + "; I'm " + look + "."); break;
    default: first.push_back("I love " + loves[0] + " and " + loves[1] + "."); break;
  }
  first.push_back(rng.Pick(offers));
  std::vector<std::string> second = {rng.Pick(places)};
  if (rng.Chance(0.5)) second.push_back("Outside of work I enjoy " + loves[1] + ".");
  std::vector<std::string> bio = {Join(first, " "), Join(second, " ")};
  if (rng.Chance(0.12))
    bio.push_back("Visiting " + town + " for a few days only, so do not leave it too late.");
  bio.push_back(Join(rng.Sample(practical, static_cast<std::size_t>(rng.Between(1, 2))), " "));
  for (std::string& paragraph : bio) paragraph = Fill(paragraph, {}, rng);
  return bio;
}

Advert Profile(int site, int day, const std::string& title, const std::string& name, int age,
               const std::string& town, const std::string& rate, const std::string& phone_display,
               const std::vector<std::string>& bio) {
  Advert advert;
  advert.kind = Kind::kAdult;
  advert.site = site;
  advert.posted = DateOf(day);
  advert.title = title;
  advert.name = name;
  advert.age = age;
  advert.town = town;
  advert.rate = rate;
  advert.phone_display = phone_display;
  advert.sections = {Section{"", bio, {}}};
  return advert;
}

std::string ProfileTitle(Rng& rng, const std::string& name, int age, const std::string& town) {
  switch (rng.Below(4)) {
    case 0: return name + ", " + std::to_string(age) + " - " + town;
    case 1: return "Lovely " + name + " in " + town;
    case 2: return name + " - elegant company, " + town;
    default: return name + " (" + std::to_string(age) + "), relaxing massage in " + town;
  }
}

void AddOrdinaryProfiles(BuildContext& ctx) {
  Rng rng = ctx.Stream("ordinary-profiles");
  static const std::vector<std::string> kTowns = {
      "Northampton", "Northampton", "Kettering", "Corby",      "Wellingborough", "Leicester",
      "Leicester",   "Derby",       "Luton",     "Luton",      "Peterborough",   "Bedford",
      "Milton Keynes", "Milton Keynes", "Nottingham", "Nottingham", "Coventry",  "Daventry"};
  for (int site : {kMoonlit, kAmber}) {
    int count = site == kMoonlit ? 52 : 46;
    for (int i = 0; i < count; ++i) {
      const std::string& name = rng.Pick(PersonaNames());
      int age = rng.Between(21, 39);
      const std::string& town = rng.Pick(kTowns);
      std::string phone = ctx.phones().Take(PhoneRange::kMobile);
      std::vector<std::string> bio = IndependentBio(rng, name, age, town);
      std::string shown = FormatPhone(phone, AnyDigitStyle(rng));
      if (rng.Chance(0.2)) bio.back() += " Call me on " + shown + ".";
      const int day = rng.Between(0, 58);
      const std::string title = ProfileTitle(rng, name, age, town);
      const std::string rate = AnyRate(rng);
      Advert advert = Profile(site, day, title, name, age, town, rate, shown, bio);
      advert.phones.push_back(phone);
      if (rng.Chance(0.1)) {
        std::string email = Lower(name) + std::to_string(rng.Between(100, 999)) + "@example.org";
        if (ctx.Claim("email:" + email)) {
          advert.emails.push_back(email);
          advert.sections[0].paragraphs.push_back("Or e-mail me: " + email);
        }
      }
      ctx.Add(std::move(advert));
    }
  }
}

}  // namespace plainsight::farm2
