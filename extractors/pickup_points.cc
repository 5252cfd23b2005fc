#include "extractors/pickup_points.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/strings.h"
#include "extractors/addresses.h"
#include "extractors/postcodes.h"
#include "extractors/text_normalize.h"

namespace plainsight {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// How far after a cue its place may start and end: the cue and its place
// are one clause ("pick-up from the Tesco car park, Corby, 5am"), so a long
// reach would only join a cue to a place named for another reason.
constexpr size_t kCueReach = 200;

// The transport cues. Sources: the police page's signs "workers driven
// between premises" and "early pick-ups"; GLAA and Unseen "spot the signs":
// "transport controlled by the employer" (minibus, van, lifts, collection).
// Each kind has its own group so the caller knows which connectors it takes.
enum CueKind { kMeeting = 1, kPick, kTransport, kVehicle, kCollect, kLift, kDrive, kCueKinds };

const RE2& CuePattern() {
  static const RE2 kCue(
      R"((?i)\b(?:)"
      // "meeting point for transport", "minibus meeting point" (first, so the
      // shorter "transport" does not win at the same start).
      R"((meeting point for (?:the )?(?:transport|mini ?-?bus|bus|van|coach|lifts?|pick ?-?ups?)|)"
      R"((?:transport|mini ?-?bus|van|pick ?-?up) meeting point))"
      // "pick-up", "pickup", "picked up", "pick you up".
      R"(|(pick(?:s|ed|ing)? (?:you|them|workers|staff|everyone|people) up|pick(?:s|ed|ing)?(?: |-)?ups?))"
      // "transport", kept with "own"/"public" so those can be refused.
      R"(|((?:own |public )?transport(?:ation)?))"
      // Employer vehicles; a plain "bus" is public transport, so not here.
      R"(|((?:mini ?-?bus(?:es)?|vans?|coach(?:es)?|shuttles?(?: bus(?:es)?)?|(?:works?|company|staff) (?:bus(?:es)?|vans?))))"
      // "we collect you", "collected", "collection".
      R"(|(collect(?:s|ed|ing)? (?:you|them|workers|staff|everyone|people)|collected|collections?))"
      // "lifts", kept with "fork" so forklifts can be refused.
      R"(|((?:fork ?-?)?lifts?))"
      // "driven from", "we drive you from".
      R"(|(driven|drives? (?:you|them|workers|staff|everyone|people)))"
      R"()\b)");
  return kCue;
}

// After a transport cue, a clause about the employer's vehicle: "Free
// transport: the minibus leaves Kettering bus station", "Transport provided,
// the van goes from ...". Group 1 ends at the vehicle; the connectors after it
// are read word by word like any cue's. A departure verb or "from" must
// follow, so "Pickup point: bus station, Corby" stays a place. A plain "bus"
// is taken here (not as a cue) because the cue before it already says the
// transport is the employer's. Source: the test farm's adverts ("the minibus
// leaves", "the works bus departs", "van leaves from").
const RE2& VehicleClausePattern() {
  static const RE2 kVehicle(
      R"((?i)((?:(?:the|our|a|your) )?(?:(?:works?|company|staff|free) )?)"
      R"((?:mini ?-?bus|van|coach|shuttle(?: bus)?|bus)))"
      R"((?: (?:will|daily|then))? (?:leaves|leave|leaving|departs|depart|departing|sets off|)"
      R"(set off|goes|runs|waits|stops|from)\b)");
  return kVehicle;
}

// Times: "5am", "5.30am", "5:45 a.m.", "05:00", "0500hrs". Groups: 1-3 the
// 12-hour form, 4-5 the colon form, 6-7 the four-digit form.
const RE2& TimePattern() {
  static const RE2 kTime(
      R"((?i)(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\b\.?)"
      R"(|(\d{1,2}):(\d{2})\b(?: ?(?:hrs|hours|h)\b)?)"
      R"(|(\d{2})(\d{2}) ?(?:hrs|hours|h)\b)");
  return kTime;
}

// "at 6", "at 5.30": a bare hour, a time only straight after "at".
const RE2& AtHourPattern() {
  static const RE2 kAtHour(R"((?i)at (\d{1,2})(?:[:.](\d{2}))?\b)");
  return kAtHour;
}

bool IsWordByte(char c) {
  return IsAsciiAlnum(c) || c == '\'' || c == '&' || static_cast<unsigned char>(c) >= 0x80;
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
};

// The word at `pos` after spaces, or an empty word when the next byte is
// punctuation or `limit`. Hyphens and dots inside a word stay in it
// ("Co-op", "5.30am", "lay-by").
Word WordAt(std::string_view s, size_t pos, size_t limit) {
  while (pos < limit && s[pos] == ' ') ++pos;
  Word w{pos, pos};
  while (w.end < limit) {
    const char c = s[w.end];
    if (IsWordByte(c) ||
        ((c == '-' || c == '.') && w.end > w.begin && w.end + 1 < limit &&
         IsAsciiAlnum(s[w.end + 1]))) {
      ++w.end;
    } else {
      break;
    }
  }
  return w;
}

// Lower case without apostrophes, so "McDonald’s" and "mcdonalds" compare equal.
std::string Fold(std::string_view s, Word w) {
  std::string out;
  for (size_t i = w.begin; i < w.end; ++i) {
    const char c = s[i];
    if (c == '\'') continue;
    if (s.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;
      continue;
    }
    out.push_back(AsciiLower(c));
  }
  return out;
}

template <size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool StartsUpper(std::string_view s, Word w) { return !w.empty() && IsAsciiUpper(s[w.begin]); }

// Past spaces and any of `chars` from `pos`.
size_t Skip(std::string_view s, size_t pos, size_t limit, std::string_view chars) {
  while (pos < limit && (s[pos] == ' ' || chars.find(s[pos]) != kNpos)) ++pos;
  return pos;
}

// Start of the word before `pos` (past spaces and punctuation), or `pos`.
size_t PrevWordBegin(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i > 0 && !IsWordByte(s[i - 1]) && s[i - 1] != '\n') --i;
  if (i == 0 || s[i - 1] == '\n') return pos;
  while (i > 0 && (IsWordByte(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '.')) --i;
  return i;
}

// Where the clause of a cue ending at `from` stops: a line break, '!', '?',
// ';', or a full stop followed by a space and a capital (not "5.30am", not
// "a.m. from", not "St. Albans").
size_t SentenceEnd(std::string_view s, size_t from) {
  const size_t cap = std::min(s.size(), from + kCueReach);
  static constexpr std::array<std::string_view, 9> kAbbrev = {"st", "rd", "ave", "nr", "no",
                                                              "opp", "approx", "a.m", "p.m"};
  for (size_t i = from; i < cap; ++i) {
    const char c = s[i];
    if (c == '\n' || c == '!' || c == '?' || c == ';') return i;
    if (c != '.' || (i + 1 < s.size() && s[i + 1] != ' ')) continue;
    if (i + 2 < s.size() && (IsAsciiLower(s[i + 2]) || IsAsciiDigit(s[i + 2]))) continue;
    const size_t word = PrevWordBegin(s, i);
    if (word < i && In(kAbbrev, ToLowerAscii(s.substr(word, i - word)))) continue;
    return i;
  }
  return cap;
}

std::string HourMinute(int hour, int minute) {
  std::string out(5, ':');
  out[0] = static_cast<char>('0' + hour / 10);
  out[1] = static_cast<char>('0' + hour % 10);
  out[3] = static_cast<char>('0' + minute / 10);
  out[4] = static_cast<char>('0' + minute % 10);
  return out;
}

int Number(re2::StringPiece digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

struct TimeMatch {
  std::string time;  // "HH:MM"
  size_t end = 0;
};

// A time starting exactly at `pos` ("5am", "05:00"), also with "at" before
// it ("at 4:45"), or a bare hour after "at" ("at 6").
std::optional<TimeMatch> TimeAt(std::string_view s, size_t pos, size_t limit) {
  re2::StringPiece g[8];
  const bool at = pos + 3 <= limit && EqualsIgnoreCaseAscii(s.substr(pos, 3), "at ");
  if (TimePattern().Match(s, pos, limit, RE2::ANCHOR_START, g, 8) ||
      (at && TimePattern().Match(s, pos + 3, limit, RE2::ANCHOR_START, g, 8))) {
    int hour = -1;
    int minute = 0;
    if (!g[1].empty()) {
      hour = Number(g[1]);
      minute = g[2].empty() ? 0 : Number(g[2]);
      if (hour < 1 || hour > 12) return std::nullopt;
      const bool pm = AsciiLower(g[3][0]) == 'p';
      if (hour == 12) hour = 0;  // 12am is midnight, 12pm noon
      if (pm) hour += 12;
    } else if (!g[4].empty()) {
      hour = Number(g[4]);
      minute = Number(g[5]);
    } else {
      hour = Number(g[6]);
      minute = Number(g[7]);
    }
    if (hour > 23 || minute > 59) return std::nullopt;
    return TimeMatch{HourMinute(hour, minute),
                     static_cast<size_t>(g[0].data() + g[0].size() - s.data())};
  }
  // "at 6" / "at 5.30": the hour as written. Not "at 6 Mill Road" (an
  // address) and not "at 6 miles".
  if (!AtHourPattern().Match(s, pos, limit, RE2::ANCHOR_START, g, 3)) return std::nullopt;
  const size_t end = static_cast<size_t>(g[0].data() + g[0].size() - s.data());
  const Word next = WordAt(s, end, limit);
  static constexpr std::array<std::string_view, 14> kUnits = {
      "miles", "mile", "min",  "mins",   "minutes", "hours",   "days",
      "weeks", "people", "workers", "staff", "percent", "pounds", "different"};
  if (end < limit && (s[end] == '%' || s[end] == '.' || s[end] == ':') && end + 1 < limit &&
      IsAsciiDigit(s[end + 1])) {
    return std::nullopt;
  }
  if (end < limit && s[end] == '%') return std::nullopt;
  if (!next.empty() && next.begin == end + 1 &&
      (StartsUpper(s, next) || IsAsciiDigit(s[next.begin]) || In(kUnits, Fold(s, next)))) {
    return std::nullopt;
  }
  const int hour = Number(g[1]);
  const int minute = g[2].empty() ? 0 : Number(g[2]);
  if (hour > 23 || minute > 59) return std::nullopt;
  return TimeMatch{HourMinute(hour, minute), end};
}

// Place words: the last words of a landmark ("the Tesco car park", "Boston
// market place"). Sources: the example adverts above and the places the
// GLAA names for pick-ups (car parks, stations, lay-bys, town centres).
constexpr std::array<std::string_view, 37> kPlaceWords = {
    "car park",       "carpark",        "bus station",       "coach station",
    "train station",  "railway station", "rail station",     "station",
    "bus stop",       "market place",   "marketplace",       "market square",
    "market",         "square",         "retail park",       "shopping centre",
    "shopping center", "shopping park", "industrial estate", "trading estate",
    "business park",  "petrol station", "garage",            "roundabout",
    "church",         "town centre",    "city centre",       "town hall",
    "leisure centre", "park and ride",  "park & ride",       "lay-by",
    "layby",          "airport",        "retail centre",     "precinct",
    "bus depot"};

// End of the longest place word phrase starting at the word at `pos`, or kNpos.
size_t PlaceWordEnd(std::string_view s, size_t pos, size_t limit) {
  size_t best = kNpos;
  for (std::string_view phrase : kPlaceWords) {
    size_t p = pos;
    bool ok = true;
    size_t start = 0;
    while (start < phrase.size()) {
      size_t space = phrase.find(' ', start);
      if (space == kNpos) space = phrase.size();
      const Word w = WordAt(s, p, limit);
      if (w.empty() || Fold(s, w) != phrase.substr(start, space - start)) {
        ok = false;
        break;
      }
      p = w.end;
      start = space + 1;
    }
    if (ok && (best == kNpos || p > best)) best = p;
  }
  return best;
}

// Words that end a landmark's name: "from home to the car park" is no landmark.
// The departure verbs and "meet" are here so that "the minibus leaves
// Kettering bus station" or "meet the driver at ..." is never read whole as
// one landmark ending in "bus station".
constexpr std::array<std::string_view, 56> kNotLandmarkWords = {
    "and",  "or",   "to",    "for",     "with",  "from",  "at",    "in",     "on",
    "by",   "of",   "your",  "our",     "my",    "their", "his",   "her",    "a",
    "an",   "any",  "nearest", "every", "each",  "daily", "then",  "near",   "outside",
    "opposite", "is", "are",  "will",   "be",    "you",   "we",    "us",     "it",
    "this", "that", "there", "where",   "which", "who",   "home",  "work",
    "leaves", "leave", "leaving", "departs", "depart", "departing", "goes", "runs",
    "waits", "stops", "sets", "meet"};

// Supermarkets and chains that serve as meeting landmarks alone ("from
// outside McDonald's", "pick-up at Tesco"). Source: the example adverts.
constexpr std::array<std::string_view, 22> kBrands = {
    "tesco",  "asda",   "lidl",    "aldi",      "morrisons", "sainsburys", "mcdonalds", "kfc",
    "co-op",  "coop",   "iceland", "b&q",       "greggs",    "costa",      "starbucks", "primark",
    "argos",  "wickes", "homebase", "screwfix", "halfords",  "wetherspoons"};

struct Spot {
  size_t begin = 0;
  size_t end = 0;
  bool town_only = false;  // the place is a town alone ("pick-up in Corby")
  std::string town;
  std::string postcode;
};

struct Town {
  size_t end = 0;
  std::string name;
};

// A gazetteer town written at `pos` ("Corby", "Kingston upon Hull"), read
// with the gazetteer's own rules in the context of the word before it (so
// "pick up in March" is the month and "London Road" a street).
std::optional<Town> TownAt(std::string_view s, size_t pos, size_t limit, const Gazetteer* gaz) {
  if (gaz == nullptr) return std::nullopt;
  static constexpr std::array<std::string_view, 6> kJoiners = {"upon", "on", "under",
                                                               "le",   "in", "next"};
  std::vector<Word> words;
  size_t p = pos;
  while (words.size() < 4) {
    const Word w = WordAt(s, p, limit);
    if (w.empty()) break;
    if (words.empty() ? !StartsUpper(s, w) : !(StartsUpper(s, w) || In(kJoiners, Fold(s, w)))) {
      break;
    }
    words.push_back(w);
    p = w.end;
  }
  if (words.empty()) return std::nullopt;
  // The gazetteer reads a name with the words either side of it: "from
  // London Road" is a street, "in March" a month, "Reading Festival" no town.
  const size_t context = PrevWordBegin(s, words[0].begin);
  const Word after = WordAt(s, words.back().end, limit);
  const size_t context_end = after.empty() ? words.back().end : after.end;
  for (size_t n = words.size(); n >= 1; --n) {
    const Word& last = words[n - 1];
    if (!StartsUpper(s, last)) continue;
    const Place* place =
        gaz->Find(s.substr(words[0].begin, last.end - words[0].begin));
    if (place == nullptr) continue;
    const std::vector<std::string> named =
        gaz->FindPlaces(s.substr(context, context_end - context));
    if (std::find(named.begin(), named.end(), place->name) == named.end()) continue;
    return Town{last.end, place->name};
  }
  return std::nullopt;
}

// The town named inside a place phrase ("Kettering bus station"): the
// gazetteer's rules, with "at" before it as the cue they expect.
std::string TownInside(std::string_view s, size_t begin, size_t end, const Gazetteer* gaz) {
  if (gaz == nullptr) return "";
  const std::vector<std::string> named =
      gaz->FindPlaces("at " + std::string(s.substr(begin, end - begin)));
  return named.empty() ? "" : named.front();
}

// End of "[the] Name Name" after "outside"/"opposite": capitalised words or
// brands ("McDonald's", "the Royal Hotel", "B&Q"), or kNpos.
size_t NameRunEnd(std::string_view s, size_t pos, size_t limit) {
  Word w = WordAt(s, pos, limit);
  if (!w.empty() && Fold(s, w) == "the") w = WordAt(s, w.end, limit);
  size_t end = kNpos;
  for (int n = 0; n < 4 && !w.empty(); ++n) {
    const std::string folded = Fold(s, w);
    if (!(StartsUpper(s, w) || IsAsciiDigit(s[w.begin]) || In(kBrands, folded)) ||
        In(kNotLandmarkWords, folded)) {
      break;
    }
    end = w.end;
    w = WordAt(s, w.end, limit);
  }
  return end;
}

// "[the] corner of A and B": end, or kNpos.
size_t CornerEnd(std::string_view s, size_t pos, size_t limit) {
  Word w = WordAt(s, pos, limit);
  if (!w.empty() && Fold(s, w) == "the") w = WordAt(s, w.end, limit);
  if (w.empty() || Fold(s, w) != "corner") return kNpos;
  w = WordAt(s, w.end, limit);
  if (w.empty() || Fold(s, w) != "of") return kNpos;
  size_t p = w.end;
  for (int side = 0; side < 2; ++side) {
    size_t name_end = kNpos;
    for (int n = 0; n < 4; ++n) {
      const Word part = WordAt(s, p, limit);
      if (part.empty()) break;
      const std::string folded = Fold(s, part);
      if (folded == "and" || folded == "&" || !(StartsUpper(s, part) || IsAsciiDigit(s[part.begin]) ||
                                                folded == "road" || folded == "street" ||
                                                folded == "lane")) {
        break;
      }
      name_end = part.end;
      p = part.end;
    }
    if (name_end == kNpos) return kNpos;
    if (side == 1) return name_end;
    p = Skip(s, p, limit, "/");
    const Word joint = WordAt(s, p, limit);
    if (!joint.empty() && (Fold(s, joint) == "and" || Fold(s, joint) == "&")) {
      p = joint.end;
    } else if (p == name_end) {
      return kNpos;
    }
  }
  return kNpos;
}

// A landmark ending in a place word: "the Tesco car park", "Kettering bus
// station car park". End or kNpos.
size_t LandmarkEnd(std::string_view s, size_t pos, size_t limit) {
  size_t p = pos;
  for (int n = 0; n < 7; ++n) {
    const Word w = WordAt(s, p, limit);
    if (w.empty()) return kNpos;
    size_t end = PlaceWordEnd(s, w.begin, limit);
    if (end != kNpos) {
      // "bus station car park": place words run on.
      for (size_t more = PlaceWordEnd(s, end, limit); more != kNpos;
           more = PlaceWordEnd(s, end, limit)) {
        end = more;
      }
      return end;
    }
    const std::string folded = Fold(s, w);
    if (!(n == 0 && folded == "the") && In(kNotLandmarkWords, folded)) return kNpos;
    if (TimeAt(s, w.begin, limit)) return kNpos;
    p = w.end;
  }
  return kNpos;
}

bool IsPreposition(std::string_view folded) {
  return folded == "outside" || folded == "opposite" || folded == "near" || folded == "behind";
}

// The place phrase starting at `pos`, under the rules in the header.
std::optional<Spot> ParsePlace(std::string_view s, size_t pos, size_t limit,
                                const Gazetteer* gaz) {
  Word w = WordAt(s, pos, limit);
  if (w.empty()) return std::nullopt;
  Spot place;
  place.begin = w.begin;
  size_t core = w.begin;
  bool prep = false;
  const std::string first = Fold(s, w);
  if (IsPreposition(first)) {
    prep = true;
    core = w.end;
  } else if (first == "next" || first == "in") {
    // "next to X", "in front of X"
    const Word a = WordAt(s, w.end, limit);
    const Word b = a.empty() ? a : WordAt(s, a.end, limit);
    if (first == "next" && !a.empty() && Fold(s, a) == "to") {
      prep = true;
      core = a.end;
    } else if (first == "in" && !b.empty() && Fold(s, a) == "front" && Fold(s, b) == "of") {
      prep = true;
      core = b.end;
    }
  }
  core = WordAt(s, core, limit).begin;
  if (core >= limit) return std::nullopt;

  size_t end = CornerEnd(s, core, limit);
  if (end == kNpos) {
    const std::vector<AddressMatch> addresses = FindStreetAddresses(s.substr(core, limit - core));
    if (!addresses.empty() && addresses[0].offset == 0) end = core + addresses[0].match.size();
  }
  if (end == kNpos) {
    const std::vector<PostcodeMatch> postcodes =
        FindPostcodesInNormalized(s.substr(core, limit - core));
    if (!postcodes.empty() && postcodes[0].offset == 0) {
      end = core + postcodes[0].match.size();
      place.postcode = postcodes[0].postcode;
    }
  }
  if (end == kNpos) end = LandmarkEnd(s, core, limit);
  if (end == kNpos && prep) end = NameRunEnd(s, core, limit);
  if (end == kNpos) {
    Word brand = WordAt(s, core, limit);
    if (!brand.empty() && Fold(s, brand) == "the") brand = WordAt(s, brand.end, limit);
    if (!brand.empty() && In(kBrands, Fold(s, brand))) end = brand.end;
  }
  if (end != kNpos) {
    place.end = end;
    place.town = TownInside(s, place.begin, place.end, gaz);
    return place;
  }
  if (std::optional<Town> town = TownAt(s, core, limit, gaz)) {
    place.end = town->end;
    place.town = std::move(town->name);
    place.town_only = !prep;
    return place;
  }
  return std::nullopt;
}

// A postcode written right after `pos` (", NN17 1AA", "(NN17 1AA)"): its
// end, or kNpos.
// One or two capitalised words may come between (a town the gazetteer does
// not know, or any town when there is no gazetteer: ", Corby NN17 1AA").
size_t PostcodeAfter(std::string_view s, size_t pos, size_t limit, bool skip_names,
                     std::string& postcode) {
  size_t p = Skip(s, pos, limit, ",(");
  for (int words = 0; words <= 2 && p < limit; ++words) {
    const std::vector<PostcodeMatch> found = FindPostcodesInNormalized(s.substr(p, limit - p));
    if (!found.empty() && found[0].offset == 0) {
      postcode = found[0].postcode;
      return p + found[0].match.size();
    }
    const Word w = WordAt(s, p, limit);
    if (!skip_names || !StartsUpper(s, w)) return kNpos;
    p = Skip(s, w.end, limit, ",(");
  }
  return kNpos;
}

// A time written a few words after `pos` ("Corby, 5am", "car park at 4:45",
// "market place daily 5am"): the time and its end.
std::optional<TimeMatch> TimeAfter(std::string_view s, size_t pos, size_t limit,
                                   bool skip_names) {
  static constexpr std::array<std::string_view, 19> kGap = {
      "daily", "every",  "each",   "morning", "mornings", "day",   "days",
      "sharp", "around", "about",  "approx",  "by",       "for",   "start",
      "starts", "leaving", "leaves", "departs", "from"};
  size_t p = pos;
  for (int n = 0; n < 5; ++n) {
    p = Skip(s, p, limit, ",()-");
    if (p >= limit) return std::nullopt;
    if (std::optional<TimeMatch> time = TimeAt(s, p, limit)) return time;
    const Word w = WordAt(s, p, limit);
    // A capitalised word is a town the gazetteer did not take (or there is
    // no gazetteer): "car park, Corby, 5am". Not after a town: "Corby,
    // Kettering at 5am" is a list.
    if (w.empty() || !(In(kGap, Fold(s, w)) || (skip_names && StartsUpper(s, w)))) {
      return std::nullopt;
    }
    p = w.end;
  }
  return std::nullopt;
}

// Words that mean a cue is about parcels or rubbish, not people.
bool ParcelContext(std::string_view s, size_t cue_begin) {
  static constexpr std::array<std::string_view, 16> kParcel = {
      "parcel", "parcels", "click",   "waste",  "rubbish",  "refuse", "bin",     "bins",
      "order",  "orders",  "item",    "items",  "goods",    "package", "packages", "grocery"};
  size_t p = cue_begin;
  for (int n = 0; n < 2; ++n) {
    const size_t b = PrevWordBegin(s, p);
    if (b == p) return false;
    const Word w = WordAt(s, b, p);
    if (In(kParcel, Fold(s, w))) return true;
    p = b;
  }
  return false;
}

// One point before its text is copied out; spans in the normalised text.
struct Found {
  Spot place;
  std::string time;
  size_t begin = 0;  // of the match: the cue, or a time just before it
  size_t end = 0;    // of the match
  size_t cue_begin = 0;
};

// The points a cue at [cue_begin, cue_end) introduces, in order; empty when
// the words after it are not a way to a place.
std::vector<Found> PointsAfterCue(std::string_view s, size_t cue_begin, size_t cue_end,
                                  int kind, const Gazetteer* gaz) {
  const size_t limit = SentenceEnd(s, cue_end);
  static constexpr std::array<std::string_view, 41> kFiller = {
      "point",    "points",  "location",  "locations", "is",       "are",     "will",
      "be",       "daily",   "available", "provided",  "given",    "offered", "free",
      "every",    "each",    "morning",   "mornings",  "day",      "days",    "weekday",
      "weekdays", "leaves",  "leave",     "leaving",   "departs",  "depart",  "departing",
      "runs",     "goes",    "sharp",     "and",       "drop-off", "drop",    "off",
      "early",    "sets",    "set",       "waits",     "stops",    "then"};
  // Verbs that take the place straight after them: "leaves Kettering bus
  // station", "departs Corby railway station". Not after "for" or "to" (a
  // destination: "leaves for the farm").
  static constexpr std::array<std::string_view, 6> kDepartVerbs = {
      "leaves", "leave", "leaving", "departs", "depart", "departing"};
  // Whom the workers meet: "meet the driver at X", "meet your driver outside X".
  static constexpr std::array<std::string_view, 8> kMeetWho = {
      "driver", "drivers", "minibus", "mini-bus", "van", "bus", "coach", "transport"};
  static constexpr std::array<std::string_view, 6> kWhoFor = {"for",     "you",  "workers",
                                                              "staff",   "all",  "everyone"};
  static constexpr std::array<std::string_view, 7> kDestinations = {
      "site", "work", "farm", "factory", "warehouse", "fields", "the"};
  const bool pick_like = kind == kPick || kind == kCollect;
  const bool vehicle_like = kind == kVehicle || kind == kMeeting;
  // Which connectors the words so far allow; a vehicle or a "meet" clause
  // after the cue widens them ("Lifts available, meet your driver outside X").
  bool at_ok = pick_like || vehicle_like || kind == kTransport;
  bool prep_ok = pick_like || vehicle_like;
  bool depart_ok = vehicle_like || kind == kTransport;
  bool after_depart = false;  // the previous word was "leaves"/"departs"
  bool after_break = false;   // a ':', '-' or ',' was crossed
  // "be at X" after a clause break is the worker at X, a pick-up only when a
  // time says when ("be at Corby bus station for 5am"); without one it may be
  // the workplace. "Transport will be at X" is the transport at X.
  bool need_time = false;

  // True when a clause after a ':', '-' or ',' at `pos` tells the workers
  // where to join the transport: "meet ...", "be at ...".
  const auto clause_goes_on = [&](size_t pos) {
    const Word a = WordAt(s, pos, limit);
    const std::string first_word = Fold(s, a);
    if (first_word == "meet") return true;
    const Word b = first_word == "be" ? WordAt(s, a.end, limit) : Word{};
    return !b.empty() && Fold(s, b) == "at";
  };

  std::string cue_time;
  size_t p = cue_end;
  std::optional<Spot> first;
  for (int n = 0; n < 14 && !first; ++n) {
    p = Skip(s, p, limit, "");
    if (p >= limit) return {};
    const bool was_after_depart = after_depart;
    after_depart = false;
    if (s[p] == ':' || s[p] == '-' || s[p] == ',') {
      const size_t next = Skip(s, p + 1, limit, "");
      re2::StringPiece g[2];
      if (VehicleClausePattern().Match(s, next, limit, RE2::ANCHOR_START, g, 2)) {
        // "transport: the minibus leaves ...": the vehicle words are read
        // past, never part of the place.
        p = static_cast<size_t>(g[1].data() + g[1].size() - s.data());
        at_ok = prep_ok = depart_ok = after_break = true;
        continue;
      }
      if (clause_goes_on(next)) {
        p = next;
        after_break = true;
        continue;
      }
      if (s[p] == ',') return {};
      first = ParsePlace(s, p + 1, limit, gaz);
      break;
    }
    if (std::optional<TimeMatch> time = TimeAt(s, p, limit)) {
      if (cue_time.empty()) cue_time = time->time;
      p = time->end;
      continue;
    }
    const Word w = WordAt(s, p, limit);
    if (w.empty()) return {};
    const std::string word = Fold(s, w);
    if (word == "from") {
      // "transport from 5am - meet the van at ...": a time, not a place.
      if (std::optional<TimeMatch> time = TimeAt(s, WordAt(s, w.end, limit).begin, limit)) {
        if (cue_time.empty()) cue_time = time->time;
        p = time->end;
        continue;
      }
      first = ParsePlace(s, w.end, limit, gaz);
      break;
    }
    if (word == "at" && at_ok) {
      first = ParsePlace(s, w.end, limit, gaz);
      break;
    }
    if (word == "in" && pick_like) {
      first = ParsePlace(s, w.end, limit, gaz);
      break;
    }
    if ((IsPreposition(word) || word == "next") && prep_ok) {
      first = ParsePlace(s, w.begin, limit, gaz);
      break;
    }
    if (word == "meet") {
      // "meet the driver at X", "meet us outside X": where the workers join
      // the transport. Not "meet the team" or "meet the driver requirements".
      const Word a = WordAt(s, w.end, limit);
      const std::string who = Fold(s, a);
      p = w.end;
      if (who == "us") {
        p = a.end;
      } else if (who == "the" || who == "your" || who == "our") {
        const Word b = WordAt(s, a.end, limit);
        if (!In(kMeetWho, Fold(s, b))) return {};
        p = b.end;
      }
      at_ok = prep_ok = true;
      continue;
    }
    if (word == "be" && (after_break || !at_ok)) {
      const Word a = WordAt(s, w.end, limit);
      if (!a.empty() && Fold(s, a) == "at") {
        at_ok = need_time = true;
        p = w.end;
        continue;
      }
    }
    if (was_after_depart && !In(kFiller, word) && !In(kWhoFor, word) && word != "to") {
      // "the minibus leaves Kettering bus station": the place is the object.
      first = ParsePlace(s, w.begin, limit, gaz);
      break;
    }
    if (depart_ok && In(kDepartVerbs, word)) after_depart = true;
    if (word == "to") {
      // "to and from X" is a pick-up at X; "to site from X" names the
      // destination first; "to Kettering" alone is a destination.
      Word next = WordAt(s, w.end, limit);
      if (!next.empty() && Fold(s, next) == "and") {
        const Word from = WordAt(s, next.end, limit);
        if (from.empty() || Fold(s, from) != "from") return {};
        p = from.end;
        const Word after = WordAt(s, p, limit);
        if (!after.empty() && In(kDestinations, Fold(s, after))) {  // to and from work
          p = after.end;
          continue;
        }
        first = ParsePlace(s, p, limit, gaz);
        break;
      }
      for (int k = 0; k < 2 && !next.empty() && In(kDestinations, Fold(s, next)); ++k) {
        p = next.end;
        next = WordAt(s, p, limit);
      }
      if (p == w.begin) return {};  // "transport to Kettering": a destination
      continue;
    }
    if (kind == kMeeting && !In(kFiller, word)) {
      first = ParsePlace(s, w.begin, limit, gaz);
      break;
    }
    if (!In(kFiller, word) && !In(kWhoFor, word)) return {};
    p = w.end;
  }
  if (!first) return {};

  std::vector<Found> out;
  std::optional<Spot> place = std::move(first);
  while (place && out.size() < 8) {
    Found found;
    found.cue_begin = cue_begin;
    found.begin = cue_begin;
    size_t end = place->end;
    // A town right after the place: "the Tesco car park, Corby", "outside
    // McDonald's in Wellingborough".
    if (place->town.empty()) {
      size_t t = Skip(s, end, limit, ",(-");
      const Word in = WordAt(s, t, limit);
      if (!in.empty() && (Fold(s, in) == "in" || Fold(s, in) == "nr")) t = in.end;
      if (std::optional<Town> town = TownAt(s, t, limit, gaz)) {
        place->town = std::move(town->name);
        end = town->end;
      }
    }
    if (place->postcode.empty()) {
      const size_t postcode_end =
          PostcodeAfter(s, end, limit, place->town.empty(), place->postcode);
      if (postcode_end != kNpos) end = postcode_end;
    }
    // "from Corby at the bus station": the landmark is the place, in the town.
    if (place->town_only) {
      const size_t r = Skip(s, end, limit, ",(-");
      const Word at = WordAt(s, r, limit);
      if (!at.empty() && (Fold(s, at) == "at" || IsPreposition(Fold(s, at)))) {
        std::optional<Spot> landmark =
            ParsePlace(s, Fold(s, at) == "at" ? at.end : at.begin, limit, gaz);
        if (landmark && !landmark->town_only &&
            (landmark->town.empty() || landmark->town == place->town)) {
          landmark->town = place->town;
          if (landmark->postcode.empty()) landmark->postcode = place->postcode;
          place = std::move(landmark);
          end = place->end;
        }
      }
    }
    if (std::optional<TimeMatch> time = TimeAfter(s, end, limit, place->town.empty())) {
      found.time = time->time;
      end = time->end;
    }
    found.place = std::move(*place);
    found.end = end;
    out.push_back(std::move(found));

    // Another place in a list: "from Corby, Kettering and Wellingborough".
    place.reset();
    size_t q = Skip(s, end, limit, ",&/");
    const Word joint = WordAt(s, q, limit);
    if (!joint.empty() && (Fold(s, joint) == "and" || Fold(s, joint) == "or")) q = joint.end;
    if (q > end) place = ParsePlace(s, q, limit, gaz);
  }
  // A time said once for the list ("from Corby and Kettering at 5am") or
  // before the place ("picked up at 5.30am from ...").
  const std::string shared = !cue_time.empty() ? cue_time : out.back().time;
  for (Found& found : out) {
    if (found.time.empty()) found.time = shared;
  }
  if (need_time && out.front().time.empty()) return {};
  return out;
}

}  // namespace

std::vector<PickupPoint> FindPickupPoints(std::string_view text, const Gazetteer* gazetteer) {
  const NormalizedText norm = NormalizeForMatching(text);
  const std::string_view s = norm.text;
  const RE2& cue = CuePattern();
  std::vector<Found> found;
  re2::StringPiece g[kCueKinds];
  size_t pos = 0;
  while (pos < s.size() && cue.Match(s, pos, s.size(), RE2::UNANCHORED, g, kCueKinds)) {
    const size_t cue_begin = static_cast<size_t>(g[0].data() - s.data());
    const size_t cue_end = cue_begin + g[0].size();
    pos = cue_end;
    int kind = 0;
    for (int k = 1; k < kCueKinds; ++k) {
      if (g[k].data() != nullptr) kind = k;
    }
    const std::string lower = ToLowerAscii(std::string_view(g[0].data(), g[0].size()));
    // "own transport", "public transport", "forklift": not the employer's.
    if (lower.starts_with("own") || lower.starts_with("public") || lower.starts_with("fork")) {
      continue;
    }
    if ((kind == kCollect || kind == kPick) && ParcelContext(s, cue_begin)) continue;
    std::vector<Found> points = PointsAfterCue(s, cue_begin, cue_end, kind, gazetteer);
    if (points.empty()) continue;
    // "5am pick-up from ...": a time just before the cue.
    const size_t before = PrevWordBegin(s, cue_begin);
    if (before < cue_begin && cue_begin - before <= 12) {
      const std::optional<TimeMatch> time = TimeAt(s, before, cue_begin);
      if (time && Skip(s, time->end, cue_begin, "") == cue_begin) {
        for (Found& point : points) {
          point.begin = before;
          if (point.time.empty()) point.time = time->time;
        }
      }
    }
    for (Found& point : points) {
      pos = std::max(pos, point.end);
      found.push_back(std::move(point));
    }
  }

  // "transport from Northampton (pick up at the railway station)": the
  // second cue names the spot in the first one's town; one point.
  std::vector<Found> merged;
  for (Found& point : found) {
    if (!merged.empty()) {
      Found& prev = merged.back();
      if (prev.place.town_only && point.place.town.empty() && point.cue_begin >= prev.end &&
          point.cue_begin - prev.end <= 4 &&
          Skip(s, prev.end, point.cue_begin, "(,-:") == point.cue_begin) {
        point.place.town = prev.place.town;
        if (point.place.postcode.empty()) point.place.postcode = prev.place.postcode;
        if (point.time.empty()) point.time = prev.time;
        point.begin = prev.begin;
        prev = std::move(point);
        continue;
      }
    }
    merged.push_back(std::move(point));
  }

  std::vector<PickupPoint> out;
  out.reserve(merged.size());
  for (const Found& point : merged) {
    PickupPoint result;
    result.place = std::string(norm.OriginalSpan(text, point.place.begin, point.place.end));
    result.town = point.place.town;
    result.postcode = point.place.postcode;
    result.time = point.time;
    result.match = std::string(norm.OriginalSpan(text, point.begin, point.end));
    result.offset = norm.ToOriginal(point.begin);
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace plainsight
