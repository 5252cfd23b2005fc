#include "extractors/gazetteer.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_set>

#include "core/strings.h"
#include "extractors/postcodes.h"

namespace plainsight {
namespace {

// The columns every file has, first and in this order; `lat` and `lon` may
// follow (together, either order), found by name.
constexpr std::string_view kHeader = "name\tcounty\tregion\tpostcode_areas\tkind";
constexpr size_t kRequiredColumns = 5;

// Every place in the file lies in this box around Great Britain, Northern
// Ireland and the Isles (Scilly to Unst, Fermanagh to Lowestoft): a value
// outside it is a typo or a swapped lat/lon, not a place an advert names.
constexpr double kMinLat = 49.8;
constexpr double kMaxLat = 60.95;
constexpr double kMinLon = -8.7;
constexpr double kMaxLon = 1.8;

// Place names that are also everyday words or first names. Alone they are
// noise ("a relaxing bath", "March 2025", "ask for Sandy"), so they must
// pass the capitalisation rules in gazetteer.h.
constexpr std::string_view kCommonWords[] = {
    "alford", "arnold", "barking",    "barry",  "bath",  "battle", "bourne", "brandon", "buckley",
    "bury",   "chard",  "deal",       "derby",  "diss",  "fleet",  "flint",  "grays",   "hamilton",
    "harrow", "hull",   "hyde",       "irvine", "leek",  "leigh",  "looe",   "march",   "mold",
    "quorn",  "ramsey", "reading",    "ripley", "rugby", "rye",    "sale",   "sandy",   "stone",
    "street", "sutton", "wellington", "wells",  "ware",  "wick"};

// A place name followed by one of these is a street ("London Road").
constexpr std::string_view kStreetWords[] = {"road",    "rd",     "street", "lane",
                                             "avenue",  "ave",    "drive",  "crescent",
                                             "terrace", "square", "circus"};

// Words that may precede a capitalised common-word name ("Visiting Bath").
constexpr std::string_view kPlaceCues[] = {"in",       "near",   "nr",      "from",     "visiting",
                                           "central",  "around", "outcall", "outcalls", "incall",
                                           "incalls",  "based",  "located", "to",       "at",
                                           "covering", "serving"};

// Words after which a capitalised common word is not the place: a person
// ("I'm Sandy"), an object ("a Deal", "on Sale"), a date ("in March").
constexpr std::string_view kNotPlaceBefore[] = {
    "im",  "am",  "is", "called", "named", "miss", "mrs",  "ms",    "mr",     "a",
    "an",  "the", "my", "your",   "our",   "his",  "her",  "their", "this",   "that",
    "for", "on",  "of", "no",     "great", "good", "best", "big",   "special"};
constexpr std::string_view kMonthBefore[] = {"in",    "from",  "since",  "until",  "till", "by",
                                             "early", "late",  "mid",    "during", "next", "last",
                                             "end",   "start", "before", "after"};

template <size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// UTF-8 sequences the word scanner treats specially.
constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’ as an apostrophe
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";

// Length of the separator at `pos` that may sit inside a place name (space,
// hyphen, dot, dashes, no-break space), or 0.
size_t JoinerLength(std::string_view text, size_t pos) {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '-' || c == '.') return 1;
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
  if (rest.starts_with(kEnDash) || rest.starts_with(kEmDash)) return kEnDash.size();
  return 0;
}

// Length of an apostrophe at `pos` (' or ’), or 0.
size_t ApostropheLength(std::string_view text, size_t pos) {
  if (text[pos] == '\'') return 1;
  if (text.substr(pos).starts_with(kRightQuote)) return kRightQuote.size();
  return 0;
}

// Length of a non-ASCII punctuation character at `pos`, or 0: Latin-1
// symbols (U+0080..U+00BF: no-break space, guillemets, pound sign) and
// General Punctuation (U+2000..U+206F: dashes, curly quotes, bullets).
size_t PunctuationLength(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead == 0xC2 && pos + 1 < text.size()) return 2;
  if (lead == 0xE2 && pos + 2 < text.size()) {
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if (second == 0x80 || second == 0x81) return 3;
  }
  return 0;
}

bool IsWordByte(std::string_view text, size_t pos) {
  if (static_cast<unsigned char>(text[pos]) < 0x80) return IsAsciiAlnum(text[pos]);
  return PunctuationLength(text, pos) == 0;
}

// "Northampton's" or "Northampton’s".
bool EndsWithPossessive(std::string_view word) {
  if (word.size() < 3 || (word.back() != 's' && word.back() != 'S')) return false;
  const std::string_view stem = word.substr(0, word.size() - 1);
  return stem.back() == '\'' || (stem.size() > kRightQuote.size() &&
                                 stem.substr(stem.size() - kRightQuote.size()) == kRightQuote);
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
  std::string folded;              // lower case, apostrophes dropped
  std::string without_possessive;  // "northampton" for "Northampton's", else empty
  bool title_case = false;         // "Bath", not "bath" or "BATH"
  bool sentence_start = false;
  bool joined_to_next = false;  // only name-internal separators before the next word
};

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t pos = 0;
  bool sentence_start = true;
  while (pos < text.size()) {
    if (!IsWordByte(text, pos)) {
      const char c = text[pos];
      if (c == '!' || c == '?' || c == '\n') sentence_start = true;
      // A dot ends a sentence unless it follows an abbreviation ("Nr.", "St.").
      const bool full_stop =
          c == '.' && (words.empty() || words.back().end != pos || words.back().folded.size() > 2);
      if (full_stop) sentence_start = true;
      const size_t joiner = full_stop ? 0 : JoinerLength(text, pos);
      if (joiner == 0 && !words.empty()) words.back().joined_to_next = false;
      pos += std::max<size_t>({joiner, PunctuationLength(text, pos), 1});
      continue;
    }
    Word word;
    word.begin = pos;
    word.sentence_start = sentence_start;
    sentence_start = false;
    bool letters_after_first_are_lower = true;
    while (pos < text.size()) {
      if (IsWordByte(text, pos)) {
        const char c = text[pos];
        if (pos != word.begin && IsAsciiUpper(c)) letters_after_first_are_lower = false;
        word.folded.push_back(AsciiLower(c));
        ++pos;
        continue;
      }
      const size_t apostrophe = ApostropheLength(text, pos);
      if (apostrophe == 0 || pos + apostrophe >= text.size() ||
          !IsWordByte(text, pos + apostrophe)) {
        break;
      }
      pos += apostrophe;
    }
    word.end = pos;
    word.title_case = IsAsciiUpper(text[word.begin]) && letters_after_first_are_lower;
    if (EndsWithPossessive(text.substr(word.begin, pos - word.begin))) {
      word.without_possessive = word.folded.substr(0, word.folded.size() - 1);
    }
    // Joined until a separator that cannot sit inside a name says otherwise.
    word.joined_to_next = true;
    words.push_back(std::move(word));
  }
  if (!words.empty()) words.back().joined_to_next = false;
  return words;
}

// The lookup key for a name as written in the file: folded words joined by
// one space. Empty when the name has no words.
std::string NameKey(std::string_view name) {
  std::string key;
  for (const Word& word : SplitWords(name)) {
    if (!key.empty()) key.push_back(' ');
    key += word.folded;
  }
  return key;
}

// std::isspace's set in the "C" locale, which this file has always trimmed
// with: IsAsciiSpace and \v.
std::string_view Trim(std::string_view s) {
  return TrimAsciiIf(s, [](char c) { return IsAsciiSpace(c) || c == '\v'; });
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t pos = 0; pos <= s.size(); ++pos) {
    if (pos == s.size() || s[pos] == separator) {
      parts.push_back(s.substr(start, pos - start));
      start = pos + 1;
    }
  }
  return parts;
}

bool IsPostcodeArea(std::string_view area) {
  if (area.empty() || area.size() > 2) return false;
  return std::all_of(area.begin(), area.end(), IsAsciiUpper);
}

bool StartsWithDigit(const Word& word) { return IsAsciiDigit(word.folded.front()); }

// Whether a common-word name at words[i] reads as the place.
bool CommonWordIsPlace(const std::vector<Word>& words, size_t i) {
  const Word& word = words[i];
  if (!word.title_case || word.sentence_start) return false;
  if (i > 0) {
    const Word& before = words[i - 1];
    if (Contains(kNotPlaceBefore, before.folded)) return false;
    if (before.joined_to_next && before.title_case && !Contains(kPlaceCues, before.folded)) {
      return false;
    }
    // "5th March", "in March": the month.
    if (word.folded == "march" &&
        (Contains(kMonthBefore, before.folded) || StartsWithDigit(before))) {
      return false;
    }
  }
  if (word.joined_to_next && i + 1 < words.size()) {
    const Word& after = words[i + 1];
    if (after.title_case || StartsWithDigit(after))
      return false;  // "Reading Festival", "March 2025"
  }
  return true;
}

void AddUnique(std::vector<std::string>& out, std::string value) {
  if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
}

// Where the optional columns sit in a row; npos when the header has none.
struct Columns {
  size_t count = kRequiredColumns;
  size_t lat = std::string_view::npos;
  size_t lon = std::string_view::npos;
};

// The columns named by a header line, or an error after `where`.
Result<Columns> ParseHeader(std::string_view line, const std::string& where) {
  if (!line.starts_with(kHeader) ||
      (line.size() > kHeader.size() && line[kHeader.size()] != '\t')) {
    return Status::InvalidArgument(
        where + "expected header name, county, region, postcode_areas, kind (tab-separated)");
  }
  const std::vector<std::string_view> names = Split(line, '\t');
  Columns columns;
  columns.count = names.size();
  for (size_t i = kRequiredColumns; i < names.size(); ++i) {
    size_t* slot = names[i] == "lat" ? &columns.lat : names[i] == "lon" ? &columns.lon : nullptr;
    // An unknown name is most likely a misspelt lat/lon ("latitude"), which
    // would otherwise load silently without coordinates.
    if (slot == nullptr) {
      return Status::InvalidArgument(where + "unknown column '" + std::string(names[i]) +
                                     "' (after kind only lat and lon)");
    }
    if (*slot != std::string_view::npos) {
      return Status::InvalidArgument(where + "column '" + std::string(names[i]) + "' twice");
    }
    *slot = i;
  }
  if ((columns.lat == std::string_view::npos) != (columns.lon == std::string_view::npos)) {
    return Status::InvalidArgument(where + "header needs both lat and lon, or neither");
  }
  return columns;
}

// A decimal number as written in the file: optional '-', digits, optionally
// '.' and digits. Stricter than from_chars alone, which would also take
// "nan", "inf" and exponents: none of them is a coordinate anyone meant.
std::optional<double> ParseDecimal(std::string_view text) {
  size_t pos = text.starts_with('-') ? 1 : 0;
  const size_t int_begin = pos;
  while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
  if (pos == int_begin) return std::nullopt;
  if (pos < text.size() && text[pos] == '.') {
    const size_t frac_begin = ++pos;
    while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
    if (pos == frac_begin) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "52.237" for an error message: the value as read, rounded as the file
// writes it.
std::string FormatDegrees(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// Reads one coordinate field into `out`, or returns an error after `where`.
Status ParseCoordinate(std::string_view field, const char* column, double min, double max,
                       const std::string& where, double& out) {
  const std::optional<double> value = ParseDecimal(field);
  if (!value) {
    return Status::InvalidArgument(where + column + " is not a decimal number: '" +
                                   std::string(field) + "'");
  }
  // Written so that a NaN would fail too, though ParseDecimal gives none.
  if (!(*value >= min && *value <= max)) {
    return Status::InvalidArgument(where + column + " " + FormatDegrees(*value) +
                                   " is outside the UK and Ireland (" + FormatDegrees(min) + ".." +
                                   FormatDegrees(max) + ")");
  }
  out = *value;
  return Status::OK();
}

}  // namespace

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& tsv_path) {
  std::ifstream in(tsv_path, std::ios::binary);
  if (!in) return Status::IoError(tsv_path + ": cannot read gazetteer: " + std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return Status::IoError(tsv_path + ": cannot read gazetteer");
  return Parse(contents.str(), tsv_path);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Parse(std::string_view tsv,
                                                          const std::string& source_name) {
  std::shared_ptr<Gazetteer> gazetteer(new Gazetteer());
  bool seen_header = false;
  Columns columns;
  std::unordered_set<std::string> name_and_county;
  const std::vector<std::string_view> lines = Split(tsv, '\n');
  for (size_t index = 0; index < lines.size(); ++index) {
    std::string_view line = lines[index];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::string where = source_name + ":" + std::to_string(index + 1) + ": ";
    if (!seen_header) {
      Result<Columns> header = ParseHeader(line, where);
      if (!header.ok()) return header.status();
      columns = *header;
      seen_header = true;
      continue;
    }
    const std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() != columns.count) {
      return Status::InvalidArgument(where + "expected " + std::to_string(columns.count) +
                                     " tab-separated fields, got " + std::to_string(fields.size()));
    }
    Place place;
    const std::vector<std::string_view> names = Split(fields[0], '|');
    for (std::string_view name : names) {
      if (NameKey(Trim(name)).empty()) return Status::InvalidArgument(where + "empty name");
    }
    place.name = std::string(Trim(names[0]));
    for (size_t i = 1; i < names.size(); ++i) place.other_names.emplace_back(Trim(names[i]));
    place.county = std::string(Trim(fields[1]));
    place.region = std::string(Trim(fields[2]));
    if (place.county.empty()) return Status::InvalidArgument(where + "empty county");
    if (place.region.empty()) return Status::InvalidArgument(where + "empty region");
    for (std::string_view area : Split(Trim(fields[3]), ' ')) {
      if (area.empty()) continue;
      const std::string upper = ToUpperAscii(area);
      if (!IsPostcodeArea(upper)) {
        return Status::InvalidArgument(where + "bad postcode area '" + std::string(area) + "'");
      }
      place.postcode_areas.push_back(upper);
    }
    if (place.postcode_areas.empty()) {
      return Status::InvalidArgument(where + "no postcode area");
    }
    place.kind = std::string(Trim(fields[4]));
    if (place.kind != "city" && place.kind != "town") {
      return Status::InvalidArgument(where + "kind must be city or town, got '" + place.kind + "'");
    }
    if (columns.lat != std::string_view::npos) {
      const std::string_view lat = Trim(fields[columns.lat]);
      const std::string_view lon = Trim(fields[columns.lon]);
      // Both empty: a row added before anyone looked its centre up. One
      // alone is a slip, and half a coordinate places nothing.
      if (lat.empty() != lon.empty()) {
        return Status::InvalidArgument(where + "lat and lon must both be given or both be empty");
      }
      if (!lat.empty()) {
        double lat_value = 0;
        double lon_value = 0;
        Status status = ParseCoordinate(lat, "lat", kMinLat, kMaxLat, where, lat_value);
        if (status.ok()) status = ParseCoordinate(lon, "lon", kMinLon, kMaxLon, where, lon_value);
        if (!status.ok()) return status;
        place.lat = lat_value;
        place.lon = lon_value;
      }
    }
    if (!name_and_county.insert(NameKey(place.name) + "\t" + place.county).second) {
      return Status::InvalidArgument(where + "duplicate place '" + place.name + "' in " +
                                     place.county);
    }

    const size_t place_index = gazetteer->places_.size();
    for (std::string_view name : names) {
      const std::string key = NameKey(Trim(name));
      const size_t word_count = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
      size_t& longest = gazetteer->longest_name_by_first_word_[key.substr(0, key.find(' '))];
      longest = std::max(longest, word_count);
      // First row wins a shared name, as it wins a shared postcode area.
      gazetteer->names_.emplace(key, Name{place_index, Contains(kCommonWords, key)});
    }
    for (const std::string& area : place.postcode_areas) {
      gazetteer->main_place_by_area_.emplace(area, place_index);
    }
    gazetteer->places_.push_back(std::move(place));
  }
  if (!seen_header) return Status::InvalidArgument(source_name + ": missing header");
  return std::shared_ptr<const Gazetteer>(std::move(gazetteer));
}

std::vector<std::string> Gazetteer::FindPlaces(std::string_view text) const {
  return Match(text, /*location_field=*/false);
}

std::vector<std::string> Gazetteer::FindPlacesInLocation(std::string_view field) const {
  return Match(field, /*location_field=*/true);
}

std::vector<std::string> Gazetteer::Match(std::string_view text, bool location_field) const {
  std::vector<std::string> found;
  const std::vector<Word> words = SplitWords(text);
  std::string key;
  size_t i = 0;
  while (i < words.size()) {
    // Names that can start here: none, or up to `longest` words long. A
    // possessive ("Northampton's") can only end a name.
    size_t longest = 0;
    auto first = longest_name_by_first_word_.find(words[i].folded);
    if (first != longest_name_by_first_word_.end()) {
      longest = std::min(first->second, words.size() - i);
    } else if (!words[i].without_possessive.empty() &&
               longest_name_by_first_word_.count(words[i].without_possessive) != 0) {
      longest = 1;
    }
    size_t matched_words = 0;
    for (size_t n = longest; n >= 1 && matched_words == 0; --n) {
      key.clear();
      bool joined = true;
      for (size_t k = i; k + 1 < i + n; ++k) {
        joined = joined && words[k].joined_to_next;
        key += words[k].folded;
        key.push_back(' ');
      }
      if (!joined) continue;
      const Word& last = words[i + n - 1];
      const size_t stem = key.size();
      key += last.folded;
      auto it = names_.find(key);
      if (it == names_.end() && !last.without_possessive.empty()) {
        key.resize(stem);
        key += last.without_possessive;
        it = names_.find(key);
      }
      if (it == names_.end()) continue;
      const size_t next = i + n;
      if (last.joined_to_next && next < words.size() &&
          Contains(kStreetWords, words[next].folded)) {
        continue;
      }
      if (it->second.common_word && !location_field && !CommonWordIsPlace(words, i)) continue;
      AddUnique(found, places_[it->second.place].name);
      matched_words = n;
    }
    i += std::max<size_t>(matched_words, 1);
  }
  return found;
}

const Place* Gazetteer::Find(std::string_view name) const {
  const auto it = names_.find(NameKey(Trim(name)));
  return it == names_.end() ? nullptr : &places_[it->second.place];
}

std::string Gazetteer::MainPlaceForPostcodeArea(std::string_view area) const {
  const auto it = main_place_by_area_.find(ToUpperAscii(Trim(area)));
  return it == main_place_by_area_.end() ? std::string() : places_[it->second].name;
}

std::vector<std::string> TownsForAdvert(const Gazetteer& gazetteer, std::string_view location_field,
                                        std::string_view text,
                                        const std::vector<std::string>& postcodes) {
  std::vector<std::string> towns;
  const std::string_view location = Trim(location_field);
  if (!location.empty()) {
    if (const Place* place = gazetteer.Find(location)) {
      AddUnique(towns, place->name);
    } else {
      std::vector<std::string> named = gazetteer.FindPlacesInLocation(location);
      if (named.empty()) named.emplace_back(location);
      for (std::string& town : named) AddUnique(towns, std::move(town));
    }
  }
  for (std::string& town : gazetteer.FindPlaces(text)) AddUnique(towns, std::move(town));
  for (const std::string& postcode : postcodes) {
    std::string town = gazetteer.MainPlaceForPostcodeArea(PostcodeArea(Trim(postcode)));
    if (!town.empty()) AddUnique(towns, std::move(town));
  }
  return towns;
}

}  // namespace plainsight
