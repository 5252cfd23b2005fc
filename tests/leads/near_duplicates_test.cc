// Near-duplicates: threshold calibration on realistic synthetic adverts,
// LSH recall on planted template groups, and the guards (short texts,
// oversized buckets).
#include "leads/near_duplicates.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "leads/minhash.h"

namespace plainsight {
namespace {

// Advert templates as a controller would reuse them. Slots: {name} {age}
// {town} {price} {phone} {day}; the [bracketed] sentence appears in some
// copies only. Written by "different writers" with a shared vocabulary, so
// any two templates of one genre are an unrelated same-genre pair.
const char* const kAdultTemplates[] = {
    "Hi gentlemen, I am {name}, {age}, new to {town} this week. Elegant and friendly companion "
    "offering relaxing massage and good conversation. [I speak a little English.] Incall only, "
    "discreet clean apartment near the station. {price} for one hour. Call or text {phone}, no "
    "withheld numbers.",
    "New girl in {town}! Sweet {name} ({age}) available today for companionship and relaxing "
    "evenings. [Open minded and always smiling.] Outcalls to hotels only. Prices from {price}. "
    "Please text first on {phone}, I reply quickly.",
    "Welcome to {name}'s page. I am a mature and warm lady, {age} years young, based in {town} "
    "city centre. I offer full body massage, dinner dates and overnight companionship. [Parking "
    "nearby.] Rates {price} half hour. Available {day} till late, {phone}.",
    "Beautiful Asian lady {name} just arrived in {town}. Very gentle, very relaxing. Hot stone "
    "and oil massage, private room, shower available. [Many girls to choose from.] Open seven "
    "days, {day} to midnight. Only {price}. Ring {phone} now.",
    "Hello, my name is {name} and I am {age}. Visiting {town} for a few days only so do not miss "
    "me. Tall, slim, long dark hair, friendly personality. [Students welcome.] I love to make new "
    "friends and enjoy quiet evenings in. {price} per hour, whatsapp {phone}.",
    "{name}, {age}, independent companion in {town}. Genuine photos, what you see is what you "
    "get. Relaxing massage, girlfriend experience, long sessions available. [Couples welcome.] "
    "Clean private flat with free parking. Donation {price}. Call {phone} between noon and late.",
    "Luxury massage studio in {town} with new ladies every week. Today: {name}, {age}, from "
    "Eastern Europe, soft hands and kind smile. [Walk ins accepted.] Reception open all day. "
    "Half an hour {price}. Book on {phone}.",
    "Hey guys, this is {name}! I'm a bubbly {age} year old brunette visiting {town}. Come and "
    "relax with me after a long day at work. Sensual body massage and cuddles. [Available "
    "weekends too.] From {price}. Text only {phone}, I can't answer calls.",
    "Discreet outcall service covering {town} and nearby villages. Our lovely {name}, {age}, "
    "will come to your home or hotel. Warm company for dinner, events or a quiet night in. "
    "[Credit cards accepted.] Booking fee {price}. Call the agency on {phone}.",
    "Looking for elegant company? I am {name}, a {age} year old model in {town} for a short "
    "tour. Dinner companion, travel partner and relaxing massage therapist. [Fluent in English "
    "and Italian.] Minimum two hours, {price}. Email or call {phone}.",
};

const char* const kJobTemplates[] = {
    "Warehouse operatives needed in {town}. Immediate start, no experience needed. Pay {price} "
    "per hour cash weekly. Accommodation provided and transport to site every morning. [Must be "
    "able to lift heavy boxes.] Long shifts, six days per week. Contact {name} on {phone}.",
    "Car wash staff wanted urgently, {town} hand car wash. Good pay {price} per day, training "
    "given. [No English needed.] We can help with housing near the car wash. Call {name} "
    "{phone} today.",
    "Nail technicians required for busy salon in {town}. Full time, {day} to 8pm, {price} "
    "weekly. Room available above the shop for the right person. [Visa help possible.] Send a "
    "message to {name} on {phone}.",
    "Seasonal fruit pickers for farm near {town}. Work from {day} until October. Caravan "
    "accommodation on the farm, rent taken from wages. Earn up to {price} a week. [Bring your "
    "passport.] Minibus from the station. Ask for {name}, {phone}.",
    "Care assistants needed for residential home in {town}. Day and night shifts available, "
    "{price} per hour. Training provided, DBS check required. [Driving licence an advantage.] "
    "Friendly team, pension and paid holiday. Apply to {name} at {phone} or jobs@example.org.",
    "Cleaners wanted for offices and hotels in {town} area. Evening work, 5pm to 11pm. Pay "
    "{price} cash. We provide uniform, equipment and lift to work. [Couples can apply "
    "together.] Start tomorrow. Whatsapp {name} {phone}.",
    "Labourers and general builders needed for sites across {town}. {price} a day, paid Friday. "
    "Own boots and safety card preferred but not essential. [Shared house available for "
    "workers.] Call {name} on {phone} for immediate start.",
    "Food factory in {town} is hiring packers and line workers. Long shifts, days or nights. "
    "Rate {price} per hour through our agency. [Free bus from the town centre.] No interview, "
    "start this week. Register with {name} {phone}.",
    "Kitchen porter and waiting staff for restaurant in {town}. Live in position, meals "
    "included, {price} per week. Must be hard working and flexible with hours. [Experience in "
    "Asian cuisine welcome.] Call {name} {phone}.",
    "Hotel housekeeping team members wanted, {town} seafront. Seasonal contract from {day}. Pay "
    "{price} per room cleaned. Staff accommodation available, deducted from pay. [Uniform "
    "provided.] Speak to {name} on {phone}.",
};

const char* const kNames[] = {"Anna", "Beth",  "Chloe", "Daria", "Elena", "Fiona", "Gabi",
                              "Hana", "Irina", "Jade",  "Kasia", "Lena",  "Mia",   "Nina"};
const char* const kTowns[] = {"Corby",     "Kettering",      "Milton Keynes", "Northampton",
                              "Luton",     "Peterborough",   "Bedford",       "Wellingborough",
                              "Leicester", "Stoke-on-Trent", "King's Lynn",   "Boston"};
const char* const kPrices[] = {"£150", "£80", "£120", "£200", "£9.50", "£60", "£70/hr", "£1,200"};
const char* const kDays[] = {"10am", "1 June", "15 May", "Monday 3rd", "9am", "20th April"};

template <typename T, size_t N>
constexpr size_t Count(T (&)[N]) {
  return N;
}

// Fills `tmpl` from slot choice `fill` (any number: each slot cycles through
// its own list at a different stride) and keeps or drops the optional
// sentence.
std::string Fill(const char* tmpl, size_t fill, bool with_optional) {
  char phone[32];
  const unsigned serial = static_cast<unsigned>((fill * 37) % 1000);
  if (fill % 3 == 0) {
    std::snprintf(phone, sizeof phone, "07700 900%03u", serial);
  } else if (fill % 3 == 1) {
    std::snprintf(phone, sizeof phone, "01632 960%03u", serial);
  } else {
    std::snprintf(phone, sizeof phone, "07700900%03u", serial);
  }
  const std::string age = std::to_string(19 + (fill * 7) % 30);
  const std::pair<std::string, std::string> slots[] = {
      {"{name}", kNames[(fill * 5 + 1) % Count(kNames)]},
      {"{town}", kTowns[(fill * 7 + 2) % Count(kTowns)]},
      {"{price}", kPrices[(fill * 3) % Count(kPrices)]},
      {"{day}", kDays[fill % Count(kDays)]},
      {"{age}", age},
      {"{phone}", phone},
  };
  std::string text = tmpl;
  for (const auto& [key, value] : slots) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  }
  const size_t open = text.find('[');
  const size_t close = text.find(']');
  if (open != std::string::npos && close != std::string::npos) {
    if (with_optional) {
      text.erase(close, 1);
      text.erase(open, 1);
    } else {
      text.erase(open, close - open + 2);  // the sentence and its trailing space
    }
  }
  return text;
}

struct Corpus {
  std::vector<const char*> templates;
  std::string genre;
};

std::vector<Corpus> Genres() {
  return {
      {std::vector<const char*>(std::begin(kAdultTemplates), std::end(kAdultTemplates)), "adult"},
      {std::vector<const char*>(std::begin(kJobTemplates), std::end(kJobTemplates)), "job"}};
}

struct MeasuredPair {
  std::string label;
  double exact = 0;
  double estimate = 0;
};

std::string Table(const std::vector<MeasuredPair>& rows) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(2);
  double min_exact = 1, max_exact = 0, min_estimate = 1, max_estimate = 0;
  for (const MeasuredPair& r : rows) {
    out << r.label << "  exact=" << r.exact << "  est=" << r.estimate << "\n";
    min_exact = std::min(min_exact, r.exact);
    max_exact = std::max(max_exact, r.exact);
    min_estimate = std::min(min_estimate, r.estimate);
    max_estimate = std::max(max_estimate, r.estimate);
  }
  out << "exact " << min_exact << " .. " << max_exact << ", estimated " << min_estimate << " .. "
      << max_estimate << "\n";
  return out.str();
}

// Copies of one template (every slot refilled: name, age, town, price,
// phone, date) must reach the default threshold, with or without the
// optional sentence on one side; adverts from two different templates of
// the same genre must stay below it. Run with -s to see the table.
TEST_CASE("NearDuplicates_Threshold_SeparatesTemplatesFromSameGenre", "[near_duplicates]") {
  const double threshold = NearDuplicateOptions{}.threshold;
  MinHasher hasher;
  static const struct {
    size_t fill_a;
    size_t fill_b;
    bool optional_a;
    bool optional_b;
    const char* what;
  } kVariants[] = {
      {0, 1, true, true, "refilled"},
      {2, 5, true, false, "refilled, sentence dropped"},
      {4, 9, false, false, "refilled, no sentence"},
  };
  std::vector<MeasuredPair> same_template;
  std::vector<MeasuredPair> unrelated;
  for (const Corpus& corpus : Genres()) {
    for (size_t t = 0; t < corpus.templates.size(); ++t) {
      for (const auto& v : kVariants) {
        const std::string a = Fill(corpus.templates[t], v.fill_a, v.optional_a);
        const std::string b = Fill(corpus.templates[t], v.fill_b, v.optional_b);
        same_template.push_back(
            {corpus.genre + " template " + std::to_string(t) + " " + v.what,
             ExactShingleJaccard(a, b),
             MinHasher::EstimateJaccard(hasher.Signature(a), hasher.Signature(b))});
      }
      for (size_t u = t + 1; u < corpus.templates.size(); ++u) {
        const std::string a = Fill(corpus.templates[t], 0, true);
        const std::string b = Fill(corpus.templates[u], 0, true);
        unrelated.push_back({corpus.genre + " " + std::to_string(t) + " vs " + std::to_string(u),
                             ExactShingleJaccard(a, b),
                             MinHasher::EstimateJaccard(hasher.Signature(a), hasher.Signature(b))});
      }
    }
  }
  INFO("threshold " << threshold << "\nsame template:\n"
                    << Table(same_template) << "unrelated same genre:\n"
                    << Table(unrelated));
  static const struct {
    const std::vector<MeasuredPair>* rows;
    bool above;
  } kGroups[] = {{&same_template, true}, {&unrelated, false}};
  for (const auto& group : kGroups) {
    for (const MeasuredPair& r : *group.rows) {
      INFO(r.label << " exact=" << r.exact << " est=" << r.estimate);
      CHECK((r.exact >= threshold) == group.above);
      CHECK((r.estimate >= threshold) == group.above);
    }
  }
}

// 200 adverts: 10 copies of each of 20 templates, refilled, the optional
// sentence in about two copies out of three. LSH must return exactly every
// within-template pair: full recall, nothing across templates.
TEST_CASE("NearDuplicates_Lsh_FindsEveryPlantedTemplatePair", "[near_duplicates]") {
  constexpr size_t kCopies = 10;
  std::vector<std::string> texts;
  std::vector<size_t> group_of;
  size_t group = 0;
  for (const Corpus& corpus : Genres()) {
    for (const char* tmpl : corpus.templates) {
      for (size_t copy = 0; copy < kCopies; ++copy) {
        const size_t fill = group * 11 + copy * 13;
        texts.push_back(Fill(tmpl, fill, fill % 3 != 0));
        group_of.push_back(group);
      }
      ++group;
    }
  }
  std::set<std::pair<size_t, size_t>> expected;
  for (size_t a = 0; a < texts.size(); ++a) {
    for (size_t b = a + 1; b < texts.size(); ++b) {
      if (group_of[a] == group_of[b]) expected.insert({a, b});
    }
  }

  NearDuplicateStats stats;
  const std::vector<NearDuplicatePair> pairs =
      FindNearDuplicateTexts(texts, MinHasher(), NearDuplicateOptions{}, &stats);
  std::set<std::pair<size_t, size_t>> found;
  for (const NearDuplicatePair& p : pairs) found.insert({p.a, p.b});

  static const struct {
    const std::set<std::pair<size_t, size_t>>* from;
    const std::set<std::pair<size_t, size_t>>* in;
    const char* what;
  } kDirections[] = {{&expected, &found, "missed (recall)"}, {&found, &expected, "false pair"}};
  for (const auto& d : kDirections) {
    for (const auto& [a, b] : *d.from) {
      if (d.in->count({a, b}) == 0) {
        INFO(d.what << ": " << a << " / " << b << "\n"
                    << texts[a] << "\n"
                    << texts[b] << "\nexact=" << ExactShingleJaccard(texts[a], texts[b]));
        CHECK(false);
      }
    }
  }
  CHECK(found.size() == expected.size());
  CHECK(pairs.size() == expected.size());  // no duplicates
  CHECK(stats.texts_skipped == 0);
  CHECK(stats.buckets_skipped == 0);
  // Output is sorted by (a, b) with a < b.
  for (size_t i = 0; i < pairs.size(); ++i) {
    CAPTURE(i);
    CHECK(pairs[i].a < pairs[i].b);
    if (i > 0) {
      CHECK(std::make_pair(pairs[i - 1].a, pairs[i - 1].b) <
            std::make_pair(pairs[i].a, pairs[i].b));
    }
  }
}

// Identical texts are near-duplicates only when long enough to judge.
TEST_CASE("NearDuplicates_MinShingles_ShortTextsSkipped", "[near_duplicates]") {
  static const struct {
    const char* text;
    size_t expected_pairs;
    size_t expected_skipped;
  } kCases[] = {
      {"Call 07700 900111", 0, 2},
      {"New in town, call me now", 0, 2},  // 6 tokens, 5 shingles
      {"New girl in town today, relaxing massage, call me now on 07700 900111", 1, 0},
      {"", 0, 2},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    NearDuplicateStats stats;
    const auto pairs = FindNearDuplicateTexts({c.text, c.text}, MinHasher(), {}, &stats);
    CHECK(pairs.size() == c.expected_pairs);
    CHECK(stats.texts_skipped == c.expected_skipped);
  }
}

// A bucket bigger than max_bucket is skipped in every band it fills, so a
// mass-posted identical text cannot cost max_bucket^2 comparisons.
TEST_CASE("NearDuplicates_MaxBucket_OversizedBucketsSkipped", "[near_duplicates]") {
  static const struct {
    size_t copies;
    size_t max_bucket;
    size_t expected_pairs;
    size_t expected_buckets_skipped;
  } kCases[] = {
      {50, 1000, 50 * 49 / 2, 0},
      {50, 50, 50 * 49 / 2, 0},
      {50, 49, 0, 42},  // all 42 bands
      {2, 1, 0, 42},
  };
  const std::string text = Fill(kJobTemplates[0], 3, true);
  for (const auto& c : kCases) {
    CAPTURE(c.copies, c.max_bucket);
    NearDuplicateOptions options;
    options.max_bucket = c.max_bucket;
    NearDuplicateStats stats;
    const auto pairs = FindNearDuplicateTexts(std::vector<std::string>(c.copies, text), MinHasher(),
                                              options, &stats);
    CHECK(pairs.size() == c.expected_pairs);
    CHECK(stats.buckets_skipped == c.expected_buckets_skipped);
  }
}

// Signatures the caller made wrongly (other length, missing count) are
// skipped rather than compared.
TEST_CASE("NearDuplicates_Signatures_WrongLengthOrMissingCountSkipped", "[near_duplicates]") {
  MinHasher hasher;
  const std::string text = Fill(kAdultTemplates[0], 1, true);
  const std::vector<std::uint32_t> good = hasher.Signature(text);
  const std::vector<std::uint32_t> shorter(good.begin(), good.begin() + 64);
  static const struct {
    int third;  // 0: good, 1: shorter, 2: no shingle count
    size_t expected_pairs;
    size_t expected_skipped;
  } kCases[] = {{0, 3, 0}, {1, 1, 1}, {2, 1, 1}};
  for (const auto& c : kCases) {
    CAPTURE(c.third);
    std::vector<std::vector<std::uint32_t>> signatures = {good, good,
                                                          c.third == 1 ? shorter : good};
    std::vector<int> counts(c.third == 2 ? 2 : 3, CountShingles(text));
    NearDuplicateStats stats;
    const auto pairs = FindNearDuplicates(signatures, counts, {}, &stats);
    CHECK(pairs.size() == c.expected_pairs);
    CHECK(stats.texts_skipped == c.expected_skipped);
  }
}

}  // namespace
}  // namespace plainsight
