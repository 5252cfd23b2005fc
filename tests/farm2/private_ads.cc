#include "tests/farm2/private_ads.h"

#include <stdexcept>

#include "tests/farm2/job_catalogue.h"
#include "tests/farm2/job_writer.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

std::string Replaced(std::string text, const std::string& key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

}  // namespace

const std::vector<PrivateJob>& PrivateJobs() {
  static const std::vector<PrivateJob> kJobs = {
      {"cleaner",
       {"Cleaner wanted", "Domestic cleaner needed", "House cleaner - 2 mornings"},
       {"[Looking for|We need|Wanted:] a reliable cleaner for our [family home|house|bungalow] in {town}.",
        "We need someone to help keep our busy house in {town} under control.",
        "Cleaner required for a three-bed semi in {town}."},
       {"[Tuesday and Friday|Monday and Thursday] mornings, 9 till 12.", "About [six|five|eight] hours a week, days flexible.",
        "Mostly hoovering, bathrooms, kitchen and changing beds.",
        "We have two cats, so no allergies please.", "All products and a good hoover provided.",
        "We both work from home some days, so you would not be on your own."},
       {"£14 an hour", "£15 per hour", "£14.50/hr"}},
      {"gardener",
       {"Gardener needed", "Gardening help wanted", "Garden maintenance - fortnightly"},
       {"Gardener needed for a [large|long|sloping] garden [on the outskirts of|just outside|in] {town}.",
        "Our garden in {town} has [got away from us|become too much] and we need [regular|some] help.",
        "Retired couple in {town} [looking for|need] a gardener[| for the summer]."},
       {"[Mowing, hedges and general tidying|Lawns, hedges and borders], one day a [fortnight|week].",
        "[Must|Please] bring own tools and take green waste away.",
        "There is an orchard and a veg patch as well as the lawns.",
        "[Spring and summer mostly|Mostly in the growing season], less in winter.", "[Ride-on mower|Petrol mower and strimmer] available."},
       {"£16 an hour", "£120 for the day", "£15ph"}},
      {"childminder",
       {"After-school help wanted", "After-school nanny", "School pick-up help needed"},
       {"After-school help wanted for [two boys (8 and 11)|our twins (7)|two girls (6 and 9)] in {town}.",
        "Working parents in {town} need [someone|a kind person] for school pick-ups[| two days a week].",
        "We are looking for a kind, sensible person to collect our daughter from school in "
        "{town}."},
       {"[Mon-Thu|Mon, Wed and Fri|Tue-Thu] [3.15-6pm|3-5.30pm].", "You will need to drive and have a DBS.",
        "[Tea and homework help|Snacks, homework and a run round the park], nothing complicated.", "Term time only, holidays paid.",
        "Would suit a student or a retired teacher."},
       {"£13.50 an hour", "£14 per hour"}},
      {"mechanic",
       {"Experienced mechanic wanted", "Vehicle technician needed", "Mechanic - small garage"},
       {"[Small|Well-established] independent garage in {town} looking for an experienced mechanic.",
        "Busy family garage [in|just outside] {town} needs another [pair of hands|mechanic].",
        "Mechanic wanted for our MOT and service centre in {town}."},
       {"MOT tester a bonus.", "Full time Mon-Fri plus alternate Saturday mornings.",
        "Own tools [essential|preferred].", "Mostly [servicing, brakes and clutches|servicing and repairs] on [everyday cars|vans and family cars].",
        "Diagnostics experience would be great."},
       {"£15-£17 an hour depending on experience", "£32,000 a year", "£16ph"}},
      {"bar",
       {"Bar staff - evenings and weekends", "Bar person wanted", "Pub staff needed"},
       {"[Friendly|Busy|Traditional] pub in {town} needs bar staff.", "Our village local near {town} is hiring.",
        "Busy town-centre bar in {town} looking for new team members."},
       {"[Evenings and weekends|Thursday to Saturday nights|Mostly weekends].", "Experience preferred but we will train the right person.",
        "Must be over 18.", "Quiz night [Tuesdays|Wednesdays], live music [Saturdays|Fridays].",
        "Cellar work would be a bonus."},
       {"£12.75 an hour plus tips", "£13 per hour plus tips"}},
      {"removals",
       {"Driver / porter for removals", "Removals porter needed", "Man and van helper"},
       {"Man and van business in {town} needs a [driver/porter|driver and porter|second man] for [house moves|removals].",
        "Small removals firm in {town} looking for a strong, careful porter.",
        "Extra help wanted for our removals and clearance work around {town}."},
       {"Must be [fit|strong] and have a clean licence.", "3-4 days a week.",
        "Lots of stairs and heavy furniture, so not for the faint-hearted.",
        "Early starts some days.", "Good with customers, it's a stressful day for them."},
       {"£110 a day", "£14 an hour"}},
      {"stylist",
       {"Hair stylist wanted", "Stylist - busy salon", "Senior stylist needed"},
       {"Stylist wanted for a [busy|friendly|long-established] salon in {town}.",
        "Our salon in {town} is growing and needs another stylist.",
        "Friendly unisex salon in {town} looking for a qualified stylist."},
       {"Full or part time.", "Own column or we can build one with you.",
        "NVQ Level 2 minimum.", "Colour experience essential.", "Late nights Thursdays."},
       {"£13.50 per hour plus commission", "£14 an hour plus commission"}},
      {"dogs",
       {"Dog walker wanted", "Dog walker needed - lunchtimes"},
       {"Dog walker wanted for our two [labradors|retrievers|spaniels] while we are at work in {town}.",
        "Looking for a dog walker for a lively spaniel in {town}.",
        "Our elderly collie in {town} needs a gentle midday walk."},
       {"[Mon/Wed/Fri|Tue/Thu] lunchtimes, about [an hour|45 minutes] each time.", "Must be good with big dogs.",
        "Key safe at the house.", "Insurance would be nice but not essential.",
        "Fields five minutes from the house."},
       {"£15 a walk", "£14 an hour"}},
      {"decorator",
       {"Painter and decorator wanted", "Decorator needed", "Painter required"},
       {"Experienced painter and decorator wanted for ongoing work on [rental properties|student houses|flats] around "
        "{town}.",
        "Landlord in {town} needs a decorator between tenancies.",
        "Decorator wanted for a full house repaint in {town}."},
       {"Own transport essential.", "[Neat, tidy and reliable please.|Must leave the place spotless.]",
        "Mostly [white walls and gloss|magnolia and white], nothing fancy.", "Work available most weeks.",
        "Please send photos of previous jobs."},
       {"£140 a day", "£17 an hour"}},
      {"takeaway",
       {"Kitchen assistant for takeaway", "Takeaway staff wanted", "Counter and kitchen help"},
       {"[Chinese|Indian|Kebab] takeaway in {town} needs a kitchen assistant.",
        "Family-run fish and chip shop in {town} looking for help.",
        "Pizza takeaway in {town} needs counter and kitchen staff."},
       {"[Thursday to Sunday|Friday to Monday] evenings [5-11|6-midnight].", "Food hygiene certificate an advantage.",
        "Must be quick and keep calm on a Friday night.", "Free meal every shift.",
        "Some prep in the afternoons."},
       {"£12.80 per hour", "£13 an hour"}},
      {"ironing",
       {"Ironing help wanted", "Ironing service needed"},
       {"Ironing help wanted in {town}.", "Busy family in {town} drowning in shirts!"},
       {"About [two|three] baskets a week.", "Collect and return, or do it at our house.",
        "Mainly school uniforms and work shirts.", "Regular weekly work."},
       {"£14 an hour", "£15 a basket"}},
      {"farm",
       {"General farm worker", "Farm hand wanted", "Stockperson / general farm work"},
       {"General farm worker wanted on a [mixed arable and sheep|dairy|arable|pig] farm [near|a few miles from] {town}.",
        "Farm hand needed on a family [beef|sheep|poultry] farm outside {town}.",
        "We farm [600|350|900] acres near {town} and need a [general worker|second pair of hands]."},
       {"[Tractor experience useful.|Must be happy driving a tractor.|Some machinery experience needed.]", "Full time, [some weekends at lambing|one weekend in three|extra hours at harvest].",
        "Must be handy with [fencing|hedging] and basic repairs.", "[Telehandler ticket a plus.|Telehandler experience preferred.|Chainsaw ticket useful.]",
        "[Harvest overtime paid.|Cottage may be available for the right person.|Overtime at busy times.]"},
       {"£13.20 an hour", "£28,000 a year"}},
      {"carer",
       {"Carer for my mum", "Private carer wanted", "Home help for elderly gentleman"},
       {"Looking for a kind, patient carer to help my mum at home in {town}.",
        "My dad lives alone in {town} and needs a bit of help.",
        "Private carer wanted for a lady in her nineties in {town}."},
       {"[Three|Four|Two] mornings a week.", "[Getting up, breakfast and a chat.|Help with washing and dressing, then breakfast.]",
        "Some shopping and a bit of light housework.", "Must be a driver.",
        "Experience with dementia would help."},
       {"£15 an hour", "£14.50 per hour"}},
      {"newsagent",
       {"Weekend shop assistant", "Shop assistant - weekends"},
       {"Part-time assistant needed in our [newsagents|village shop|corner shop] in {town}.",
        "[Corner shop|Family-run convenience store] in {town} looking for weekend help."},
       {"Saturdays and Sundays [7am-1pm|6am-12pm|8am-2pm].", "Till[ and stock work|, stocking shelves and newspapers].",
        "Must be 18 or over [to sell lottery and alcohol|as we sell alcohol].", "Reliable and honest please."},
       {"£12.75 per hour", "£13 an hour"}},
      {"tutor",
       {"Maths tutor wanted", "GCSE tutor needed", "English tutor for Year 10"},
       {"Maths tutor wanted for a GCSE student in {town}.",
        "Looking for an English tutor for our son in Year 10, {town}.",
        "Science tutor needed for A-level chemistry, {town} area."},
       {"One hour a week[ after school| on a weekday evening].", "Ideally Wednesdays.", "Online is fine too.",
        "Exams are in May so we would like to start soon.", "DBS please."},
       {"£25 an hour", "£30 per session"}},
      {"windows",
       {"Window cleaner's assistant", "Window cleaning help"},
       {"Window cleaning round in {town} needs a second pair of hands[| for the summer].",
        "[Established|Busy] window round in {town}, looking for help."},
       {"No experience needed, [ladders and poles|water-fed poles] provided.", "Must be OK with heights.",
        "[Four|Three|Five] days a week, weather permitting.", "[Driving licence would help.|A driver would be ideal.]"},
       {"£13 an hour", "£100 a day"}},
      {"builder",
       {"Bricklayers and labourers wanted", "Brickie needed", "Builders' labourer wanted"},
       {"Bricklayers and labourers wanted for [extension|renovation|new-build] work in and around {town}.",
        "Small builder in {town} needs a brickie for the next [two|three] months.",
        "Labourer wanted for a [local|family] building firm in {town}."},
       {"[Immediate start for the right people.|Start Monday if you are keen.]", "Own transport please.",
        "Mostly [single-storey extensions|garages and garden walls|loft conversions].", "CSCS card preferred.",
        "Steady work [through the winter|booked until spring]."},
       {"Brickies £200 a day, labourers £120 a day", "£15-£20 an hour"}},
      {"cafe",
       {"Cafe assistant", "Cafe staff wanted", "Counter assistant - cafe"},
       {"Small cafe in {town} needs a [cheerful|friendly] assistant.",
        "Our little coffee shop in {town} is looking for help.",
        "Garden centre cafe near {town} needs counter staff."},
       {"Weekday lunchtimes, 11-3.", "Barista experience a plus.",
        "Toasties, cakes and a lot of washing up!", "Some Saturdays.",
        "Must be friendly, our regulars like a chat."},
       {"£12.80 an hour plus tips", "£13 per hour"}},
      {"nails",
       {"Nail technician", "Nail tech wanted"},
       {"Qualified nail technician wanted for a friendly salon in {town}.",
        "Beauty salon in {town} looking for a nail tech."},
       {"[Gel and acrylics.|BIAB and gel.]", "Own kit preferred.", "Part time to start.",
        "Qualifications and insurance required."},
       {"£13.50 an hour plus commission", "£14 per hour"}},
      {"handyman",
       {"Odd-job person for holiday lets", "Handyperson wanted"},
       {"We run three holiday cottages near {town} and need a handy person.",
        "Handyperson wanted for a small block of flats in {town}."},
       {"Changeovers and small repairs.", "Friday afternoons and Saturdays.",
        "Must be practical and tidy.", "Van or estate car useful."},
       {"£15 an hour", "£16 per hour"}},
      {"caretaker",
       {"Church hall caretaker", "Caretaker - village hall"},
       {"Part-time caretaker needed for our church hall in {town}.",
        "The village hall committee near {town} is looking for a caretaker."},
       {"Opening up, light cleaning and setting out chairs.", "About [8|6|10] hours a week.",
        "Some evenings for bookings.", "Would suit a retired person."},
       {"£13.10 per hour", "£13.50 an hour"}},
      {"lunchtime",
       {"Lunchtime supervisor", "Midday assistant - primary school"},
       {"Village primary school near {town} is looking for a lunchtime supervisor.",
        "Our primary school in {town} needs a midday assistant."},
       {"[12-1.15|11.45-1.15] every school day.", "DBS needed.", "Playground games and helping in the hall.",
        "Term time only."},
       {"£12.90 per hour", "£13 an hour"}},
      {"plasterer",
       {"Plasterer wanted", "Plasterer needed - ongoing work"},
       {"Plasterer wanted for renovation work in {town}.",
        "Renovation company in {town} needs a reliable plasterer."},
       {"[Skimming and some dry lining.|Mostly skimming, some rendering.]", "Regular work for the right person.",
        "Must have own tools and transport."},
       {"£160 a day", "£18 an hour"}},
      {"receptionist",
       {"Part-time receptionist", "Receptionist - small office"},
       {"Small accountancy office in {town} needs a part-time receptionist.",
        "Beauty clinic in {town} looking for a receptionist."},
       {"[Mornings|Afternoons], Monday to Friday.", "Phones, post and booking appointments.",
        "Smart, friendly and organised.", "Some computer skills needed."},
       {"£12.90 an hour", "£13.20 per hour"}},
      {"van",
       {"Delivery driver - own van", "Courier with van"},
       {"[Local|Independent] florist in {town} needs a delivery driver.",
        "[Bakery|Craft bakery] in {town} looking for a morning delivery driver."},
       {"Early mornings, finished by [11|10.30|noon].", "[Van provided.|Use of our van.]", "[Clean licence essential.|Must have a clean licence.]",
        "Valentine's week and Mother's Day are busy!"},
       {"£13 an hour", "£13.50 per hour"}},
  };
  return kJobs;
}

const PrivateJob& PrivateJobNamed(const std::string& key) {
  for (const PrivateJob& job : PrivateJobs())
    if (job.key == key) return job;
  throw std::runtime_error("farm2: unknown private job " + key);
}

std::string PrivateContact(Rng& rng, const std::string& first, const std::string& phone,
                           const std::string& email, Advert& advert, bool allow_words) {
  std::string written_phone;
  if (!phone.empty()) {
    advert.phones.push_back(phone);
    written_phone =
        FormatPhone(phone, allow_words && rng.Chance(0.05) ? PhoneStyle::kWords : AnyDigitStyle(rng));
  }
  std::string written_email;
  if (!email.empty()) {
    advert.emails.push_back(email);
    written_email = allow_words && rng.Chance(0.12) ? SpellEmail(email) : email;
  }
  std::vector<std::string> options;
  if (!phone.empty()) {
    options = {"Call " + first + " on " + written_phone + ".",
               "Text " + first + " on " + written_phone + ", no calls before 9am please.",
               "Ring " + written_phone + " after 6pm.",
               "Call or text " + written_phone + ".",
               first + " - " + written_phone,
               "Please text or WhatsApp " + written_phone + "."};
    if (!email.empty()) {
      options = {"Call " + first + " on " + written_phone + " or email " + written_email + ".",
                 "Text " + written_phone + " or drop me a line at " + written_email + "."};
    }
  } else {
    options = {"Email " + first + " at " + written_email + ".",
               "Reply by email please: " + written_email + "."};
  }
  return rng.Pick(options);
}

Advert WritePrivateAd(Rng& rng, const PrivateJob& job, const std::string& town, int site, int day,
                      const std::string& contact, Advert contacts) {
  static const std::vector<std::string> kAsides = {
      "Must be [reliable and punctual|reliable|punctual and honest].",
      "Start as soon as possible.", "References will be checked.", "No agencies please.",
      "Happy to chat first.", "Paid trial [shift|day].", "Long-term for the right person.",
      "Non-smoker preferred.", "Please do not reply if you cannot commit.",
      "We are easy-going people!", "Parking outside.", "Cash or bank transfer, whichever suits.",
      "Sorry, must have a UK driving licence.", "Weekends off.", "Thanks for reading.",
      "We are near the [park|station|retail park|canal].", "[I'm|We're] usually in after 5.",
      "Our last [helper|person] moved away after four years.", "Tea and biscuits provided!",
      "[Ideal|Perfect] for someone local.", "[Message|Contact] me for the full details.",
      "Please say a little about yourself.", "Fully flexible around school hours."};
  const std::string pay = rng.Pick(job.pay);
  const std::string opener = rng.Pick(job.openers);
  const std::map<std::string, std::string> slots = {{"town", town}};
  std::vector<std::string> sentences = {Fill(opener, slots, rng)};
  for (const std::string& detail :
       rng.Sample(job.details, static_cast<std::size_t>(rng.Between(2, 3))))
    sentences.push_back(Fill(detail, slots, rng));
  for (const std::string& aside : rng.Sample(kAsides, static_cast<std::size_t>(rng.Between(1, 3))))
    sentences.push_back(Fill(aside, slots, rng));
  static const std::vector<std::string> kPay = {"{pay}.", "Pay is {pay}.", "Paying {pay}.",
                                                "{pay}, negotiable."};
  sentences.push_back(Replaced(rng.Pick(kPay), "{pay}", pay));
  sentences.push_back(contact);
  const std::string text = Join(sentences, " ");
  JobSpec spec;
  spec.title = rng.Pick(job.titles);
  spec.town = town;
  spec.pay = pay;
  spec.informal = text;
  Advert advert = std::move(contacts);
  advert.site = site;
  advert.posted = DateOf(day);
  WriteJob(spec, StyleOf(site), rng, advert);
  // Boards without a classified style print the text as it is.
  if (StyleOf(site) != JobStyle::kClassified) advert.sections = {Section{"", {text}, {}}};
  advert.pay = pay;
  return advert;
}

Advert PrivateAd(BuildContext& ctx, Rng& rng, const std::string& town, int site, int day) {
  const std::string first = rng.Pick(FirstNames());
  std::string phone, email;
  if (rng.Chance(0.9)) phone = ctx.phones().Take(PhoneRange::kMobile);
  if (phone.empty() || rng.Chance(0.25)) {
    for (;;) {
      email = Lower(first) + "." + Lower(rng.Pick(Surnames())).substr(0, 1);
      email += std::to_string(rng.Between(10, 99));
      email += rng.Chance(0.5) ? "@example.com" : "@example.org";
      if (ctx.Claim("email:" + email)) break;
    }
  }
  Advert contacts;
  std::string contact = PrivateContact(rng, first, phone, email, contacts, true);
  // Deal the jobs out like cards, so each kind of job appears about as
  // often as the others.
  std::vector<std::string>& deck = ctx.Deck("private-jobs");
  if (deck.empty()) {
    for (const PrivateJob& job : PrivateJobs()) deck.push_back(job.key);
    rng.Shuffle(deck);
  }
  const std::string key = deck.back();
  deck.pop_back();
  return WritePrivateAd(rng, PrivateJobNamed(key), town, site, day, contact, std::move(contacts));
}

}  // namespace plainsight::farm2
